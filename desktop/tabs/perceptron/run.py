"""One training run of the perceptron tab, without Qt: online updates in truth-table order,
the errors of each epoch, an undo history, and core's verdict on cycling.

A run begins at a start point (weights, bias) for fixed targets, learning rate and
activation. Every update is ``core.perceptron.Perceptron.update``. At the run's first epoch
boundary, ``Perceptron.fit`` replays the same run from the same start: if core sees the
epoch-start state repeat, the live run is *cycling* once it reaches that epoch.
"""
from __future__ import annotations

from collections import deque
from typing import Any, NamedTuple

import numpy as np

from core.perceptron import INPUTS, FitResult, Perceptron, Update

HISTORY = 20_000     # snapshots kept for step_back
FIT_EPOCHS = 500     # how far core looks ahead for a cycle


class Snapshot(NamedTuple):
    """Everything one training step changes, to undo it (``extra``: the caller's own)."""

    weights: tuple[float, ...]
    bias: float
    sample: int
    n_epochs: int
    epoch_errors: int
    last: Update | None
    extra: Any


class TrainingRun:
    """Online training of ``perceptron`` (moved in place) on ``INPUTS`` with ``targets`` (4,)."""

    def __init__(self, perceptron: Perceptron, targets: np.ndarray) -> None:
        self.perceptron = perceptron
        self.targets = np.array(targets, dtype=np.float64)
        self.start: tuple[tuple[float, ...], float] = (perceptron.weights, perceptron.bias)
        self._clear()

    def _clear(self) -> None:
        self.sample = 0                      # the row the next update uses
        self.errors: list[int] = []          # misclassified samples per finished epoch
        self.epoch_errors = 0                # ... so far in the epoch under way
        self.last: Update | None = None
        self.history: deque[Snapshot] = deque(maxlen=HISTORY)
        self.fit: FitResult | None = None

    def __repr__(self) -> str:
        return (f"TrainingRun(start={self.start}, epoch={self.epoch}, sample={self.sample}, "
                f"errors={self.errors[-5:]}, converged={self.converged}, "
                f"cycled={self.cycled})")

    @property
    def epoch(self) -> int:
        """Completed epochs."""
        return len(self.errors)

    @property
    def steps(self) -> int:
        return 4 * len(self.errors) + self.sample

    @property
    def converged(self) -> bool:
        """The last finished epoch made no error."""
        return bool(self.errors) and self.errors[-1] == 0

    @property
    def converged_at(self) -> int:
        """The epoch (1-based) that started the final run of error-free epochs; 0 if none."""
        n = len(self.errors)
        while n > 0 and self.errors[n - 1] == 0:
            n -= 1
        return n + 1 if n < len(self.errors) else 0

    @property
    def cycled(self) -> bool:
        """Core saw the epoch-start state repeat, and this run has got that far."""
        return self.fit is not None and self.fit.cycled and self.epoch >= self.fit.epochs

    def train_one(self, extra: Any = None) -> Update:
        """core's rule on the next sample; ``extra`` is kept with the undo snapshot."""
        p = self.perceptron
        self.history.append(Snapshot(p.weights, p.bias, self.sample, len(self.errors),
                                     self.epoch_errors, self.last, extra))
        i = self.sample
        u = p.update(INPUTS[i], float(self.targets[i]))
        self.last = u
        self.epoch_errors += int(u.misclassified)
        self.sample += 1
        if self.sample == 4:
            self.errors.append(self.epoch_errors)
            self.sample = 0
            self.epoch_errors = 0
            self._look_ahead()
        return u

    def back(self) -> Snapshot | None:
        """Undo the last update; returns its snapshot (None when there is nothing to undo)."""
        if not self.history:
            return None
        s = self.history.pop()
        self.perceptron.weights, self.perceptron.bias = s.weights, s.bias
        self.sample = s.sample
        del self.errors[s.n_epochs:]
        self.epoch_errors = s.epoch_errors
        self.last = s.last
        return s

    def rewind(self) -> None:
        """Back to the start point; forget the progress."""
        self.perceptron.weights, self.perceptron.bias = self.start
        self._clear()

    def _look_ahead(self) -> None:
        if self.fit is None:
            w, b = self.start
            p = self.perceptron
            ahead = Perceptron(w, b, p.learning_rate, p.activation)
            self.fit = ahead.fit(INPUTS, self.targets, max_epochs=FIT_EPOCHS)
