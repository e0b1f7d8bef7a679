"""Compile (or load from numba's cache) every kernel before the GUI needs it.

``warm_all()`` imports each core module that owns kernels and calls its ``warmup()``, which
runs every kernel once with the dtypes and layouts the public API uses. The desktop app runs
it in a background thread at start-up, so no GUI-thread call ever waits for a compile.
"""
from __future__ import annotations

import importlib
import time

#: the core modules, in the order they are warmed: the ones a tab waits for soonest first.
#: The Gradient-descent tab needs only ``core.optimizers`` (about a tenth of the cold
#: compile); ``core.mlp``, by far the longest, comes last. The Perceptron and
#: Backpropagation tabs use no compiled kernel at all.
MODULES = (
    "core.optimizers",
    "core.landscapes",
    "core.perceptron",
    "core.activations",
    "core.losses",
    "core.datasets",
    "core.mlp",
)


#: the modules a running ``warm_all`` has not finished yet (empty when none runs)
_pending: set[str] = set()


def is_warm(*modules: str) -> bool:
    """Whether the kernels of ``modules`` may be called now without compiling them on the
    calling thread: False only while a running ``warm_all`` (in the app, on its own
    thread) has still to reach one of them. With no warm-up running, the first call
    compiles or loads a kernel as numba always does."""
    return _pending.isdisjoint(modules)


def warm_all(progress=None, done=None) -> dict[str, float]:
    """Warm every module's kernels; returns seconds spent per module.

    ``progress(i, n, module)`` is called before each module (for a status indicator) and
    ``done(module)`` after it, once every kernel of that module may be called.
    """
    timings: dict[str, float] = {}
    _pending.update(MODULES)
    try:
        for i, name in enumerate(MODULES):
            if progress is not None:
                progress(i, len(MODULES), name)
            start = time.perf_counter()
            module = importlib.import_module(name)
            warm = getattr(module, "warmup", None)
            if warm is not None:
                warm()
            timings[name] = time.perf_counter() - start
            _pending.discard(name)
            if done is not None:
                done(name)
    finally:
        _pending.clear()
    return timings
