"""core/ is Qt-free: importing every core module pulls in no Qt and no pyqtgraph."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import core

CORE_DIR = Path(core.__file__).parent


def _core_modules():
    names = ["core"]
    for info in pkgutil.walk_packages([str(CORE_DIR)], prefix="core."):
        names.append(info.name)
    return names


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6', 'desktop'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=240, cwd=CORE_DIR.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout.strip()}"


def test_no_qt_import_statements_in_core():
    offenders = []
    for path in CORE_DIR.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            banned = ("PySide6", "shiboken6", "pyqtgraph", "PyQt", "desktop")
            if stripped.startswith(("import ", "from ")) and any(q in stripped for q in banned):
                offenders.append(f"{path.name}: {stripped}")
    assert offenders == []
