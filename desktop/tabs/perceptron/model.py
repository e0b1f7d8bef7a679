"""All of the perceptron tab's state: one neuron, a gate, a training run, a calculator input.

The neuron and its rule are ``core.perceptron.Perceptron``; the run (``run.TrainingRun``)
applies it one sample at a time in truth-table order and keeps the errors per epoch, the last
``Update`` record and an undo history. Changing the weights, the gate, the learning rate or
the activation starts a new run from the current weights: the old counters would no longer
describe what the class is watching. Cycling is detected by core (``Perceptron.fit``).

In two-layer mode (XOR only) the tab shows core's fixed 2-2-1 network (NAND and OR feeding
AND); Step then walks the calculator input through the four gate inputs.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal

from core.perceptron import (
    ACTIVATIONS,
    GATES,
    INPUTS,
    FitResult,
    Perceptron,
    TwoLayerNetwork,
    Update,
    linearly_separable,
    two_layer_xor,
)
from desktop.tabs.base import TabModel
from desktop.tabs.perceptron.run import TrainingRun
from desktop.tabs.perceptron.state import (
    CUSTOM,
    DEFAULTS,
    ETA_RANGE,
    GATE_NAMES,
    PROBE_LIMIT,
    SPEED_RANGE,
    WEIGHT_LIMIT,
    load_presets,
    probe_index,
    validated,
)

STUCK_EPOCHS = 25  # sigmoid on a non-separable gate: say so after this many epochs


class PerceptronModel(TabModel):
    """One neuron learning a two-input logic gate (see the module docstring)."""

    can_step_back = True

    weights_changed = Signal()
    targets_changed = Signal()
    settings_changed = Signal()   # activation, learning rate, speed
    training_changed = Signal()   # epoch, sample, errors, last update, convergence
    probe_changed = Signal()
    two_layer_changed = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._p = Perceptron((0.0, 0.0), 0.0, 1.0, "step")
        self._gate = "AND"
        self._custom = [0, 1, 1, 0]
        self._speed = 2.0
        self._two_layer = False
        self._probe: tuple[float, float] = (0.0, 0.0)
        self._probe_idx: int | None = 0
        self._network: TwoLayerNetwork = two_layer_xor()
        self._separable: dict[tuple[int, ...], bool] = {}
        self.presets = load_presets()
        self._run = TrainingRun(self._p, self.targets)
        self._apply_speed()

    # --- read-only state ------------------------------------------------------------------
    @property
    def weights(self) -> tuple[float, ...]:
        return self._p.weights

    @property
    def bias(self) -> float:
        return self._p.bias

    @property
    def learning_rate(self) -> float:
        return self._p.learning_rate

    @property
    def activation(self) -> str:
        return self._p.activation

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def gate(self) -> str:
        return self._gate

    @property
    def inputs(self) -> np.ndarray:
        return INPUTS

    @property
    def targets(self) -> np.ndarray:
        """(4,) 0/1 targets of the chosen gate for ``INPUTS``."""
        if self._gate == CUSTOM:
            return np.array(self._custom, dtype=np.float64)
        return np.array(GATES[self._gate])

    @property
    def start(self) -> tuple[tuple[float, ...], float]:
        """(weights, bias) the current run started from (what Reset returns to)."""
        return self._run.start

    @property
    def epoch(self) -> int:
        """Completed epochs in this run."""
        return self._run.epoch

    @property
    def sample_index(self) -> int:
        """The row of ``INPUTS`` that the next Step trains on."""
        return self._run.sample

    @property
    def steps_taken(self) -> int:
        return self._run.steps

    @property
    def errors_history(self) -> tuple[int, ...]:
        """Misclassified samples in each finished epoch (as core's ``EpochResult.errors``)."""
        return tuple(self._run.errors)

    @property
    def epoch_errors(self) -> int:
        """Misclassified samples so far in the epoch under way."""
        return self._run.epoch_errors

    @property
    def last_update(self) -> Update | None:
        return self._run.last

    @property
    def converged(self) -> bool:
        """An epoch went by without a single error."""
        return self._run.converged

    @property
    def converged_at(self) -> int:
        """The first error-free epoch of the run (1-based; 0 while not converged)."""
        return self._run.converged_at

    @property
    def cycled(self) -> bool:
        """Core saw the epoch-start state repeat, and the live run has got that far."""
        return self._run.cycled

    @property
    def fit_result(self) -> FitResult | None:
        """Core's ``fit`` of this run from its start (after the first epoch), or None."""
        return self._run.fit

    @property
    def separable(self) -> bool:
        """Whether a single line can split the targets (``core.perceptron.linearly_separable``)."""
        key = tuple(int(t) for t in self.targets)
        if key not in self._separable:
            self._separable[key] = linearly_separable(self.targets)
        return self._separable[key]

    @property
    def stuck(self) -> bool:
        """Learning will not converge: core saw it cycle, or (sigmoid) a non-separable gate has
        gone ``STUCK_EPOCHS`` epochs without an error-free one."""
        if self.converged:
            return False
        if self.cycled:
            return True
        return self.epoch >= STUCK_EPOCHS and not self.separable

    # --- the neuron, evaluated by core ---------------------------------------------------
    def outputs(self) -> np.ndarray:
        """y = g(w · x + b) for the four gate inputs, (4,)."""
        return self._p.predict(INPUTS)

    def classes(self) -> np.ndarray:
        """The predicted class (z >= 0) for the four inputs, (4,)."""
        return self._p.classify(INPUTS)

    def correct(self) -> np.ndarray:
        """(4,) bool: the predicted class equals the target."""
        return self.classes() == self.targets

    def grid_outputs(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """y on a grid, shape (len(ys), len(xs)), row-major (row i is ys[i])."""
        gx, gy = np.meshgrid(xs, ys)
        X = np.column_stack([gx.ravel(), gy.ravel()])
        if self._two_layer:
            out = self._network.forward(X)[1]
        elif self.activation == "step":
            out = self._p.classify(X)
        else:
            out = self._p.predict(X)
        return out.reshape(len(ys), len(xs))

    @property
    def probe(self) -> tuple[float, float]:
        """The calculator input x = (x1, x2) shown in the neuron diagram."""
        return self._probe

    @property
    def probe_index(self) -> int | None:
        """Which row of ``INPUTS`` the probe is, or None for any other point."""
        return self._probe_idx

    def probe_net(self) -> float:
        """z = w · x + b at the probe."""
        return self._p.net(self._probe)

    def probe_output(self) -> float:
        """y = g(z) at the probe."""
        return self._p.output(self._probe)

    def probe_target(self) -> float | None:
        return None if self._probe_idx is None else float(self.targets[self._probe_idx])

    # --- two layers ---------------------------------------------------------------------
    @property
    def two_layer(self) -> bool:
        return self._two_layer

    @property
    def network(self) -> TwoLayerNetwork:
        """Core's fixed XOR network h1 = NAND, h2 = OR, y = AND(h1, h2)."""
        return self._network

    def network_forward(self, X=None) -> tuple[np.ndarray, np.ndarray]:
        """(H (N, 2), y (N,)) for X (default: the four gate inputs)."""
        return self._network.forward(INPUTS if X is None else X)

    def network_probe(self) -> tuple[np.ndarray, float]:
        """(h (2,), y) at the probe."""
        H, y = self._network.forward([self._probe])
        return H[0], float(y[0])

    # --- setters (each validates, changes, emits) -------------------------------------
    def set_gate(self, name: str) -> None:
        if name not in GATE_NAMES:
            raise ValueError(f"unknown gate {name!r}; choose one of {', '.join(GATE_NAMES)}")
        if name == self._gate:
            return
        if name == CUSTOM:
            self._custom = [int(t) for t in GATES[self._gate]]
        self._gate = name
        if self._two_layer and name != "XOR":
            self._two_layer = False
            self.two_layer_changed.emit(False)
        self._new_run()
        self.targets_changed.emit()
        self._emit_training()

    def toggle_target(self, index: int) -> None:
        """Flip the target of row ``index`` of the custom gate (no effect on the fixed gates)."""
        if not 0 <= index < 4:
            raise ValueError(f"row must be 0..3, got {index!r}")
        if self._gate != CUSTOM:
            return
        self._custom[index] = 1 - self._custom[index]
        self._new_run()
        self.targets_changed.emit()
        self._emit_training()

    def set_weights(self, weights, bias: float) -> None:
        """New weights and bias: a new run starts from them."""
        w = [float(np.clip(v, -WEIGHT_LIMIT, WEIGHT_LIMIT)) for v in weights]
        b = float(np.clip(bias, -WEIGHT_LIMIT, WEIGHT_LIMIT))
        if tuple(w) == self.weights and b == self.bias:
            return
        p = self._p.copy()
        p.weights, p.bias = w, b  # core validates (finite, two values)
        self._p = p
        self._new_run()
        self.weights_changed.emit()
        self._emit_training()

    def set_weight(self, index: int, value: float) -> None:
        """index 0, 1: w1, w2; index 2: the bias."""
        w = list(self.weights) + [self.bias]
        if not 0 <= index < 3:
            raise ValueError(f"weight index must be 0, 1 or 2 (bias), got {index!r}")
        w[index] = value
        self.set_weights(w[:2], w[2])

    def set_bias(self, value: float) -> None:
        self.set_weight(2, value)

    def set_line_through(self, p, q) -> None:
        """Turn the decision line to pass through points p and q (dragging a handle).

        Keeps |w| (or 1 if w = 0) and the side that was positive, so the shading does not
        flip as the line turns; rounds to 2 decimals so every number on screen is exact.
        """
        p, q = np.asarray(p, float), np.asarray(q, float)
        d = q - p
        normal = np.array([d[1], -d[0]])
        length = float(np.hypot(*normal))
        if not np.all(np.isfinite(normal)) or length < 1e-6:
            return
        old = np.array(self.weights)
        size = float(np.hypot(*old)) or 1.0
        if normal @ old < 0:
            normal = -normal
        w = np.round(normal / length * size, 2)
        self.set_weights(w, round(float(-(w @ p)), 2))

    def move_line_through(self, point) -> None:
        """Slide the decision line (same w) to pass through ``point`` (dragging the line)."""
        pt = np.asarray(point, float)
        w = np.array(self.weights)
        if not np.all(np.isfinite(pt)) or not w.any():
            return
        self.set_weights(self.weights, round(float(-(w @ pt)), 2))

    def set_learning_rate(self, eta: float) -> None:
        eta = float(np.clip(eta, *ETA_RANGE))
        if eta == self.learning_rate:
            return
        self._p.learning_rate = eta
        self._new_run()
        self.settings_changed.emit()
        self._emit_training()

    def set_activation(self, name: str) -> None:
        if name not in ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}; choose one of {ACTIVATIONS}")
        if name == self.activation:
            return
        self._p = Perceptron(self.weights, self.bias, self.learning_rate, name)
        self._new_run()
        self.settings_changed.emit()
        self.weights_changed.emit()  # outputs change with g
        self._emit_training()

    def set_speed(self, samples_per_second: float) -> None:
        s = float(np.clip(samples_per_second, *SPEED_RANGE))
        if s != self._speed:
            self._speed = s
            self._apply_speed()
            self.settings_changed.emit()

    def set_probe(self, x1: float, x2: float) -> None:
        probe = (float(np.clip(x1, -PROBE_LIMIT, PROBE_LIMIT)),
                 float(np.clip(x2, -PROBE_LIMIT, PROBE_LIMIT)))
        if not all(np.isfinite(probe)) or probe == self._probe:
            return
        self._probe = probe
        self._probe_idx = probe_index(probe)
        self.probe_changed.emit()

    def select_sample(self, index: int) -> None:
        """Put gate input ``index`` into the calculator."""
        row = INPUTS[int(index) % 4]
        self.set_probe(row[0], row[1])

    def set_two_layer(self, on: bool) -> None:
        """Show core's 2-2-1 XOR network (switches the gate to XOR)."""
        on = bool(on)
        if on == self._two_layer:
            return
        self.pause()
        if on and self._gate != "XOR":
            self.set_gate("XOR")
        self._two_layer = on
        self.two_layer_changed.emit(on)
        self.weights_changed.emit()
        self._emit_training()

    def randomize(self, seed: int | None = None) -> None:
        """A random start: weights and bias uniform in [-1, 1], one decimal."""
        rng = np.random.default_rng(seed)
        w = np.round(rng.uniform(-1.0, 1.0, 3), 1)
        self.set_weights(w[:2], w[2])

    # --- training ---------------------------------------------------------------------
    def step(self) -> None:
        """Train on one sample (the next row of the truth table)."""
        if self._two_layer:
            self._walk_probe(+1)
            return
        was_converged, was_stuck = self.converged, self.stuck
        self._train_one()
        self.weights_changed.emit()
        self._emit_training()
        self.probe_changed.emit()
        if self.running and ((self.converged and not was_converged)
                             or (self.stuck and not was_stuck)):
            self.pause()

    def _train_one(self) -> None:
        """One update (no signals); the calculator moves on to the next sample."""
        self._run.train_one(extra=(self._probe, self._probe_idx))
        self._show_sample(self._run.sample)

    def step_epoch(self) -> None:
        """Train to the end of the epoch under way (a whole epoch at its start)."""
        if self._two_layer:
            return
        self.step()
        while self._run.sample != 0:
            self.step()

    def step_back(self) -> None:
        if self._two_layer:
            self._walk_probe(-1)
            return
        snap = self._run.back()
        if snap is None:
            return
        self._probe, self._probe_idx = snap.extra
        self.weights_changed.emit()
        self._emit_training()
        self.probe_changed.emit()

    @property
    def can_go_back(self) -> bool:
        return self._two_layer or bool(self._run.history)

    def reset(self) -> None:
        """Back to the start of the run (Reset / R)."""
        super().reset()
        self._run.rewind()
        self._show_sample(0)
        self.weights_changed.emit()
        self._emit_training()
        self.probe_changed.emit()

    def tick(self) -> None:
        self.step()

    def can_play(self) -> bool:
        return self._two_layer or not self.converged

    def _walk_probe(self, direction: int) -> None:
        i = 0 if self._probe_idx is None else (self._probe_idx + direction) % 4
        self.select_sample(i)
        self.status_changed.emit(self.status_text())

    # --- presets and sessions ---------------------------------------------------------
    def preset_ids(self) -> list[str]:
        return [p["id"] for p in self.presets]

    def preset_name(self, preset_id: str) -> str:
        for p in self.presets:
            if p["id"] == preset_id:
                return QCoreApplication.translate("PerceptronModel", p["name"])
        raise ValueError(f"unknown preset {preset_id!r}")

    def apply_preset(self, preset_id: str) -> None:
        for p in self.presets:
            if p["id"] == preset_id:
                self.pause()
                self.from_state({**DEFAULTS, **p["state"]})
                return
        raise ValueError(f"unknown preset {preset_id!r}; known: {', '.join(self.preset_ids())}")

    def to_state(self) -> dict:
        """JSON-safe state. ``weights``/``bias`` are the run's start; ``steps`` the samples
        trained since (replayed by ``from_state``)."""
        return {
            "gate": self._gate,
            "custom_targets": list(self._custom),
            "weights": list(self.start[0]),
            "bias": self.start[1],
            "learning_rate": self.learning_rate,
            "activation": self.activation,
            "probe": list(self._probe),
            "speed": self._speed,
            "two_layer": self._two_layer,
            "steps": self.steps_taken,
        }

    def from_state(self, state: dict) -> None:
        """Restore ``state`` (keys missing from it take the defaults). Validates everything
        and replays the training steps before changing anything."""
        super().from_state(state)
        s = validated({**DEFAULTS, **state})
        p = Perceptron(s["weights"], s["bias"], s["learning_rate"], s["activation"])
        self.pause()
        self._gate, self._custom = s["gate"], list(s["custom_targets"])
        self._p = p
        self._new_run()
        self._two_layer = s["two_layer"]
        self._speed = s["speed"]
        self._apply_speed()
        for _ in range(s["steps"]):
            self._train_one()
        self._probe = tuple(s["probe"])
        self._probe_idx = probe_index(self._probe)
        self.two_layer_changed.emit(self._two_layer)
        self.targets_changed.emit()
        self.settings_changed.emit()
        self.weights_changed.emit()
        self.probe_changed.emit()
        self._emit_training()

    def status_text(self) -> str:
        gate = self.gate_label(self._gate)
        if self._two_layer:
            return self.tr("XOR with two layers: h1 = NAND, h2 = OR, y = AND(h1, h2)")
        if self.converged:
            return self.tr("%1: converged after %2 epochs").replace("%1", gate).replace(
                "%2", str(self.converged_at))
        if self.stuck:
            return self.tr("%1: not linearly separable, learning never converges").replace(
                "%1", gate)
        return self.tr("%1: epoch %2, sample %3 of 4").replace("%1", gate).replace(
            "%2", str(self.epoch + 1)).replace("%3", str(self.sample_index + 1))

    def gate_label(self, name: str) -> str:
        return self.tr("Custom") if name == CUSTOM else name

    # --- internals --------------------------------------------------------------------
    def _new_run(self) -> None:
        """The current weights become the start of a fresh run."""
        self._run = TrainingRun(self._p, self.targets)

    def _show_sample(self, index: int) -> None:
        row = INPUTS[index]
        self._probe = (float(row[0]), float(row[1]))
        self._probe_idx = index

    def _apply_speed(self) -> None:
        self.frame_ms = max(15, int(round(1000.0 / self._speed)))

    def _emit_training(self) -> None:
        self.training_changed.emit()
        self.status_changed.emit(self.status_text())

