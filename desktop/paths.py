"""Where Neuralab's files are: bundled assets (source tree or frozen app) and user data."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def assets_dir() -> Path:
    """The ``assets/`` folder: beside the packages in a checkout, in ``_MEIPASS`` when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "assets"
    return Path(__file__).resolve().parents[1] / "assets"


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """A user-writable folder for logs and the last session (created on demand)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    path = Path(os.environ.get("NEURALAB_DATA_DIR", base / "neuralab"))
    path.mkdir(parents=True, exist_ok=True)
    return path
