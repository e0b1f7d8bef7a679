"""Fixtures for the shell's tests: a private user-data folder and a window of fake tabs."""
import pytest


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURALAB_DATA_DIR", str(tmp_path / "userdata"))
    return tmp_path / "userdata"


@pytest.fixture
def fake_tabs(monkeypatch):
    """Replace the tab registry by two fake tabs and make warm-up a no-op."""
    import core.warmup
    import desktop.main_window
    import desktop.tabs as tabs

    specs = [tabs.TabSpec("alpha", "Alpha", "tests.desktop.fake_tab"),
             tabs.TabSpec("beta", "Beta", "tests.desktop.fake_tab")]
    monkeypatch.setattr(tabs, "TABS", specs)
    monkeypatch.setattr(desktop.main_window, "TABS", specs)
    monkeypatch.setattr(core.warmup, "MODULES", ())
    return specs


@pytest.fixture
def window(qtbot, fake_tabs):
    from desktop import errors
    from desktop.main_window import MainWindow
    from desktop.theme import style
    from desktop.warmup import CoreWarmup

    errors.install().show_dialogs = False
    warm = CoreWarmup()
    win = MainWindow(warm, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    warm.start()
    qtbot.waitUntil(lambda: "alpha" in win.views, timeout=10000)
    yield win
    for view in win.views.values():
        view.model.pause()
    style.set_projector(False)
    style.set_dark(False)
    style.set_zoom(1.0)
