"""The perceptron tab's layout on a classroom projector: what the back row must be able to read.

Geometry is checked from the widgets' own rectangles with independent arithmetic (circle
against rectangle, text lines of a laid-out document), at the sizes the lecture rooms use:
a 1024x768 window leaves the tab 1024x663; 1280x800 -> 1280x695; 1920x1080 -> 1920x975.
"""
import math

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.tabs.perceptron import text
from desktop.theme import style

TAB_1024, TAB_1280, TAB_1920 = (1024, 663), (1280, 695), (1920, 975)


@pytest.fixture
def make_view(open_tab):
    """Build the tab at a size, projector mode on (or off), in English or Korean."""
    def make(size, projector=True, lang="en"):
        return open_tab("perceptron", size, projector, lang)

    return make


def settle():
    for _ in range(5):
        QApplication.processEvents()


def train_a_little(m):
    m.set_gate("OR")
    m.randomize(4)
    for _ in range(3):
        m.step_epoch()
    m.step()
    settle()


def circle_meets_rect(circle: QRectF, rect: QRectF) -> bool:
    c = circle.center()
    nx = min(max(c.x(), rect.left()), rect.right())
    ny = min(max(c.y(), rect.top()), rect.bottom())
    return math.hypot(c.x() - nx, c.y() - ny) < circle.width() / 2


def check_diagram(canvas):
    """Every number and label inside the canvas; no text on another text or on a node."""
    placed = canvas.placement()
    area = QRectF(canvas.rect())
    texts = [r for r in (*placed.labels, *placed.subs) if r is not None]
    texts += [b[0] for b in placed.boxes if b is not None]
    assert texts and all(area.contains(r) for r in texts)
    assert all(area.contains(r) for r in placed.nodes)
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            assert not a.intersects(b), (a, b)
    for node, rnd in zip(placed.nodes, placed.round_nodes):
        for t in texts:
            hit = circle_meets_rect(node, t) if rnd else node.intersects(t)
            assert not hit, (node, t)
    return placed.unit


def check_plane(plane, points, with_marks=True):
    """All points (with their radius) and their ✓/✗ marks inside the visible data area."""
    vb = plane.getViewBox()
    view = plane.view_rect()
    px, py = vb.viewPixelSize()
    radius = plane.points.opts["size"] / 2
    for x, y in points:
        dot = QRectF(x - radius * px, y - radius * py, 2 * radius * px, 2 * radius * py)
        assert view.contains(dot), (x, y, view)
    if with_marks:
        for mark in plane.marks:
            assert mark.textItem.toPlainText() in ("✓", "✗")
            assert view.contains(plane.text_rect(mark)), (plane.text_rect(mark), view)


def inside(widget, outer) -> bool:
    r = QRect(widget.mapTo(outer, widget.rect().topLeft()), widget.size())
    return outer.rect().contains(r)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_1024_projector_everything_fits(make_view, lang):
    v = make_view(TAB_1024, lang=lang)
    train_a_little(v.model)  # three lines of counter, a full update, the line on the plane
    unit = check_diagram(v.diagram)
    assert unit >= 45  # nodes about 40 px across or more
    check_plane(v.plane, [(0, 0), (0, 1), (1, 0), (1, 1)])
    r = v.plane.view_rect()
    assert r.left() <= -0.5 and r.right() >= 1.5  # a margin round the unit square
    assert r.top() <= -0.5 and r.bottom() >= 1.5
    vb = v.plane.getViewBox()
    assert vb.width() >= 240 and 0.75 <= vb.width() / vb.height() <= 1.33  # big, square-ish
    # the errors plot: a sensible height, entirely in sight without scrolling
    plot = v.side.errors_plot
    assert plot.height() >= 100
    assert inside(plot, v.side.viewport())
    # the update rule: all five lines in sight (its scroll area needs no scrolling)
    label = v.update_label
    assert label.heightForWidth(label.width()) <= label.parentWidget().height()
    for w in (v.diagram, v.plane, v.update_label, v.side, v.bottom_bar):
        assert inside(w, v)


def test_layout_grows_with_the_window(make_view):
    units, planes = [], []
    for size in (TAB_1024, TAB_1280, TAB_1920):
        v = make_view(size)
        units.append(check_diagram(v.diagram))
        planes.append(v.plane.getViewBox().height())
        check_plane(v.plane, [(0, 0), (0, 1), (1, 0), (1, 1)])
        # the arithmetic below gets what it needs, not a third of the window
        assert v.work.bottom_stack.height() <= 0.42 * v.work.height() + 1
    assert units[0] < units[1] < units[2] and units[2] > 2 * units[0]
    assert planes[0] < planes[1] < planes[2] and planes[2] > 1.8 * planes[0]


def test_normal_mode_1280(make_view):
    v = make_view(TAB_1280, projector=False)
    train_a_little(v.model)
    assert check_diagram(v.diagram) >= 60
    check_plane(v.plane, [(0, 0), (0, 1), (1, 0), (1, 1)])
    vb = v.plane.getViewBox()
    assert vb.width() >= 380 and 0.75 <= vb.width() / vb.height() <= 1.33
    assert inside(v.side.errors_plot, v.side.viewport())


def test_resizing_refits_until_the_teacher_drags_a_border(make_view):
    v = make_view(TAB_1024)
    small = v.diagram.width()
    v.resize(*TAB_1920)
    settle()
    assert v.diagram.width() > 1.8 * small
    assert v.plane.getViewBox().height() > 500
    v.work.top_split.splitterMoved.emit(300, 1)  # what a drag reports
    sizes = v.work.top_split.sizes()
    v.resize(*TAB_1280)
    settle()
    v.resize(*TAB_1920)
    settle()
    assert v.work.user_sized
    assert v.work.top_split.sizes() != [0, 0] and sum(v.work.top_split.sizes()) == sum(sizes)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_xor_two_layers_at_1024_projector(make_view, lang):
    v = make_view(TAB_1024, lang=lang)
    v.model.apply_preset("xor")
    for _ in range(6):
        v.model.step_epoch()
    settle()
    v.banner.button.click()  # "Solve with two layers"
    settle()
    assert v.model.two_layer and v.hidden_plane.isVisible()
    for w in (v.net_diagram, v.plane, v.hidden_plane, v.work.plane_title,
              v.work.hidden_title, v.net_label):
        assert inside(w, v), w
    check_diagram(v.net_diagram)
    check_plane(v.plane, [(0, 0), (0, 1), (1, 0), (1, 1)])
    hp = v.hidden_plane
    check_plane(hp, [(1, 1), (1, 0), (0, 0)], with_marks=False)
    for name in hp.names:
        if name.isVisible():
            assert hp.view_rect().contains(hp.text_rect(name))
    # each neuron's arithmetic on one line each at this width
    label = v.net_label
    assert label.heightForWidth(label.width()) <= 3.5 * label.fontMetrics().lineSpacing()
    for w in (v.plane, v.hidden_plane):
        vb = w.getViewBox()
        assert vb.width() >= 150 and vb.height() >= 150


def test_forward_equation_wraps_only_before_an_operator(qapp):
    style.set_projector(True)
    try:
        html = text.forward_html((-1.25, 1.75), -0.75, (-0.5, 0.25), -0.9531, 0.0, "step",
                                 "#000")
        doc = QTextDocument()
        doc.setDefaultFont(style.font(1.0))
        doc.setHtml(html)
        for width in (220, 300, 420, 2000):
            doc.setTextWidth(width)
            doc.documentLayout().documentSize()  # lay the text out now
            lines = []
            block = doc.begin()
            while block.isValid():
                layout = block.layout()
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    lines.append(block.text()[line.textStart():line.textStart()
                                              + line.textLength()].replace("\u00a0", " "))
                block = block.next()
            assert len(lines) >= 2
            # never inside a number or a product: each line starts at z =, y =, = or +
            assert all(ln.strip().startswith(("z = ", "y = ", "= ", "+ ")) for ln in lines), \
                lines
            if width == 220:
                assert len(lines) >= 4  # it does wrap
            if width == 2000:
                assert len(lines) == 2  # z's line and y's line
    finally:
        style.set_projector(False)


def test_diagram_fits_any_reasonable_box(qapp):
    from desktop.tabs.perceptron import diagram

    canvas = diagram.GraphCanvas()
    nodes, edges = diagram.neuron_graph((-2.75, 1.5), -10.125, (-10.0, 10.0), -30.0, 0.0,
                                        "sigmoid", 1.0, False, "bias")
    canvas.set_graph(nodes, edges)
    for w, h in ((200, 120), (300, 300), (340, 250), (700, 250), (900, 650), (400, 600)):
        canvas.resize(w, h)
        unit = check_diagram(canvas)
        assert unit >= min(w / 9, h / 5)  # it uses the room it has
