"""The shell: keyboard verbs, projector mode, tabs, sessions, export, the error net."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import session
from desktop.theme import style


def _key(qtbot, win, key):
    win.activateWindow()
    qtbot.keyClick(win, key)


def test_tabs_are_placeholders_until_the_core_is_ready(qtbot, fake_tabs):
    from desktop.main_window import MainWindow
    from desktop.warmup import CoreWarmup

    warm = CoreWarmup()
    win = MainWindow(warm, None)
    qtbot.addWidget(win)
    assert win.views == {}
    assert win.ensure_view("alpha") is None  # nothing may call a kernel before warm-up
    assert win.warm_label.text()
    with qtbot.waitSignal(warm.ready, timeout=10000):
        warm.start()
    qtbot.waitUntil(lambda: "alpha" in win.views)
    assert win.pages["alpha"].currentWidget() is win.views["alpha"]


def test_keyboard_verbs_reach_the_current_tab(qtbot, window):
    model = window.current_model()
    _key(qtbot, window, Qt.Key.Key_Right)
    _key(qtbot, window, Qt.Key.Key_Right)
    _key(qtbot, window, Qt.Key.Key_Left)
    assert model.calls == ["step", "step", "step_back"]
    _key(qtbot, window, Qt.Key.Key_Space)
    assert model.running
    qtbot.waitUntil(lambda: model.ticks >= 3, timeout=3000)
    _key(qtbot, window, Qt.Key.Key_Space)
    assert not model.running
    _key(qtbot, window, Qt.Key.Key_R)
    assert model.value == 0 and model.calls[-1] == "reset"


def test_number_keys_switch_tabs_and_pause_the_old_one(qtbot, window):
    alpha = window.current_model()
    alpha.play()
    _key(qtbot, window, Qt.Key.Key_2)
    assert window.current_id() == "beta"
    assert "beta" in window.views
    assert not alpha.running
    _key(qtbot, window, Qt.Key.Key_1)
    assert window.current_id() == "alpha"


def test_typing_in_a_spin_box_is_not_stolen_by_shortcuts(qtbot, window):
    view = window.current_view()
    view.spin.setFocus()
    view.spin.lineEdit().selectAll()
    qtbot.keyClicks(view.spin, "2")
    assert view.spin.value() == 2
    assert window.current_id() == "alpha"  # "2" was typed, not a tab switch


def test_projector_mode_scales_fonts_and_lines(qtbot, window):
    normal_font = QApplication.font().pointSizeF()
    normal_width = style.line_width
    window.act_projector.trigger()
    assert style.projector
    assert QApplication.font().pointSizeF() >= 1.5 * normal_font
    assert style.line_width > normal_width
    window.act_zoom_in.trigger()
    assert style.zoom > 1.0
    window.act_zoom_reset.trigger()
    assert style.zoom == 1.0
    window.act_projector.trigger()
    assert not style.projector
    assert QApplication.font().pointSizeF() == pytest.approx(normal_font)


def test_dark_theme_changes_the_palette(qtbot, window):
    light = QApplication.palette().window().color().lightness()
    window.act_dark.trigger()
    dark = QApplication.palette().window().color().lightness()
    assert dark < light - 100
    window.act_dark.trigger()


def test_language_switch_translates_the_shell(qtbot, window):
    english = window.menu_file.title()
    window.set_language("ko")
    try:
        qtbot.waitUntil(lambda: window.menu_file.title() != english)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in window.menu_file.title())
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == english)


def test_a_status_message_on_screen_follows_a_language_switch(qtbot, window):
    window._on_core_ready(0.4)
    english = window.message_label.text()
    assert "0.4" in english
    window.set_language("ko")
    try:
        qtbot.waitUntil(lambda: window.message_label.text() != english)
        text = window.message_label.text()
        assert "0.4" in text and any("\uac00" <= ch <= "\ud7a3" for ch in text)
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.message_label.text() == english)


def test_session_round_trip(qtbot, window, tmp_path):
    window.views["alpha"].model.value = 7
    window.ensure_all_views()
    window.views["beta"].model.value = -3
    path = tmp_path / "s.neuralab.json"
    window.save_session_to(path)
    window.views["alpha"].model.value = 0
    window.views["beta"].model.value = 0
    window.load_session_file(path)
    assert window.views["alpha"].model.value == 7
    assert window.views["beta"].model.value == -3


def test_bad_tab_state_changes_nothing(qtbot, window, tmp_path):
    window.ensure_all_views()
    window.views["alpha"].model.value = 5
    window.views["beta"].model.value = 6
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": session.FORMAT, "version": 1,
                                "tabs": {"alpha": {"value": 1}, "beta": {"value": "x"}}}))
    assert not window.open_session(path)
    assert window.views["alpha"].model.value == 5  # alpha was applied, then put back
    assert window.views["beta"].model.value == 6
    assert "beta" in window.last_error.lower() or "Beta" in window.last_error


def test_export_png_and_svg(qtbot, window, tmp_path):
    png, svg = tmp_path / "v.png", tmp_path / "v.svg"
    window.export_view(png)
    window.export_view(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:2000]


def test_unexpected_errors_are_reported_and_the_app_runs_on(qtbot, window, user_data):
    from desktop import errors

    rep = errors.install()
    before = rep.count
    try:
        raise RuntimeError("boom for the test")
    except RuntimeError as exc:
        rep.report(type(exc), exc, exc.__traceback__)
    assert rep.count == before + 1
    assert "boom for the test" in (user_data / "neuralab.log").read_text()
    _key(qtbot, window, Qt.Key.Key_Right)  # still responsive
    assert window.current_model().calls[-1] == "step"


def test_shortcut_help_lists_the_keys(window):
    text = window.shortcuts_text()
    for key in ("Space", "F5", "Esc", "Ctrl S"):
        assert key in text


def test_last_session_is_restored_lazily_and_kept_for_unopened_tabs(qtbot, window, tmp_path):
    doc = {"format": session.FORMAT, "version": 1, "current_tab": "alpha",
           "tabs": {"alpha": {"value": 4}, "beta": {"value": 9}}}
    assert "beta" not in window.views
    window.restore_lazily(doc)
    assert window.views["alpha"].model.value == 4
    assert "beta" not in window.views  # not built at start-up
    assert window.session_state()["beta"] == {"value": 9}  # but not forgotten either
    window.tabs.setCurrentIndex(1)
    assert window.views["beta"].model.value == 9  # applied when first opened


def test_a_stale_tab_state_in_the_last_session_is_skipped(qtbot, window):
    doc = {"format": session.FORMAT, "version": 1, "tabs": {"beta": {"value": "bad"}}}
    window.restore_lazily(doc)
    window.tabs.setCurrentIndex(1)
    assert window.views["beta"].model.value == 0
    assert "not restored" in window.message_label.text()


def test_long_status_texts_are_elided_and_never_widen_the_window(qtbot, window):
    long_text = "A message that is far too long for any status bar. " * 20
    window.status_label.setText("training - " + "12,400 steps/s - 60 fps - " * 40)
    window.flash(long_text)
    assert window.statusBar().minimumSizeHint().width() < 400
    assert window.minimumSizeHint().width() < 1024
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.message_label.shown_text().endswith("…"))
    assert window.message_label.text() == long_text  # the whole text is kept
    assert window.message_label.toolTip() == long_text
    window.message_label.clear()
    assert window.message_label.shown_text() == ""
