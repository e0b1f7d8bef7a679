"""Start-up: time to a visible window and to a usable tab.

Runs ``python -m desktop.app --startup-probe`` offscreen in a subprocess and reads the times
it prints, measured from the start of the interpreter's ``desktop.app`` import, plus the
interpreter start-up measured here around the process. With a warm cache (after one run that
fills it): the trainer, which waits for every kernel. With an empty cache (a first start):
the Perceptron tab (no kernel) and the Gradient-descent tab (the optimizers' kernels); when
``make app`` has been run, the packaged app's Trainer tab at its first start.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


APP = ROOT / "dist" / "neuralab" / "neuralab"  # `make app`


def _probe(env, tab="trainer", command=(sys.executable, "-m", "desktop.app")):
    start = time.perf_counter()
    out = subprocess.run([*command, "--startup-probe", "--tab", tab], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("window_shown_s=")][-1]
    values = dict(item.split("=") for item in line.split())
    return values, wall


def _python_startup(env) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return time.perf_counter() - start


def run() -> list[dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               NEURALAB_DATA_DIR=str(ROOT / "build" / "bench-userdata"))
    _probe(env)  # fill the cache
    interp = _python_startup(env)
    best = None
    for _ in range(3):
        values, _wall = _probe(env)
        shown = float(values["window_shown_s"]) + interp
        ready = float(values["tabs_ready_s"]) + interp
        if best is None or ready < best[1]:
            best = (shown, ready)
    shown, ready = best
    cold = []  # a first start: the tabs that need few kernels open long before the others
    for tab, title in (("perceptron", "Perceptron"), ("descent", "Gradient descent")):
        with tempfile.TemporaryDirectory() as cache:
            values, _wall = _probe(dict(env, NUMBA_CACHE_DIR=cache), tab)
        cold.append({"name": f"start-up: {title} tab usable (empty cache, first start)",
                     "value": float(values["tabs_ready_s"]) + interp, "unit": "s",
                     "target": "(informative)", "ok": True})
    if APP.exists():  # the packaged app ships its kernels compiled (core/_kernel_bundle.py)
        with tempfile.TemporaryDirectory() as cache:
            values, wall = _probe(dict(env, NEURALAB_CACHE_DIR=cache), "trainer", (str(APP),))
        cold.append({"name": "start-up: packaged app, Trainer tab usable (first start)",
                     "value": wall, "unit": "s", "target": "(informative)", "ok": True,
                     "note": "process start to a usable tab; empty user cache"})
    return cold + [
        {"name": "start-up: window visible (warm cache)", "value": shown, "unit": "s",
         "target": "< 1.0 s", "ok": shown < 1.0},
        {"name": "start-up: tab usable (warm cache)", "value": ready, "unit": "s",
         "target": "< 2.0 s", "ok": ready < 2.0},
    ]
