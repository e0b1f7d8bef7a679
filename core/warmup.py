"""Compile (or load from numba's cache) every kernel before the GUI needs it.

``warm_all()`` imports each core module that owns kernels and calls its ``warmup()``, which
runs every kernel once with the dtypes and layouts the public API uses. The desktop app runs
it in a background thread at start-up, so no GUI-thread call ever waits for a compile.
"""
from __future__ import annotations

import importlib
import time

#: modules whose ``warmup()`` compiles their kernels, cheapest first.
MODULES = (
    "core.activations",
    "core.losses",
    "core.optimizers",
    "core.mlp",
    "core.datasets",
    "core.landscapes",
    "core.perceptron",
)


def warm_all(progress=None) -> dict[str, float]:
    """Warm every module's kernels; returns seconds spent per module.

    ``progress(i, n, module)`` is called before each module (for a status indicator).
    """
    timings: dict[str, float] = {}
    for i, name in enumerate(MODULES):
        if progress is not None:
            progress(i, len(MODULES), name)
        start = time.perf_counter()
        module = importlib.import_module(name)
        warm = getattr(module, "warmup", None)
        if warm is not None:
            warm()
        timings[name] = time.perf_counter() - start
    return timings
