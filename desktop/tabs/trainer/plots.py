"""The trainer's plots: the output heat map with its points, and the loss curves.

Items are created once; every frame only ``setImage`` (fixed levels) and ``setData`` run.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.tabs.trainer import data
from desktop.tabs.trainer.images import class_luts, class_map, soften, to_rgba
from desktop.tabs.trainer.model import EXTENT, GRID_N
from desktop.theme import CLASS_COLORS, SERIES_COLORS, SKY, style


def train_color() -> str:
    """Training curves and numbers: blue (a lighter blue on the dark theme)."""
    return SKY if style.dark else SERIES_COLORS[0]


def test_color() -> str:
    """Test curves and numbers: vermilion."""
    return SERIES_COLORS[3]


def fit_tick_text(plot) -> None:
    """Space tick labels by the real size of the (possibly projector-sized) tick font, so
    they never overlap."""
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(style.font(0.9))
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    for name in ("left", "bottom"):
        item.getAxis(name).setStyle(tickTextHeight=fm.height(),
                                    tickTextWidth=fm.horizontalAdvance("-0.00"),
                                    hideOverlappingLabels=True)


def _setup_plot(plot: pg.PlotWidget) -> None:
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class OutputPlot(pg.PlotWidget):
    """The network's output over [-6, 6]^2 with the training (and test) points.

    Click adds a point of the chosen class, Shift+click one of the other class; right-click
    (or Ctrl+click) deletes the nearest point.
    """

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        _setup_plot(self)
        self.setAspectLocked(True)
        self.image = pg.ImageItem(np.zeros((GRID_N, GRID_N), np.float32))
        # after the first image: setRect on an empty ImageItem gives a degenerate transform
        self.image.setRect(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT)
        self.addItem(self.image)
        self.test_points = pg.ScatterPlotItem(pxMode=True)
        self.train_points = pg.ScatterPlotItem(pxMode=True)
        self.addItem(self.test_points)
        self.addItem(self.train_points)
        self.caption = pg.TextItem(anchor=(0.5, 0))
        self.caption.setPos(0, EXTENT)
        self.addItem(self.caption)
        self.setRange(xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0)
        self._mode = None
        self.scene().sigMouseClicked.connect(self._on_click)
        model.weights_changed.connect(self.refresh)
        model.display_changed.connect(self.refresh_all)
        model.data_changed.connect(self.refresh_points)
        model.network_changed.connect(self.refresh)

    # ---- drawing -----------------------------------------------------------------------------
    def refresh_all(self) -> None:
        self.refresh_points()
        self.refresh()

    def _set_values(self, values: np.ndarray) -> None:
        if self._mode != ("lut", style.dark):
            self.image.setLookupTable(soften(style.lut(), style.dark))
            self._mode = ("lut", style.dark)
        # clipped first: a diverging regression's outputs overflow float32
        values = np.clip(np.nan_to_num(values), -2.0, 2.0).astype(np.float32)
        self.image.setImage(values, autoLevels=False, levels=(-1.0, 1.0))

    def _set_rgba(self, rgba: np.ndarray) -> None:
        if self._mode != "rgba":
            self.image.setLookupTable(None)
            self._mode = "rgba"
        self.image.setImage(rgba, autoLevels=False, levels=(0, 255))

    def refresh(self) -> None:
        """Redraw the image: the output, or the neuron under the pointer in the diagram."""
        m = self.model
        n = GRID_N
        focus = m.focus
        softmax = m.spec.activation == "softmax"
        caption = ""
        if focus is not None and focus[0] == 0:
            values = m.input_maps()[:, focus[1]]
            self._set_values(values.reshape(n, n))
            caption = self.tr("input feature")
        elif focus is not None and 1 <= focus[0] <= len(m.s.hidden) + 1:
            layer, unit = focus
            block = m.grid_outputs()[:, m.mlp.unit_slices[layer - 1]]
            unit = min(unit, block.shape[1] - 1)
            if layer == len(m.s.hidden) + 1:
                if softmax:
                    v = block[:, unit].reshape(n, n) * 2.0 - 1.0
                    lut = soften(class_luts(style.dark)[unit], style.dark)
                    self._set_rgba(to_rgba(v, lut))
                else:
                    self._set_values(m.spec.to_signed(block[:, unit]).reshape(n, n))
                caption = self.tr("output neuron")
            else:
                self._set_values(block[:, unit].reshape(n, n))
                caption = self.tr("neuron %1 of hidden layer %2").replace(
                    "%1", str(unit + 1)).replace("%2", str(layer))
        else:
            out = m.output_map()
            if softmax:
                self._set_rgba(soften(class_map(out.reshape(n, n, -1), style.dark,
                                                m.s.discretize), style.dark))
            else:
                v = out[:, 0].reshape(n, n)
                if m.s.discretize:
                    v = np.where(v >= 0, 1.0, -1.0)
                self._set_values(v)
        self.caption.setText(caption)

    def refresh_points(self) -> None:
        m = self.model
        p = m.points
        size = style.marker_size
        brushes = self._brushes(p)
        tr_mask = p.train
        light = QColor("#ffffff")
        dark = QColor("#000000")
        self.train_points.setData(pos=p.X[tr_mask], brush=brushes[tr_mask], size=size,
                                  pen=pg.mkPen(light, width=max(1.0, style.scale)))
        if m.s.show_test:
            te = ~tr_mask
            self.test_points.setData(pos=p.X[te], brush=brushes[te], size=size,
                                     pen=pg.mkPen(dark, width=max(1.0, style.scale)))
        else:
            self.test_points.setData(pos=np.zeros((0, 2)))
        self.test_points.setVisible(m.s.show_test)  # an empty item still costs a paint

    @staticmethod
    def _brushes(p: data.Points) -> np.ndarray:
        if p.kind == data.CLASSIFICATION:
            table = [QBrush(QColor(c)) for c in CLASS_COLORS]
            return np.array([table[int(k)] for k in p.y], dtype=object)
        lut = style.lut()
        idx = np.clip(((np.clip(p.y, -1, 1) + 1) * 127.5).astype(int), 0, 255)
        cache = {}
        out = np.empty(len(idx), dtype=object)
        for i, k in enumerate(idx):
            b = cache.get(k)
            if b is None:
                b = cache[k] = QBrush(QColor(*[int(v) for v in lut[k][:3]]))
            out[i] = b
        return out

    # ---- clicks -------------------------------------------------------------------------------
    def _on_click(self, event) -> None:
        pos = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        x, y = float(pos.x()), float(pos.y())
        if abs(x) > EXTENT or abs(y) > EXTENT:
            return
        mods = event.modifiers()
        button = event.button()
        event.accept()
        self.click_at(x, y, button, mods)

    def click_at(self, x: float, y: float, button, mods) -> None:
        """What a click at data coordinates (x, y) does (also used by tests)."""
        m = self.model
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and ctrl):
            m.delete_near(x, y, radius=0.5)
            return
        if button != Qt.MouseButton.LeftButton:
            return
        cls = m.s.add_class
        if mods & Qt.KeyboardModifier.ShiftModifier:
            k = m.n_classes if m.kind == data.CLASSIFICATION else 2
            cls = (cls + 1) % max(2, k)
        m.add_point(x, y, cls)

    def apply_style(self) -> None:
        style.style_plot(self)
        fit_tick_text(self)
        self.showGrid(x=False, y=False)  # nothing drawn over the heat map
        step = 2 if style.scale > 1.2 else 1
        ticks = [[(float(v), str(v)) for v in range(-6, 7, step)]]
        for name in ("left", "bottom"):
            self.getAxis(name).setTicks(ticks)
        self.caption.setColor(style.foreground)
        self.caption.setFont(style.font(1.0, bold=True))
        self._mode = None
        self.refresh_all()


class LossPlot(pg.PlotWidget):
    """Training and test loss against the epoch (one record per frame)."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        _setup_plot(self)
        # no legend: the colours are those of the "Training" and "Test" numbers above
        self.train_curve = self.plot([], [])
        self.test_curve = self.plot([], [])
        self.getPlotItem().setClipToView(True)
        self.getPlotItem().disableAutoRange()
        self._range = None
        self._log = False
        self.getAxis("left").enableAutoSIPrefix(False)
        self.setDownsampling(auto=True, mode="peak")
        model.weights_changed.connect(self.refresh)
        model.network_changed.connect(self.refresh)
        model.display_changed.connect(self.refresh)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if "_log" in self.__dict__:  # pyqtgraph resizes once before __init__ is done
            self._range = None
            self.refresh()

    def refresh(self) -> None:
        h = self.model.history
        self.train_curve.setData(h.epoch, h.train)
        test = h.test
        if np.all(np.isnan(test)):
            self.test_curve.setData([], [])
        else:
            self.test_curve.setData(h.epoch, test, connect="finite")
        # ranges move in round steps (decades on a log scale), so the axes are redrawn
        # only now and then
        log = self.model.s.loss_log
        if log != self._log:
            self._log = log
            self.setLogMode(y=log)
            self._range = None
        x_top = nice_ceiling(max(10.0, float(h.epoch[-1]) if len(h) else 10.0))
        finite = np.concatenate((h.train[np.isfinite(h.train)], test[np.isfinite(test)]))
        if log:
            finite = finite[finite > 0]
            lo = np.floor(np.log10(finite.min())) if finite.size else -3.0
            hi = np.ceil(np.log10(finite.max())) if finite.size else 0.0
            y_range = (float(lo), float(max(hi, lo + 1)))
        else:
            y_range = (0.0, nice_ceiling(float(finite.max()) if finite.size else 1.0))
        if (x_top, y_range, self.height()) != self._range:
            self._range = (x_top, y_range, self.height())
            self.setRange(xRange=(0, x_top), yRange=y_range, padding=0.02)
            self._set_y_ticks(y_range, log)

    def _set_y_ticks(self, y_range, log: bool) -> None:
        """As many y labels as fit the plot's height at the current font size."""
        from PySide6.QtGui import QFontMetrics

        fm = QFontMetrics(style.font(0.9))
        room = max(2, int(self.getPlotItem().vb.height() / (1.5 * fm.height())))
        lo, hi = y_range
        step = tick_step((hi - lo) / room)
        if log:
            step = max(1.0, np.ceil(step))
        first = np.ceil(lo / step) * step
        values = np.arange(first, hi + 1e-9 * step, step)
        if log:
            ticks = [(v, "10" + str(int(v)).translate(_SUPER)) for v in values]
        else:
            ticks = [(v, f"{v:g}") for v in values]
        self.getAxis("left").setTicks([ticks])

    def retranslate(self) -> None:
        self.setLabel("bottom", self.tr("epoch"))
        self.setLabel("left", self.tr("loss"))

    def apply_style(self) -> None:
        self.train_curve.setPen(style.pen(train_color()))
        self.test_curve.setPen(style.pen(test_color(), style=Qt.PenStyle.DashLine))
        style.style_plot(self)
        fit_tick_text(self)
        self.showGrid(x=False, y=False)  # a grid would repaint the axes every frame
        self._range = None
        self.retranslate()


def tick_step(v: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is >= v (tick spacing)."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    k = 10.0 ** np.floor(np.log10(v))
    return float(next((m * k for m in (1.0, 2.0, 5.0) if m * k >= v * (1 - 1e-12)), 10 * k))


_SUPER = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def nice_ceiling(v: float) -> float:
    """The smallest "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k) >= v > 0."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    k = 10.0 ** np.floor(np.log10(v))
    for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * k >= v * (1 - 1e-12):
            return float(m * k)
    return float(10 * k)

