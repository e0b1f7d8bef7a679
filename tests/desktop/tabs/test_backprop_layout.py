"""The backpropagation tab on a projector: what a teacher at the back of the room sees.

Geometry checks, not pixels: every graph fills its canvas (up to a margin, with bounded
fonts), no label overlaps a node or another label at any stage, long graph names are elided
with "…", the colour key stays in sight, and the side panel's fonts follow projector mode.
"""
import pytest
from PySide6.QtCore import QRectF

from desktop.tabs.backprop.canvas import MARGIN, MAX_FIT
from desktop.theme import style
from tests.desktop.tabs.backprop_support import settle, stages

#: the tab's page in a projector window of this size (menu, tab and status bars off)
PAGES = {"1024x768": (1016, 660), "1920x1080": (1912, 972)}


@pytest.fixture
def view(open_tab, app_style):
    return open_tab("backprop", PAGES["1024x768"], projector=True)


def _settle(qtbot, view, page="1024x768"):
    settle(qtbot, view, PAGES[page])


def _drawn(canvas, scene):
    _fonts, rects, _segments, texts = canvas.layout_scene(scene)
    # a node's symbol is drawn in the node's own rectangle: count the node once
    labels = [(t.text, t.rect) for t in texts if t.role not in ("symbol", "active", "const")]
    nodes = [(key, r) for key, r in rects.items() if key != "end"]
    return nodes, labels


def _presets(model):
    return [p["id"] for p in model.presets]


PRESETS = ["chain", "gates", "max_tie", "fork", "neuron", "neuron_exp", "square", "tiny",
           "tiny_relu", "net221", "net221_tanh", "net222"]


def test_the_preset_list_above_is_complete(view):
    assert _presets(view.model) == PRESETS


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("preset", PRESETS)
def test_every_graph_fills_its_canvas_at_its_fullest_stage(view, qtbot, preset, page):
    _settle(qtbot, view, page)
    m = view.model
    m.apply_preset(preset)
    m.set_position(m.last_position if m.walkthrough is None else
                   m.walkthrough.per_iteration - 1)
    canvas = view.canvas
    w, h = canvas.width(), canvas.height()
    assert w > 0.6 * view.width() - 1
    nodes, labels = _drawn(canvas, m.scene())
    drawn = QRectF(nodes[0][1])
    for _name, r in nodes + labels:
        drawn = drawn.united(r)
    # nothing is clipped ...
    assert drawn.left() >= 0 and drawn.top() >= 0, drawn
    assert drawn.right() <= w and drawn.bottom() <= h, (drawn, w, h)
    # ... and the drawing spans the canvas (a compact graph is centred, not stretched)
    assert drawn.width() >= 0.9 * (w - 2 * MARGIN), (drawn.width(), w)
    assert drawn.height() >= 0.6 * (h - 2 * MARGIN), (drawn.height(), h)
    assert abs(drawn.center().x() - w / 2) < 0.05 * w
    assert abs(drawn.center().y() - h / 2) < 0.1 * h
    assert canvas.fit() <= MAX_FIT + 1e-9


@pytest.mark.parametrize("preset", PRESETS)
def test_no_label_overlaps_a_node_or_another_label_at_any_stage(view, qtbot, preset):
    _settle(qtbot, view)
    m = view.model
    m.apply_preset(preset)
    for k in stages(m):
        m.set_position(k)
        nodes, labels = _drawn(view.canvas, m.scene())
        items = nodes + labels
        for i, (a, ra) in enumerate(items):
            for b, rb in items[i + 1:]:
                common = ra.intersected(rb)
                # touching boxes and slivers of a pixel or two are fine
                assert common.isEmpty() or min(common.width(), common.height()) < 3, (
                    f"stage {k}: {a!r} and {b!r} overlap")


def test_a_small_graph_gets_big_numbers_but_not_a_poster(view, qtbot):
    m = view.model
    m.apply_preset("chain")
    _settle(qtbot, view)
    small = view.canvas.fit()
    assert small > 1.0  # bigger than the tab's normal sizes: the canvas has the room
    _settle(qtbot, view, "1920x1080")
    big = view.canvas.fit()
    assert small < big <= MAX_FIT
    # the three inputs' rows are not pulled further apart than a few lines of numbers
    _fonts, rects, _s, _t = view.canvas.layout_scene(m.scene())
    line = view.canvas.fontMetrics().height()
    assert rects["n0"].center().y() < rects["n1"].center().y()
    assert rects["n1"].center().y() - rects["n0"].center().y() < 20 * line


def test_nodes_stay_put_while_stepping(view, qtbot):
    _settle(qtbot, view)
    m = view.model
    m.apply_preset("neuron")
    m.set_position(0)
    first = {k: QRectF(r) for k, r in view.canvas.layout_scene(m.scene())[1].items()}
    m.set_position(m.last_position)
    last = view.canvas.layout_scene(m.scene())[1]
    assert first == last


def test_the_active_node_is_drawn_and_not_covered(view, qtbot):
    _settle(qtbot, view)
    m = view.model
    m.apply_preset("net222")
    for k in stages(m):
        m.set_position(k)
        scene = m.scene()
        active = [n.key for n in scene.nodes if n.active]
        nodes, labels = _drawn(view.canvas, scene)
        rects = dict(nodes)
        for key in active:
            assert QRectF(0, 0, view.canvas.width(), view.canvas.height()).contains(rects[key])
            assert not any(rects[key].intersects(r) for _t, r in labels)


def test_a_long_graph_name_is_elided_not_cut_off(view, qtbot):
    _settle(qtbot, view)
    combo = view.preset_combo
    view.model.apply_preset("net222")
    full = combo.currentText()
    assert full.startswith("2-2-2 network")
    shown = combo.shown_text()
    assert shown != full and shown.endswith("…")
    assert combo.fontMetrics().horizontalAdvance(shown) < combo.width()
    assert combo.toolTip() == full
    view.model.apply_preset("fork")
    assert combo.toolTip() == combo.currentText()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_colour_key_is_always_in_sight(view, qtbot, lang):
    from desktop.i18n import set_language

    set_language(lang)
    view.model.apply_preset("net222")  # the longest side panel: it has to scroll
    _settle(qtbot, view)
    legend = view.legend_label
    assert legend.isVisible()
    assert not view.scroll.isAncestorOf(legend)
    top_left = legend.mapTo(view, legend.rect().topLeft())
    assert top_left.y() >= 0
    bottom = top_left.y() + legend.heightForWidth(legend.width())
    assert bottom <= view.height()
    assert legend.height() >= legend.heightForWidth(legend.width())
    # the panel above scrolls, and shows that it does
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.isVisible()


def test_side_panel_fonts_follow_projector_mode(view, qtbot):
    widgets = [view.preset_label, view.preset_combo, view.legend_label, view.stage_label,
               view.restore_button, view.formula_label]
    big = [w.font().pointSizeF() for w in widgets]
    style.set_projector(False)
    _settle(qtbot, view)
    small = [w.font().pointSizeF() for w in widgets]
    for w, b, s in zip(widgets, big, small):
        assert b >= 1.25 * s, (w, b, s)
