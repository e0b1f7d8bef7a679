"""Panels that look inside the network: hidden space, gradients, weights, metrics.

Each panel redraws only while it is visible (``refresh`` returns at once otherwise) and is
redrawn when it is shown.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.trainer import data
from desktop.tabs.trainer.plots import _setup_plot, fit_tick_text, test_color, train_color
from desktop.theme import BACKWARD, CLASS_COLORS, RIGHT, WRONG, style

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _no_focus(*widgets) -> None:
    for w in widgets:
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class _Panel(QWidget):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        model.weights_changed.connect(self.refresh)
        model.network_changed.connect(self.refresh)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def apply_style(self) -> None:
        # in projector mode the explanation (for the teacher) gives its room to the plot
        self.note.setVisible(not style.projector)
        self.note.setFont(style.font(0.85))
        self.note.setStyleSheet(f"color: {style.muted}")


def _plain_axes(plot) -> None:
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)


def _log_ticks(lo: int, hi: int) -> list:
    return [[(k, "10" + str(k).translate(SUPERSCRIPT)) for k in range(lo, hi + 1)]]


class GradientPanel(_Panel):
    """RMS of dL/dW for each layer's weights on a log scale: vanishing or exploding."""

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.plot = pg.PlotWidget()
        _setup_plot(self.plot)
        _plain_axes(self.plot)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.plot.addItem(self.bars)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.note)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.summary)
        self._ticks = None
        self.retranslate()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        g = self.model.gradient_norms()
        logs = np.log10(np.maximum(g, 1e-12))
        lo = int(np.floor(min(logs.min(), -1))) - 1 if len(logs) else -3
        hi = int(np.ceil(max(logs.max(), lo + 2))) if len(logs) else 0
        x = np.arange(len(g))
        self.bars.setOpts(x=x, y0=np.full(len(g), lo), y1=logs, height=None, width=0.6,
                          brush=QBrush(QColor(BACKWARD)), pen=pg.mkPen(style.foreground))
        n = len(g)
        names = [str(i + 1) for i in range(n - 1)] + [self.tr("out")]
        ticks = (lo, hi, tuple(names))
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("left").setTicks(_log_ticks(lo, hi))
            self.plot.getAxis("bottom").setTicks([list(enumerate(names))])
            self.plot.setRange(xRange=(-0.6, n - 0.4), yRange=(lo, hi), padding=0)
        if n >= 2 and g[-1] > 0:
            ratio = g[0] / g[-1]
            self.summary.setText(self.tr("First layer / last layer: %1").replace(
                "%1", f"{ratio:.3g}") + "   " + (
                self.tr("(vanishing: the first layers learn slowly)") if ratio < 0.05 else
                self.tr("(exploding)") if ratio > 20 else ""))
        else:
            self.summary.setText("")

    def retranslate(self) -> None:
        self.note.setText(self.tr(
            "How large the loss gradient is for each layer's weights (root mean square, log "
            "scale). Bars that shrink towards the input are vanishing gradients."))
        self.plot.setLabel("bottom", self.tr("weights into layer"))
        self.plot.setLabel("left", self.tr("RMS gradient"))
        self._ticks = None
        self.refresh()

    def apply_style(self) -> None:
        super().apply_style()
        self.summary.setFont(style.font(1.0, bold=True))
        style.style_plot(self.plot)
        fit_tick_text(self.plot)
        self.retranslate()


class WeightPanel(_Panel):
    """A histogram of every weight, coloured by sign: L1 piles weights at 0, L2 shrinks."""

    BINS = 41

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.plot = pg.PlotWidget()
        _setup_plot(self.plot)
        _plain_axes(self.plot)
        self.bars = pg.BarGraphItem(x=[], height=[], width=1.0)
        self.plot.addItem(self.bars)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.note)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.summary)
        self._brushes = None
        self.retranslate()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        w = self.model.all_weights()
        top = float(np.max(np.abs(w))) if w.size else 1.0
        r = next((v for v in (0.5, 1, 2, 5, 10, 20, 50, 100, 1000) if top <= v), top)
        edges = np.linspace(-r, r, self.BINS + 1)
        counts, _ = np.histogram(np.clip(w, -r, r), bins=edges)
        centres = 0.5 * (edges[1:] + edges[:-1])
        if self._brushes is None or len(self._brushes) != self.BINS or self._r != r:
            lut = style.lut()
            idx = np.clip(((centres / r + 1) * 127.5).astype(int), 0, 255)
            self._brushes = [QBrush(QColor(*[int(v) for v in lut[i][:3]])) for i in idx]
            self._r = r
        self.bars.setOpts(x=centres, height=counts, width=edges[1] - edges[0],
                          brushes=self._brushes, pen=pg.mkPen(style.muted, width=1))
        self.plot.setRange(xRange=(-r, r), yRange=(0, max(1, counts.max()) * 1.1), padding=0)
        near = int(np.sum(np.abs(w) < 0.01))
        self.summary.setText(
            self.tr("%1 weights · |w| < 0.01: %2 · largest |w|: %3 · mean |w|: %4")
            .replace("%1", str(w.size)).replace("%2", str(near))
            .replace("%3", f"{top:.3g}").replace("%4", f"{np.mean(np.abs(w)):.3g}"))

    def retranslate(self) -> None:
        self.note.setText(self.tr(
            "Every weight of the network (orange negative, blue positive). L1 regularisation "
            "pushes many weights to exactly 0; L2 shrinks them all towards 0."))
        self.plot.setLabel("bottom", self.tr("weight"))
        self.plot.setLabel("left", self.tr("count"))
        self.refresh()

    def apply_style(self) -> None:
        super().apply_style()
        self.summary.setFont(style.font(1.0, bold=True))
        style.style_plot(self.plot)
        self._brushes = None
        self.retranslate()


class MetricsPanel(_Panel):
    """Accuracy and confusion matrices (classification), R^2 and RMSE (regression)."""

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.tables = {"train": QTableWidget(), "test": QTableWidget()}
        self.titles = {"train": QLabel(), "test": QLabel()}
        grid = QGridLayout()
        for c, key in enumerate(("train", "test")):
            t = self.tables[key]
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            t.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            t.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
            t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            t.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
            grid.addWidget(self.titles[key], 0, c)
            grid.addWidget(t, 1, c)
        # regression: each point's prediction against its true value, and the line y = x
        self.fit = pg.PlotWidget()
        _setup_plot(self.fit)
        _plain_axes(self.fit)
        self.fit.setAspectLocked(True)
        self.diagonal = self.fit.plot([-1.2, 1.2], [-1.2, 1.2])
        self.fit_test = pg.ScatterPlotItem(pxMode=True)
        self.fit_train = pg.ScatterPlotItem(pxMode=True)
        self.fit.addItem(self.fit_test)
        self.fit.addItem(self.fit_train)
        self.fit.setRange(xRange=(-1.2, 1.2), yRange=(-1.2, 1.2), padding=0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.headline)
        lay.addWidget(self.note)
        lay.addLayout(grid, 1)
        lay.addWidget(self.fit, 1)
        model.data_changed.connect(self.refresh)
        self.retranslate()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        m = self.model
        mt = m.metrics
        classification = m.kind == data.CLASSIFICATION
        for key in ("train", "test"):
            self.tables[key].setVisible(classification)
            self.titles[key].setVisible(classification)
        self.note.setVisible(classification and not style.projector)
        self.fit.setVisible(not classification)
        if classification:
            self.headline.setText(self.tr("Accuracy: training %1 · test %2").replace(
                "%1", _pct(mt["train_accuracy"])).replace("%2", _pct(mt["test_accuracy"])))
            for key in ("train", "test"):
                self._fill(self.tables[key], mt[f"{key}_confusion"])
        else:
            self.headline.setText(
                self.tr("R²: training %1 · test %2<br>RMSE: training %3 · test %4")
                .replace("%1", _num(mt["train_r2"])).replace("%2", _num(mt["test_r2"]))
                .replace("%3", _num(mt["train_rmse"])).replace("%4", _num(mt["test_rmse"])))
            size = style.marker_size * 0.6
            for item, key, color in ((self.fit_train, "train_fit", train_color()),
                                     (self.fit_test, "test_fit", test_color())):
                t, o = mt[key]
                shown = key == "train_fit" or m.s.show_test
                xy = np.column_stack((t, np.clip(o, -5, 5))) if shown else np.zeros((0, 2))
                item.setData(pos=xy, size=size, brush=pg.mkBrush(color), pen=None)

    def _fill(self, table: QTableWidget, cm: np.ndarray) -> None:
        k = cm.shape[0]
        if table.rowCount() != k:
            table.setRowCount(k)
            table.setColumnCount(k)
            self._headers(table)
        total = max(1, int(cm.sum()))
        for i in range(k):
            for j in range(k):
                item = table.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    table.setItem(i, j, item)
                item.setText(str(int(cm[i, j])))
                tint = QColor(RIGHT if i == j else WRONG)
                tint.setAlpha(int(40 + 160 * cm[i, j] / total) if cm[i, j] else 0)
                item.setBackground(tint)
                item.setFont(style.font(1.0, bold=i == j))

    def _headers(self, table: QTableWidget) -> None:
        k = table.rowCount()
        names = [str(i + 1) for i in range(k)]
        table.setVerticalHeaderLabels(names)
        table.setHorizontalHeaderLabels(names)
        for i in range(k):
            for item in (table.verticalHeaderItem(i), table.horizontalHeaderItem(i)):
                if item is not None:
                    item.setForeground(QColor(CLASS_COLORS[i]))
                    item.setFont(style.font(0.9, bold=True))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.setToolTip(self.tr("Rows: the true class; columns: the predicted class."))

    def retranslate(self) -> None:
        self.titles["train"].setText(self.tr("Training points"))
        self.titles["test"].setText(self.tr("Test points"))
        self.note.setText(self.tr("Rows: the true class; columns: the predicted class. "
                                  "The diagonal counts the points classified right."))
        self.fit.setLabel("bottom", self.tr("true value"))
        self.fit.setLabel("left", self.tr("network's output"))
        for t in self.tables.values():
            if t.rowCount():
                self._headers(t)
        self.refresh()

    def apply_style(self) -> None:
        super().apply_style()
        style.style_plot(self.fit)
        fit_tick_text(self.fit)
        self.diagonal.setPen(style.pen(style.muted, style=Qt.PenStyle.DashLine))
        self.headline.setFont(style.font(1.2 if style.scale < 1.2 else 1.0, bold=True))
        for key in ("train", "test"):
            self.titles[key].setFont(style.font(1.0, bold=True))
            self.tables[key].setFont(style.font(1.0))
            if self.tables[key].rowCount():
                self._headers(self.tables[key])
        self.refresh()


def _pct(v: float) -> str:
    return "–" if not np.isfinite(v) else f"{100 * v:.1f}%"


def _num(v: float) -> str:
    if not np.isfinite(v):
        return "–"
    return f"{v:.3f}" if abs(v) < 1000 else f"{v:.2e}"
