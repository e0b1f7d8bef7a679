"""Small widgets shared by the shell and the tabs: text that never forces the window wider.

On a 1024 x 768 projector every pixel of width counts, and a Qt label or combo box asks for
as much width as its whole text. These end a text that does not fit with "…" instead (the
whole text stays available as the tooltip or in the drop-down list).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)


def fit_scroll_width(scroll, slack: int = 4, floor: int = 0) -> int:
    """Make a side panel's scroll area (it scrolls vertically only) never narrower than its
    content plus the scroll bar, the frame and ``slack`` (and at least ``floor``), so no
    control in it is ever cut off. Returns that width."""
    need = max(floor, scroll.widget().minimumSizeHint().width()
               + scroll.verticalScrollBar().sizeHint().width()
               + 2 * scroll.frameWidth() + slack)
    if need != scroll.minimumWidth():
        scroll.setMinimumWidth(need)
    return need


class ScrollWidthFitter(QObject):
    """Keeps a side panel's scroll area as wide as its content needs (``fit_scroll_width``),
    also when the content changes size later: the widgets get polished, a new language or the
    projector's font arrives in posted layout requests after the change itself. Every
    layout request of the content schedules one fit for the next turn of the event loop;
    ``after(width)`` runs after each fit (e.g. to move an overlay)."""

    def __init__(self, scroll, slack: int = 4, floor: int = 0, after=None) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        self.slack = slack
        self.floor = floor
        self.after = after
        self._pending = False
        scroll.widget().installEventFilter(self)

    def fit(self) -> int:
        """Fit now (the content's layout is settled first); returns the width."""
        self._pending = False
        content = self.scroll.widget()
        if content.layout() is not None:
            content.layout().activate()
        width = fit_scroll_width(self.scroll, self.slack, self.floor)
        if self.after is not None:
            self.after(width)
        return width

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)
        return False


class ElidingComboBox(QComboBox):
    """A combo box that ends a current item too long for it with "…" (Qt would cut it
    mid-letter under the arrow), shows the whole text as its tooltip, opens a list wide
    enough for the longest item, and is never narrower than ``min_text`` when one is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_text = ""
        self.currentTextChanged.connect(self.setToolTip)

    def set_min_text(self, text: str) -> None:
        """Always leave room for ``text`` (e.g. the placeholder item) in full."""
        if text != self.min_text:
            self.min_text = text
            self.updateGeometry()

    def shown_text(self) -> str:
        """The current text as painted: whole, or elided to the edit field's width."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight,
                                             max(0, field.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        if self.min_text:
            opt = QStyleOptionComboBox()
            self.initStyleOption(opt)
            text = QSize(self.fontMetrics().horizontalAdvance(self.min_text) + 2, hint.height())
            need = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, text,
                                                 self)
            hint.setWidth(max(hint.width(), need.width()))
        return hint

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        view = self.view()
        bar = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(view.sizeHintForColumn(0) + bar + 8)
        super().showPopup()


class ElidedLabel(QLabel):
    """A one-line label that takes the width it is given and ends a longer text with "…"
    (a plain QLabel's minimum width is its whole text: a long status line would push the
    window wider than the screen). The whole text is the tooltip while it is elided."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        # Preferred: its whole text when there is room, down to nothing when there is not
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        self._elide()
        self.updateGeometry()

    def clear(self) -> None:
        self.setText("")

    def text(self) -> str:
        """The whole text (not the elided one on screen)."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._full) + 4, fm.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, self.fontMetrics().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(0, self.width()))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
