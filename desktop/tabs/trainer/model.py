"""TrainerModel: all the state of the live MLP trainer (data, network, training, display).

The model never touches a widget. It owns a ``core.mlp.MLP`` (one contiguous parameter
vector), a ``core.optimizers`` optimizer and the points; every frame while playing,
``tick()`` trains whole epochs in compiled code within a time budget, evaluates the losses
and metrics once, appends one history record and emits ``weights_changed`` once.

Signals:
  ``data_changed``      the points or their split changed
  ``network_changed``   the architecture changed (features, layers, neurons, activations,
                        output) -- the diagram rebuilds
  ``weights_changed``   parameters, epoch, losses or history changed -- redraw
  ``settings_changed``  a hyper-parameter or option changed -- controls re-read
  ``display_changed``   a display choice changed (focus neuron, hidden space, ...)
  ``message_changed``   a message for the teacher ("" clears it)
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt, Signal

from core import losses as core_losses
from core import optimizers as core_optimizers
from core.mlp import MLP
from desktop.tabs.base import TabModel
from desktop.tabs.trainer import analysis, data, features, metrics
from desktop.tabs.trainer.edits import TrainerEdits
from desktop.tabs.trainer.history import History
from desktop.tabs.trainer.names import load_presets, translated
from desktop.tabs.trainer.persist import TrainerPersistence
from desktop.tabs.trainer.state import Settings

GRID_N = analysis.GRID_N
EXTENT = analysis.EXTENT
FRAME_S = 1.0 / 60.0  #: the frame period we pace for


class TrainerModel(TrainerEdits, TrainerPersistence, TabModel):
    data_changed = Signal()
    network_changed = Signal()
    weights_changed = Signal()
    settings_changed = Signal()
    display_changed = Signal()
    message_changed = Signal(str)

    can_step_back = True
    frame_ms = 0

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.presets = load_presets()
        self.s = Settings()
        self.focus: tuple[int, int] | None = None  # (layer, unit) shown large; layer 0 = input
        self.message = ""
        self.diverged = False
        self.stop_reason = ""
        self.history = History()
        self.snapshots: deque = deque(maxlen=600)
        self.grid = analysis.grid_points(GRID_N, EXTENT)
        self._grid_features_all = features.all_features(self.grid)
        self._version = 0
        self._cache: dict = {}
        self._grid_buf: np.ndarray | None = None
        # pacing and speed measurement
        self._budget = 0.008
        self._sec_per_epoch = 0.0
        self._prev_start = 0.0
        self._prev_train = 0.0
        self._prev_wait = 0.0
        self._prev_work = 0.0
        self._overhead = 0.004
        self._inside = 0.003
        self._epochs_per_s = 0.0
        self._epoch_debt = 0.0
        self._last_status = 0.0
        self.points = data.generate(self.s.dataset, 0.0, self.s.data_seed, 0.5)
        self.n_classes = 2
        self._commit_network(*self._make_network(self.s, self.points, self.n_classes))

    # ---- derived -------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.points.kind

    @property
    def spec(self) -> data.OutputSpec:
        return data.output_spec(self.kind, self.n_classes, self.s.loss)

    @property
    def epoch(self) -> int:
        return int(self.mlp.epoch)

    @property
    def layer_sizes(self) -> list[int]:
        return [len(self.s.features), *self.s.hidden, self.spec.n_out]

    @property
    def epochs_per_second(self) -> float:
        return self._epochs_per_s if self.running else 0.0

    @property
    def steps_per_epoch(self) -> int:
        n = int(self.Xtr.shape[0])
        return -(-n // self.batch_size) if n else 0

    @property
    def batch_size(self) -> int:
        return max(1, min(self.s.batch_size, int(self.Xtr.shape[0]) or 1))

    def dataset_label(self) -> str:
        if self.s.dataset == data.CUSTOM:
            return self.tr("Your own points")
        return translated(data.choice(self.s.dataset).label)

    def trainable_problem(self) -> str | None:
        """None when training can run, else a translated reason."""
        reason = data.check_trainable(self.points)
        return translated(reason) if reason else None

    # ---- building the network --------------------------------------------------------------
    @staticmethod
    def _n_classes_of(points: data.Points, at_least: int = 2) -> int:
        if points.kind != data.CLASSIFICATION:
            return 0
        top = int(points.y.max()) + 1 if points.y.size else 0
        return max(2, at_least, top)

    @staticmethod
    def _make_network(s: Settings, points: data.Points, n_classes: int):
        """(mlp, optimizer, arrays) for settings ``s``; raises ValueError on bad input."""
        spec = data.output_spec(points.kind, n_classes, s.loss)
        sizes = [len(s.features), *s.hidden, spec.n_out]
        acts = list(s.activations) if s.hidden else "linear"
        mlp = MLP(sizes, activation=acts, output_activation=spec.activation, loss=spec.loss,
                  seed=s.init_seed)
        opt = core_optimizers.create(s.optimizer, learning_rate=s.learning_rate)
        return mlp, opt, TrainerModel._arrays(s, points, spec)

    @staticmethod
    def _arrays(s: Settings, points: data.Points, spec: data.OutputSpec) -> dict:
        Xf = features.feature_matrix(points.X, s.features) if len(points.X) else \
            np.zeros((0, len(s.features)))
        T = spec.encode(points.y) if len(points.X) else np.zeros((0, spec.n_out))
        tr_mask, te_mask = points.train, ~points.train
        return {"Xtr": np.ascontiguousarray(Xf[tr_mask]), "Ttr": np.ascontiguousarray(T[tr_mask]),
                "Xte": np.ascontiguousarray(Xf[te_mask]), "Tte": np.ascontiguousarray(T[te_mask]),
                "Xall": np.ascontiguousarray(Xf)}

    def _commit_network(self, mlp, opt, arrays) -> None:
        self.mlp, self.optimizer = mlp, opt
        self.init_params = mlp.params.copy()
        self._set_arrays(arrays)
        self._clear_run()
        self.grid_features = np.ascontiguousarray(
            self._grid_features_all[:, features.columns(self.s.features)])
        self._clamp_hidden_view()

    def _set_arrays(self, arrays: dict) -> None:
        self.Xtr, self.Ttr = arrays["Xtr"], arrays["Ttr"]
        self.Xte, self.Tte = arrays["Xte"], arrays["Tte"]
        self.Xall = arrays["Xall"]
        self._changed_params()

    def _clear_run(self) -> None:
        self.mlp.epoch = 0
        self.diverged = False
        if hasattr(self.mlp, "reset_diverged"):
            self.mlp.reset_diverged()
        self.stop_reason = ""
        self.history.clear()
        self.snapshots.clear()
        self._changed_params()
        self._evaluate()
        self.history.append(0, self.train_loss, self.test_loss)

    def _rebuild(self, s: Settings, points: data.Points | None = None,
                 n_classes: int | None = None) -> None:
        """Apply settings that change the network: new weights (from ``init_seed``)."""
        points = self.points if points is None else points
        n_classes = self._n_classes_of(points) if n_classes is None else n_classes
        built = self._make_network(s, points, n_classes)  # may raise: nothing changed yet
        self.pause()
        self.s, self.points, self.n_classes = s, points, n_classes
        self.focus = None  # the neuron it named may be gone
        self._commit_network(*built)
        self._set_message("")
        self.network_changed.emit()
        self.settings_changed.emit()
        self.weights_changed.emit()
        self.status_changed.emit(self.status_text())

    def _clamp_hidden_view(self) -> None:
        if not self.s.hidden:
            return
        layer = self.s.hidden_layer if self.s.hidden_layer < len(self.s.hidden) else -1
        n = self.s.hidden[layer]
        a = min(self.s.hidden_a, n - 1)
        b = min(self.s.hidden_b, n - 1)
        if a == b and n > 1:
            b = (a + 1) % n
        self.s = replace(self.s, hidden_layer=layer, hidden_a=a, hidden_b=b)

    # ---- evaluation ------------------------------------------------------------------------
    def _changed_params(self) -> None:
        self._version += 1
        self._cache.clear()

    def _loss_and_output(self, X, T):
        if X.shape[0] == 0:
            return float("nan"), np.zeros((0, T.shape[1]))
        out = self.mlp.forward(X)
        if not np.all(np.isfinite(out)):  # core restores finite params; be safe anyway
            self.diverged = True
            return float("nan"), np.nan_to_num(out)
        return float(core_losses.value(self.spec.loss, out, T)), out

    def _evaluate(self) -> None:
        """Losses and metrics of the current weights on the training and test points."""
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run's huge values
            self._evaluate_unguarded()

    def _evaluate_unguarded(self) -> None:
        self.train_loss, out_tr = self._loss_and_output(self.Xtr, self.Ttr)
        self.test_loss, out_te = self._loss_and_output(self.Xte, self.Tte)
        y_tr = self.points.y[self.points.train]
        y_te = self.points.y[~self.points.train]
        m = {}
        if self.kind == data.CLASSIFICATION:
            k = self.n_classes
            p_tr = metrics.predicted_classes(out_tr, self.spec.activation) if len(y_tr) else \
                np.zeros(0, np.int64)
            p_te = metrics.predicted_classes(out_te, self.spec.activation) if len(y_te) else \
                np.zeros(0, np.int64)
            m["train_accuracy"] = metrics.accuracy(y_tr, p_tr)
            m["test_accuracy"] = metrics.accuracy(y_te, p_te)
            m["train_confusion"] = metrics.confusion_matrix(y_tr, p_tr, k)
            m["test_confusion"] = metrics.confusion_matrix(y_te, p_te, k)
        else:
            m["train_r2"] = metrics.r_squared(y_tr, out_tr[:, 0])
            m["test_r2"] = metrics.r_squared(y_te, out_te[:, 0])
            m["train_rmse"] = metrics.rmse(y_tr, out_tr[:, 0])
            m["test_rmse"] = metrics.rmse(y_te, out_te[:, 0])
            # (targets, outputs) for the predicted-against-true plot
            m["train_fit"] = (y_tr, out_tr[:, 0])
            m["test_fit"] = (y_te, out_te[:, 0])
        self.metrics = m

    def _after_change(self, record: bool = True) -> None:
        self._changed_params()
        self._evaluate()
        if record:
            self.history.append(self.epoch, self.train_loss, self.test_loss)
        self.weights_changed.emit()

    # ---- cached views of the network (computed only when a view asks) ----------------------
    def grid_outputs(self) -> np.ndarray:
        """(GRID_N^2, total units) every neuron's output over the grid (rows: y ascending),
        float32 (for pictures: within about 1e-6 of the float64 values)."""
        if "grid" not in self._cache:
            n = self.grid_features.shape[0]
            if self._grid_buf is None or self._grid_buf.shape != (n, self.mlp.n_units):
                # column-major: each neuron's map is contiguous (core's fastest layout);
                # float32: these values only become colours, and core computes them about
                # three times as fast as float64 values
                self._grid_buf = np.empty((self.mlp.n_units, n), dtype=np.float32).T
            self._cache["grid"] = self.mlp.neuron_outputs(self.grid_features, out=self._grid_buf)
        return self._cache["grid"]

    def input_maps(self) -> np.ndarray:
        """(GRID_N^2, n features) the active input features over the grid."""
        return self.grid_features

    def output_map(self) -> np.ndarray:
        """(GRID_N^2, n_out) the output layer over the grid; single units on [-1, 1]."""
        out = self.grid_outputs()[:, self.mlp.unit_slices[-1]]
        return self.spec.to_signed(out) if out.shape[1] == 1 else out

    def gradient_norms(self) -> np.ndarray:
        """RMS of dL/dW for each weight matrix (input->1st hidden, ..., ->output)."""
        if "grad" not in self._cache:
            if self.Xtr.shape[0] == 0:
                self._cache["grad"] = np.zeros(len(self.mlp.weights))
            else:
                self._cache["grad"] = np.asarray(
                    self.mlp.layer_gradient_norms(self.Xtr, self.Ttr), dtype=np.float64)
        return self._cache["grad"]

    def all_weights(self) -> np.ndarray:
        return np.concatenate([w.ravel() for w in self.mlp.weights])

    def hidden_space(self) -> analysis.HiddenSpace | None:
        if not self.s.hidden:
            return None
        if "hidden" not in self._cache:
            self._cache["hidden"] = analysis.hidden_space(
                self.mlp, self.s.features, self.Xall, self.s.hidden_layer, self.s.hidden_a,
                self.s.hidden_b, EXTENT)
        return self._cache["hidden"]

    # ---- the shell's verbs -----------------------------------------------------------------
    def can_play(self) -> bool:
        problem = self._play_problem()
        if problem:
            self._set_message(problem)
        return problem is None

    def _play_problem(self) -> str | None:
        if self.diverged:
            return self.tr("Diverged - lower the learning rate (the last finite weights are kept).")
        problem = self.trainable_problem()
        if problem:
            return problem
        if self.s.stop_epochs and self.epoch >= self.s.stop_epochs:
            return self.tr("The epoch limit is reached: raise it or press Reset.")
        return None

    def play(self) -> None:
        if not self.running and self.can_play():
            self.stop_reason = ""
            self._set_message("")
            self._prev_start = 0.0
            self._epoch_debt = 0.0
        super().play()

    def step(self) -> None:
        """One epoch (Right arrow / the Step button)."""
        self.pause()
        problem = self._play_problem()
        if problem:
            self._set_message(problem)
            return
        self._push_snapshot()
        self._train(1)
        self._after_training()
        self.status_changed.emit(self.status_text())

    def step_back(self) -> None:
        """Undo the last step or frame of training (up to the last ~10 s)."""
        self.pause()
        if not self.snapshots:
            return
        params, opt, epoch, n_hist, diverged = self.snapshots.pop()
        self.mlp.params[:] = params
        self.optimizer = opt
        self.mlp.epoch = epoch
        self.history.truncate(n_hist)
        self.diverged = diverged
        self.stop_reason = ""
        self._set_message("")
        self._changed_params()
        self._evaluate()
        self.weights_changed.emit()
        self.status_changed.emit(self.status_text())

    def reset(self) -> None:
        """Back to epoch 0 with the same initial weights (R)."""
        super().reset()
        self.mlp.params[:] = self.init_params
        self.optimizer.reset()
        self._clear_run()
        self._set_message("")
        self.weights_changed.emit()
        self.status_changed.emit(self.status_text())

    def new_weights(self) -> None:
        """Back to epoch 0 with freshly drawn initial weights."""
        self._rebuild(replace(self.s, init_seed=(self.s.init_seed + 1) % (2**31 - 1)))

    def tick(self) -> None:
        """One frame: train within the frame's time budget (or at the chosen epochs/s),
        evaluate once, emit once, and pace the next frame for about 60 fps."""
        start = time.perf_counter()
        period = start - self._prev_start if self._prev_start else FRAME_S
        self._prev_start = start
        if self._play_problem():
            self.pause()
            return
        # the frame's other work sets the training budget: painting and events outside the
        # tick, and evaluating and redrawing inside it (both as moving averages)
        outside = max(0.0, period - self._prev_work - self._prev_wait)
        self._overhead = 0.8 * self._overhead + 0.2 * min(outside, 0.05)
        inside = max(0.0, self._prev_work - self._prev_train)
        self._inside = 0.8 * self._inside + 0.2 * min(inside, 0.05)
        budget = min(0.012, max(0.002, FRAME_S - self._overhead - self._inside - 0.001))
        spe = self._sec_per_epoch or 1e-3
        if self.s.speed:
            self._epoch_debt += self.s.speed * min(period, 0.1)
            epochs = int(self._epoch_debt)
            if epochs * spe > budget:  # more than a frame can hold: keep the frame rate
                epochs = max(1, int(budget / spe))
                self._epoch_debt = 0.0
            else:
                self._epoch_debt -= epochs
        else:
            epochs = max(1, int(budget / spe))
        t0 = time.perf_counter()
        if epochs:
            self._push_snapshot()
            epochs = self._train(epochs)
        self._prev_train = time.perf_counter() - t0
        if period > 0:
            rate = epochs / period
            self._epochs_per_s = rate if not self._epochs_per_s else \
                0.9 * self._epochs_per_s + 0.1 * rate
        if epochs:
            self._after_training()
        work = time.perf_counter() - start
        wait = max(0.0, FRAME_S - work - self._overhead)
        self._prev_work = work
        self._prev_wait = wait
        self.frame_ms = int(wait * 1000)
        if start - self._last_status > 0.25 or not self.running:
            self._last_status = start
            self.status_changed.emit(self.status_text())

    # ---- training ----------------------------------------------------------------------------
    def _train(self, epochs: int) -> int:
        """Train ``epochs`` whole epochs in compiled code; returns how many ran."""
        if self.s.stop_epochs:
            epochs = max(1, min(epochs, self.s.stop_epochs - self.epoch))
        before = self.epoch
        t0 = time.perf_counter()
        seed = (self.s.init_seed * 1_000_003 + before) % (2**31 - 1)
        self.mlp.train_epochs(self.Xtr, self.Ttr, epochs, self.batch_size, self.optimizer,
                              l1=self.s.l1, l2=self.s.l2, dropout=self.s.dropout, seed=seed)
        done = self.epoch - before
        if done > 0:
            spe = (time.perf_counter() - t0) / done
            self._sec_per_epoch = spe if not self._sec_per_epoch else \
                0.7 * self._sec_per_epoch + 0.3 * spe
        if self.mlp.diverged:
            self.diverged = True
        return done

    def _after_training(self) -> None:
        self._after_change()
        if self.diverged:
            self.pause()
            self._set_message(self.tr("Diverged - lower the learning rate (the last finite "
                                 "weights are kept)."))
        elif self.s.stop_epochs and self.epoch >= self.s.stop_epochs:
            self.stop_reason = "epochs"
            self.pause()
            self._set_message(self.tr("Stopped after %1 epochs.").replace("%1", f"{self.epoch:,}"))
        elif self.s.stop_loss and self.train_loss <= self.s.stop_loss:
            self.stop_reason = "loss"
            self.pause()
            self._set_message(self.tr("Stopped: the training loss reached %1 at epoch %2.")
                              .replace("%1", f"{self.s.stop_loss:g}")
                              .replace("%2", f"{self.epoch:,}"))

    def _push_snapshot(self) -> None:
        self.snapshots.append((self.mlp.params.copy(), self.optimizer.copy(), self.epoch,
                               len(self.history), self.diverged))

    def _set_message(self, text: str) -> None:
        if text != self.message:
            self.message = text
            self.message_changed.emit(text)

    # ---- status ------------------------------------------------------------------------------
    def status_text(self) -> str:
        text = self.tr("Epoch %1").replace("%1", f"{self.epoch:,}")
        if self.running:
            eps = self._epochs_per_s
            text += " · " + self.tr("%1 epochs/s · %2 steps/s · %3 fps").replace(
                "%1", f"{eps:,.0f}").replace("%2", f"{eps * self.steps_per_epoch:,.0f}") \
                .replace("%3", f"{self.fps:.0f}")
        elif self.diverged:
            text += " · " + self.tr("diverged")
        return text
