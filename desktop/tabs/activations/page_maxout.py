"""Maxout: k linear pieces w_k z + b_k (editable) and their maximum."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.activations import curves
from desktop.tabs.activations.widgets import (
    axis_label,
    make_plot,
    math_html,
    num,
    rich_label,
    series_colour,
    swatch,
)
from desktop.theme import style
from desktop.widgets import fit_scroll_width

MAX_PIECES = 6
Y_RANGE = (-3.0, 6.0)


def _spin(lo: float, hi: float) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(0.1)
    s.setDecimals(2)
    s.setKeyboardTracking(False)
    return s


class MaxoutPage(QWidget):
    """Plot of the pieces (dashed) and maxout (thick); a table of slopes and offsets."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.readout = rich_label()
        self.plot = make_plot()
        pi = self.plot.getPlotItem()
        pi.setXRange(-curves.Z_LIMIT, curves.Z_LIMIT, padding=0)
        pi.setYRange(*Y_RANGE, padding=0)
        self.zero_lines = [pg.InfiniteLine(0, angle=90), pg.InfiniteLine(0, angle=0)]
        for line in self.zero_lines:
            pi.addItem(line, ignoreBounds=True)
        self.piece_items = [pi.plot([], []) for _ in range(MAX_PIECES)]
        self.max_item = pi.plot([], [])
        self.deriv_item = pi.plot([], [], connect="finite")
        self.probe_line = pg.InfiniteLine(model.probe, angle=90, movable=True)
        self.probe_line.sigPositionChanged.connect(self._on_probe_dragged)
        pi.addItem(self.probe_line, ignoreBounds=True)
        self.probe_dot = pg.ScatterPlotItem()
        pi.addItem(self.probe_dot)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.readout)
        col.addWidget(self.plot, 1)
        self._build_side()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        model.maxout_changed.connect(self.refresh)
        model.probe_changed.connect(lambda _z: self._update_probe())
        self.retranslate()
        self.apply_style()

    def _build_side(self) -> None:
        side = QWidget()
        lay = QVBoxLayout(side)
        self.formula = rich_label()
        self.pieces_title = QLabel()
        table = QWidget()
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        self.head_w, self.head_b = QLabel(), QLabel()
        grid.addWidget(self.head_w, 0, 1)
        grid.addWidget(self.head_b, 0, 2)
        self.swatches, self.slopes, self.offsets = [], [], []
        for i in range(MAX_PIECES):
            sw = rich_label(wrap=False)
            w, b = _spin(-5.0, 5.0), _spin(-5.0, 5.0)
            w.valueChanged.connect(lambda v, i=i: self._on_piece(i, slope=v))
            b.valueChanged.connect(lambda v, i=i: self._on_piece(i, offset=v))
            for s in (w, b):
                s.lineEdit().returnPressed.connect(self.setFocus)  # arrows back to the shell
            grid.addWidget(sw, i + 1, 0)
            grid.addWidget(w, i + 1, 1)
            grid.addWidget(b, i + 1, 2)
            self.swatches.append(sw)
            self.slopes.append(w)
            self.offsets.append(b)
        buttons = QHBoxLayout()
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.model.add_piece)
        self.remove_button.clicked.connect(self.model.remove_piece)
        for b in (self.add_button, self.remove_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        self.note = rich_label()
        lay.addWidget(self.formula)
        lay.addWidget(self.pieces_title)
        lay.addWidget(table)
        lay.addLayout(buttons)
        lay.addWidget(self.note)
        lay.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)

    # --- model -> view ----------------------------------------------------------------
    def refresh(self) -> None:
        pieces = self.model.pieces
        z = curves.z_grid()
        lw = style.line_width
        for i, item in enumerate(self.piece_items):
            item.setVisible(i < len(pieces))
            if i < len(pieces):
                w, b = pieces[i]
                item.setData([z[0], z[-1]], [w * z[0] + b, w * z[-1] + b])
                item.setPen(pg.mkPen(series_colour(i), width=lw * 0.8,
                                     style=Qt.PenStyle.DashLine))
        values, slopes, _ = self.model.maxout(z)
        self.max_item.setData(z, values)
        self.max_item.setPen(pg.mkPen(style.foreground, width=lw * 1.6))
        d = curves.with_breaks(z, slopes)
        self.deriv_item.setData(d.line_x, d.line_y)
        self.deriv_item.setPen(pg.mkPen(style.muted, width=lw * 0.8,
                                        style=Qt.PenStyle.DashDotLine))
        for i in range(MAX_PIECES):
            shown = i < len(pieces)
            for wdg in (self.swatches[i], self.slopes[i], self.offsets[i]):
                wdg.setVisible(shown)
            if shown:
                self.swatches[i].setText(f"{swatch(series_colour(i), True)} {i + 1}")
                for spin, v in ((self.slopes[i], pieces[i][0]), (self.offsets[i], pieces[i][1])):
                    if not spin.hasFocus():
                        with QSignalBlocker(spin):
                            spin.setValue(v)
        self.add_button.setEnabled(len(pieces) < MAX_PIECES)
        self.remove_button.setEnabled(len(pieces) > 1)
        self._update_probe()

    def _update_probe(self) -> None:
        z = self.model.probe
        with QSignalBlocker(self.probe_line):
            self.probe_line.setValue(z)
        values, slopes, k = self.model.maxout([z])
        i = int(k[0])
        c = series_colour(i)
        self.probe_dot.setData([z], [values[0]], size=style.marker_size * 1.3,
                               brush=pg.mkBrush(c), pen=pg.mkPen(style.foreground, width=2))
        for j, item in enumerate(self.piece_items[:len(self.model.pieces)]):
            item.setPen(pg.mkPen(series_colour(j), width=style.line_width * (1.2 if j == i
                                                                            else 0.8),
                                 style=Qt.PenStyle.DashLine))
        text = (self.tr("at z = %1 piece %2 is the largest: maxout = %3, slope = %4")
                .replace("%1", f"<b>{num(z, 2)}</b>")
                .replace("%2", f"<b style=\"color:{c}\">{i + 1}</b>")
                .replace("%3", f"<b>{num(values[0], 2)}</b>")
                .replace("%4", f"<b>{num(slopes[0], 2)}</b>"))
        self.readout.setText(text)

    # --- view -> model ----------------------------------------------------------------
    def _on_piece(self, i: int, slope=None, offset=None) -> None:
        if i < len(self.model.pieces):
            self.model.set_piece(i, slope=slope, offset=offset)

    def _on_probe_dragged(self, line) -> None:
        self.model.set_probe(line.value())
        if line.value() != self.model.probe:
            with QSignalBlocker(line):
                line.setValue(self.model.probe)

    def _on_mouse_moved(self, pos) -> None:
        vb = self.plot.getPlotItem().vb
        if vb.sceneBoundingRect().contains(pos):
            self.model.set_probe(vb.mapSceneToView(pos).x())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_scroll_width(self.side_scroll)  # sizes are final only once polished and shown

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        f = ("maxout(z) = max(w<sub>1</sub>&nbsp;z&nbsp;+&nbsp;b<sub>1</sub>, …, "
             "w<sub>k</sub>&nbsp;z&nbsp;+&nbsp;b<sub>k</sub>)")
        self.formula.setText(math_html(f, 1.15))
        self.pieces_title.setText(self.tr("Pieces"))
        self.head_w.setText(self.tr("slope w"))
        self.head_b.setText(self.tr("offset b"))
        self.add_button.setText(self.tr("+ piece"))
        self.remove_button.setText(self.tr("− piece"))
        self.note.setText(self.tr(
            "A maxout unit learns its own activation: the largest of k lines. ReLU is "
            "max(0, z): two pieces. With more pieces it can follow any convex curve. Its "
            "gradient is the slope of the winning piece (grey dash-dot line)."))
        axis_label(self.plot, "bottom", "z")
        self.refresh()

    def apply_style(self) -> None:
        style.style_plot(self.plot)
        for line in self.zero_lines:
            line.setPen(pg.mkPen(style.muted, width=max(1.0, style.line_width / 2)))
        self.probe_line.setPen(pg.mkPen(style.foreground, width=max(1.0, style.line_width / 2),
                                        style=Qt.PenStyle.DotLine))
        self.readout.setFont(style.font(1.3))
        self.pieces_title.setFont(style.font(1.1, bold=True))
        self.note.setFont(style.font(1.0))
        self.retranslate()
        fit_scroll_width(self.side_scroll)

    def monkey_actions(self) -> list:
        import random

        n = lambda: len(self.model.pieces)  # noqa: E731
        return [
            lambda: self.slopes[random.randrange(n())].setValue(random.uniform(-5, 5)),
            lambda: self.offsets[random.randrange(n())].setValue(random.uniform(-5, 5)),
            self.add_button.click,
            self.remove_button.click,
            lambda: self.probe_line.setValue(random.uniform(-7, 7)),
        ]
