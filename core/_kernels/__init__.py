"""Numba kernels: ``@njit(cache=True)`` functions of arrays and numbers only.

No classes, no strings: the public modules in ``core`` map names to the integer ids below.
"""
