"""Small widgets of the descent tab: number boxes that suit learning rates, helpers."""
from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QSizePolicy,
    QWidget,
)


class NumberBox(QDoubleSpinBox):
    """A spin box for numbers spanning decades (learning rates, ε, β).

    Shows up to 4 significant digits ("0.001", "1e-08"); the arrows multiply or divide by
    a constant ratio (``log_step``) or add ``linear_step``; it emits ``value_committed``
    only when the teacher finishes (Enter, arrows, focus out), never per keystroke, and then
    gives the keyboard back to the shell (Space, arrows, R).
    """

    value_committed = Signal(float)

    def __init__(self, lo: float, hi: float, log_step: float | None = 10 ** 0.25,
                 linear_step: float = 0.01, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log_step = log_step
        self._linear_step = linear_step
        self.setDecimals(12)
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccelerated(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.editingFinished.connect(self._commit)
        self._last = None

    def set_value_quietly(self, value: float) -> None:
        self.blockSignals(True)
        self.setValue(value)
        self.blockSignals(False)
        self._last = self.value()

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        if value == 0:
            return "0"
        if 1e-3 <= abs(value) < 1e4:
            return f"{value:.4g}"
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        stripped = text.strip().replace(",", ".")
        if stripped in ("", "-", ".", "e", "-."):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            if stripped.lower().endswith(("e", "e-", "e+")):
                return QValidator.State.Intermediate, text, pos
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        value = self.value()
        if self._log_step and value > 0:
            new = value * self._log_step ** steps
            new = float(f"{new:.2g}") if new > 0 else new
        else:
            new = value + steps * self._linear_step
        self.setValue(min(self.maximum(), max(self.minimum(), new)))
        self._commit()

    def _commit(self) -> None:
        value = self.value()
        if self.hasFocus():
            self.clearFocus()  # Space, arrows and R belong to the shell again
        if self._last is None or not math.isclose(value, self._last, rel_tol=1e-12):
            self._last = value
            self.value_committed.emit(value)


class WrapLabel(QLabel):
    """A word-wrapped label that may shrink (long captions in narrow panels)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(60)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # One line: the layout asks heightForWidth() at the real width for the rest. Qt's
        # default would reserve the height of the text wrapped at the minimum width.
        return QSize(60, self.fontMetrics().height())


def _luminance(c) -> float:
    """WCAG relative luminance of a QColor."""
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def readable(color: str) -> str:
    """The colour itself, or a lighter tint when it has less than 3:1 contrast (the WCAG
    minimum for graphics) against the dark theme's background (Adam's brown would vanish)."""
    from PySide6.QtGui import QColor

    from desktop.theme import style

    if not style.dark:
        return color
    c = QColor(color)
    bg = _luminance(QColor(style.background))
    t = 0.0
    while t < 0.9:
        mixed = QColor.fromRgbF(c.redF() + (1 - c.redF()) * t, c.greenF() + (1 - c.greenF()) * t,
                                c.blueF() + (1 - c.blueF()) * t)
        if (_luminance(mixed) + 0.05) / (bg + 0.05) >= 3.0:
            return mixed.name()
        t += 0.1
    return QColor("#ffffff").name()


def no_keyboard(*widgets: QWidget) -> None:
    """Mouse-only controls, so Space and the arrow keys always reach the shell."""
    for w in widgets:
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
