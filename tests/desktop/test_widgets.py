"""The shared widgets that keep long texts from widening the window."""
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.widgets import ElidedLabel, ElidingComboBox, ScrollWidthFitter


def test_elided_label_shrinks_to_its_space_and_keeps_the_whole_text(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    label = ElidedLabel("x" * 300)
    QHBoxLayout(box).addWidget(label)
    assert box.minimumSizeHint().width() < 50
    box.resize(200, 40)
    box.show()
    qtbot.waitExposed(box)
    assert label.width() <= 200
    shown = label.shown_text()
    assert shown.endswith("…") and len(shown) < 300
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
    assert label.text() == "x" * 300 and label.toolTip() == "x" * 300
    label.setText("short")
    assert label.shown_text() == "short" and label.toolTip() == ""


def test_eliding_combo_paints_an_ellipsis_and_keeps_room_for_min_text(qtbot):
    combo = ElidingComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["A very long preset name that cannot possibly fit in the box", "B"])
    combo.set_min_text("Choose a preset…")
    need = combo.fontMetrics().horizontalAdvance("Choose a preset…")
    assert combo.minimumSizeHint().width() > need
    combo.resize(need + 60, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    assert combo.shown_text().endswith("…")
    assert combo.toolTip() == combo.currentText()
    combo.setCurrentIndex(1)
    assert combo.shown_text() == "B" and combo.toolTip() == "B"


def test_scroll_width_fitter_follows_content_that_grows_later(qtbot):
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    content = QWidget()
    label = QLabel("short")
    QVBoxLayout(content).addWidget(label)
    scroll.setWidget(content)
    qtbot.addWidget(scroll)
    seen = []
    fitter = ScrollWidthFitter(scroll, slack=3, after=seen.append)
    scroll.show()
    first = fitter.fit()
    assert scroll.minimumWidth() == first >= label.sizeHint().width()
    # a longer text (a new language) arrives later: the width follows without a call
    label.setText("a much, much longer label than before, as a translation may be")
    need = label.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
    qtbot.waitUntil(lambda: scroll.minimumWidth() >= need, timeout=2000)
    assert seen[-1] == scroll.minimumWidth() > first
