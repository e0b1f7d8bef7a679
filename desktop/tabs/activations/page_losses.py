"""Losses: MSE, BCE and CE against the prediction, the gradient through a sigmoid, and a
table of which loss fits which problem."""
from __future__ import annotations

from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import activations as core_act
from core import losses as core_losses
from desktop.tabs.activations import curves
from desktop.tabs.activations.texts import tr_core
from desktop.tabs.activations.widgets import (
    FloatSlider,
    axis_label,
    make_plot,
    math_html,
    num,
    rich_label,
    series_colour,
    set_title,
    swatch,
    titled,
)
from desktop.theme import style
from desktop.widgets import fit_scroll_width

COLOUR_INDEX = {"mse": 0, "bce": 1, "cross_entropy": 2}
#: the output layer each loss is paired with (the lecture's table).
OUTPUT_LAYER = {"mse": "linear", "bce": "sigmoid", "cross_entropy": "softmax"}
LOSS_Y = (-4.0, 5.0)
GRAD_Y = (-1.1, 1.1)


class LossesPage(QWidget):
    """Left: L(p) with dL/dp above dL/dz through a sigmoid. Right: read-out, sliders and the
    table of which loss fits which problem."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.loss_plot = make_plot()
        self.grad_plot = make_plot()
        self._build_items()
        loss_box, self.loss_title = titled(self.loss_plot)
        grad_box, self.grad_title = titled(self.grad_plot)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.setChildrenCollapsible(False)
        plots.addWidget(loss_box)
        plots.addWidget(grad_box)
        self.readout = rich_label()
        self.key = rich_label()
        self._build_controls()
        self._build_table()
        side = QWidget()
        col = QVBoxLayout(side)
        col.addWidget(self.key)
        col.addSpacing(6)
        col.addWidget(self.readout)
        col.addWidget(self.controls)
        col.addSpacing(8)
        col.addWidget(self.table_title)
        col.addWidget(self.table)
        col.addStretch(1)
        self.side_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(plots)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        model.losses_changed.connect(self.refresh)
        self.retranslate()
        self.apply_style()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_scroll_width(self.side_scroll)

    def _build_items(self) -> None:
        lp, gp = self.loss_plot.getPlotItem(), self.grad_plot.getPlotItem()
        lp.setXRange(0.0, 1.0, padding=0)
        lp.setYRange(*LOSS_Y, padding=0)
        gp.setXRange(-curves.LOGIT_LIMIT, curves.LOGIT_LIMIT, padding=0)
        gp.setYRange(*GRAD_Y, padding=0)
        self.region = pg.LinearRegionItem(movable=False)
        gp.addItem(self.region, ignoreBounds=True)
        self.region_text = pg.TextItem(anchor=(0.5, 0.0))
        gp.addItem(self.region_text, ignoreBounds=True)
        self.zero_lines = [pg.InfiniteLine(0, angle=0), pg.InfiniteLine(0, angle=0),
                           pg.InfiniteLine(0, angle=90)]
        lp.addItem(self.zero_lines[0], ignoreBounds=True)
        gp.addItem(self.zero_lines[1], ignoreBounds=True)
        gp.addItem(self.zero_lines[2], ignoreBounds=True)
        self.loss_items = {n: lp.plot([], []) for n in curves.LOSS_NAMES}
        self.dldp_items = {n: lp.plot([], []) for n in curves.LOSS_NAMES}
        self.dldz_items = {n: gp.plot([], []) for n in ("mse", "bce")}
        self.p_line = pg.InfiniteLine(0.5, angle=90, movable=True)
        self.z_line = pg.InfiniteLine(0.0, angle=90, movable=True)
        self.p_line.sigPositionChanged.connect(
            lambda line: self.model.set_loss_z(curves.logit(line.value())))
        self.z_line.sigPositionChanged.connect(lambda line: self.model.set_loss_z(line.value()))
        lp.addItem(self.p_line, ignoreBounds=True)
        gp.addItem(self.z_line, ignoreBounds=True)
        # hovering either plot moves the probe (p on the left maps to z = logit(p))
        self.loss_plot.scene().sigMouseMoved.connect(
            lambda pos: self._on_hover(self.loss_plot, pos, lambda x: curves.logit(x)))
        self.grad_plot.scene().sigMouseMoved.connect(
            lambda pos: self._on_hover(self.grad_plot, pos, lambda x: x))
        self.loss_dots = pg.ScatterPlotItem()
        self.grad_dots = pg.ScatterPlotItem()
        lp.addItem(self.loss_dots)
        gp.addItem(self.grad_dots)

    def _build_controls(self) -> None:
        self.controls = QWidget()
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        self.target_label, self.z_label = QLabel(), QLabel()
        self.target_slider = FloatSlider(0.0, 1.0, steps=20, digits=2)
        self.z_slider = FloatSlider(-curves.LOGIT_LIMIT, curves.LOGIT_LIMIT, steps=320,
                                    digits=2)
        self.target_slider.value_changed.connect(self.model.set_loss_target)
        self.z_slider.value_changed.connect(self.model.set_loss_z)
        grid.addWidget(self.target_label, 0, 0)
        grid.addWidget(self.target_slider, 0, 1)
        grid.addWidget(self.z_label, 1, 0)
        grid.addWidget(self.z_slider, 1, 1)
        grid.setColumnStretch(1, 1)

    def _build_table(self) -> None:
        """Which loss for which problem: one block per problem (wraps in a narrow column)."""
        self.table_title = QLabel()
        self.table_title.setWordWrap(True)
        self.table = rich_label()
        self.table.setFrameShape(QFrame.Shape.StyledPanel)
        self.table.setContentsMargins(8, 6, 8, 6)

    # --- model -> view ----------------------------------------------------------------
    def refresh(self) -> None:
        lc = self.model.loss_curves()
        lw = style.line_width
        for name in curves.LOSS_NAMES:
            c = series_colour(COLOUR_INDEX[name])
            dotted = name == "cross_entropy"  # lies on BCE: drawn dotted over it
            pen_style = Qt.PenStyle.DotLine if dotted else Qt.PenStyle.SolidLine
            self.loss_items[name].setData(lc.p, lc.values[name])
            self.loss_items[name].setPen(pg.mkPen(c, width=lw * (0.9 if dotted else 1.0),
                                                  style=pen_style))
            self.dldp_items[name].setData(lc.p, lc.dldp[name])
            self.dldp_items[name].setPen(pg.mkPen(c, width=lw * 0.7, style=(
                Qt.PenStyle.DotLine if dotted else Qt.PenStyle.DashLine)))
            self.dldp_items[name].setVisible(not dotted)
        for name, item in self.dldz_items.items():
            item.setData(lc.z, lc.dldz[name])
            item.setPen(pg.mkPen(series_colour(COLOUR_INDEX[name]), width=lw))
        t = self.model.loss_target
        lim = curves.LOGIT_LIMIT
        self.region.setVisible(abs(t - 0.5) >= 0.25)
        self.region_text.setVisible(self.region.isVisible())
        self.region.setRegion((-lim, -2.5) if t >= 0.5 else (2.5, lim))
        self.region_text.setAnchor((0.0, 0.0) if t >= 0.5 else (1.0, 0.0))
        self.region_text.setPos(-lim + 0.1 if t >= 0.5 else lim - 0.1, GRAD_Y[1])
        with QSignalBlocker(self.target_slider.slider):
            self.target_slider.set_value(t)
        set_title(self.loss_title, self.tr("Loss vs prediction p, t = %1")
                  .replace("%1", num(t, 2)))
        self._update_probe()

    def _update_probe(self) -> None:
        z = self.model.loss_z
        pt = self.model.loss_point()
        p = float(pt.p[0])
        with QSignalBlocker(self.p_line):
            self.p_line.setValue(p)
        with QSignalBlocker(self.z_line):
            self.z_line.setValue(z)
        self.z_slider.set_value(z)
        names = list(curves.LOSS_NAMES)
        brushes = [pg.mkBrush(series_colour(COLOUR_INDEX[n])) for n in names]
        self.loss_dots.setData([p] * 3, [float(pt.values[n][0]) for n in names],
                               brush=brushes, size=style.marker_size,
                               pen=pg.mkPen(style.foreground))
        gz = {n: float(pt.dldz[n][0]) for n in ("mse", "bce")}
        self.grad_dots.setData([z, z], [gz["mse"], gz["bce"]], brush=brushes[:2],
                               size=style.marker_size * 1.2, pen=pg.mkPen(style.foreground))
        c_mse, c_bce = (series_colour(COLOUR_INDEX[n]) for n in ("mse", "bce"))
        head = (self.tr("z = %1 → p = σ(z) = %2, target t = %3")
                .replace("%1", f"<b>{num(z, 2)}</b>").replace("%2", f"<b>{num(p, 3)}</b>")
                .replace("%3", f"<b>{num(self.model.loss_target, 2)}</b>"))
        rows = "".join(
            f"<tr><td style=\"color:{c}; padding-right:12px; white-space:nowrap\">{label}</td>"
            f"<td align=\"right\"><b>{num(g, 3)}</b></td></tr>"
            for c, label, g in ((c_mse, self.tr("sigmoid + MSE"), gz["mse"]),
                                (c_bce, self.tr("sigmoid + BCE"), gz["bce"])))
        verdict = ""
        if abs(gz["mse"]) > 1e-9 and abs(gz["bce"]) > 1e-9:
            ratio = abs(gz["bce"] / gz["mse"])
            if ratio >= 1.5:
                verdict = "<br>→ " + self.tr("cross-entropy's gradient is %1× larger").replace(
                    "%1", f"<b>{ratio:.0f}</b>")
        self.readout.setText(f"{head}<br>∂L/∂z:<table cellspacing=\"0\">{rows}</table>"
                             f"{verdict}")

    def _update_table(self) -> None:
        self.table_title.setText(self.tr("Which loss for which problem?"))
        blocks = []
        for name in core_losses.LOSSES:
            rec = core_losses.get(name)
            out = OUTPUT_LAYER[name]
            out_label = (self.tr("Softmax") if out == "softmax"
                         else tr_core(core_act.get(out).label))
            c = series_colour(COLOUR_INDEX[name])
            line = (self.tr("%1: %2 output → %3")
                    .replace("%1", f"<b>{escape(tr_core(rec.use_for))}</b>")
                    .replace("%2", escape(out_label))
                    .replace("%3", f"<b style=\"color:{c}\">{escape(tr_core(rec.label))}</b>"))
            blocks.append(f"{line}<br>{math_html(rec.formula, 0.9)}")
        self.table.setText("<p style=\"margin-bottom:6px\">"
                           + "</p><p style=\"margin-bottom:6px\">".join(blocks) + "</p>")

    def _on_hover(self, plot, pos, to_z) -> None:
        vb = plot.getPlotItem().vb
        if vb.sceneBoundingRect().contains(pos):
            self.model.set_loss_z(to_z(vb.mapSceneToView(pos).x()))

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        set_title(self.grad_title, self.tr("dL/dz through a sigmoid"))
        axis_label(self.loss_plot, "bottom", self.tr("prediction p"))
        axis_label(self.grad_plot, "bottom", self.tr("z (input of the sigmoid)"))
        self.region_text.setText(self.tr("confidently wrong"), color=style.foreground)
        self.target_label.setText(self.tr("Target t"))
        self.z_label.setText("z")
        # the key to the curves sits in the side panel: in-plot legends hide curves
        keys = []
        for name in curves.LOSS_NAMES:
            label = escape(tr_core(core_losses.get(name).label))
            if name == "cross_entropy":
                label = self.tr("%1 on (p, 1 − p) = BCE").replace("%1", label)
            c = series_colour(COLOUR_INDEX[name])
            keys.append(f"{swatch(c, name == 'cross_entropy')} "
                        f"<span style=\"color:{c}\">{label}</span>")
        keys.append(f"<span style=\"color:{style.muted}\">"
                    + self.tr("solid: loss L · dashed: its gradient dL/dp") + "</span>")
        self.key.setText("<br>".join(keys))
        self._update_table()
        self.refresh()

    def apply_style(self) -> None:
        for plot in (self.loss_plot, self.grad_plot):
            style.style_plot(plot)
        for line in self.zero_lines:
            line.setPen(pg.mkPen(style.muted, width=max(1.0, style.line_width / 2)))
        for line in (self.p_line, self.z_line):
            line.setPen(pg.mkPen(style.foreground, width=max(1.0, style.line_width / 2),
                                 style=Qt.PenStyle.DotLine))
        self.region.setBrush(pg.mkBrush(213, 94, 0, 40))
        for ln in self.region.lines:
            ln.setPen(pg.mkPen(0, 0, 0, 0))
        self.region_text.setFont(style.font(0.95, bold=True))
        self.readout.setFont(style.font(1.25))
        self.table_title.setFont(style.font(1.05, bold=True))
        self.table.setFont(style.font(1.0))
        self.key.setFont(style.font(0.95))
        self.retranslate()
        fit_scroll_width(self.side_scroll)

    def monkey_actions(self) -> list:
        import random

        return [
            lambda: self.target_slider.slider.setValue(random.randrange(0, 21)),
            lambda: self.z_slider.slider.setValue(random.randrange(0, 321)),
            lambda: self.p_line.setValue(random.uniform(-0.2, 1.2)),
            lambda: self.z_line.setValue(random.uniform(-10, 10)),
        ]
