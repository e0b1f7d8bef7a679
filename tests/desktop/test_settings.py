"""Settings persist across launches: last tab, theme, language, projector scale, geometry."""
from desktop.theme import style


def _window(qtbot, settings):
    from desktop.main_window import MainWindow
    from desktop.warmup import CoreWarmup

    win = MainWindow(CoreWarmup(), settings)
    qtbot.addWidget(win)
    return win


def test_settings_round_trip(qtbot, fake_tabs, user_data):
    from desktop.app import _configure, make_settings, parse_args

    settings = make_settings()
    win = _window(qtbot, settings)
    win.tabs.setCurrentIndex(1)
    style.set_dark(True)
    style.set_zoom(1.3)
    win.resize(900, 650)
    win.save_settings()
    assert (user_data / "settings.ini").exists()
    style.set_dark(False)
    style.set_zoom(1.0)

    again = make_settings()
    assert again.value("last_tab") == "beta"
    _configure(parse_args([]), again)
    try:
        assert style.dark is True
        assert abs(style.zoom - 1.3) < 1e-9
    finally:
        style.set_dark(False)
        style.set_zoom(1.0)


def test_command_line_overrides_settings(qtbot, fake_tabs, user_data):
    from desktop.app import _configure, make_settings, parse_args

    settings = make_settings()
    settings.setValue("dark", True)
    _configure(parse_args(["--light"]), settings)
    assert style.dark is False


def test_corrupt_settings_values_fall_back_to_defaults(qtbot, fake_tabs, user_data):
    from desktop.app import _configure, make_settings, parse_args

    settings = make_settings()
    settings.setValue("zoom", "not a number")
    settings.setValue("language", "klingon")
    _configure(parse_args([]), settings)
    assert style.zoom == 1.0
    from desktop.i18n import current_language

    assert current_language() == "en"
