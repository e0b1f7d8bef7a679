"""Small widgets of the perceptron tab: a wrapping row, a slider+spin box, the truth table,
the message banner. They display what they are given and report edits as signals; the view
connects those to the model's setters.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.tabs.perceptron.text import fx
from desktop.theme import CLASS_COLORS, RIGHT, SKY, WRONG, style

NO_FOCUS = Qt.FocusPolicy.NoFocus  # the shell owns Space / arrows / R


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        x0, y = rect.x() + m.left(), rect.y() + m.top()
        right = rect.right() - m.right()
        x, line_h = x0, 0
        row: list = []

        def flush(row, y, line_h):
            if move:
                for item, px in row:
                    h = item.sizeHint().height()
                    item.setGeometry(QRect(QPoint(px, y + (line_h - h) // 2),
                                           QSize(item.sizeHint().width(), h)))

        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > right + 1 and row:
                flush(row, y, line_h)
                y += line_h + self._spacing
                x, line_h, row = x0, 0, []
            row.append((item, x))
            x += hint.width() + self._spacing
            line_h = max(line_h, hint.height())
        flush(row, y, line_h)
        return y + line_h - rect.y() + m.bottom()


class WeightRow(QWidget):
    """A label, a slider (±5, steps of 0.01) and a spin box (±100) for one number."""

    value_edited = Signal(float)
    SLIDER_SCALE = 100

    def __init__(self, name: str, limit: float = 5.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(name)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(-limit * self.SLIDER_SCALE), int(limit * self.SLIDER_SCALE))
        self.slider.setSingleStep(10)
        self.slider.setPageStep(50)
        self.slider.setFocusPolicy(NO_FOCUS)
        self.slider.setMinimumWidth(60)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(-100.0, 100.0)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.1)
        self.spin.setKeyboardTracking(False)
        self.spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.slider.valueChanged.connect(lambda v: self.value_edited.emit(v / self.SLIDER_SCALE))
        self.spin.valueChanged.connect(self.value_edited.emit)
        self.spin.editingFinished.connect(self.spin.clearFocus)

    def set_value(self, value: float) -> None:
        for w, v in ((self.slider, round(value * self.SLIDER_SCALE)), (self.spin, value)):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)

    def value(self) -> float:
        return self.spin.value()


def spin_box(lo: float, hi: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(lo, hi)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setKeyboardTracking(False)
    spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.editingFinished.connect(spin.clearFocus)
    return spin


def set_spin(spin: QDoubleSpinBox, value: float) -> None:
    spin.blockSignals(True)
    spin.setValue(value)
    spin.blockSignals(False)


class TruthTable(QTableWidget):
    """x1 | x2 | t | y | ✓ for the four gate inputs. ``row_clicked(row, column)``."""

    row_clicked = Signal(int, int)
    COL_X1, COL_X2, COL_T, COL_Y, COL_OK = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(4, 5, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(NO_FOCUS)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = self.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(self.COL_Y, QHeaderView.ResizeMode.ResizeToContents)
        head.setMinimumSectionSize(20)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for r in range(4):
            for c in range(5):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        self.cellClicked.connect(self.row_clicked.emit)

    def show_rows(self, inputs, targets, outputs, correct, activation: str, next_row: int,
                  probe_row: int | None, editable: bool) -> None:
        probe_bg = QColor(SKY)
        probe_bg.setAlpha(70 if not style.dark else 90)
        edit_bg = QColor(style.muted)
        edit_bg.setAlpha(45)
        clear = QColor(0, 0, 0, 0)
        for r in range(4):
            y = fx(outputs[r]) if activation == "step" else f"{outputs[r]:.2f}"
            vals = (fx(inputs[r][0]), fx(inputs[r][1]), fx(targets[r]), y,
                    "✓" if correct[r] else "✗")
            for c, text in enumerate(vals):
                item = self.item(r, c)
                item.setText(text)
                item.setForeground(QColor(style.foreground))
                item.setBackground(probe_bg if r == probe_row else clear)
            t_item = self.item(r, self.COL_T)
            t_item.setForeground(QColor(CLASS_COLORS[int(targets[r])]))
            if editable and r != probe_row:
                t_item.setBackground(edit_bg)
            self.item(r, self.COL_OK).setForeground(QColor(RIGHT if correct[r] else WRONG))
            header = QTableWidgetItem("▶" if r == next_row else "")
            self.setVerticalHeaderItem(r, header)

    def apply_style(self) -> None:
        font = style.font(1.2, bold=True)
        self.setFont(font)
        self.horizontalHeader().setFont(style.font(1.1, bold=True))
        self.verticalHeader().setFont(style.font(1.0))
        for r in range(4):
            for c in range(5):
                self.item(r, c).setFont(font)
        self._fit_height()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # e.g. the Hangul font for Korean
            self._fit_height()

    def _fit_height(self) -> None:
        """Exactly the header and four rows: no scroll bar, no empty strip."""
        # from the digits' height: a Hangul font's tall line spacing need not widen the rows
        fm = self.fontMetrics()
        row_h = int(max(fm.capHeight() * 1.85, fm.height() * 0.95))
        self.verticalHeader().setDefaultSectionSize(row_h)
        self.verticalHeader().setMinimumWidth(int(style.point_size * 2))
        head_h = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(head_h + 4 * row_h + 2 * self.frameWidth() + 2)


class Banner(QFrame):
    """A coloured message with an optional button (XOR verdict, convergence, two layers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton()
        self.button.setFocusPolicy(NO_FOCUS)
        lay = QHBoxLayout(self)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self._colour = RIGHT

    def show_message(self, html: str, colour: str, button_text: str | None) -> None:
        self.label.setText(html)
        self.button.setVisible(button_text is not None)
        if button_text is not None:
            self.button.setText(button_text)
        self._colour = colour
        self.apply_style()
        self.setVisible(True)

    def apply_style(self) -> None:
        col = QColor(self._colour)
        bg = QColor(col)
        bg.setAlpha(40 if not style.dark else 70)
        self.setStyleSheet(
            f"Banner {{ background: rgba({bg.red()},{bg.green()},{bg.blue()},{bg.alpha()});"
            f" border: {max(2, int(style.line_width))}px solid {col.name()};"
            f" border-radius: 6px; }}")
        self.label.setFont(style.font(1.0, bold=True))
        self.button.setFont(style.font(1.05, bold=True))
        self.layout().setContentsMargins(*(int(6 * style.scale),) * 4)
