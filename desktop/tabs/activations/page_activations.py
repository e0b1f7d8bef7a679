"""The activation page: curves with dashed derivatives, a probe read-out, an info card."""
from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import activations as core_act
from desktop.tabs.activations import curves
from desktop.tabs.activations.texts import tr_core
from desktop.tabs.activations.widgets import (
    FloatSlider,
    axis_label,
    keep_brackets_whole,
    make_plot,
    math_html,
    num,
    rich_label,
    series_colour,
    swatch,
)
from desktop.theme import style
from desktop.widgets import fit_scroll_width

Y_RANGE = (-1.5, 3.0)


class ActivationsPage(QWidget):
    """Left: read-out and plot. Right: the checkable list, α sliders and the info card."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.keys = list(curves.ENTRIES)
        self._build_plot()
        self._build_side()
        self.readout.installEventFilter(self)  # refit its font when the column resizes
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.plot_column)
        split.addWidget(self.side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([580, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        model.activations_changed.connect(self._on_activations_changed)
        model.probe_changed.connect(self._on_probe_changed)
        self.retranslate()
        self.apply_style()

    # --- building ---------------------------------------------------------------------
    def _build_plot(self) -> None:
        self.plot_column = QWidget()
        # the numbers the class reads, right above the curves they come from (the plot is
        # taller than wide anyway; the side column keeps its height for the chooser and card)
        self.readout = rich_label()
        self.readout.setMinimumHeight(10)
        self.readout.setMinimumWidth(60)  # the font shrinks to fit, see readout_factor
        self._readout_html = ""
        self.plot = make_plot()
        self.hint = rich_label()
        col = QVBoxLayout(self.plot_column)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.readout)
        col.addWidget(self.plot, 1)
        col.addWidget(self.hint)
        pi = self.plot.getPlotItem()
        pi.setXRange(-curves.Z_LIMIT, curves.Z_LIMIT, padding=0)
        self.zero_lines = [pg.InfiniteLine(0, angle=90), pg.InfiniteLine(0, angle=0)]
        for line in self.zero_lines:
            pi.addItem(line, ignoreBounds=True)
        self.value_items, self.deriv_items, self.closed_dots, self.open_dots = {}, {}, {}, {}
        for key in self.keys:
            self.value_items[key] = pi.plot([], [], connect="finite")
            self.deriv_items[key] = pi.plot([], [], connect="finite")
            self.closed_dots[key] = pg.ScatterPlotItem()
            self.open_dots[key] = pg.ScatterPlotItem()
            pi.addItem(self.closed_dots[key])
            pi.addItem(self.open_dots[key])
        self.probe_line = pg.InfiniteLine(self.model.probe, angle=90, movable=True)
        self.probe_line.sigPositionChanged.connect(self._on_probe_dragged)
        pi.addItem(self.probe_line, ignoreBounds=True)
        self.probe_dots = pg.ScatterPlotItem()
        pi.addItem(self.probe_dots)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _build_side(self) -> None:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(4, 0, 4, 4)
        self.list_title = QLabel()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # items flow in rows and wrap: two columns when the panel is wide enough
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows and Space are the shell's
        self.list.installEventFilter(self)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key in self.keys:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.param_title = QLabel()
        params = QWidget()
        grid = QGridLayout(params)
        grid.setContentsMargins(0, 0, 0, 0)
        self.alpha_labels, self.alpha_sliders = {}, {}
        for row, (key, entry) in enumerate((k, e) for k, e in curves.ENTRIES.items()
                                           if e.has_alpha):
            self.alpha_labels[key] = QLabel()
            self.alpha_labels[key].setWordWrap(True)
            s = FloatSlider(entry.alpha_min, entry.alpha_max, steps=int(
                round((entry.alpha_max - entry.alpha_min) / 0.01)), digits=2)
            s.value_changed.connect(lambda v, k=key: self.model.set_alpha(k, v))
            self.alpha_sliders[key] = s
            grid.addWidget(self.alpha_labels[key], 2 * row, 0)
            grid.addWidget(s, 2 * row + 1, 0)
        self.card = rich_label()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.card.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.list_title)
        lay.addWidget(self.list)
        lay.addWidget(self.param_title)
        lay.addWidget(params)
        lay.addWidget(self.card)
        lay.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)

    # --- model -> view ----------------------------------------------------------------
    def _colours(self) -> dict[str, str]:
        return {k: series_colour(i) for k, i in self.model.colour_indices().items()}

    def _on_activations_changed(self) -> None:
        selected = self.model.selected
        colours = self._colours()
        focus = self.model.focus
        lw = style.line_width
        y_lo = Y_RANGE[0]
        for key in self.keys:
            shown = key in selected
            items = (self.value_items[key], self.deriv_items[key], self.closed_dots[key],
                     self.open_dots[key])
            for it in items:
                it.setVisible(shown)
            if not shown:
                continue
            g, dg = self.model.activation_curves(key)
            c = colours[key]
            width = lw * (1.5 if key == focus else 1.0)
            self.value_items[key].setData(g.line_x, g.line_y)
            self.value_items[key].setPen(pg.mkPen(c, width=width))
            self.deriv_items[key].setData(dg.line_x, dg.line_y)
            self.deriv_items[key].setPen(pg.mkPen(c, width=width * 0.8,
                                                  style=Qt.PenStyle.DashLine))
            jumps = g.jumps + dg.jumps
            size = style.marker_size
            self.closed_dots[key].setData([j[0] for j in jumps], [j[1] for j in jumps],
                                          size=size, brush=pg.mkBrush(c), pen=pg.mkPen(c))
            self.open_dots[key].setData([j[0] for j in jumps], [j[2] for j in jumps],
                                        size=size, brush=pg.mkBrush(style.background),
                                        pen=pg.mkPen(c, width=max(1.5, lw * 0.7)))
            y_lo = min(y_lo, float(np.min(g.y[np.abs(g.z) <= curves.Z_LIMIT])) - 0.2)
        self.plot.getPlotItem().setYRange(max(y_lo, -3.5), Y_RANGE[1], padding=0)
        with QSignalBlocker(self.list):
            for i, key in enumerate(self.keys):
                item = self.list.item(i)
                item.setCheckState(Qt.CheckState.Checked if key in selected
                                   else Qt.CheckState.Unchecked)
                item.setIcon(self._icon(colours.get(key)))
                if key == focus:
                    self.list.setCurrentItem(item)
        for key, slider in self.alpha_sliders.items():  # only the curves on show
            slider.set_value(self.model.alpha(key))
            slider.setVisible(key in selected)
            self.alpha_labels[key].setVisible(key in selected)
        self.param_title.setVisible(any(k in selected for k in self.alpha_sliders))
        self._update_card()
        self._on_probe_changed(self.model.probe)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.list and event.type() == QEvent.Type.Resize:
            self._fit_list_height()
        elif obj is self.readout and event.type() == QEvent.Type.Resize:
            self._fit_readout()
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the language set another family
            self._fit_grid()
            self._fit_readout()

    def _fit_grid(self) -> None:
        """Cells as wide as the longest name (with box and swatch), so none is elided."""
        fm = self.list.fontMetrics()
        icon = self.list.iconSize().width()
        box = style.indicator_size  # the list's style sheet sets it
        width = max(fm.horizontalAdvance(self._label(k)) for k in self.keys)
        height = max(fm.height(), icon, box) + max(4, fm.height() // 5)
        cell = pg.QtCore.QSize(width + icon + box + 28, height)
        self.list.setGridSize(cell)
        # a style-sheet indicator is drawn wider than the delegate's size hint allows for:
        # give every item its whole cell, or the names get elided
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                self.list.item(i).setSizeHint(cell - pg.QtCore.QSize(2, 0))
        # at least two columns, so the card below still fits a 1024x768 projector
        self.list.setMinimumWidth(2 * cell.width() + 2 * self.list.frameWidth() + 2)
        self._fit_list_height()

    def _fit_list_height(self) -> None:
        """As tall as its rows of items: no scroll bar, no empty space."""
        self.list.doItemsLayout()
        last = self.list.visualItemRect(self.list.item(self.list.count() - 1))
        bottom = last.bottom() + self.list.verticalOffset()
        height = bottom + 2 * self.list.frameWidth() + 6
        if height > 10 and height != self.list.height():
            self.list.setFixedHeight(height)

    def _icon(self, colour: str | None) -> QIcon:
        size = max(12, self.list.iconSize().width())
        pix = QPixmap(size, size)
        pix.fill(QColor(0, 0, 0, 0))
        if colour is not None:
            from PySide6.QtGui import QPainter

            p = QPainter(pix)
            p.fillRect(1, size // 2 - max(2, size // 8), size - 2, max(4, size // 4),
                       QBrush(QColor(colour)))
            p.end()
        return QIcon(pix)

    def _on_probe_changed(self, z: float) -> None:
        with QSignalBlocker(self.probe_line):
            self.probe_line.setValue(z)
        colours = self._colours()
        xs, ys, brushes, symbols = [], [], [], []
        rows = []
        for key in self.model.selected:
            g, dg = self.model.activation_at(key, z)
            c = colours[key]
            xs += [z, z]
            ys += [g, dg]
            brushes += [pg.mkBrush(c), pg.mkBrush(c)]
            symbols += ["o", "d"]  # g: disc, g': diamond (open/closed discs mark jumps)
            rows.append(
                f"<tr><td style=\"color:{c}; padding-right:16px\"><b>{self._label(key)}</b></td>"
                f"<td align=\"right\" style=\"padding-right:16px\"><b>{num(g)}</b></td>"
                f"<td align=\"right\"><b>{num(dg)}</b></td></tr>")
        self.probe_dots.setData(xs, ys, brush=brushes, symbol=symbols,
                                pen=pg.mkPen(style.foreground, width=1.5),
                                size=style.marker_size * 1.3)
        head = (f"<tr><td style=\"padding-right:16px\">z = <b>{num(z, 2)}</b></td>"
                f"<td align=\"right\" style=\"padding-right:16px\">g(z)</td>"
                f"<td align=\"right\">g′(z)</td></tr>")
        if not rows:
            empty = self.tr("Tick an activation on the right.")
            rows = [f"<tr><td colspan=\"3\">{empty}</td></tr>"]
        self._readout_html = f"<table cellspacing=\"0\">{head}{''.join(rows)}</table>"
        self.readout.setText(self._readout_html)
        self._fit_readout()

    def readout_factor(self) -> float:
        """The read-out's size (× the text size): large for up to three curves, smaller for
        more (so the plot keeps its height), and never wider than the plot column."""
        base = 1.3 if len(self.model.selected) <= 3 else 1.0
        avail = self.readout.contentsRect().width()
        if not self._readout_html or avail < 50:
            return base
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        factor = base
        while factor > 0.7:
            doc.setDefaultFont(style.font(factor))
            doc.setHtml(self._readout_html)
            if doc.size().width() <= avail:
                break
            factor -= 0.05
        return factor

    def _fit_readout(self) -> None:
        font = style.font(self.readout_factor())
        if abs(self.readout.font().pointSizeF() - font.pointSizeF()) > 0.01:
            self.readout.setFont(font)

    def _label(self, key: str) -> str:
        if key == "prelu":
            return "PReLU"
        return tr_core(core_act.get(curves.ENTRIES[key].base).label)

    def _update_card(self) -> None:
        key = self.model.focus
        colour = self._colours().get(key, style.foreground)
        entry = curves.ENTRIES[key]
        rec = core_act.get(entry.base)
        g, dg = self.model.activation_curves(key)
        if key == "prelu":
            formula = self.tr("g(z) = z if z > 0, else a · z")
            dformula = self.tr("g′(z) = 1 if z > 0, else a")
            rng, sat = "(−∞, ∞)", self.tr("never (slope a for z < 0)")
            use = self.tr("Like leaky ReLU, but the slope a is learned with the weights "
                          "(one per channel).")
        else:
            formula, dformula = tr_core(rec.formula), tr_core(rec.derivative_formula)
            rng, sat, use = rec.range, tr_core(rec.saturates), tr_core(rec.when_to_use)
        rng, sat, use = escape(rng), escape(sat), escape(use)  # plain text ("z < 0")
        sat = keep_brackets_whole(sat, longest=12)  # "(|z| ≳ 5)" on one line
        if entry.has_alpha:  # the α-dependent facts, from the curve core computed
            a = num(self.model.alpha(key), 2)
            rng = rng.replace("α", a)
            sat = sat.replace("α", a)
            max_d = float(np.max(dg.y))
        else:
            max_d = rec.max_derivative
        yes, no = self.tr("yes"), self.tr("no")
        when = self.tr("When to use:")
        rows = [
            (self.tr("Range"), rng),
            (self.tr("Zero-centred"), yes if rec.zero_centred else no),
            (self.tr("Saturates"), sat),
            (self.tr("Largest slope g′"), num(max_d, 3)),
        ]
        table = "".join(f"<tr><td style=\"padding-right:10px; color:{style.muted}\">{k}</td>"
                        f"<td><b>{v}</b></td></tr>" for k, v in rows)
        self.card.setText(
            f"<div style=\"color:{colour}; font-size:{style.point_size * 1.15:.0f}pt\">"
            f"<b>{self._label(key)}</b></div>"
            # <p> would add a line's worth of margin above and below: the card must fit a
            # 1024x768 projector without scrolling
            f"<div style=\"margin-top:4px; margin-bottom:4px\">{math_html(formula, 1.2)}"
            f"<br>{math_html(dformula, 1.05)}</div>"
            f"<table cellspacing=\"0\">{table}</table>"
            f"<div style=\"margin-top:6px\"><b>{when}</b> {use}</div>")

    # --- view -> model ----------------------------------------------------------------
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.model.set_selected(key, item.checkState() == Qt.CheckState.Checked)

    def _on_current_changed(self, item, _previous) -> None:
        if item is not None:
            self.model.set_focus(item.data(Qt.ItemDataRole.UserRole))

    def _on_probe_dragged(self, line) -> None:
        self.model.set_probe(line.value())
        if line.value() != self.model.probe:  # clamped: put the line where the model is
            with QSignalBlocker(line):
                line.setValue(self.model.probe)

    def _on_mouse_moved(self, pos) -> None:
        vb = self.plot.getPlotItem().vb
        if self.plot.sceneBoundingRect().contains(pos) and vb.sceneBoundingRect().contains(pos):
            self.model.set_probe(vb.mapSceneToView(pos).x())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_scroll_width(self.side_scroll)  # sizes are final only once polished and shown

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.list_title.setText(self.tr("Activation functions"))
        self.param_title.setText(self.tr("Parameters"))
        with QSignalBlocker(self.list):  # setText would report a (stale) check state
            for i, key in enumerate(self.keys):
                self.list.item(i).setText(self._label(key))
        self._fit_grid()
        names = {"leaky_relu": self.tr("Leaky ReLU: slope α for z < 0"),
                 "prelu": self.tr("PReLU: learned slope a (start value)"),
                 "elu": self.tr("ELU: α (the value for z → −∞ is −α)")}
        for key, lab in self.alpha_labels.items():
            lab.setText(names.get(key, key))
        axis_label(self.plot, "bottom", "z")
        axis_label(self.plot, "left", self.tr("g(z) solid,  g′(z) dashed"))
        self.hint.setText(
            f"{swatch(style.muted)} g(z) &nbsp; {swatch(style.muted, True)} g′(z) &nbsp;·&nbsp; "
            + self.tr("hover or drag the dotted line · at a jump: ● the value, ○ the limit"))
        self._on_activations_changed()

    def apply_style(self) -> None:
        style.style_plot(self.plot)
        for line in self.zero_lines:
            line.setPen(pg.mkPen(style.muted, width=max(1.0, style.line_width / 2)))
        self.probe_line.setPen(pg.mkPen(style.foreground, width=max(1.0, style.line_width / 2),
                                        style=Qt.PenStyle.DotLine))
        self.probe_line.setHoverPen(pg.mkPen(style.foreground, width=style.line_width))
        self._fit_readout()
        self.card.setFont(style.font(1.0))
        self.hint.setFont(style.font(0.85))
        self.hint.setStyleSheet(f"color: {style.muted}")
        for lab in (self.list_title, self.param_title):
            lab.setFont(style.font(1.1, bold=True))
        # the class reads the names too: projector-size text, check boxes as tall as a capital
        self.list.setFont(style.font(1.0 if style.projector else 0.9))
        side = style.indicator_size
        self.list.setStyleSheet(
            f"QListWidget::indicator {{ width: {side}px; height: {side}px; }}")
        self.list.setIconSize(pg.QtCore.QSize(side, side))
        self._fit_grid()
        self.retranslate()
        fit_scroll_width(self.side_scroll)

    def monkey_actions(self) -> list:
        import random

        return [
            lambda: self.list.item(random.randrange(self.list.count())).setCheckState(
                random.choice([Qt.CheckState.Checked, Qt.CheckState.Unchecked])),
            lambda: self.list.setCurrentRow(random.randrange(self.list.count())),
            lambda: self.alpha_sliders[random.choice(list(self.alpha_sliders))]
            .slider.setValue(random.randrange(0, 100)),
            lambda: self.probe_line.setValue(random.uniform(-7, 7)),
        ]
