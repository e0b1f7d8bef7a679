"""The numba cache shipped inside the packaged app (``core._kernel_bundle``)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import _kernel_bundle as kb

ROOT = Path(__file__).resolve().parents[2]


def _bundle(tmp_path, stamp="abc", files=(("core__kernels_mlp/run-1.nbi", b"index"),)):
    bundle = tmp_path / "bundle"
    for name, data in files:
        path = bundle / kb.CACHE_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (bundle / kb.STAMP_FILE).write_text(stamp + "\n")
    return bundle


def test_stamp_follows_every_kernel_file(tmp_path, monkeypatch):
    kernels = tmp_path / "_kernels"
    shutil.copytree(kb.KERNELS_DIR, kernels, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kb, "KERNELS_DIR", kernels)
    first = kb.stamp()
    assert first == kb.stamp()
    (kernels / "vecmath.py").write_text((kernels / "vecmath.py").read_text() + "\n# edit\n")
    assert kb.stamp() != first


def test_portable_target_needs_every_feature():
    everything = dict.fromkeys(kb.PORTABLE_NEEDS, True)
    assert kb.host_runs_portable(everything)
    for name in ("avx2", "fma"):
        assert not kb.host_runs_portable(dict(everything, **{name: False}))
        assert not kb.host_runs_portable({k: v for k, v in everything.items() if k != name})


def test_seed_copies_once_per_stamp(tmp_path):
    bundle = _bundle(tmp_path, files=[("a/run-1.nbi", b"index"), ("a/run-1.0.nbc", b"code")])
    user = tmp_path / "user"
    assert kb.seed(bundle, user)
    assert (user / "a" / "run-1.nbi").read_bytes() == b"index"
    assert (user / "a" / "run-1.0.nbc").read_bytes() == b"code"
    assert not list(user.rglob("*.part"))
    # seeded already for this stamp: what numba wrote since is left alone
    (user / "a" / "run-1.nbi").write_bytes(b"numba's own")
    assert kb.seed(bundle, user)
    assert (user / "a" / "run-1.nbi").read_bytes() == b"numba's own"
    # a new app (another stamp) brings its own kernels
    (bundle / kb.STAMP_FILE).write_text("def\n")
    assert kb.seed(bundle, user)
    assert (user / "a" / "run-1.nbi").read_bytes() == b"index"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a file-system permission that root bypasses")
def test_seed_into_a_read_only_folder_reports_failure(tmp_path):
    bundle = _bundle(tmp_path)
    user = tmp_path / "user"
    user.mkdir()
    user.chmod(0o500)
    try:
        assert not kb.seed(bundle, user)
    finally:
        user.chmod(0o700)


def test_seed_failure_is_reported_not_raised(tmp_path):
    bundle = _bundle(tmp_path)
    user = tmp_path / "user"
    user.write_text("a file where the cache folder should be")
    assert not kb.seed(bundle, user)


def test_a_damaged_stamp_means_compiling(tmp_path, monkeypatch):
    monkeypatch.setattr(kb, "_stamp", None)
    bundle = _bundle(tmp_path)
    (bundle / kb.STAMP_FILE).write_bytes(b"\xff\xfe not text")
    env = {}
    assert kb.configure_frozen(bundle, env) == "compile: no stamp in the app"
    assert kb.current_stamp() is None and "NUMBA_CPU_NAME" not in env
    assert not kb.seed(bundle, tmp_path / "user")


def test_configure_frozen_without_a_shipped_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(kb, "_stamp", None)
    env = {}
    assert kb.configure_frozen(tmp_path / "nothing", env) == "compile: no stamp in the app"
    assert env == {"NUMBA_CACHE_LOCATOR_CLASSES": "core._numba_cache.FrozenCacheLocator"}
    bundle = tmp_path / "stamp-only"
    bundle.mkdir()
    (bundle / kb.STAMP_FILE).write_text("xyz\n")
    assert kb.configure_frozen(bundle, env).startswith("compile")
    assert kb.current_stamp() == "xyz"
    assert "NUMBA_CPU_NAME" not in env


def test_configure_frozen_respects_the_cpu(tmp_path, monkeypatch):
    monkeypatch.setattr(kb, "_stamp", None)
    monkeypatch.setenv("NEURALAB_CACHE_DIR", str(tmp_path / "user"))
    bundle = _bundle(tmp_path)
    # a CPU without the portable target's features: numba's default target, no copy
    monkeypatch.setattr(kb, "host_runs_portable", lambda: False)
    env = {}
    assert kb.configure_frozen(bundle, env).startswith("compile: this CPU cannot run")
    assert "NUMBA_CPU_NAME" not in env and not (tmp_path / "user").exists()
    # a user's own choice of CPU wins
    monkeypatch.setattr(kb, "host_runs_portable", lambda: True)
    env = {"NUMBA_CPU_NAME": "skylake"}
    assert "set by the user" in kb.configure_frozen(bundle, env)
    assert env["NUMBA_CPU_NAME"] == "skylake" and not (tmp_path / "user").exists()
    env = {}
    assert kb.configure_frozen(bundle, env) == "shipped cache"
    assert env["NUMBA_CPU_NAME"] == kb.PORTABLE_CPU and env["NUMBA_CPU_FEATURES"] == ""
    assert (tmp_path / "user" / "core__kernels_mlp" / "run-1.nbi").exists()


# A first start of the packaged app, from source: the app's start-up configuration with the
# built bundle, then the warm-up of the bundled modules. Reports every kernel's cache misses
# (compiles). Two small modules keep the test short (a full build takes 10-20 s of compiling);
# the mechanism does not depend on the module, and `make app` checks the whole set.
MODULES = ("core.landscapes", "core.optimizers", "core.activations")  # the first: no kernel
FIRST_START = """
import importlib, json, pkgutil, sys
from pathlib import Path
from core._kernel_bundle import configure_frozen
what = configure_frozen(Path(sys.argv[1]))
import numpy as np
for name in sys.argv[2:]:
    getattr(importlib.import_module(name), "warmup", lambda: None)()
import core._kernels as package
from numba.core.registry import CPUDispatcher
misses, hits = {}, 0
for info in pkgutil.iter_modules(package.__path__):
    module = importlib.import_module("core._kernels." + info.name)
    for name, value in vars(module).items():
        if isinstance(value, CPUDispatcher) and value.__module__ == module.__name__:
            misses.update({f"{info.name}.{name}": str(s) for s in value.stats.cache_misses})
            hits += sum(value.stats.cache_hits.values())
from core.activations import value
z = np.linspace(-30, 30, 1001)
error = max(np.abs(value("tanh", z) - np.tanh(z)).max(),
            np.abs(value("sigmoid", z) - 1 / (1 + np.exp(-z))).max())
print(json.dumps({"what": what, "misses": misses, "hits": hits, "error": float(error)}))
"""


@pytest.mark.skipif(not kb.host_runs_portable(), reason=f"this CPU cannot run {kb.PORTABLE_CPU}")
def test_a_first_start_with_the_shipped_cache_compiles_nothing(tmp_path):
    bundle = tmp_path / "kernel-cache"
    assert kb.build(bundle, modules=MODULES)
    assert list((bundle / kb.CACHE_DIR).rglob("*.nbc"))
    user = tmp_path / "user-cache"
    env = dict(os.environ, NEURALAB_CACHE_DIR=str(user), PYTHONPATH=str(ROOT))
    for name in ("NUMBA_CPU_NAME", "NUMBA_CPU_FEATURES", "NUMBA_CACHE_DIR",
                 "NUMBA_CACHE_LOCATOR_CLASSES"):
        env.pop(name, None)
    out = subprocess.run([sys.executable, "-c", FIRST_START, str(bundle), *MODULES], env=env,
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["what"] == "shipped cache"
    assert report["misses"] == {}, "compiled at a first start despite the shipped cache"
    assert report["hits"] > 0
    assert report["error"] < 1e-14  # the loaded kernels compute what numpy does
