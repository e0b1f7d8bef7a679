"""The perceptron tab's work area: the neuron diagram, the input plane(s) and the arithmetic.

    +--------------------------+-------------------+ (+ hidden plane in two-layer mode)
    | neuron diagram           | input plane       |
    | z = ..., y = ...         | (square)          |
    +--------------------------+-------------------+
    | last update: w ← w + η (t − y) x  (two-layer mode: each neuron's arithmetic)   |
    +------------------------------------------------------------------------------+

Splitters let the teacher move the borders; until they do, ``fit`` sizes them for the window:
the arithmetic gets the lines it needs, the planes are square and as tall as the top row, and
the diagram takes the rest. Widgets only: the view fills them in from the model.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.perceptron import diagram
from desktop.tabs.perceptron.panels import rich_label
from desktop.tabs.perceptron.plane import HiddenPlane, InputPlane
from desktop.theme import style

UPDATE_LINES = 5.2   # the update rule written out: sample, z and y, w1, w2, b
NETWORK_LINES = 3.3  # two-layer mode: h1, h2, y


def scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll


class WorkArea(QSplitter):
    """Top: diagram | plane(s); bottom: the arithmetic (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.user_sized = False  # the teacher dragged a border: keep their sizes
        self.diagram = diagram.GraphCanvas()
        self.forward_label = rich_label()
        self.net_diagram = diagram.GraphCanvas()
        self.left_stack = QStackedWidget()
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.diagram, 1)
        v.addWidget(self.forward_label)
        self.left_stack.addWidget(page)
        self.left_stack.addWidget(self.net_diagram)

        self.plane = InputPlane()
        self.hidden_plane = HiddenPlane()
        self.plane_title, self.hidden_title = QLabel(), QLabel()
        self.planes = QWidget()
        grid = QGridLayout(self.planes)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, (title, plot) in enumerate(((self.plane_title, self.plane),
                                             (self.hidden_title, self.hidden_plane))):
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setWordWrap(True)
            grid.addWidget(title, 0, col)
            grid.addWidget(plot, 1, col)
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(1, 1)
        self._grid = grid
        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.setChildrenCollapsible(False)
        self.top_split.addWidget(self.left_stack)
        self.top_split.addWidget(self.planes)
        self.top_split.setStretchFactor(0, 1)
        self.top_split.setStretchFactor(1, 1)

        self.update_title = QLabel()
        self.update_label = rich_label()
        self.update_box = QWidget()
        v = QVBoxLayout(self.update_box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.update_title)
        v.addWidget(scrolled(self.update_label), 1)
        self.net_label = rich_label()
        self.bottom_stack = QStackedWidget()
        self.bottom_stack.addWidget(self.update_box)
        self.bottom_stack.addWidget(scrolled(self.net_label))

        self.addWidget(self.top_split)
        self.addWidget(self.bottom_stack)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        for split in (self, self.top_split):
            split.splitterMoved.connect(self.keep_user_sizes)
        self.show_two_layer(False)

    def keep_user_sizes(self, *_args) -> None:
        """The teacher moved a border: from now on Qt's stretch factors share the space."""
        self.user_sized = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def show_two_layer(self, on: bool) -> None:
        """Two-layer mode: the network, both planes with titles, each neuron's arithmetic."""
        self.left_stack.setCurrentIndex(1 if on else 0)
        self.bottom_stack.setCurrentIndex(1 if on else 0)
        for w in (self.hidden_plane, self.plane_title, self.hidden_title):
            w.setVisible(on)
        self._grid.setColumnStretch(1, 1 if on else 0)
        self.fit()

    def apply_style(self) -> None:
        self.forward_label.setFont(style.font(1.0))
        self.net_label.setFont(style.font(1.0))
        self.update_label.setFont(style.font(1.0))
        self.update_title.setFont(style.font(1.0, bold=True))
        for title in (self.plane_title, self.hidden_title):
            title.setFont(style.font(1.1, bold=True))
        self.diagram.update()
        self.net_diagram.update()

    # --- sizes ---------------------------------------------------------------------------
    def bottom_height(self, height: int) -> int:
        """The arithmetic's lines (at most 42 % of ``height``)."""
        two = self.bottom_stack.currentIndex() == 1
        label = self.net_label if two else self.update_label
        lines = NETWORK_LINES if two else UPDATE_LINES
        need = lines * label.fontMetrics().lineSpacing()
        if not two:
            need += self.update_title.sizeHint().height() + 6
        return int(min(need, height * 0.42))

    def plane_width(self, height: int) -> int:
        """The width that makes a plane's data area square when the plot is ``height`` tall
        (the axes take a fixed margin on the left and at the bottom)."""
        plot, vb = self.plane, self.plane.getViewBox()
        if vb.width() > 10 and vb.height() > 10:
            extra_w, extra_h = plot.width() - vb.width(), plot.height() - vb.height()
        else:  # not laid out yet: an estimate
            extra_w = extra_h = 45 * style.scale
        return int(max(140, height - extra_h + extra_w))

    def fit(self) -> None:
        """Size the splitters for the work area's size (unless the teacher has moved them):
        planes square and as tall as the top row, but at most half the width (two planes:
        68 %); the diagram gets the rest."""
        if self.user_sized or not self.isVisible():
            return
        width, height = self.width(), self.height()
        bottom = self.bottom_height(height)
        top = max(120, height - bottom - self.handleWidth())
        self.setSizes([top, bottom])
        two = self.hidden_plane.isVisibleTo(self)
        title = self.plane_title.sizeHint().height() + 6 if two else 0
        planes = self.plane_width(top - title) * (2 if two else 1)
        planes = min(planes, int(width * (0.68 if two else 0.5)))
        self.top_split.setSizes([width - planes - self.top_split.handleWidth(), planes])
