"""The network diagram's scene items: edges (weights), neurons, bias squares, buttons, and
the small popup that edits a weight or a bias. Each reports to the ``NetworkDiagram`` that
made it; none holds state of its own beyond its last drawn look.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsTextItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
)

from desktop.theme import style


class EdgeItem(QGraphicsPathItem):
    """A weight: hover tooltip, click to edit; a wide invisible hit area."""

    def __init__(self, diagram, key, path: QPainterPath):
        super().__init__(path)
        self.diagram, self.key = diagram, key
        self.last = None
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0 * style.scale)
        self._shape = stroker.createStroke(path)

    def shape(self):  # noqa: D102 (Qt override)
        return self._shape

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setToolTip(self.diagram.describe(self.key))
        self.diagram.set_highlight(self)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.diagram.set_highlight(None)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.diagram.begin_edit(self.key)
            event.accept()


class NodeItem(QGraphicsRectItem):
    """A neuron (or input feature): a thumbnail heat map inside a frame."""

    def __init__(self, diagram, layer: int, unit: int, rect: QRectF, active: bool = True):
        super().__init__(rect)
        self.diagram, self.layer, self.unit, self.active = diagram, layer, unit, active
        self.pixmap = QGraphicsPixmapItem(self)
        self.pixmap.setPos(rect.topLeft())
        self.pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)

    def set_image(self, pixmap: QPixmap) -> None:
        self.pixmap.setPixmap(pixmap)

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setToolTip(self.diagram.describe(("node", self.layer, self.unit)))
        self.diagram.on_node_hover(self, True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.diagram.on_node_hover(self, False)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.diagram.on_node_click(self)
            event.accept()


class BiasItem(QGraphicsRectItem):
    def __init__(self, diagram, layer: int, unit: int, rect: QRectF):
        super().__init__(rect)
        self.diagram, self.key = diagram, ("b", layer, unit)
        self.last = None
        self.setAcceptHoverEvents(True)
        self.setZValue(3)

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setToolTip(self.diagram.describe(self.key))
        super().hoverEnterEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.diagram.begin_edit(self.key)
            event.accept()


class ButtonItem(QGraphicsRectItem):
    """A small clickable rounded button drawn in the scene (+, -, activation menus)."""

    def __init__(self, text: str, font, callback, tooltip: str = ""):
        super().__init__()
        self.callback = callback
        self.label = QGraphicsTextItem(text, self)
        self.label.setFont(font)
        self.label.setDefaultTextColor(QColor(style.foreground))
        r = self.label.boundingRect()
        pad = 2 * style.scale
        self.setRect(QRectF(0, 0, max(r.width(), r.height()) + 2 * pad, r.height() + pad))
        self.label.setPos((self.rect().width() - r.width()) / 2, pad / 2)
        self.setBrush(QColor("#2d3135" if style.dark else "#eef0f2"))
        self.setPen(QPen(QColor(style.muted), 1))
        self.setToolTip(tooltip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            QTimer.singleShot(0, self.callback)  # never rebuild the scene inside its event


class ValueEditor(QFrame):
    """A small popup with one line edit: type a number, Enter commits, Esc cancels."""

    def __init__(self, parent):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.edit = QLineEdit()
        lay.addWidget(self.label)
        lay.addWidget(self.edit)
        self.on_commit = None
        self.edit.returnPressed.connect(self._commit)

    def _commit(self) -> None:
        text = self.edit.text().strip().replace(",", ".").replace("−", "-")
        try:
            value = float(text)
        except ValueError:
            self.edit.selectAll()
            return
        self.hide()
        if self.on_commit is not None:
            self.on_commit(value)
