"""The PyInstaller build (``make app``) passes its own self-test, with a persistent cache."""
import os
import subprocess
from pathlib import Path

import pytest

from core._kernel_bundle import SEEDED_FILE, host_runs_portable

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "neuralab" / "neuralab"

pytestmark = pytest.mark.skipif(not APP.exists(), reason="no build: run `make app` first")


def _self_test(tmp_path, cwd):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEURALAB_DATA_DIR=str(tmp_path / "ud"),
               NEURALAB_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([str(APP), "--self-test"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_frozen_app_self_test_and_cache(tmp_path):
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    out = _self_test(tmp_path, elsewhere)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "self-test: passed" in out.stdout
    cached = [p for p in (tmp_path / "cache").rglob("*.nbi")]
    assert cached, "the frozen app wrote no numba cache to the user's cache folder"
    if host_runs_portable():  # the kernels compiled at packaging time were used
        assert "self-test: kernels: shipped cache" in out.stdout
        assert (tmp_path / "cache" / SEEDED_FILE).exists()
    assert list(elsewhere.iterdir()) == []
