"""Fixtures shared by the tab tests: a tab view on screen at a given size, projector mode,
language and theme, with everything put back (English, normal mode, light) afterwards."""
import importlib

import pytest

from desktop.theme import style


def _restyle():
    from PySide6.QtWidgets import QApplication

    from desktop.app import apply_app_style

    apply_app_style(QApplication.instance())


@pytest.fixture
def app_style(qapp):
    """Apply the app-wide font and palette like the real app does, and undo it after."""
    from desktop.app import apply_app_style

    font, palette = qapp.font(), qapp.palette()
    apply_app_style(qapp)
    style.changed.connect(_restyle)
    yield qapp
    style.changed.disconnect(_restyle)
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def open_tab(qtbot):
    """``open_tab(tab_id, size=(w, h), projector=False, lang="en", dark=False)``: the tab's
    view, shown and exposed; each view's model is paused and the style reset at the end."""
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import set_language

    views = []

    def make(tab_id, size=(1280, 800), projector=False, lang="en", dark=False):
        set_language(lang)
        style.set_projector(projector)
        style.set_dark(dark)
        view = importlib.import_module(f"desktop.tabs.{tab_id}").create()
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        for _ in range(5):  # let the posted layout and style requests run
            QApplication.processEvents()
        views.append(view)
        return view

    yield make
    for view in views:
        view.model.pause()
    set_language("en")
    style.set_projector(False)
    style.set_dark(False)
    style.set_zoom(1.0)
