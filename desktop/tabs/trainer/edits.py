"""The trainer's setters: data editing, training settings, architecture and display.

A mixin of ``TrainerModel`` (model.py), kept apart only for length. Every setter validates
through ``state.settings_from_dict`` first, so a bad value raises ``ValueError`` before
anything changes.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication

from core import optimizers as core_optimizers
from desktop.tabs.trainer import csvio, data
from desktop.tabs.trainer.analysis import EXTENT
from desktop.tabs.trainer.state import MAX_LAYERS, MAX_NEURONS, Settings, settings_from_dict


class TrainerEdits:
    """Setters of ``TrainerModel``; see there for the attributes they use."""

    # ---- data ----------------------------------------------------------------------------
    def set_problem(self, kind: str) -> None:
        """Classification or regression: switches to the first dataset of that kind."""
        if kind not in (data.CLASSIFICATION, data.REGRESSION):
            raise ValueError(f"unknown problem type {kind!r}")
        if kind != self.kind:
            self.set_dataset(next(c.id for c in data.CHOICES if c.kind == kind))

    def set_dataset(self, dataset_id: str) -> None:
        if dataset_id == data.CUSTOM:
            return
        s = settings_from_dict({"dataset": dataset_id}, self.s)
        self._new_points(s, self._generate(s))

    def set_noise(self, percent: int) -> None:
        s = settings_from_dict({"noise": int(percent)}, self.s)
        if s == self.s:
            return
        if s.dataset == data.CUSTOM:
            self.s = s
            self.settings_changed.emit()
            return
        self._new_points(s, self._generate(s))

    def regenerate(self) -> None:
        """New points of the same dataset (a new seed); your own points stay."""
        if self.s.dataset == data.CUSTOM:
            return
        s = replace(self.s, data_seed=(self.s.data_seed + 1) % (2**31 - 1))
        self._new_points(s, self._generate(s))

    def set_train_ratio(self, percent: int) -> None:
        s = settings_from_dict({"train_ratio": int(percent)}, self.s)
        if s == self.s:
            return
        train = data.split_mask(len(self.points.X), s.train_ratio / 100, s.data_seed)
        points = data.Points(self.points.X, self.points.y, train, self.kind)
        self.s = s
        self._replace_points(points)
        self.settings_changed.emit()

    @staticmethod
    def _generate(s: Settings) -> data.Points:
        return data.generate(s.dataset, s.noise / 100, s.data_seed, s.train_ratio / 100)

    def _new_points(self, s: Settings, points: data.Points) -> None:
        """New points (and settings): the network restarts from its initial weights."""
        self._rebuild(s, points)
        self.data_changed.emit()

    def _replace_points(self, points: data.Points) -> None:
        """Points edited while training goes on: weights and history are kept."""
        n_classes = self._n_classes_of(points, self.n_classes)
        if n_classes != self.n_classes or points.kind != self.kind:
            self._rebuild(self.s, points, n_classes)
            self.data_changed.emit()
            return
        self.points = points
        self._set_arrays(self._arrays(self.s, points, self.spec))
        self._evaluate()
        self.data_changed.emit()
        self.weights_changed.emit()
        if self.running and self.trainable_problem():
            self.pause()
        self._set_message(self.trainable_problem() or "")

    def _make_custom(self) -> None:
        if self.s.dataset != data.CUSTOM:
            self.s = replace(self.s, dataset=data.CUSTOM)
            self.settings_changed.emit()

    def add_point(self, x: float, y: float, cls: int | None = None) -> None:
        """Add a training point at (x, y) of class ``cls`` (default: the chosen class); in
        regression class 0 adds the value -1 (orange) and class 1 the value +1 (blue)."""
        cls = self.s.add_class if cls is None else int(cls)
        if not (np.isfinite(x) and np.isfinite(y)) or abs(x) > EXTENT or abs(y) > EXTENT:
            return
        if len(self.points.X) >= data.MAX_POINTS:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "At most %1 points.").replace("%1", str(data.MAX_POINTS)))
            return
        if self.kind == data.REGRESSION:
            value = -1.0 if cls % 2 == 0 else 1.0
            y_new = np.append(self.points.y, value)
        else:
            y_new = np.append(self.points.y, min(cls, data.MAX_CLASSES - 1)).astype(np.int64)
        points = data.Points(np.vstack((self.points.X, [[x, y]])), y_new,
                             np.append(self.points.train, True), self.kind)
        self._make_custom()
        self._replace_points(points)

    def delete_near(self, x: float, y: float, radius: float = 0.4) -> bool:
        """Delete the point nearest to (x, y) if it is within ``radius``."""
        if not len(self.points.X):
            return False
        d = np.hypot(self.points.X[:, 0] - x, self.points.X[:, 1] - y)
        i = int(np.argmin(d))
        if d[i] > radius:
            return False
        keep = np.arange(len(d)) != i
        points = data.Points(self.points.X[keep], self.points.y[keep], self.points.train[keep],
                             self.kind)
        self._make_custom()
        self._replace_points(points)
        return True

    def clear_points(self) -> None:
        """Remove every point (to draw your own data set)."""
        points = data.Points(np.zeros((0, 2)), self.points.y[:0], np.zeros(0, bool), self.kind)
        self._make_custom()
        self._replace_points(points)

    def load_csv(self, path) -> bool:
        """Replace the points by a CSV file's; on any error a message and nothing changes."""
        try:
            points = csvio.load(path)
            s = replace(self.s, dataset=data.CUSTOM)
            n_classes = self._n_classes_of(points)
            self._make_network(s, points, n_classes)  # check before changing anything
        except (OSError, ValueError) as exc:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "Could not load the points: %1").replace("%1", str(exc)))
            return False
        self._rebuild(s, points, n_classes)
        self.data_changed.emit()
        return True

    def save_csv(self, path) -> bool:
        try:
            csvio.save(path, self.points)
        except OSError as exc:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "Could not save the points: %1").replace("%1", str(exc)))
            return False
        return True

    # ---- training settings (no new weights) -------------------------------------------------
    def _set(self, **changes) -> Settings | None:
        s = settings_from_dict(changes, self.s)
        if s == self.s:
            return None
        self.s = s
        self.settings_changed.emit()
        return s

    def set_batch_size(self, n: int) -> None:
        self._set(batch_size=int(n))

    def set_learning_rate(self, lr: float) -> None:
        if self._set(learning_rate=float(lr)) is not None:
            self.optimizer.learning_rate = self.s.learning_rate
            self._clear_divergence()

    def _clear_divergence(self) -> None:
        if self.diverged:
            self.diverged = False
            self.mlp.reset_diverged()
            self._set_message("")
            self.weights_changed.emit()

    def set_optimizer(self, name: str) -> None:
        s = settings_from_dict({"optimizer": name}, self.s)
        if s != self.s:
            self.optimizer = core_optimizers.create(s.optimizer, learning_rate=s.learning_rate)
            self.s = s
            self._clear_divergence()
            self.settings_changed.emit()

    def set_regularization(self, kind: str) -> None:
        self._set(regularization=kind)

    def set_reg_rate(self, rate: float) -> None:
        self._set(reg_rate=float(rate))

    def set_dropout(self, rate: float) -> None:
        self._set(dropout=float(rate))

    def set_speed(self, epochs_per_frame: int) -> None:
        self._set(speed=int(epochs_per_frame))

    def set_stop_loss(self, loss: float) -> None:
        self._set(stop_loss=float(loss))

    def set_stop_epochs(self, epochs: int) -> None:
        self._set(stop_epochs=int(epochs))

    # ---- the network (new weights) ----------------------------------------------------------
    def _set_network(self, **changes) -> None:
        s = settings_from_dict(changes, self.s)
        if s != self.s:
            self._rebuild(s)

    def set_loss(self, name: str) -> None:
        self._set_network(loss=name)

    def set_activation(self, name: str) -> None:
        """The same activation in every hidden layer."""
        self._set_network(activations=[name] * len(self.s.hidden))

    def set_layer_activation(self, layer: int, name: str) -> None:
        acts = list(self.s.activations)
        if 0 <= layer < len(acts):
            acts[layer] = name
            self._set_network(activations=acts)

    def set_features(self, names) -> None:
        self._set_network(features=list(names))

    def toggle_feature(self, name: str) -> None:
        names = list(self.s.features)
        if name in names:
            if len(names) == 1:
                self._set_message(QCoreApplication.translate(
                    "TrainerModel", "The network needs at least one input."))
                return
            names.remove(name)
        else:
            names.append(name)
        self.set_features(names)

    def add_layer(self) -> None:
        if len(self.s.hidden) >= MAX_LAYERS:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "At most %1 hidden layers.").replace("%1", str(MAX_LAYERS)))
            return
        act = self.s.activations[-1] if self.s.activations else "tanh"
        self._set_network(hidden=[*self.s.hidden, 2], activations=[*self.s.activations, act])

    def remove_layer(self) -> None:
        if self.s.hidden:
            self._set_network(hidden=list(self.s.hidden[:-1]),
                              activations=list(self.s.activations[:-1]))

    def add_neuron(self, layer: int) -> None:
        hidden = list(self.s.hidden)
        if not 0 <= layer < len(hidden):
            return
        if hidden[layer] >= MAX_NEURONS:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "At most %1 neurons in a layer.").replace("%1", str(MAX_NEURONS)))
            return
        hidden[layer] += 1
        self._set_network(hidden=hidden)

    def remove_neuron(self, layer: int) -> None:
        hidden = list(self.s.hidden)
        if not 0 <= layer < len(hidden):
            return
        if hidden[layer] <= 1:
            self._set_message(QCoreApplication.translate(
                "TrainerModel", "A layer needs at least one neuron: remove the layer instead."))
            return
        hidden[layer] -= 1
        self._set_network(hidden=hidden)

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Edit one weight (from unit i of layer ``layer`` to unit j of the next)."""
        self._edit_param(self.mlp.weights[layer], (i, j), value)

    def set_bias(self, layer: int, j: int, value: float) -> None:
        """Edit the bias of unit j of layer ``layer + 1`` (0: the first hidden layer)."""
        self._edit_param(self.mlp.biases[layer], (j,), value)

    def _edit_param(self, array: np.ndarray, index: tuple, value: float) -> None:
        value = float(value)
        if not np.isfinite(value) or abs(value) > 1000:
            raise ValueError("a weight must be a finite number between -1000 and 1000")
        self.pause()
        self._push_snapshot()
        array[index] = value
        self._after_change()

    # ---- display -------------------------------------------------------------------------------
    def _set_display(self, **changes) -> None:
        s = settings_from_dict(changes, self.s)
        if s != self.s:
            self.s = s
            self._clamp_hidden_view()
            self._cache.pop("hidden", None)
            self.display_changed.emit()

    def set_discretize(self, on: bool) -> None:
        self._set_display(discretize=bool(on))

    def set_loss_log(self, on: bool) -> None:
        self._set_display(loss_log=bool(on))

    def set_show_test(self, on: bool) -> None:
        self._set_display(show_test=bool(on))

    def set_add_class(self, cls: int) -> None:
        self._set_display(add_class=int(cls))

    def set_focus(self, focus: tuple[int, int] | None) -> None:
        """Show one neuron's map large in the output view (None: the network's output)."""
        if focus != self.focus:
            self.focus = focus
            self.display_changed.emit()

    def set_hidden_view(self, layer: int | None = None, a: int | None = None,
                        b: int | None = None) -> None:
        self._set_display(hidden_layer=self.s.hidden_layer if layer is None else int(layer),
                          hidden_a=self.s.hidden_a if a is None else int(a),
                          hidden_b=self.s.hidden_b if b is None else int(b))

    def next_hidden_layer(self) -> None:
        if self.s.hidden:
            layer = (self.s.hidden_layer % len(self.s.hidden) + 1) % len(self.s.hidden)
            self.set_hidden_view(layer, 0, 1)

    def next_hidden_pair(self) -> None:
        """Cycle through the pairs (a, b), a < b, of the shown layer's neurons."""
        if not self.s.hidden:
            return
        n = self.s.hidden[self.s.hidden_layer]
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n)] or [(0, 0)]
        cur = (self.s.hidden_a, self.s.hidden_b)
        nxt = pairs[(pairs.index(cur) + 1) % len(pairs)] if cur in pairs else pairs[0]
        self.set_hidden_view(None, *nxt)
