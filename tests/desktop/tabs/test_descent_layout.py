"""The descent tab on a projector: what a teacher at the back of the room sees.

Geometry checks, not pixels: the log axis never draws two tick labels on top of each other,
check box / radio indicators grow with the text, nothing in the control panel is cut off,
the map's surface fills its plot, and the legend's headers stay apart in both languages.
"""
import math
import re

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
)

from desktop.tabs.descent.log_axis import (
    linear_ticks_in_log,
    log_tick_levels,
    power_label,
    tick_label,
)
from desktop.theme import style

LABEL = re.compile(r"^(1|[25]|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|[2-9]·10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")


@pytest.fixture
def view(open_tab, app_style):
    return open_tab("descent", (1024, 700))  # a 1024 x 768 window minus menu, tabs, status


def _settle(qtbot, view, w=1024, h=700):
    view.resize(w, h)
    qtbot.wait(1)  # let posted layout requests run
    for _ in range(3):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()


def _race(view, steps=50):
    view.model.from_state({"surface": "rosenbrock", "optimizers": ["sgd", "momentum", "adam"]})
    for _ in range(steps):
        view.model.step()


def _axis_texts(axis):
    """(rect, text) of every tick label the axis would draw now."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in specs[2]]


def _assert_apart(texts):
    for i, (a, ta) in enumerate(texts):
        for b, tb in texts[i + 1:]:
            assert not a.intersects(b), f"tick labels {ta!r} and {tb!r} overlap"


# --- the log axis, pure -------------------------------------------------------------------

@pytest.mark.parametrize("lo,hi", [(0.6, 2.7), (-12.0, 3.0), (0.65, 1.7), (-3.2, -2.1),
                                   (0.1, 0.9), (-40.0, 5.0), (2.0, 2.05)])
@pytest.mark.parametrize("pixels", [60, 150, 400, 900])
def test_log_ticks_are_decades_or_one_two_five_and_far_enough_apart(lo, hi, pixels):
    gap = 30.0
    levels = log_tick_levels(lo, hi, pixels, gap)
    values = sorted(v for _, vs in levels for v in vs)
    assert all(lo - 1e-9 <= v <= hi + 1e-9 for v in values)
    per_decade = pixels / (hi - lo)
    for a, b in zip(values, values[1:]):
        assert (b - a) * per_decade >= gap - 1e-6, (a, b)
    labels = [tick_label(v) for v in values]
    if levels and levels[0][0] == 1.0 and len(levels) < 3:
        assert all(LABEL.match(t) for t in labels), labels
    # a decade that is on screen with room for a label gets one
    if hi - lo >= 1 and per_decade >= gap:
        assert any(abs(v - round(v)) < 1e-9 for v in values)


def test_tick_labels_read_as_powers_of_ten():
    assert power_label(0) == "1"
    assert power_label(2) == "10²"
    assert power_label(-12) == "10⁻¹²"
    assert tick_label(math.log10(50)) == "5·10¹"
    assert tick_label(math.log10(0.002)) == "2·10⁻³"
    assert tick_label(math.log10(5)) == "5"
    assert tick_label(2.9999999999) == "10³"


def test_a_flat_curve_still_gets_plain_number_labels():
    lo, hi = math.log10(5.01), math.log10(5.13)
    assert sum(len(v) for _, v in log_tick_levels(lo, hi, 300, 30)) < 2
    values, spacing = linear_ticks_in_log(lo, hi, 300, 30)
    assert len(values) >= 2
    assert all(5.01 - 1e-9 <= 10 ** v <= 5.13 + 1e-9 for v in values)
    pixels = [(v - lo) / (hi - lo) * 300 for v in values]
    assert min(b - a for a, b in zip(pixels, pixels[1:])) >= 30 - 1e-6


# --- the plots, rendered ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size", [(1024, 700), (1280, 730), (1920, 1010)])
def test_loss_axis_labels_never_overlap_on_a_projector(view, qtbot, lang, size):
    from desktop.i18n import set_language

    set_language(lang)
    style.set_projector(True)
    _race(view)
    _settle(qtbot, view, *size)
    axis = view.loss_plot.getPlotItem().getAxis("left")
    texts = _axis_texts(axis)
    assert len(texts) >= 2
    assert all(LABEL.match(t) for _, t in texts), [t for _, t in texts]
    _assert_apart(texts)
    # squeezed short (the accumulator panel open too): still apart
    view.model.set_show("accumulator", True)
    _settle(qtbot, view, *size)
    for plot in (view.loss_plot, view.acc_plot):
        _assert_apart(_axis_texts(plot.getPlotItem().getAxis("left")))


def test_loss_axis_with_twelve_decades_thins_its_labels(view, qtbot):
    style.set_projector(True)
    plot = view.loss_plot
    _settle(qtbot, view)
    plot.setFixedHeight(200)
    plot.getPlotItem().setYRange(-12, 3, padding=0)
    _settle(qtbot, view)
    texts = _axis_texts(plot.getPlotItem().getAxis("left"))
    assert 2 <= len(texts) < 16
    _assert_apart(texts)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_loss_title_fits_on_one_line_at_1024(view, qtbot, lang):
    from desktop.i18n import set_language

    set_language(lang)
    style.set_projector(True)
    _race(view)
    _settle(qtbot, view)
    title = view.loss_title
    line = title.fontMetrics().height()
    assert title.heightForWidth(title.width()) < 1.5 * line, title.text()


# --- the control panel --------------------------------------------------------------------

def _indicator(button: QAbstractButton) -> int:
    opt = QStyleOptionButton()
    button.initStyleOption(opt)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    return button.style().subElementRect(element, opt, button).width()


def test_check_and_radio_indicators_grow_with_the_projector_font(view, qtbot):
    c = view.controls
    buttons = [c.opt_checks["sgd"], c.show_checks["gradient"], c.rate_tuned]
    normal = [_indicator(b) for b in buttons]
    style.set_projector(True)
    _settle(qtbot, view)
    big = [_indicator(b) for b in buttons]
    ratio = style.scale
    for b, n, p in zip(buttons, normal, big):
        assert p >= 0.8 * ratio * n, (b.text(), n, p)
        # about as tall as the text next to it, not a speck beside it
        assert p >= 0.6 * b.fontMetrics().height(), (b.text(), p)


def _cut_controls(view):
    """Visible fixed-text controls of the panel narrower than they need, or reaching past
    the scroll area's viewport (the panel scrolls only vertically)."""
    c, bad = view.controls, []
    right = view.scroll.viewport().width()
    for w in c.findChildren(QAbstractButton) + c.findChildren(QComboBox) + [
            lab for lab in c.findChildren(QLabel) if not lab.wordWrap()]:
        if not w.isVisibleTo(c):
            continue
        text = w.currentText() if isinstance(w, QComboBox) else w.text()
        if w.width() < w.minimumSizeHint().width():
            bad.append((type(w).__name__, text, "narrow", w.width(), w.minimumSizeHint().width()))
        if w.mapTo(c, w.rect().topRight()).x() >= right:
            bad.append((type(w).__name__, text, "past", right))
    return bad


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_nothing_in_the_control_panel_is_cut_at_1024(view, qtbot, lang):
    from desktop.i18n import set_language

    style.set_projector(True)
    set_language("ko" if lang == "en" else "en")  # switch there and back: widths re-fit
    set_language(lang)
    _settle(qtbot, view)
    assert not _cut_controls(view)
    preset = view.controls.preset_box
    preset.setCurrentIndex(0)
    assert preset.shown_text() == preset.itemText(0)  # "Choose a preset…" in full


def test_a_combo_too_narrow_for_its_text_ends_it_with_an_ellipsis(view, qtbot):
    style.set_projector(True)
    _settle(qtbot, view)
    box = view.controls.surface_box
    box.setMinimumWidth(0)
    box.setFixedWidth(box.minimumSizeHint().width())
    longest = max(range(box.count()), key=lambda i: box.fontMetrics().horizontalAdvance(
        box.itemText(i)))
    box.setCurrentIndex(longest)
    shown = box.shown_text()
    assert shown != box.itemText(longest) and shown.endswith("…")


# --- the map ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1024, 700), (1920, 1010), (1280, 730)])
@pytest.mark.parametrize("surface", ["rosenbrock", "beale", "data:line_fit"])
def test_the_surface_fills_the_map_and_dims_outside_its_domain(view, qtbot, size, surface):
    style.set_projector(True)
    view.model.from_state({"surface": surface, "optimizers": ["sgd"]})
    _settle(qtbot, view, *size)
    vb = view.map.getPlotItem().getViewBox()
    (vx0, vx1), (vy0, vy1) = vb.viewRange()
    drawn = view.map.outer_image.mapRectToParent(view.map.outer_image.boundingRect())
    assert drawn.left() <= vx0 and drawn.right() >= vx1
    assert drawn.top() <= vy0 and drawn.bottom() >= vy1
    # the domain shows whole and undimmed; the rest is veiled
    (x0, x1), (y0, y1) = view.model.surface.domain
    assert vx0 <= x0 and vx1 >= x1 and vy0 <= y0 and vy1 >= y1
    shade = view.map.outer_shade.path()
    assert not shade.contains(QPointF(0.5 * (x0 + x1), 0.5 * (y0 + y1)))
    assert shade.contains(QPointF(x1 + 0.01 * (x1 - x0), 0.5 * (y0 + y1)))
    assert view.map.outer_shade.brush().color().alphaF() > 0.2


# --- the legend ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("dark", [False, True])
def test_legend_headers_and_names_stay_apart_and_whole(view, qtbot, lang, dark):
    from desktop.i18n import set_language

    style.set_projector(True)
    set_language("ko" if lang == "en" else "en")
    set_language(lang)
    style.set_dark(dark)
    _race(view)
    _settle(qtbot, view)
    legend = view.legend
    name, loss = legend.header
    # name header: left-aligned text; loss header: right-aligned text
    name_end = name.geometry().left() + name.fontMetrics().horizontalAdvance(name.text())
    loss_start = loss.geometry().right() - loss.fontMetrics().horizontalAdvance(loss.text())
    em = loss.fontMetrics().height()
    assert loss_start - name_end >= 0.9 * em, (name.text(), loss.text(), name_end, loss_start)
    for row in legend.rows[:3]:
        label = row["name"]
        words = label.text().split()
        longest = max(label.fontMetrics().horizontalAdvance(w) for w in words)
        assert label.width() >= longest, (label.text(), label.width(), longest)
        assert row["loss"].geometry().left() > label.geometry().left() + longest


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_tab_fits_a_1024_projector_without_growing_the_window(view, qtbot, lang):
    from desktop.i18n import set_language

    style.set_projector(True)
    set_language(lang)
    _race(view)
    _settle(qtbot, view)
    # the window adds a few pixels of frame around the tab
    assert view.minimumSizeHint().width() <= 1016
    assert view.width() <= 1024


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_all_side_panels_open_still_fit_a_768_high_projector(view, qtbot, lang):
    from desktop.i18n import set_language

    style.set_projector(True)
    set_language(lang)
    view.model.set_surface("data:line_fit")
    view.model.set_show("accumulator", True)
    _settle(qtbot, view)
    assert all(p.isVisible() for p in view.panels)
    # 768 minus the window's menu, tab bar and status bar in projector mode
    assert view.minimumSizeHint().height() <= 640
    for title in (view.loss_title, view.acc_title, view.data_title):
        line = title.fontMetrics().height()
        assert title.height() >= title.heightForWidth(title.width()) - 1  # never cut off
        assert title.height() <= 3 * line


def test_without_a_known_minimum_the_loss_axis_is_linear_and_uncrowded(view, qtbot):
    style.set_projector(True)
    view.model.apply_preset("saddle_escape")
    for _ in range(50):
        view.model.step()
    _settle(qtbot, view)
    axis = view.loss_plot.getPlotItem().getAxis("left")
    assert not axis.decades
    texts = _axis_texts(axis)
    assert len(texts) >= 2
    assert all(re.match(r"^−?-?\d+(\.\d+)?$", t) for _, t in texts), [t for _, t in texts]
    _assert_apart(texts)
