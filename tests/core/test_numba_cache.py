"""The frozen app's numba cache locator writes to the user's cache folder, whatever the cwd."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import numpy as np
from core._kernels.activations import act_array
print(act_array(3, np.zeros(3), 0.0, False).sum())
"""


def _run(cache_dir, cwd):
    env = dict(os.environ, NEURALAB_CACHE_DIR=str(cache_dir),
               NUMBA_CACHE_LOCATOR_CLASSES="core._numba_cache.FrozenCacheLocator",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", CODE], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=240)


def test_cache_goes_to_the_user_folder(tmp_path):
    cache = tmp_path / "cache"
    work = tmp_path / "elsewhere"
    work.mkdir()
    out = _run(cache, work)
    assert out.returncode == 0, out.stderr
    files = [p.name for p in cache.rglob("*") if p.is_file()]
    assert any(f.endswith(".nbi") for f in files), files
    assert any(f.endswith(".nbc") for f in files), files
    assert list(work.iterdir()) == []  # nothing written where the app was started from
    # a second run (another working directory) finds the same cache folder
    other = tmp_path / "other"
    other.mkdir()
    assert _run(cache, other).returncode == 0
    assert sorted(p.name for p in cache.iterdir()) == ["core__kernels_activations"]


def test_subpath_is_independent_of_the_prefix():
    from core._numba_cache import _subpath

    assert _subpath("core/_kernels/mlp.py") == _subpath("/tmp/x/_internal/core/_kernels/mlp.py")
    assert _subpath("core\\_kernels\\mlp.py") == "core__kernels_mlp"


PROBE = """
from numba import njit
from core._kernels.activations import act_value


@njit(cache=True)
def probe(z):
    return act_value(0, z, 0.0)
"""


def test_editing_one_kernel_file_recompiles_the_kernels_that_call_it(tmp_path):
    """A cached kernel must not keep stale code of a function it calls from another file."""
    import shutil

    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "core", tree / "core",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "core" / "_kernels" / "zz_probe.py").write_text(PROBE)
    code = "from core._kernels.zz_probe import probe; print(probe(3.0))"

    def run():
        env = dict(os.environ, PYTHONPATH=str(tree))
        env.pop("NUMBA_CACHE_LOCATOR_CLASSES", None)
        env.pop("NUMBA_CACHE_DIR", None)
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tree,
                             capture_output=True, text=True, timeout=240)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    assert run() == "3.0"
    assert run() == "3.0"  # from the cache
    assert list((tree / "core" / "_kernels" / "__pycache__").glob("zz_probe*.nbi"))
    acts = tree / "core" / "_kernels" / "activations.py"
    text = acts.read_text()
    patched = text.replace("    if kind == LINEAR:\n        return z\n",
                           "    if kind == LINEAR:\n        return z + 1.0\n", 1)
    assert patched != text
    acts.write_text(patched)
    assert run() == "4.0"  # the probe was recompiled against the edited act_value


def test_numba_cache_dir_is_honoured_by_the_source_tree_locator(tmp_path):
    """``NUMBA_CACHE_DIR`` moves the in-tree cache (the benchmark's cold compile needs an
    empty one): the kernels' cache files land there, keyed by module."""
    cache = tmp_path / "numba-cache"
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    env.pop("NUMBA_CACHE_LOCATOR_CLASSES", None)
    out = subprocess.run([sys.executable, "-c", CODE], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    written = sorted(p.name for p in (cache / "core__kernels_activations").iterdir())
    assert any(name.endswith(".nbi") for name in written), written
    assert any(name.endswith(".nbc") for name in written), written
