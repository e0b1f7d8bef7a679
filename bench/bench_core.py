"""core/ speed: microseconds per training step, side by side with numpy and PyTorch.

Each implementation runs the same thing: whole epochs of shuffled mini-batches (forward,
backward, optimizer step) and the epoch's loss as ``MLP.train_epochs`` returns it (the mean
of the batches' losses, as PyTorch tutorials and Keras report it); a step's time is the
epoch's time over its number of mini-batches. Every timing is the best of a few repeats (the
machine is shared), in one process; core and PyTorch take turns, so that a slow spell of
the machine slows both. PyTorch runs on the CPU with one thread in float64; it is skipped
with a note when it is not installed (``pip install .[bench]``).

* TensorFlow Playground's default: 2-4-2-1 tanh, mse (½ (o − t)²), 250 circle points,
  batch 10, SGD lr 0.03: core >= 100x PyTorch and >= 10x the numpy reference.
* A digits-sized network: 64-128-64-10 ReLU, softmax cross-entropy, Adam, batch 32, 1,797
  samples: core >= 4x PyTorch.
* Every neuron's output of a 6 x 8 tanh network on a 100 x 100 grid: < 1 ms.
* Cold compile of every core kernel with an empty cache (a subprocess with a temporary
  NUMBA_CACHE_DIR): < 5 s; the same with the cache warm: < 0.5 s.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from core.mlp import MLP, one_hot
from core.mlp_reference import ReferenceMLP
from core.optimizers import create

ROOT = Path(__file__).resolve().parents[1]


def _times_each(*fns, repeats: int) -> list[list[float]]:
    """Every time of each function, timed in turn (a b a b …, so that a slow spell of the
    machine slows all of them) after one warm-up call each (compile, caches)."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - start)
    return times


def _best_each(*fns, repeats: int) -> list[float]:
    return [min(t) for t in _times_each(*fns, repeats=repeats)]


def _best(fn, repeats: int) -> float:
    return _best_each(fn, repeats=repeats)[0]


def _circle(n=500, seed=0):
    try:
        from core.datasets import generate, train_test_split
        X, y = generate("circle", n=n, noise=0.0, seed=seed)
        X, y, _, _ = train_test_split(X, y, train_ratio=0.5, seed=seed)
    except ImportError:  # the datasets module is optional here
        rng = np.random.default_rng(seed)
        r = np.concatenate([rng.uniform(0, 2.5, n // 4), rng.uniform(3.5, 5, n // 4)])
        a = rng.uniform(0, 2 * np.pi, n // 2)
        X = np.stack([r * np.cos(a), r * np.sin(a)], axis=1)
        y = np.where(r < 2.5, 1.0, -1.0)
    return np.ascontiguousarray(X), np.asarray(y, dtype=float).reshape(-1, 1)


def _digits_like(n=1797, seed=0):
    """64 inputs in [0, 1], 10 classes from a fixed random linear teacher (learnable)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.0, 1.0, size=(n, 64))
    labels = np.argmax(X @ rng.normal(size=(64, 10)), axis=1)
    return X, one_hot(labels, 10), labels


# ---- PyTorch twins ----------------------------------------------------------------------------
def _torch():
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    return torch


def _torch_epoch_fn(torch, sizes, act, X, y, labels, batch, optimizer, lr, loss):
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2 or loss == "mse":
            layers.append(torch.nn.Tanh() if act == "tanh" else torch.nn.ReLU())
    net = torch.nn.Sequential(*layers).double()
    opt = (torch.optim.SGD if optimizer == "sgd" else torch.optim.Adam)(net.parameters(), lr=lr)
    Xt = torch.tensor(X)
    yt = torch.tensor(y) if loss == "mse" else torch.tensor(labels)
    ce = torch.nn.CrossEntropyLoss()

    def loss_fn(out, target):
        return 0.5 * ((out - target) ** 2).sum(dim=1).mean() if loss == "mse" else ce(out,
                                                                                     target)

    def epoch():
        perm = torch.randperm(Xt.shape[0])
        total = 0.0
        for s in range(0, Xt.shape[0], batch):
            idx = perm[s:s + batch]
            opt.zero_grad()
            value = loss_fn(net(Xt[idx]), yt[idx])
            value.backward()
            opt.step()
            total += value.item() * len(idx)
        return total / Xt.shape[0]
    return epoch


# ---- the benchmarks -----------------------------------------------------------------------------
def _training_rows(label, sizes, act, out, loss, X, y, labels, batch, optimizer, lr,
                   targets, epochs_core, epochs_ref, epochs_torch) -> list[dict]:
    steps = -(-X.shape[0] // batch)
    model = MLP(sizes, activation=act, output_activation=out, loss=loss, seed=1,
                init="playground" if act == "tanh" else "he")
    opt = create(optimizer, lr)
    torch = _torch()
    core_fn = lambda: model.train_epochs(X, y, epochs_core, batch, opt)  # noqa: E731
    if torch is not None:  # core and PyTorch take turns (_best_each)
        epoch = _torch_epoch_fn(torch, sizes, act, X, y, labels, batch, optimizer, lr, loss)
        torch_fn = lambda: [epoch() for _ in range(epochs_torch)]  # noqa: E731
        core_s, torch_s = _best_each(core_fn, torch_fn, repeats=7)
        core_us = core_s / (epochs_core * steps) * 1e6
        torch_us = torch_s / (epochs_torch * steps) * 1e6
    else:
        core_us = _best(core_fn, 5) / (epochs_core * steps) * 1e6
    ref = ReferenceMLP.like(model)
    rng = np.random.default_rng(0)
    numpy_us = _best(lambda: ref.train_epochs(X, y, epochs_ref, batch, optimizer,
                                              {"learning_rate": lr}, rng=rng),
                     2) / (epochs_ref * steps) * 1e6
    rows = [
        {"name": f"{label}: core (Numba), per step", "value": core_us, "unit": "us",
         "target": "", "ok": None},
        {"name": f"{label}: numpy reference, per step", "value": numpy_us, "unit": "us",
         "target": "", "ok": None},
    ]
    if "numpy" in targets:
        rows.append({"name": f"{label}: core speed-up over numpy", "value": numpy_us / core_us,
                     "unit": "x", "target": f">= {targets['numpy']}",
                     "ok": numpy_us / core_us >= targets["numpy"]})
    if torch is None:
        rows.append({"name": f"{label}: PyTorch", "value": "-", "unit": "", "target": "",
                     "ok": None, "note": "skipped: torch is not installed (pip install .[bench])"})
        return rows
    rows += [
        {"name": f"{label}: PyTorch {torch.__version__} CPU, 1 thread, per step",
         "value": torch_us, "unit": "us", "target": "", "ok": None},
        {"name": f"{label}: core speed-up over PyTorch", "value": torch_us / core_us,
         "unit": "x", "target": f">= {targets['torch']}",
         "ok": torch_us / core_us >= targets["torch"]},
    ]
    return rows


def bench_playground() -> list[dict]:
    X, y = _circle()
    return _training_rows("playground 2-4-2-1 tanh, batch 10", [2, 4, 2, 1], "tanh", "tanh",
                          "mse", X, y, None, 10, "sgd", 0.03, {"torch": 100, "numpy": 10},
                          epochs_core=200, epochs_ref=4, epochs_torch=3)


def bench_digits() -> list[dict]:
    X, y, labels = _digits_like()
    return _training_rows("digits 64-128-64-10 relu, Adam, batch 32", [64, 128, 64, 10],
                          "relu", "softmax", "cross_entropy", X, y, labels, 32, "adam", 1e-3,
                          {"torch": 4}, epochs_core=3, epochs_ref=1, epochs_torch=2)


def bench_grid() -> list[dict]:
    """The trainer's per-frame evaluation of every neuron's heat map, timed in turns: float64
    on one thread and on every core (``core.mlp._MAX_THREADS``), and float32 on every core,
    which is what the trainer computes (the values only become colours)."""
    import core.mlp as mlp_module

    model = MLP([2] + [8] * 6 + [1], activation="tanh", seed=0)
    g = np.linspace(-6.0, 6.0, 100)
    X = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    out = model.neuron_outputs(X)
    out32 = model.neuron_outputs(X, np.empty(out.shape[::-1], dtype=np.float32).T)
    threads = mlp_module._MAX_THREADS

    def one_thread():
        mlp_module._MAX_THREADS = 1
        try:
            model.neuron_outputs(X, out)
        finally:
            mlp_module._MAX_THREADS = threads

    single, split, split32 = (np.array(t) * 1e3 for t in _times_each(
        one_thread, lambda: model.neuron_outputs(X, out),
        lambda: model.neuron_outputs(X, out32), repeats=60))
    cores = min(threads, mlp_module._cores())
    name = "every neuron's output, 6 x 8 tanh net, 100 x 100 grid (median)"

    def row(label, times, target=""):
        value = float(np.median(times))
        return {"name": f"{name}, {label}", "value": value, "unit": "ms", "target": target,
                "ok": value < 1.0 if target else True,
                "note": f"best {times.min():.3f} ms over 60 calls"}

    return [row("float64, 1 thread", single),
            row(f"float64, {cores} threads", split),
            row(f"float32 (the trainer's), {cores} threads", split32, "< 1 ms")]


_COMPILE = """
import importlib, time
start = time.perf_counter()
import core.warmup as w
per = {}
for name in w.MODULES:
    t = time.perf_counter()
    try:
        module = importlib.import_module(name)
    except ImportError:
        continue
    if hasattr(module, "warmup"):
        module.warmup()
    per[name.split(".")[1]] = time.perf_counter() - t
print(time.perf_counter() - start, " ".join(f"{k}={v:.2f}" for k, v in per.items()))
"""


def bench_compile() -> list[dict]:
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
        results = []
        for _ in range(2):  # cold (empty cache), then warm
            out = subprocess.run([sys.executable, "-c", _COMPILE], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=300)
            if out.returncode != 0:
                raise RuntimeError(out.stderr[-2000:])
            seconds, per = out.stdout.strip().splitlines()[-1].split(" ", 1)
            results.append((float(seconds), per))
    (cold, cold_per), (warm, warm_per) = results
    return [
        {"name": "cold compile of every core kernel (empty cache, import + warmup)",
         "value": cold, "unit": "s", "target": "< 5 s", "ok": cold < 5.0, "note": cold_per},
        {"name": "start-up with a warm cache (import + load every kernel)", "value": warm,
         "unit": "s", "target": "< 0.5 s", "ok": warm < 0.5, "note": warm_per},
    ]


def run() -> list[dict]:
    return bench_playground() + bench_digits() + bench_grid() + bench_compile()


if __name__ == "__main__":
    for row in run():
        print(row)
