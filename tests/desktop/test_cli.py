"""The command line: --screenshot, --self-test, and bad arguments."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args, tmp_path, timeout=600):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEURALAB_DATA_DIR=str(tmp_path / "ud"))
    return subprocess.run([sys.executable, "-m", "desktop.app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_unknown_tab_is_a_clear_error(tmp_path):
    out = _run(["--tab", "nonsense"], tmp_path)
    assert out.returncode == 2
    assert "unknown tab 'nonsense'" in out.stderr


def test_screenshot_writes_a_png_of_the_chosen_tab(tmp_path):
    png = tmp_path / "shot.png"
    out = _run(["--tab", "perceptron", "--projector", "--lang", "ko", "--size", "1024x768",
                "--screenshot", str(png)], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert img.width() > 600 and img.height() > 400


@pytest.mark.slow
def test_self_test_passes(tmp_path):
    out = _run(["--self-test"], tmp_path)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "self-test: passed" in out.stdout
