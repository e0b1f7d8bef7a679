"""Neuralab's entry point (placeholder until the app-shell issue lands)."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def run_single_tab(tab_id: str) -> int:
    """Open one tab alone in a window: ``python -m desktop.tabs.<id>``."""
    import pyqtgraph as pg

    from desktop.tabs import spec_for

    app = QApplication.instance() or QApplication(sys.argv)
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    view = spec_for(tab_id).create()
    view.resize(1280, 800)
    view.show()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    label = QLabel("Neuralab")
    label.resize(640, 400)
    label.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
