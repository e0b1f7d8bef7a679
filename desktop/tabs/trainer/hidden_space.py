"""The hidden-space view (ConvNetJS'): the input plane's grid and the data points carried
through the network to two neurons of one hidden layer, so the class sees the network bend
the plane until a straight line separates the classes. Buttons cycle through neuron pairs
and layers; when the last hidden layer has two neurons, the output's boundary is drawn as the
dashed line it is there.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.trainer import data
from desktop.tabs.trainer.analysis import HIDDEN_GRID_N
from desktop.tabs.trainer.insights import _no_focus, _Panel
from desktop.tabs.trainer.plots import _setup_plot, fit_tick_text
from desktop.theme import CLASS_COLORS, style


class HiddenSpacePanel(_Panel):
    """ConvNetJS' view: the input grid and the points carried into one hidden layer."""

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.layer = QComboBox()
        self.x_label = QLabel()
        self.a = QComboBox()
        self.y_label = QLabel()
        self.b = QComboBox()
        self.next_pair = QPushButton()
        self.next_layer = QPushButton()
        _no_focus(self.layer, self.a, self.b, self.next_pair, self.next_layer)
        for c, n in ((self.layer, 5), (self.a, 1), (self.b, 1)):
            c.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            c.setMinimumContentsLength(n)
        # the controls: a row above the plot, or a column beside it in projector mode
        self.controls_box = QWidget()
        self.grid = QGridLayout(self.controls_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget()
        _setup_plot(self.plot)
        self.mesh = self.plot.plot([], [], antialias=False)
        self.line = self.plot.plot([], [])
        # one scatter item per colour: a single brush each is much faster than a brush
        # per point when the positions change every frame
        self.groups = [pg.ScatterPlotItem(pxMode=True) for _ in range(9)]
        for item in self.groups:
            self.plot.addItem(item)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        content = QVBoxLayout()
        content.addWidget(self.note)
        content.addWidget(self.plot, 1)
        content.addWidget(self.empty, 1)
        self.main = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.main.setContentsMargins(4, 4, 4, 4)
        self.main.addWidget(self.controls_box)
        self.main.addLayout(content, 1)
        self._arrange(False)
        n = HIDDEN_GRID_N
        # every other mesh row and column as a polyline (through all n vertices), joined
        # by 'connect' except at their ends
        self._lines = np.arange(0, n, 2)
        connect = np.ones(2 * len(self._lines) * n, dtype=bool)
        connect[n - 1::n] = False
        self._connect = connect
        self._range = None
        self._syncing = False
        self.layer.activated.connect(lambda i: model.set_hidden_view(i, 0, 1))
        self.a.activated.connect(lambda i: model.set_hidden_view(a=i))
        self.b.activated.connect(lambda i: model.set_hidden_view(b=i))
        self.next_pair.clicked.connect(model.next_hidden_pair)
        self.next_layer.clicked.connect(model.next_hidden_layer)
        model.display_changed.connect(self.refresh)
        model.data_changed.connect(self.refresh)
        self.retranslate()

    def _arrange(self, column: bool) -> None:
        """Controls in one row above the plot, or (column) in a column to its right."""
        for w in (self.layer, self.x_label, self.a, self.y_label, self.b, self.next_pair,
                  self.next_layer):
            self.grid.removeWidget(w)
        if column:
            places = ((self.layer, 0, 0, 1, 4), (self.x_label, 1, 0, 1, 1), (self.a, 1, 1, 1, 1),
                      (self.y_label, 1, 2, 1, 1), (self.b, 1, 3, 1, 1),
                      (self.next_pair, 2, 0, 1, 4), (self.next_layer, 3, 0, 1, 4))
            self.grid.setRowStretch(5, 1)
            self.grid.setColumnStretch(7, 0)
            self.main.setDirection(QBoxLayout.Direction.RightToLeft)
        else:
            places = tuple((w, 0, i, 1, 1) for i, w in enumerate(
                (self.layer, self.x_label, self.a, self.y_label, self.b, self.next_pair,
                 self.next_layer)))
            self.grid.setRowStretch(5, 0)
            self.grid.setColumnStretch(7, 1)
            self.main.setDirection(QBoxLayout.Direction.TopToBottom)
        for w, r, c, rs, cs in places:
            self.grid.addWidget(w, r, c, rs, cs)

    def _sync_combos(self) -> None:
        m = self.model
        hidden = m.s.hidden
        layer_items = [self.tr("Layer %1").replace("%1", str(i + 1)) for i in range(len(hidden))]
        if [self.layer.itemText(i) for i in range(self.layer.count())] != layer_items:
            self.layer.clear()
            self.layer.addItems(layer_items)
        if hidden:
            self.layer.setCurrentIndex(m.s.hidden_layer % len(hidden))
            n = hidden[m.s.hidden_layer]
            names = [str(i + 1) for i in range(n)]
            for combo, value in ((self.a, m.s.hidden_a), (self.b, m.s.hidden_b)):
                if [combo.itemText(i) for i in range(combo.count())] != names:
                    combo.clear()
                    combo.addItems(names)
                combo.setCurrentIndex(min(value, n - 1))
            self.b.setEnabled(n > 1)
            self.next_pair.setEnabled(n > 2)

    def refresh(self) -> None:
        if not self.isVisible():
            return
        m = self.model
        self._sync_combos()
        hs = m.hidden_space()
        self.plot.setVisible(hs is not None)
        self.empty.setVisible(hs is None)
        self.controls_box.setVisible(hs is not None)
        if hs is None:
            return
        mesh = hs.mesh
        rows, cols = mesh[self._lines], mesh[:, self._lines].transpose(1, 0, 2)
        xs = np.concatenate((rows[..., 0].ravel(), cols[..., 0].ravel()))
        ys = np.concatenate((rows[..., 1].ravel(), cols[..., 1].ravel()))
        self.mesh.setData(xs, ys, connect=self._connect)
        p = m.points
        shown = p.train | m.s.show_test
        self._draw_points(hs.points, shown)
        lo = np.minimum(hs.mesh.reshape(-1, 2).min(0), hs.points.min(0, initial=np.inf))
        hi = np.maximum(hs.mesh.reshape(-1, 2).max(0), hs.points.max(0, initial=-np.inf))
        lo, hi = self._stable_range(lo, hi)
        self._draw_line(hs.line, lo, hi)

    def _draw_points(self, xy: np.ndarray, shown: np.ndarray) -> None:
        p = self.model.points
        if p.kind == data.CLASSIFICATION:
            group = p.y.astype(np.int64)
            colors = list(CLASS_COLORS)
        else:  # regression: nine shades of the diverging map
            group = np.clip(np.round((np.clip(p.y, -1, 1) + 1) * 4), 0, 8).astype(np.int64)
            lut = style.lut()
            colors = [QColor(*[int(c) for c in lut[int(k * 255 / 8)][:3]]) for k in range(9)]
        pen = pg.mkPen("#000000" if style.dark else "#ffffff", width=1)
        size = style.marker_size * 0.8
        for k, item in enumerate(self.groups):
            sel = shown & (group == k)
            if k < len(colors) and sel.any():
                item.setData(pos=xy[sel], brush=pg.mkBrush(colors[k]), pen=pen, size=size)
            elif len(item.data):
                item.setData(pos=np.zeros((0, 2)))
            item.setVisible(len(item.data) > 0)  # an empty item still costs a paint

    def _stable_range(self, lo, hi):
        """Keep the view's range while the data stay inside and fill most of it (so the
        axes are not redrawn every frame); otherwise fit the data with a margin."""
        # a dead or saturated neuron has (almost) no spread: do not zoom into rounding noise
        mid = 0.5 * (lo + hi)
        span = np.maximum(hi - lo, 0.2)
        lo, hi = mid - span / 2, mid + span / 2
        if self._range is not None:
            r_lo, r_hi = self._range
            r_span = r_hi - r_lo
            if np.all(lo >= r_lo) and np.all(hi <= r_hi) and np.all(span > 0.6 * r_span):
                return r_lo, r_hi
        r_lo, r_hi = lo - 0.08 * span, hi + 0.08 * span
        self._range = (r_lo, r_hi)
        self.plot.setRange(xRange=(r_lo[0], r_hi[0]), yRange=(r_lo[1], r_hi[1]), padding=0)
        return r_lo, r_hi

    def _draw_line(self, line, lo, hi) -> None:
        if line is None:
            self.line.setData([], [])
            return
        wa, wb, c = line
        if abs(wb) >= abs(wa) and wb != 0:
            x = np.array([lo[0], hi[0]])
            y = -(wa * x + c) / wb
        elif wa != 0:
            y = np.array([lo[1], hi[1]])
            x = -(wb * y + c) / wa
        else:
            x = y = np.array([])
        self.line.setData(x, y)

    def retranslate(self) -> None:
        self.x_label.setText(self.tr("x:"))
        self.y_label.setText(self.tr("y:"))
        self.a.setToolTip(self.tr("The neuron on the horizontal axis"))
        self.b.setToolTip(self.tr("The neuron on the vertical axis"))
        self.next_pair.setText(self.tr("Next pair"))
        self.next_layer.setText(self.tr("Next layer"))
        self.note.setText(self.tr(
            "The input plane's grid and the points, carried through the network to two "
            "neurons of a hidden layer. Watch the network bend the plane until a straight "
            "line (dashed: the output's boundary) separates the classes."))
        self.empty.setText(self.tr("Add a hidden layer to see the hidden space."))
        self.layer.clear()
        self.a.clear()
        self.refresh()

    def apply_style(self) -> None:
        super().apply_style()
        self._arrange(style.scale > 1.2)
        style.style_plot(self.plot)
        fit_tick_text(self.plot)
        self.plot.showGrid(x=False, y=False)  # the mesh is the grid
        self._range = None
        # the muted colour at 59 % over the background, mixed here: an opaque pen is drawn
        # line by line, a translucent one is stroked into one outline first (its crossings
        # must not blend twice), which took 7 ms a frame for this mesh of ~1,700 points
        muted, back = QColor(style.muted), QColor(style.background)
        mix = 150 / 255
        mesh = QColor.fromRgbF(*(mix * a + (1 - mix) * b for a, b in zip(
            muted.getRgbF()[:3], back.getRgbF()[:3])))
        self.mesh.setPen(pg.mkPen(mesh, width=max(1.0, style.line_width * 0.35)))
        self.line.setPen(pg.mkPen(style.foreground, width=style.line_width,
                                  style=Qt.PenStyle.DashLine))
        self.empty.setFont(style.font(1.1))
        self.refresh()
