"""The network diagram: every neuron as a live heat map, edges coloured by their weight.

As in TensorFlow Playground: input features on the left (click one to switch it on or off),
hidden layers with +/- buttons for layers and neurons, the output on the right. Each neuron
shows its output over the input plane; an edge's colour is the sign of its weight (orange
negative, blue positive) and its width grows with |w|; the small square at a neuron's corner
is its bias. Hover shows a value (and a neuron's map large in the output view); click an edge
or a bias square to type a new value.

The scene is laid out in pixels from the view's size (so text stays crisp and sized by the
style); it is rebuilt only when the network or the size changes. Per frame, ``refresh()``
only swaps pixmaps and re-colours edges whose quantised colour or width changed.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QMenu,
)

from core import activations as core_activations
from desktop.tabs.trainer import features as feats
from desktop.tabs.trainer.controls import translated_activation
from desktop.tabs.trainer.diagram_items import (
    BiasItem,
    ButtonItem,
    EdgeItem,
    NodeItem,
    ValueEditor,
)
from desktop.tabs.trainer.images import class_luts, lut32, thumbnails, to_indices
from desktop.theme import style

THUMB = 50  #: thumbnail resolution (every other point of the 100 x 100 grid)


class NetworkDiagram(QGraphicsView):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMouseTracking(True)
        self.editor = ValueEditor(self)
        self.nodes: dict[tuple[int, int], NodeItem] = {}
        self.edges: dict[tuple, EdgeItem] = {}
        self.biases: dict[tuple, BiasItem] = {}
        self.buttons: dict[str, ButtonItem] = {}
        self.highlight = None
        self._layout_size = None
        self._header_rows = 2
        model.network_changed.connect(self.rebuild)
        model.weights_changed.connect(self.refresh)
        model.display_changed.connect(self._mark_focus)

    # ---- texts -----------------------------------------------------------------------
    def layer_name(self, layer: int) -> str:
        n_hidden = len(self.model.s.hidden)
        if layer == 0:
            return self.tr("input")
        if layer == n_hidden + 1:
            return self.tr("output")
        return self.tr("hidden layer %1").replace("%1", str(layer))

    def describe(self, key) -> str:
        """Tooltip text of an edge, bias or node, with its current value."""
        m = self.model
        if key[0] == "w":
            _, layer, i, j = key
            w = float(m.mlp.weights[layer][i, j])
            src = self._unit_name(layer, i)
            dst = self._unit_name(layer + 1, j)
            return self.tr("Weight %1 → %2: <b>%3</b><br>Click to type a new value.") \
                .replace("%1", src).replace("%2", dst).replace("%3", f"{w:.4g}")
        if key[0] == "b":
            _, layer, j = key
            b = float(m.mlp.biases[layer][j])
            return self.tr("Bias of %1: <b>%2</b><br>Click to type a new value.") \
                .replace("%1", self._unit_name(layer + 1, j)).replace("%2", f"{b:.4g}")
        _, layer, unit = key
        if layer == 0:
            f = feats.FEATURES[unit]
            on = f.name in m.s.features
            return (self.tr("Input %1 (on): click to switch it off.") if on else
                    self.tr("Input %1 (off): click to switch it on.")).replace("%1", f.text)
        return self.tr("%1: its output over the input plane (shown large in the output "
                       "view while the pointer is here).").replace("%1",
                                                                   self._unit_name(layer, unit))

    def _unit_name(self, layer: int, unit: int) -> str:
        if layer == 0:
            return feats.FEATURES[feats.columns(self.model.s.features)[unit]].text
        if layer == len(self.model.s.hidden) + 1:
            if self.model.spec.n_out == 1:
                return self.tr("the output")
            return self.tr("output %1").replace("%1", str(unit + 1))
        return self.tr("neuron %1 of layer %2").replace("%1", str(unit + 1)) \
            .replace("%2", str(layer))

    # ---- layout ----------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._layout_size != self.viewport().size():
            self.rebuild()

    def rebuild(self) -> None:
        """Lay the whole scene out for the current network, size and style."""
        scene = self.scene()
        self.highlight = None
        scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.biases.clear()
        self.buttons.clear()
        m = self.model
        vp = self.viewport().size()
        self._layout_size = vp
        W, H = max(200, vp.width()), max(160, vp.height())
        scene.setSceneRect(0, 0, W, H)
        scene.setBackgroundBrush(QColor(style.background))
        font = style.font(0.95)
        small = style.font(0.8)
        fm = QFontMetricsF(font)
        line_h = fm.height()
        hidden = list(m.s.hidden)
        n_out = m.spec.n_out
        cols = [len(feats.FEATURES), *hidden, n_out]
        label_w = max(fm.horizontalAdvance(f.text) for f in feats.FEATURES) + 8
        n_cols = len(cols)
        left = label_w + 6
        right = 8
        gap_x = (W - left - right) / max(1, n_cols - 1)
        # header: the layer-count row, then each layer's +/- row(s) and activation row
        # the header's real heights, from probe buttons of the fonts used
        title_h = ButtonItem("+", font, None).rect().height() + 2
        button_h = ButtonItem("+", small, None).rect().height() + 2
        # each layer's header: "+ − act" in one row if it fits, else "+ −" over "act",
        # else all three stacked
        pw = ButtonItem("+", small, None).rect().width()
        act_w = max((ButtonItem(f"{translated_activation(core_activations.get(a).label)} ▾",
                                small, None).rect().width() for a in m.s.activations),
                    default=0.0)
        room = gap_x * 0.95 - 6
        rows = 1 if 2 * pw + act_w + 9 <= room else 2 if 2 * pw + 3 <= room else 3
        self._header_rows = rows
        top = title_h + 0.25 * line_h + (rows * button_h if hidden else 0)
        top += line_h * 0.3
        bottom = 6
        n_max = max(cols)
        avail_h = H - top - bottom
        size = min(avail_h / n_max * 0.78, gap_x * 0.5, 110 * style.scale)
        size = max(16.0, size)
        xs = [left + c * (W - left - right - size) / max(1, n_cols - 1) for c in range(n_cols)]
        self._xs, self._size = xs, size
        positions = {}
        for c, n in enumerate(cols):
            spacing = min(avail_h / n, size * 1.45)
            y0 = top + (avail_h - spacing * n) / 2 + (spacing - size) / 2
            for u in range(n):
                positions[(c, u)] = QRectF(xs[c], y0 + u * spacing, size, size)
        self._positions = positions
        self._build_nodes(positions, cols, font)
        self._build_edges(positions, cols)
        self._build_headers(xs, size, hidden, font, small, line_h)
        self._mark_focus()
        self.refresh()

    def _build_nodes(self, positions, cols, font) -> None:
        m = self.model
        scene = self.scene()
        active = feats.columns(m.s.features)
        maps = m.input_maps()
        pen = QPen(QColor(style.muted), max(1.0, style.scale))
        for u, f in enumerate(feats.FEATURES):
            rect = positions[(0, u)]
            on = u in active
            node = NodeItem(self, 0, u, rect, on)
            node.setPen(QPen(QColor(style.foreground), 2 * style.scale) if on else pen)
            node.setOpacity(1.0 if on else 0.35)
            node.setCursor(Qt.CursorShape.PointingHandCursor)
            values = maps[:, active.index(u)] if on else self._feature_map(u)
            node.set_image(self._pixmap(values, rect.width()))
            scene.addItem(node)
            self.nodes[(0, u)] = node
            label = QGraphicsTextItem()
            label.setHtml(f.html)
            label.setFont(font)
            label.setDefaultTextColor(QColor(style.foreground if on else style.muted))
            br = label.boundingRect()
            label.setPos(rect.left() - br.width() - 2, rect.center().y() - br.height() / 2)
            scene.addItem(label)
        for c in range(1, len(cols)):
            for u in range(cols[c]):
                rect = positions[(c, u)]
                node = NodeItem(self, c, u, rect)
                node.setPen(pen)
                scene.addItem(node)
                self.nodes[(c, u)] = node
                b = rect.width() * 0.24
                bias = BiasItem(self, c - 1, u, QRectF(rect.left() - b * 0.55,
                                                       rect.bottom() - b * 0.45, b, b))
                bias.setPen(QPen(QColor(style.muted), 1))
                bias.setCursor(Qt.CursorShape.PointingHandCursor)
                scene.addItem(bias)
                self.biases[bias.key] = bias

    def _feature_map(self, u: int) -> np.ndarray:
        from desktop.tabs.trainer.features import all_features

        return all_features(self.model.grid)[:, u]

    def _build_edges(self, positions, cols) -> None:
        scene = self.scene()
        active = feats.columns(self.model.s.features)
        sources = [[positions[(0, u)] for u in active]]
        for c in range(1, len(cols)):
            sources.append([positions[(c, u)] for u in range(cols[c])])
        for layer in range(len(cols) - 1):
            for i, a in enumerate(sources[layer]):
                for j, b in enumerate(sources[layer + 1]):
                    p0 = QPointF(a.right(), a.center().y())
                    p1 = QPointF(b.left(), b.center().y())
                    dx = (p1.x() - p0.x()) * 0.5
                    path = QPainterPath(p0)
                    path.cubicTo(QPointF(p0.x() + dx, p0.y()), QPointF(p1.x() - dx, p1.y()), p1)
                    edge = EdgeItem(self, ("w", layer, i, j), path)
                    edge.setCursor(Qt.CursorShape.PointingHandCursor)
                    scene.addItem(edge)
                    self.edges[edge.key] = edge

    def _build_headers(self, xs, size, hidden, font, small, line_h) -> None:
        m = self.model
        scene = self.scene()
        n = len(hidden)
        # the layer count with its +/- buttons, centred over the hidden columns
        title = QGraphicsTextItem(self.tr("Hidden layers: %1").replace("%1", str(n)))
        title.setFont(style.font(1.0, bold=True))
        title.setDefaultTextColor(QColor(style.foreground))
        plus = ButtonItem("+", font, m.add_layer, self.tr("Add a hidden layer"))
        minus = ButtonItem("−", font, m.remove_layer, self.tr("Remove the last hidden layer"))
        self.buttons["add_layer"], self.buttons["remove_layer"] = plus, minus
        tw = title.boundingRect().width()
        total = plus.rect().width() + minus.rect().width() + tw + 16
        cx = (xs[1] + xs[-2] + size) / 2 if n else (xs[0] + xs[-1] + size) / 2
        x = max(4.0, min(cx - total / 2, self.sceneRect().width() - total - 4))
        plus.setPos(x, 2)
        minus.setPos(x + plus.rect().width() + 4, 2)
        title.setPos(x + plus.rect().width() + minus.rect().width() + 12,
                     2 + (plus.rect().height() - title.boundingRect().height()) / 2)
        for item in (plus, minus, title):
            scene.addItem(item)
        y = 2 + plus.rect().height() + 0.25 * line_h
        width = self.sceneRect().width()
        group = QRectF(x, 0, total, plus.rect().height() + 4)
        for text, cx in ((self.tr("Features"), xs[0] + size / 2),
                         (self.tr("Output"), xs[-1] + size / 2)):
            caption = QGraphicsTextItem(text.upper())
            caption.setFont(style.font(0.8, bold=True))
            caption.setDefaultTextColor(QColor(style.muted))
            r = caption.boundingRect()
            cx = max(2.0, min(cx - r.width() / 2, width - r.width() - 2))
            caption.setPos(cx, 2 + (plus.rect().height() - r.height()) / 2)
            if not caption.sceneBoundingRect().intersects(group):
                scene.addItem(caption)
        gap = (xs[2] - xs[1]) if n > 1 else width
        for layer in range(n):
            cx = xs[layer + 1] + size / 2
            p = ButtonItem("+", small, lambda k=layer: m.add_neuron(k),
                           self.tr("Add a neuron to this layer"))
            q = ButtonItem("−", small, lambda k=layer: m.remove_neuron(k),
                           self.tr("Remove a neuron from this layer"))
            w = p.rect().width() + q.rect().width() + 3
            label = translated_activation(core_activations.get(m.s.activations[layer]).label)
            tip = self.tr("Activation of this layer: %1").replace("%1", label)
            a = None
            for text in (f"{label} ▾", f"{label[:4]} ▾", "▾"):
                a = ButtonItem(text, small, lambda k=layer: self.activation_menu(k), tip)
                if a.rect().width() <= gap - 6:
                    break
            row_h = p.rect().height() + 2
            if self._header_rows == 1:  # + − act
                x0 = cx - (w + 3 + a.rect().width()) / 2
                p.setPos(x0, y)
                q.setPos(x0 + p.rect().width() + 3, y)
                a.setPos(x0 + w + 3, y)
            elif self._header_rows == 2:  # + − over act
                p.setPos(cx - w / 2, y)
                q.setPos(cx - w / 2 + p.rect().width() + 3, y)
                a.setPos(cx - a.rect().width() / 2, y + row_h)
            else:  # columns too close: stack all three
                p.setPos(cx - p.rect().width() / 2, y)
                q.setPos(cx - q.rect().width() / 2, y + row_h)
                a.setPos(cx - a.rect().width() / 2, y + 2 * row_h)
            for item in (p, q, a):
                scene.addItem(item)
            self.buttons[f"add_neuron_{layer}"] = p
            self.buttons[f"remove_neuron_{layer}"] = q
            self.buttons[f"activation_{layer}"] = a

    def activation_menu(self, layer: int) -> QMenu:
        """A menu of every activation (from core's registry) for one hidden layer."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for name, rec in core_activations.ACTIVATIONS.items():
            act = menu.addAction(translated_activation(rec.label))
            act.setCheckable(True)
            act.setChecked(self.model.s.activations[layer] == name)
            act.triggered.connect(lambda _c=False, n=name: self.model.set_layer_activation(
                layer, n))
        item = self.buttons.get(f"activation_{layer}")
        if item is not None and self.isVisible():
            pos = self.mapToGlobal(self.mapFromScene(item.sceneBoundingRect().bottomLeft()))
            menu.popup(pos)
        return menu

    # ---- per-frame update ------------------------------------------------------------------
    def refresh(self) -> None:
        """New thumbnails, edge colours/widths and bias colours from the current weights."""
        if not self.nodes or self._layout_size is None or not self.isVisible():
            return
        m = self.model
        outputs = m.grid_outputs()
        n_hidden = len(m.s.hidden)
        lut = style.lut()
        softmax = m.spec.activation == "softmax"
        # every unit's map at once: a strided view of the grid, one LUT gather for all
        maps = thumbnails(outputs, THUMB)
        n_out_units = m.spec.n_out
        first_out = maps.shape[0] - n_out_units
        idx = np.empty(maps.shape, dtype=np.intp)
        idx[:first_out] = to_indices(maps[:first_out])
        out_maps = maps[first_out:]
        if softmax:
            idx[first_out:] = to_indices(out_maps * 2.0 - 1.0)
        else:
            idx[first_out:] = to_indices(m.spec.to_signed(out_maps))
        words = lut32(lut)[idx]
        if softmax:
            for u, table in enumerate(class_luts(style.dark)[:n_out_units]):
                words[first_out + u] = lut32(table)[idx[first_out + u]]
        k = 0
        for c in range(1, n_hidden + 2):
            for u in range(m.layer_sizes[c]):
                node = self.nodes.get((c, u))
                if node is not None:
                    node.set_image(self._pixmap_words(words[k], self._size))
                k += 1
        self._refresh_edges(lut)

    def _refresh_edges(self, lut) -> None:
        m = self.model
        scale = style.scale
        for key, edge in self.edges.items():
            _, layer, i, j = key
            w = float(m.mlp.weights[layer][i, j])
            ci = int(round((max(-1.0, min(1.0, w)) + 1.0) * 15.5))
            width = round(2.0 * (1.0 + 9.0 * min(abs(w), 5.0) / 5.0) * scale * 0.8) / 2.0
            state = (ci, width, edge is self.highlight)
            if state != edge.last:
                edge.last = state
                color = QColor(*[int(v) for v in lut[int(ci * 255 / 31)][:3]])
                if edge is self.highlight:
                    color = QColor(style.foreground)
                edge.setPen(QPen(color, max(0.6, width), Qt.PenStyle.SolidLine,
                                 Qt.PenCapStyle.RoundCap))
        for key, item in self.biases.items():
            _, layer, j = key
            b = float(m.mlp.biases[layer][j])
            ci = int(round((max(-1.0, min(1.0, b)) + 1.0) * 15.5))
            if ci != item.last:
                item.last = ci
                item.setBrush(QColor(*[int(v) for v in lut[int(ci * 255 / 31)][:3]]))

    @staticmethod
    def _pixmap_words(words: np.ndarray, size: float) -> QPixmap:
        """(h, w) uint32 RGBA words -> a pixmap scaled smoothly to size x size."""
        words = np.ascontiguousarray(words)
        h, w = words.shape
        img = QImage(words.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
        s = max(1, int(round(size)))
        return QPixmap.fromImage(img.scaled(s, s, Qt.AspectRatioMode.IgnoreAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))

    def _pixmap(self, values: np.ndarray, size: float) -> QPixmap:
        """A (G * G,) map over the grid as a thumbnail pixmap."""
        maps = thumbnails(values.reshape(-1, 1), THUMB)[0]
        return self._pixmap_words(lut32(style.lut())[to_indices(maps)], size)

    # ---- interaction -----------------------------------------------------------------------
    def _mark_focus(self) -> None:
        """A thick frame around the neuron shown large in the output view."""
        focus = self.model.focus
        if focus is not None and focus[0] == 0:
            focus = (0, feats.columns(self.model.s.features)[focus[1]])
        for key, node in self.nodes.items():
            if key[0] == 0:
                continue
            on = key == focus
            node.setPen(QPen(QColor(style.foreground if on else style.muted),
                             (3.0 if on else 1.0) * max(1.0, style.scale)))

    def set_highlight(self, edge) -> None:
        self.highlight = edge
        self._refresh_edges(style.lut())

    def on_node_hover(self, node: NodeItem, inside: bool) -> None:
        if node.layer == 0 and not node.active:
            return
        if inside:
            unit = node.unit
            if node.layer == 0:
                unit = feats.columns(self.model.s.features).index(node.unit)
            self.model.set_focus((node.layer, unit))
        else:
            self.model.set_focus(None)

    def on_node_click(self, node: NodeItem) -> None:
        if node.layer == 0:
            name = feats.FEATURES[node.unit].name
            QTimer.singleShot(0, lambda: self.model.toggle_feature(name))

    def begin_edit(self, key) -> None:
        """Open the value editor for a weight ("w", layer, i, j) or a bias ("b", layer, j)."""
        m = self.model
        if key[0] == "w":
            _, layer, i, j = key
            value = float(m.mlp.weights[layer][i, j])
            self.editor.label.setText(self.tr("Weight"))
            self.editor.on_commit = lambda v: m.set_weight(layer, i, j, v)
            item = self.edges.get(key)
        else:
            _, layer, j = key
            value = float(m.mlp.biases[layer][j])
            self.editor.label.setText(self.tr("Bias"))
            self.editor.on_commit = lambda v: m.set_bias(layer, j, v)
            item = self.biases.get(key)
        self.editor.edit.setText(f"{value:.4g}")
        self.editor.edit.selectAll()
        if item is not None:
            center = item.boundingRect().center() if key[0] == "b" else \
                item.path().pointAtPercent(0.5)
            pos = self.mapToGlobal(self.mapFromScene(center))
            self.editor.move(pos)
        self.editor.show()
        self.editor.edit.setFocus()

    def retranslate(self) -> None:
        self.rebuild()

    def apply_style(self) -> None:
        self.setBackgroundBrush(QBrush(QColor(style.background)))
        self.rebuild()
