"""Numba kernels: ``@njit(cache=True)`` functions of arrays and numbers only.

No classes, no strings: the public modules in ``core`` map names to the integer ids below.
"""

from core._numba_cache import install_kernel_tree_locator

# Any edit to a kernel file invalidates every cached kernel (they call each other).
install_kernel_tree_locator()
