"""The descent tab's side panels: legend, loss-vs-step plot, accumulators, data view.

Each panel is a pure renderer of the model: ``update(model, colors, ...)`` reads what it
needs and calls ``setData``/``setText`` on widgets built once.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from desktop.tabs.descent.log_axis import DecadeAxis
from desktop.tabs.descent.map_view import MAX_RUNS
from desktop.tabs.descent.runs import ACCUMULATOR_SLOTS
from desktop.theme import style

LOG_FLOOR = 1e-12
BADGE_PADDING = 8


def _fmt_loss(value: float) -> str:
    """Three significant digits, compact exponents: "0.0644", "11.3", "1.24e-3"."""
    if not math.isfinite(value):
        return "—"
    if value != 0 and (abs(value) < 0.01 or abs(value) >= 1e5):
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.3g}"


class RunLegend(QWidget):
    """One row per ball: colour, name, and its loss, or a "diverged" badge once it has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        # at least an em after the first header, so the two never read as one phrase
        # ("옵티마이저 손실 − 최솟값") however narrow the side column gets
        self.header = [HeaderLabel(), QLabel()]
        grid.addWidget(self.header[0], 0, 1)
        grid.addWidget(self.header[1], 0, 2, Qt.AlignmentFlag.AlignRight)
        self.rows = []
        for i in range(MAX_RUNS):
            row = {key: QLabel() for key in ("swatch", "loss")}
            row["name"] = NameLabel()
            row["badge"] = NameLabel(padding=BADGE_PADDING)  # wraps: a narrow column
            row["loss"].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(row["swatch"], i + 1, 0)
            grid.addWidget(row["name"], i + 1, 1)
            grid.addWidget(row["loss"], i + 1, 2)
            grid.addWidget(row["badge"], i + 1, 2, Qt.AlignmentFlag.AlignRight)
            self.rows.append(row)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(MAX_RUNS + 1, 1)

    def retranslate(self, name_header: str, loss_header: str) -> None:
        for label, text in zip(self.header, (name_header, loss_header)):
            label.setText(text)

    def set_runs(self, labels: list[str], colors: list[str]) -> None:
        for i, row in enumerate(self.rows):
            visible = i < len(labels)
            for w in row.values():
                w.setVisible(visible)
            if visible:
                row["swatch"].setText(f"<span style='color:{colors[i]}'>●</span>")
                row["name"].setText(labels[i])
                row["name"].setToolTip(labels[i])
            row["badge"].hide()

    def refresh(self, model, badge_text: str) -> None:
        cursor = model.cursor
        f_ref = model.surface.f_ref if model.surface.minima else 0.0
        for i, run in enumerate(model.runs[:MAX_RUNS]):
            row = self.rows[i]
            s = run.index(cursor)
            diverged = run.diverged_at is not None and run.diverged_at <= cursor
            if diverged:
                _set(row["badge"], badge_text.replace("%1", str(run.diverged_at)))
            else:
                _set(row["loss"], _fmt_loss(run.loss[s] - f_ref))
            row["badge"].setVisible(diverged)
            row["loss"].setVisible(not diverged)

    def apply_style(self) -> None:
        for label in self.header:
            label.setFont(style.font(0.85))
            label.setStyleSheet(f"color: {style.muted}")
        for row in self.rows:
            # a little smaller in projector mode, where the side column is narrowest
            small = style.scale > 1.3
            row["swatch"].setFont(style.font(1.2 if small else 1.4))
            row["name"].setFont(style.font(0.85 if small else 1.0, bold=True))
            row["loss"].setFont(style.font(1.0 if small else 1.1, bold=True))
            row["badge"].setFont(style.font(0.95, bold=True))
            row["badge"].setStyleSheet(
                "color: white; background: #d55e00; border-radius: 6px; "
                f"padding: 1px {BADGE_PADDING}px;")


class HeaderLabel(QLabel):
    """A column header that keeps an em of space after its text (measured in its current
    font, so a language or font change re-measures it)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + metrics.height(),
                     metrics.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.minimumSizeHint()


class NameLabel(QLabel):
    """A run's name (or its "diverged at step n" badge): wraps between words but never
    clips inside one. Its minimum width is its longest word in its current font, so it
    follows a language or font change (the side panel cannot be dragged narrower than
    that). ``padding``: the style sheet's left and right padding, in pixels."""

    def __init__(self, parent: QWidget | None = None, padding: int = 0) -> None:
        super().__init__(parent)
        self.padding = padding
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=34)
        return QSize(longest + 6 + 2 * self.padding, metrics.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # one line when that fits, else no wider than the minimum: the cell decides
        metrics = self.fontMetrics()
        whole = metrics.horizontalAdvance(self.text()) + 6 + 2 * self.padding
        width = whole if self.padding else self.minimumSizeHint().width()
        return QSize(width, self.heightForWidth(width))


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def envelope(y: np.ndarray, max_points: int = 1500) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) with at most ~``max_points`` points: the min and max of each bin of steps, so
    a noisy curve keeps its envelope (plain striding would alias SGD's noise away)."""
    n = len(y)
    if n <= max_points:
        return np.arange(n, dtype=float), y
    bins = max_points // 2
    per = int(math.ceil(n / bins))
    m = (n // per) * per
    body = y[:m].reshape(-1, per)
    with np.errstate(all="ignore"):
        lo = np.nanmin(np.where(np.isfinite(body), body, np.nan), axis=1)
        hi = np.nanmax(np.where(np.isfinite(body), body, np.nan), axis=1)
    xs = np.arange(0, m, per, dtype=float)
    out_x = np.repeat(xs, 2) + np.tile([0.0, per / 2.0], len(xs))
    out_y = np.column_stack([lo, hi]).ravel()
    if m < n:
        out_x = np.append(out_x, np.arange(m, n, dtype=float))
        out_y = np.append(out_y, y[m:])
    return out_x, out_y


class LossPlot(pg.PlotWidget):
    """Loss above the minimum against step, log scale, one curve per ball.

    The log is taken here (the left axis labels powers of ten), and long histories are
    reduced to their min/max envelope, so a frame costs the same at step 10 and 10 000."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": DecadeAxis("left")})
        self.setMinimumHeight(70)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        self.curves = []
        for _ in range(MAX_RUNS):
            curve = pg.PlotCurveItem(connect="finite")
            item.addItem(curve)
            self.curves.append(curve)
        self.cursor_line = pg.InfiniteLine(angle=90, movable=False)
        item.addItem(self.cursor_line)
        item.enableAutoRange(y=True)
        self._log = True
        self.set_log(True)

    def set_log(self, log: bool) -> None:
        """Log scale of the loss above the minimum, or the plain loss (no known minimum)."""
        self._log = bool(log)
        self.getPlotItem().getAxis("left").set_decades(self._log)

    def refresh(self, model) -> None:
        cursor = model.cursor
        f_ref = model.surface.f_ref if self._log else 0.0
        for i, curve in enumerate(self.curves):
            if i >= len(model.runs):
                curve.hide()
                continue
            run = model.runs[i]
            s = run.index(cursor)
            y = run.loss[: s + 1] - f_ref
            with np.errstate(all="ignore"):
                if self._log:
                    y = np.log10(np.maximum(y, LOG_FLOOR))
                y = np.where(np.isfinite(y), y, np.nan)
            x, y = envelope(y)
            curve.setData(x, y, connect="finite")
            curve.show()
        self.cursor_line.setValue(cursor)
        self.getPlotItem().setXRange(0, max(10, cursor), padding=0.02)

    def set_colors(self, colors: list[str]) -> None:
        for curve, color in zip(self.curves, colors):
            curve.setPen(pg.mkPen(color, width=style.line_width))

    def apply_style(self) -> None:
        style.style_plot(self)
        self.cursor_line.setPen(pg.mkPen(style.muted, width=1.5, style=Qt.PenStyle.DashLine))


class AccumulatorPlot(pg.PlotWidget):
    """√(accumulated g²) along x and along y for each adaptive optimizer (log scale).

    A tall bar means big past gradients along that axis, so the optimizer divides its step
    there by more: the x and y steps differ."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": DecadeAxis("left")})
        self.setMinimumHeight(70)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x0=[], y0=[], width=[], height=[])
        item.addItem(self.bars)
        self.empty = pg.TextItem(anchor=(0.5, 0.5))
        item.addItem(self.empty)
        self._signature = None

    def refresh(self, model, colors: list[str], labels: list[str], empty_text: str) -> None:
        cursor = model.cursor
        xs, tops, brushes, ticks = [], [], [], []
        for i, run in enumerate(model.runs[:MAX_RUNS]):
            found = run.first_slot(ACCUMULATOR_SLOTS, cursor)
            if found is None:
                continue
            _, acc = found
            k = len(ticks)
            rms = np.sqrt(np.maximum(acc, 0.0))
            for axis in (0, 1):
                xs.append(3 * k + axis)
                tops.append(math.log10(max(rms[axis], 1e-6)))
                color = QColor(colors[i])
                if axis == 1:
                    color.setAlphaF(0.45)
                brushes.append(pg.mkBrush(color))
            ticks.append((3 * k + 0.5, labels[i]))
        item = self.getPlotItem()
        if not xs:
            self.bars.setOpts(x0=[], y0=[], width=[], height=[])
            self.empty.setText(empty_text)
            self.empty.setPos(0.5, 0.5)
            self.empty.show()
            item.setXRange(0, 1, padding=0)
            item.setYRange(0, 1, padding=0)
            item.getAxis("bottom").setTicks([[]])
            return
        self.empty.hide()
        floor = min(-3.0, math.floor(min(tops)) - 0.5)
        x = np.array(xs, float) - 0.4
        h = np.array(tops) - floor
        self.bars.setOpts(x0=x, y0=np.full(len(xs), floor), width=np.full(len(xs), 0.8),
                          height=h, brushes=brushes, pens=[pg.mkPen(None)] * len(xs))
        sig = (tuple(ticks), floor)
        if sig != self._signature:
            self._signature = sig
            item.getAxis("bottom").setTicks([ticks])
            item.setXRange(-0.8, 3 * len(ticks) - 1.2, padding=0.02)
        item.setYRange(floor, max(max(tops) + 0.3, floor + 1), padding=0)

    def apply_style(self) -> None:
        style.style_plot(self)
        self.getPlotItem().showGrid(x=False, y=True, alpha=style.grid_alpha)
        self.empty.setFont(style.font(0.9))
        self.empty.setColor(style.muted)
        self._signature = None


class DataPlot(pg.PlotWidget):
    """The data of a two-parameter model and the line / sigmoid each ball stands for."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(70)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        self.points = pg.ScatterPlotItem()
        self.batch = pg.ScatterPlotItem()
        item.addItem(self.points)
        item.addItem(self.batch)
        self.curves = [pg.PlotCurveItem() for _ in range(MAX_RUNS)]
        for c in self.curves:
            item.addItem(c)
        self._problem = None
        self._xs = np.zeros(2)

    def set_problem(self, problem) -> None:
        self._problem = problem
        x, t = problem.x, problem.t
        self.points.setData(x, t)
        lo, hi = float(x.min()), float(x.max())
        pad = 0.1 * (hi - lo)
        self._xs = np.linspace(lo - pad, hi + pad, 80)
        item = self.getPlotItem()
        item.setXRange(lo - pad, hi + pad, padding=0)
        t_lo, t_hi = float(t.min()), float(t.max())
        tp = 0.15 * (t_hi - t_lo)
        item.setYRange(t_lo - tp, t_hi + tp, padding=0)

    def refresh(self, model) -> None:
        problem = self._problem
        if problem is None:
            return
        cursor = model.cursor
        for i, curve in enumerate(self.curves):
            if i >= len(model.runs):
                curve.hide()
                continue
            run = model.runs[i]
            w, b = run.params[run.index(cursor)]
            if not (math.isfinite(w) and math.isfinite(b)):
                curve.hide()
                continue
            curve.setData(self._xs, problem.predict(w, b, self._xs))
            curve.show()
        # ring the samples of the next mini-batch (the noisiest ball that uses batches)
        batched = [r for r in model.runs if 0 < r.batch_size < problem.n_samples]
        if batched:
            run = min(batched, key=lambda r: r.batch_size)
            idx = problem.batch_indices(run.batch_size, run.index(cursor))
            self.batch.setData(problem.x[idx], problem.t[idx])
            self.batch.show()
        else:
            self.batch.hide()

    def set_colors(self, colors: list[str]) -> None:
        for curve, color in zip(self.curves, colors):
            curve.setPen(pg.mkPen(color, width=style.line_width))

    def apply_style(self) -> None:
        style.style_plot(self)
        self.points.setSize(style.marker_size)
        self.points.setBrush(pg.mkBrush(style.muted))
        self.points.setPen(pg.mkPen(None))
        self.batch.setSize(style.marker_size * 1.9)
        self.batch.setBrush(pg.mkBrush(None))
        self.batch.setPen(pg.mkPen(style.foreground, width=style.line_width * 0.8))
