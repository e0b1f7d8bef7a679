"""The arithmetic under the backpropagation canvas, as a teacher at the back of the room needs
it: every line of every stage readable (in sight, or reachable by a visible scroll bar), each
formula on one line unless even the smallest allowed font cannot fit it, breaks only at
spaces (never inside a number), and fonts never below the tab's size without a projector.
"""
import re

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from desktop.tabs.backprop.caption import arrange_lines, break_line, font_steps
from desktop.theme import style
from tests.desktop.tabs.backprop_support import settle, stages

#: the tab's page inside a projector window of this size (menu, tab and status bars off)
PAGES = {"1024x768": (1024, 663), "1280x800": (1280, 695), "1920x1080": (1920, 975)}
PRESETS = ["chain", "gates", "max_tie", "fork", "neuron", "neuron_exp", "square", "tiny",
           "tiny_relu", "net221", "net221_tanh", "net222"]
NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?")


@pytest.fixture
def view(open_tab, app_style):
    return open_tab("backprop", PAGES["1024x768"], projector=True)


def _settle(qtbot, view, page):
    settle(qtbot, view, PAGES[page])


def _smallest_pt():
    """The caption's size without projector mode: the floor for shrinking."""
    return 1.2 * style.base_point_size * style.zoom


def _check_breaks(line, pieces):
    """Pieces are the line cut at spaces only: no number is split."""
    assert all(p and p == p.strip() for p in pieces), pieces
    assert re.sub(r"\s+", " ", " ".join(pieces)) == re.sub(r"\s+", " ", line), pieces
    for number in NUMBER.findall(line):
        assert any(number in p for p in pieces), (number, pieces)


def _check_stage(view, where):
    area = view.lines_area
    a = area.arrangement
    scene = view.model.scene()
    assert [p.line for p in a.placed] == list(scene.lines), where
    assert a.font.pointSizeF() >= _smallest_pt() - 1e-6, where
    inner = QRectF(area.inner.rect())
    visible = area.visible_rect()
    bar = area.verticalScrollBar()
    fm = QFontMetricsF(area.fonts[-1])
    for placed in a.placed:
        _check_breaks(placed.line, placed.pieces)
        if len(placed.pieces) > 1:  # broken only if even the smallest font cannot fit it
            assert fm.horizontalAdvance(placed.line) > area.viewport().width(), where
        for piece, rect in zip(placed.pieces, placed.rects):
            assert inner.contains(rect), (where, piece, rect, inner)
            if not visible.contains(rect):  # then a visible scroll bar reaches it
                assert bar.isVisible(), (where, piece)
                assert rect.bottom() <= bar.maximum() + visible.height() + 0.5, (where, piece)
    # the area itself, the heading and the hint are wholly inside the tab
    for w in (area, view.heading_label, view.hint_label):
        if not w.isVisible():
            continue
        top = w.mapTo(view, w.rect().topLeft()).y()
        assert top >= 0 and top + w.height() <= view.height(), (where, w)
        if w is not area:
            assert w.height() >= w.heightForWidth(w.width()), (where, w.text())


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", ["1024x768", "1280x800"])
@pytest.mark.parametrize("preset", PRESETS)
def test_every_line_of_every_stage_is_readable(view, qtbot, preset, page, lang):
    from desktop.i18n import set_language

    set_language(lang)
    m = view.model
    m.apply_preset(preset)
    _settle(qtbot, view, page)
    for k in stages(m):
        m.set_position(k)
        QApplication.processEvents()
        _check_stage(view, (preset, page, lang, k))
    # the last stage (a network's update of a whole layer) needs no scrolling at all
    area = view.lines_area
    assert area.arrangement.height <= area.viewport().height(), (preset, page, lang)
    assert not area.verticalScrollBar().isVisible()


@pytest.mark.parametrize("preset", ["net222", "neuron", "tiny"])
def test_big_screens_keep_the_biggest_font(view, qtbot, preset):
    m = view.model
    m.apply_preset(preset)
    _settle(qtbot, view, "1920x1080")
    for k in stages(m):
        m.set_position(k)
        a = view.lines_area.arrangement
        assert a.font.pointSizeF() == pytest.approx(view.lines_area.fonts[0].pointSizeF())
        assert not a.wrapped, (preset, k)


def test_the_update_of_a_whole_layer_is_in_big_type_at_1024(view, qtbot):
    """The complaint this fixes: 2-2-2's last stage broke formulas mid-way and cut off rows."""
    m = view.model
    m.apply_preset("net222")
    _settle(qtbot, view, "1024x768")
    m.set_position(m.walkthrough.per_iteration - 1)
    a = view.lines_area.arrangement
    assert len(a.placed) == 7 and not a.wrapped
    assert a.font.pointSizeF() >= 0.9 * view.lines_area.fonts[0].pointSizeF()


def test_the_canvas_keeps_most_of_the_column_and_a_drag_holds_while_stepping(view, qtbot):
    m = view.model
    m.apply_preset("net222")
    _settle(qtbot, view, "1024x768")
    canvas, bottom = view.right.sizes()
    assert canvas >= 0.55 * (canvas + bottom) - 1
    assert bottom >= 0.34 * (canvas + bottom) - 1  # the loss plot has room
    view.right.setSizes([canvas + 40, bottom - 40])  # the teacher drags the caption smaller
    for k in stages(m):
        m.set_position(k)
    assert view.right.sizes() == [canvas + 40, bottom - 40]
    for k in stages(m):  # everything is still readable, by scrolling if need be
        m.set_position(k)
        QApplication.processEvents()
        _check_stage(view, ("dragged", k))


def test_a_graph_without_loss_plot_gives_the_canvas_the_room_it_does_not_need(view, qtbot):
    m = view.model
    m.apply_preset("chain")
    _settle(qtbot, view, "1024x768")
    canvas, bottom = view.right.sizes()
    assert bottom < 0.34 * (canvas + bottom)
    m.apply_preset("net222")
    QApplication.processEvents()
    assert view.right.sizes()[1] > bottom


# --- the arrangement on its own ----------------------------------------------------------------
def _font(pt):
    f = QFont("DejaVu Sans")
    f.setPointSizeF(pt)
    f.setBold(True)
    return f


UPDATE = ["w ← w − η · ∂J/∂w,  η = 0.5", "w₁ ← 0.15 − 0.5 · 0.000439 = 0.1498",
          "w₂ ← 0.2 − 0.5 · 0.000877 = 0.1996", "b₁ ← 0.35 − 0.5 · 0.00877 = 0.346",
          "w₃ ← 0.25 − 0.5 · 0.000498 = 0.2498", "w₄ ← 0.3 − 0.5 · 0.000995 = 0.2995",
          "b₂ ← 0.35 − 0.5 · 0.00995 = 0.345"]


def test_a_short_wide_box_takes_columns_in_reading_order_under_the_rule(qapp):
    fonts = font_steps(_font(16), _font(12))
    fm = QFontMetricsF(fonts[0])
    row = max(fm.horizontalAdvance(s) for s in UPDATE)
    a = arrange_lines(UPDATE, fonts, 2.3 * row, 4.5 * (fm.lineSpacing() + 2), lead=1)
    assert a.font.pointSizeF() == 16 and a.columns == 2 and not a.wrapped
    rects = [p.rect for p in a.placed]
    assert rects[0].top() == 0  # the rule spans the top
    # w₁ w₂ b₁ down the first column (hidden neuron 1), w₃ w₄ b₂ down the second
    assert rects[1].left() == rects[2].left() == rects[3].left() == 0
    assert rects[4].left() == rects[5].left() == rects[6].left() > rects[1].right()
    assert rects[1].top() == rects[4].top() > rects[0].top()
    assert rects[1].top() < rects[2].top() < rects[3].top()


def test_shrinking_comes_before_breaking_and_stops_at_the_smallest_font(qapp):
    fonts = font_steps(_font(16), _font(12))
    assert [f.pointSizeF() for f in fonts] == [16 - 0.5 * k for k in range(9)]
    line = UPDATE[1]
    widths = [QFontMetricsF(f).horizontalAdvance(line) for f in fonts]
    room = widths[4] + 0.5  # 14 pt fits (and maybe 14.5 pt, if it renders as wide)
    a = arrange_lines([line], fonts, room, 1000)
    first = next(f for f, w in zip(fonts, widths) if w <= room)
    assert a.font.pointSizeF() == first.pointSizeF() >= 14 and not a.wrapped
    assert widths[0] > room  # so it did shrink
    w12 = QFontMetricsF(_font(12)).horizontalAdvance(line)
    a = arrange_lines([line], fonts, w12 - 5, 1000)
    assert a.wrapped and a.placed[0].pieces == ["w₁ ← 0.15 − 0.5 · 0.000439", "= 0.1498"]
    assert a.font.pointSizeF() == 16  # breaking anyway: the biggest font that fits
    assert a.placed[0].rects[1].left() > 0  # the continuation is indented


@pytest.mark.parametrize("width", [40, 90, 150, 220, 300])
def test_breaks_fall_at_spaces_never_inside_a_number(qapp, width):
    fm = QFontMetricsF(_font(14))
    lines = ["∂J/∂h₁ = w₅·δ₃ + w₇·δ₄ = 0.4·0.138 + 0.5·(−0.0381) = 0.0364",
             "x₁ = 0.05, x₂ = 0.1;  y₁ = 0.01, y₂ = 0.99;  η = 0.5",
             "∂f/∂w₁ = ∂f/∂z · ∂z/∂s · ∂s/∂u₁ · ∂u₁/∂w₁ = 0.197 · 1 · 1 · (−2) = −0.393"]
    for line in lines:
        pieces = break_line(line, fm, width, 10)
        _check_breaks(line, pieces)
        for i, p in enumerate(pieces):  # too wide only where no space is left to break at
            assert fm.horizontalAdvance(p) <= width - (10 if i else 0) or " " not in p


def test_assignments_break_after_a_semicolon_before_an_equals_sign(qapp):
    fm = QFontMetricsF(_font(14))
    line = "x₁ = 0.05, x₂ = 0.1;  y₁ = 0.01, y₂ = 0.99;  η = 0.5"
    pieces = break_line(line, fm, fm.horizontalAdvance("x₁ = 0.05, x₂ = 0.1;  y₁ = 0.0"), 0)
    assert pieces == ["x₁ = 0.05, x₂ = 0.1;", "y₁ = 0.01, y₂ = 0.99;", "η = 0.5"]


def test_a_break_at_an_equals_sign_in_a_smaller_font_beats_one_inside_brackets(qapp):
    line = "J = ½(0.751 − 0.01)² + ½(0.773 − 0.99)² = 0.2984"
    fonts = font_steps(_font(16), _font(12))
    room = QFontMetricsF(_font(12)).horizontalAdvance(line) - 5  # no font fits it whole
    a = arrange_lines([line], fonts, room, 1000)
    assert a.placed[0].pieces == ["J = ½(0.751 − 0.01)² + ½(0.773 − 0.99)²", "= 0.2984"]
    assert a.font.pointSizeF() < 16
