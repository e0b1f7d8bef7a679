"""The trainer on a 1024x768 projector: the loss curves get a real share of the right column,
nothing there is squashed or clipped, every tab title under the network shows in full, the
check boxes' indicators grow with their text, and the scrolled left column looks scrollable."""
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionButton, QToolButton

#: the trainer's page in a 1024x768 projector window (menu bar, tab bar, status bar off)
PAGE = (1012, 640)


@pytest.fixture
def projector_view(open_tab, qtbot):
    import pyqtgraph as pg

    pg.setConfigOptions(imageAxisOrder="row-major")
    v = open_tab("trainer", PAGE, projector=True)
    m = v.model
    for _ in range(20):  # some history, so the loss plot has curves
        m._train(10)
        m._after_training()
    qtbot.wait(20)
    return v


def _inside(child, parent) -> bool:
    top_left = child.mapTo(parent, child.rect().topLeft())
    bottom_right = child.mapTo(parent, child.rect().bottomRight())
    return parent.rect().contains(top_left) and parent.rect().contains(bottom_right)


def test_the_loss_plot_gets_a_real_share_of_the_right_column(projector_view):
    v = projector_view
    column = v.right.height()
    assert column > 500
    assert v.loss_plot.height() >= 0.28 * column
    assert v.loss_plot.height() >= 0.55 * v.output.height()
    # the heat map stays the larger plot, and not much taller than wide (it is square)
    assert v.output.height() >= v.loss_plot.height()
    assert v.output.height() >= 0.75 * v.output.width()
    # its y axis fits ticks at least every 0.2 of the loss: two labels or more
    ticks = v.loss_plot.getAxis("left")._tickLevels[0]
    assert len(ticks) >= 2


def test_nothing_in_the_right_column_is_squashed_or_clipped(projector_view):
    v = projector_view
    for w in (v.stats, v.output, v.show_test, v.discretize, v.loss_plot):
        assert w.isVisible()
        assert _inside(w, v.right), w
    for w in (v.stats, v.show_test, v.discretize):
        hint = w.sizeHint()
        assert w.height() >= hint.height(), w
        assert w.width() >= min(hint.width(), v.right.width() - 8), w
    # the title heads the stats table instead of taking its own row
    assert "OUTPUT" in v.stats.text()
    # the stacked widgets do not overlap
    order = sorted((v.stats, v.output, v.show_test, v.discretize, v.loss_plot),
                   key=lambda w: w.mapTo(v.right, w.rect().topLeft()).y())
    for a, b in zip(order, order[1:]):
        bottom_a = a.mapTo(v.right, a.rect().bottomLeft()).y()
        top_b = b.mapTo(v.right, b.rect().topLeft()).y()
        assert bottom_a < top_b, (a, b)
    # the two check boxes, one under the other here, sit close together
    gap = (v.discretize.mapTo(v.right, v.discretize.rect().topLeft()).y()
           - v.show_test.mapTo(v.right, v.show_test.rect().bottomLeft()).y())
    assert 0 < gap <= 8
    # the log-scale box sits inside the loss plot
    assert _inside(v.loss_log, v.loss_plot)


def test_every_insight_tab_title_shows_in_full(projector_view):
    bar = projector_view.insights.tabBar()
    fm = QFontMetrics(bar.font())
    assert bar.font().pointSizeF() >= 11  # still projector-sized
    for i in range(bar.count()):
        rect = bar.tabRect(i)
        assert rect.width() >= fm.horizontalAdvance(bar.tabText(i)), bar.tabText(i)
        assert rect.right() <= bar.width()
    assert not any(b.isVisible() for b in bar.findChildren(QToolButton))  # no scroll arrows


def test_the_tab_titles_grow_back_on_a_wide_screen(projector_view, qtbot):
    v = projector_view
    small = v.insights.tabBar().font().pointSizeF()
    v.resize(1900, 1000)
    qtbot.waitUntil(lambda: v.insights.tabBar().font().pointSizeF() > small, timeout=2000)


def test_check_box_indicators_grow_with_their_text(projector_view):
    for box in (projector_view.show_test, projector_view.discretize, projector_view.loss_log):
        opt = QStyleOptionButton()
        box.initStyleOption(opt)
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
        assert indicator.height() >= 0.7 * box.fontMetrics().height(), box.text()


def test_the_left_column_shows_that_it_scrolls(projector_view, qtbot):
    controls = projector_view.controls
    bar = controls.verticalScrollBar()
    assert bar.maximum() > 0  # the column is longer than the screen
    assert bar.isVisible() and bar.width() >= 14
    assert controls.fade.isVisible()
    fade = controls.fade.geometry()
    viewport = controls.viewport().geometry()
    assert fade.bottom() == viewport.bottom() and fade.width() == viewport.width()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not controls.fade.isVisible(), timeout=1000)
    bar.setValue(0)
    assert controls.fade.isVisible()


def test_the_left_column_is_as_wide_as_its_rows_in_korean(projector_view, qtbot):
    from desktop.i18n import set_language

    controls = projector_view.controls
    try:
        assert set_language("ko")
        qtbot.waitUntil(lambda: controls.clear.text() != "Clear", timeout=3000)
        need = controls.widget().minimumSizeHint().width()
        qtbot.waitUntil(lambda: controls.viewport().width() >= need, timeout=3000)
        assert controls.clear.width() >= controls.clear.sizeHint().width()
        assert _inside(controls.clear, controls.viewport())
    finally:
        set_language("en")


def test_the_left_column_widens_when_a_row_grows(projector_view, qtbot):
    controls = projector_view.controls
    before = controls.minimumWidth()
    controls.clear.setText("Clear every point now")  # a longer translation, say
    # the splitter may never shrink the column below what its widest row needs
    def need():
        return (controls.widget().minimumSizeHint().width()
                + controls.verticalScrollBar().width())

    qtbot.waitUntil(lambda: need() > before, timeout=3000)
    qtbot.waitUntil(lambda: controls.minimumWidth() >= need(), timeout=3000)
    qtbot.waitUntil(lambda: controls.width() >= need(), timeout=3000)
    assert _inside(controls.clear, controls.viewport())
    assert controls.clear.width() >= controls.clear.sizeHint().width()
