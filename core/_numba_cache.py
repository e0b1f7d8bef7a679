"""numba cache locators: one for the frozen (PyInstaller) app, one for the source tree.

Frozen modules carry a *relative* ``co_filename`` (e.g. ``core/_kernels/mlp.py``), so numba's
own locators put the cache in a folder that depends on the working directory, or inside the
read-only app folder, and the user-provided one ignores ``NUMBA_CACHE_DIR`` there. This
locator puts every kernel's cache under the user's cache folder instead, keyed by the
module's relative path. Its source stamp is the one the app was built with
(``core._kernel_bundle``), which also lets the app ship a compiled cache; without one, the
executable itself (as numba does), so a rebuilt app recompiles once.

Enabled by ``desktop.app`` (only when ``sys.frozen``) through
``NUMBA_CACHE_LOCATOR_CLASSES=core._numba_cache.FrozenCacheLocator`` before numba is imported.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from numba.core.caching import (
    CacheImpl,
    InTreeCacheLocator,
    _CacheLocator,
    _SourceFileBackedLocatorMixin,
)

from core._kernel_bundle import KERNELS_DIR, current_stamp, kernels_stamp, user_cache_dir


def _subpath(py_file: str) -> str:
    """A stable folder name for a module, independent of the working directory."""
    rel = py_file.replace("\\", "/")
    for marker in ("core/",):
        if marker in rel:
            rel = rel[rel.rindex(marker):]
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", rel.removesuffix(".py"))


class FrozenCacheLocator(_SourceFileBackedLocatorMixin, _CacheLocator):
    def __init__(self, py_func, py_file):
        self._py_file = py_file
        self._lineno = py_func.__code__.co_firstlineno
        self._cache_path = str(user_cache_dir() / _subpath(py_file))

    def get_cache_path(self):
        return self._cache_path

    def get_source_stamp(self):
        # the stamp the app was built with (``core._kernel_bundle``: kernel sources and
        # versions), so that the cache shipped inside the app matches; else, frozen: the
        # executable (as numba does); from source (tests): the module file
        stamp = current_stamp()
        if stamp is not None:
            return stamp
        path = sys.executable if getattr(sys, "frozen", False) else self._py_file
        st = os.stat(path)
        return (st.st_mtime, st.st_size)

    @classmethod
    def from_function(cls, py_func, py_file):
        self = cls(py_func, py_file)
        try:
            self.ensure_cache_path()
        except OSError:
            return None  # read-only home: numba falls back to compiling without a cache
        return self


class KernelTreeLocator(InTreeCacheLocator):
    """numba's in-tree cache (``__pycache__``), but stale as soon as ANY kernel file changes.

    numba stamps a cached kernel with its own source file only, so a kernel that calls a
    function from another file (the MLP kernel calls ``act_value`` and ``opt_step``) would
    keep running stale compiled code after that other file is edited. Stamping with every
    file in ``core/_kernels`` makes any edit there recompile every kernel once.
    ``NUMBA_CACHE_DIR``, when set, is honoured as by numba's own locators (the benchmark
    measures a cold compile with an empty one).
    """

    def __init__(self, py_func, py_file):
        super().__init__(py_func, py_file)
        from numba.core import config

        if config.CACHE_DIR:
            self._cache_path = os.path.join(config.CACHE_DIR, _subpath(py_file))

    @classmethod
    def from_function(cls, py_func, py_file):
        if Path(py_file).resolve().parent != KERNELS_DIR:
            return None
        return super().from_function(py_func, py_file)

    def get_source_stamp(self):
        return kernels_stamp()


def install_kernel_tree_locator() -> None:
    """Put ``KernelTreeLocator`` first in numba's default locators (idempotent). Frozen apps
    set ``NUMBA_CACHE_LOCATOR_CLASSES`` instead, which replaces the defaults entirely."""
    if KernelTreeLocator not in CacheImpl._locator_classes:
        CacheImpl._locator_classes.insert(0, KernelTreeLocator)
