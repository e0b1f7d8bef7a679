"""The arithmetic under the backpropagation canvas: formula lines laid out to stay readable.

``arrange_lines`` is the layout (pure: fonts and sizes in, rectangles out): it picks the
biggest font of a list and the fewest columns with which every formula stays on one line
and the block fits the given height. When no font lets a formula fit the width, the formula
breaks before an "=" (else before another operator, never inside a number) and continues
indented on the next row. ``FormulaArea`` paints an arrangement and scrolls, with a visible
scroll bar, only when even the smallest font does not fit the height.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

#: columns tried, fewest first; more would split a derivation too finely to follow.
MAX_COLUMNS = 3


@dataclass
class Placed:
    """One formula: its ``pieces`` (one per row; several only when it had to wrap) and the
    rectangle of each piece in the arrangement's pixels."""

    line: str
    pieces: list[str]
    rects: list[QRectF]

    @property
    def rect(self) -> QRectF:
        r = QRectF(self.rects[0])
        for other in self.rects[1:]:
            r = r.united(other)
        return r


@dataclass
class Arrangement:
    """Formulas placed in ``columns`` columns with ``font``; ``width``/``height`` in px."""

    font: QFont
    columns: int
    placed: list[Placed]
    width: float
    height: float

    @property
    def wrapped(self) -> bool:
        return any(len(p.pieces) > 1 for p in self.placed)


def _gap(fm: QFontMetricsF) -> float:
    return 1.5 * fm.horizontalAdvance("M")


def _row(fm: QFontMetricsF) -> float:
    return math.ceil(fm.lineSpacing()) + 2.0


#: where a formula may break, best first: after a ";" (between assignments), before an "=",
#: before another operator, after a "," (outside brackets); else at any space. Never
#: elsewhere: a number has no spaces, so it is never split.
_BREAKS = (re.compile(r"(?<=;)\s+"), re.compile(r"\s+(?==)"),
           re.compile(r"\s+(?=[+−·×←≈])"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+"))


def _cuts(line: str, level: int) -> list[tuple[int, int]]:
    """The spans of the spaces where ``line`` may break using ``_BREAKS[:level + 1]``;
    below the last level, only outside brackets."""
    depth, depths = 0, []
    for ch in line:
        depth += ch in "([{"
        depth -= ch in ")]}"
        depths.append(depth)
    last = level == len(_BREAKS) - 1
    spans = {(m.start(), m.end()) for pattern in _BREAKS[:level + 1]
             for m in pattern.finditer(line) if last or depths[m.start()] == 0}
    return sorted(spans)


def _break_at(line: str, fm: QFontMetricsF, width: float, indent: float,
              level: int) -> list[str] | None:
    """Rows of ``line`` broken at the cuts of ``level``, or None if one is still too wide
    (at the last level a word with no space to break at may stay wider)."""
    words, start = [], 0
    for a, b in _cuts(line, level):
        words.append((start, a))
        start = b
    words.append((start, len(line)))
    rows: list[tuple[int, int]] = []
    for a, b in words:
        room = width - (indent if rows else 0.0)
        if rows and fm.horizontalAdvance(line[rows[-1][0]:b]) <= room:
            rows[-1] = (rows[-1][0], b)
        else:
            rows.append((a, b))
    pieces = [line[a:b] for a, b in rows]
    if level == len(_BREAKS) - 1 or all(
            fm.horizontalAdvance(p) <= width - (indent if i else 0.0)
            for i, p in enumerate(pieces)):
        return pieces
    return None


def break_line(line: str, fm: QFontMetricsF, width: float, indent: float) -> list[str]:
    """``line`` as rows at most ``width`` wide (the rows after the first ``indent`` less),
    broken at the best kind of space in ``_BREAKS`` that makes every row fit."""
    if fm.horizontalAdvance(line) <= width:
        return [line]
    for level in range(len(_BREAKS)):
        pieces = _break_at(line, fm, width, indent, level)
        if pieces is not None:
            return pieces
    return [line]  # not reached: the last level always answers


def _column_options(lines: list[str], lead: int, fm: QFontMetricsF, width: float,
                   font: QFont) -> list[Arrangement]:
    """Every column count (fewest first, column-major) in which each formula fits unbroken
    in ``width``; empty when a formula is wider than ``width`` on its own."""
    widths = [fm.horizontalAdvance(s) for s in lines]
    if any(w > width for w in widths):
        return []
    row, gap = _row(fm), _gap(fm)
    body = list(range(lead, len(lines)))
    options = []
    for cols in range(1, min(MAX_COLUMNS, max(1, len(body))) + 1):
        rows = math.ceil(len(body) / cols)
        groups = [g for g in (body[c * rows:(c + 1) * rows] for c in range(cols)) if g]
        if options and len(groups) == options[-1].columns:
            continue  # e.g. 4 lines in 3 columns are 2 + 2: the same as 2 columns
        col_w = [max(widths[i] for i in g) for g in groups]
        total_w = sum(col_w) + gap * max(0, len(groups) - 1)
        if total_w > width:
            break  # more columns only get wider
        rects = {i: QRectF(0, i * row, widths[i], row) for i in range(lead)}
        x = 0.0
        for g, cw in zip(groups, col_w):
            for r, i in enumerate(g):
                rects[i] = QRectF(x, (lead + r) * row, widths[i], row)
            x += cw + gap
        placed = [Placed(s, [s], [rects[i]]) for i, s in enumerate(lines)]
        options.append(Arrangement(font, max(1, len(groups)), placed,
                                   max([total_w] + widths[:lead]), (lead + rows) * row))
    return options


def _wrapped(lines: list[str], fm: QFontMetricsF, width: float, font: QFont,
             level: int) -> Arrangement | None:
    """One column; a formula too wide for ``width`` breaks into indented rows at the cuts
    of ``level`` (None if that is not enough)."""
    row = _row(fm)
    indent = 2 * fm.horizontalAdvance("M")
    placed, y, right = [], 0.0, 0.0
    for line in lines:
        pieces = ([line] if fm.horizontalAdvance(line) <= width
                  else _break_at(line, fm, width, indent, level))
        if pieces is None:
            return None
        rects = []
        for k, piece in enumerate(pieces):
            x = indent if k else 0.0
            w = fm.horizontalAdvance(piece)
            rects.append(QRectF(x, y, w, row))
            right = max(right, x + w)
            y += row
        placed.append(Placed(line, pieces, rects))
    return Arrangement(font, 1, placed, right, y)


def arrange_lines(lines, fonts: list[QFont], width: float, height: float,
                  lead: int = 0) -> Arrangement:
    """Lay ``lines`` out in ``width`` x ``height`` px: the biggest of ``fonts`` (biggest
    first) and then the fewest columns with which no formula breaks and all fit the height;
    else, breaking formulas at the best kind of place that works (``_BREAKS``), the fewest
    rows and then the biggest font that fit the height; else the smallest font
    (taller than ``height``: the caller scrolls). The first ``lead`` lines (a rule such as
    w ← w − η·∂J/∂w) span all columns."""
    lines = list(lines)
    metrics = [(f, QFontMetricsF(f)) for f in fonts]
    for font, fm in metrics:
        for a in _column_options(lines, lead, fm, width, font):
            if a.height <= height:
                return a
    for level in range(len(_BREAKS)):  # the best breaks, the fewest rows, the biggest font
        fits = [a for a in (_wrapped(lines, fm, width, font, level) for font, fm in metrics)
                if a is not None and a.height <= height]
        if fits:
            return min(fits, key=lambda a: (sum(len(p.pieces) for p in a.placed),
                                            -a.font.pointSizeF()))
    font, fm = metrics[-1]
    options = _column_options(lines, lead, fm, width, font)
    return options[-1] if options else _wrapped(lines, fm, width, font, len(_BREAKS) - 1)


def font_steps(biggest: QFont, smallest: QFont, step: float = 0.5) -> list[QFont]:
    """``biggest`` and point sizes down to ``smallest`` in ``step`` pt, biggest first."""
    top, low = biggest.pointSizeF(), smallest.pointSizeF()
    sizes = [top]
    while sizes[-1] - step > low + 1e-6:
        sizes.append(sizes[-1] - step)
    if low < top - 1e-6:
        sizes.append(low)
    fonts = []
    for s in sizes:
        f = QFont(biggest)
        f.setPointSizeF(s)
        fonts.append(f)
    return fonts


class _Lines(QWidget):
    """Paints the arrangement its ``FormulaArea`` chose."""

    def __init__(self, area: FormulaArea) -> None:
        super().__init__()
        self._area = area

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        a = self._area.arrangement
        if a is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setFont(a.font)
        p.setPen(self._area.color)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for placed in a.placed:
            for piece, rect in zip(placed.pieces, placed.rects):
                p.drawText(rect.adjusted(0, 0, 4, 0), flags, piece)
        p.end()


class FormulaArea(QScrollArea):
    """The formula lines of one stage, arranged by ``arrange_lines`` for the area's size;
    a vertical scroll bar appears only when the smallest font does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        self.lead = 0
        self.fonts: list[QFont] = [QFont()]
        self.color = QColor("black")
        self.arrangement: Arrangement | None = None
        self.inner = _Lines(self)
        self.setWidget(self.inner)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)  # the caption's background shows
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(20)

    def set_lines(self, lines, fonts: list[QFont], color: QColor | str, lead: int = 0) -> None:
        """Show ``lines`` with the biggest of ``fonts`` that fits (biggest first)."""
        self.lines, self.fonts, self.lead = list(lines), list(fonts), lead
        self.color = QColor(color)
        self._relayout()

    def text(self) -> str:
        return "\n".join(self.lines)

    def arrange(self, width: float, height: float) -> Arrangement:
        return arrange_lines(self.lines, self.fonts, width, height, self.lead)

    def _relayout(self) -> None:
        w, h = self.width(), self.height()
        a = self.arrange(w, h)
        if a.height > h:  # the scroll bar takes its width from the formulas
            w -= self.verticalScrollBar().sizeHint().width()
            a = self.arrange(w, h)
        self.arrangement = a
        self.inner.resize(max(1, int(w)), max(1, math.ceil(a.height)))
        self.inner.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._relayout()

    def visible_rect(self) -> QRectF:
        """The part of the arrangement that is on screen now, in the arrangement's px."""
        vp = self.viewport().rect()
        return QRectF(-self.inner.x(), -self.inner.y(), vp.width(), vp.height())
