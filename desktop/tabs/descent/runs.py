"""Optimizer runs over a surface, with their full trajectories (no Qt here).

A ``Run`` is one ball: an optimizer from ``core.optimizers`` stepping two parameters on a
``Surface``. It records, per step s (s = 0 is the start):

* ``params[s]`` (2,), ``loss[s]``, ``grad[s]`` (2,): the gradient *at* params[s], which is
  the one used to take step s -> s + 1 (the batch gradient on a data surface);
* ``slots[s]`` (n_slots, 2): every optimizer accumulator after s steps (velocity, squared
  gradient averages, ...), copied from ``optimizer.state(name)``;
* a deep ``optimizer.copy()`` every ``CHECKPOINT`` steps, so ``optimizer_at(s)`` rebuilds the
  exact optimizer of any earlier step by replaying the stored gradients.

A ``Race`` holds the runs that start together and a shared ``cursor`` (the step on screen):
stepping back moves the cursor through the stored history; stepping forward replays the
history and computes new steps only at its end.
"""
from __future__ import annotations

import math
import time

import numpy as np

import core.optimizers as optimizers

#: the longest trajectory kept (steps); the race stops there.
MAX_STEPS = 20_000
CHECKPOINT = 256
#: slot names holding a running (squared-)gradient accumulator, per optimizer kind.
ACCUMULATOR_SLOTS = ("sum", "square_avg", "exp_avg_sq", "accumulator", "acc", "sq_avg")
#: slot names holding a momentum / first-moment buffer.
VELOCITY_SLOTS = ("velocity", "momentum_buffer", "exp_avg", "momentum")


class Run:
    """One optimizer on one surface from one start. ``length`` states are stored."""

    def __init__(self, key: str, optimizer_name: str, hyper: dict, surface, start,
                 batch_size: int = 0) -> None:
        self.key = key
        self.optimizer_name = optimizer_name
        self.hyper = dict(hyper)
        self.surface = surface
        self.batch_size = int(batch_size)
        self.optimizer = optimizers.create(optimizer_name, **self.hyper)
        self.slot_names = tuple(optimizers.OPTIMIZERS[optimizer_name].slot_names)
        self._cap = 0
        self.params = self.loss = self.grad = self.slots = np.empty(0)
        self._grow(64)
        self.length = 1
        self.diverged_at: int | None = None
        self.params[0] = start
        self._evaluate(0)
        self._record_slots(0)
        self._checkpoints = {0: self.optimizer.copy()}
        if self.diverged_at is None and not np.all(np.isfinite(self.params[0])):
            self.diverged_at = 0

    # --- storage -----------------------------------------------------------------------
    def _grow(self, cap: int) -> None:
        cap = min(max(cap, 64), MAX_STEPS + 1)
        n_slots = max(1, len(getattr(self, "slot_names", ())))
        new = {
            "params": np.full((cap, 2), np.nan),
            "loss": np.full(cap, np.nan),
            "grad": np.zeros((cap, 2)),
            "slots": np.zeros((cap, n_slots, 2)),
        }
        if self._cap:
            for name, arr in new.items():
                arr[: self._cap] = getattr(self, name)[: self._cap]
        for name, arr in new.items():
            setattr(self, name, arr)
        self._cap = cap

    def _evaluate(self, s: int) -> None:
        """loss[s] and grad[s] at params[s]; marks divergence on non-finite numbers."""
        x, y = self.params[s]
        with np.errstate(all="ignore"):
            f = self.surface.value(x, y)
            gx, gy = self.surface.batch_gradient(x, y, self.batch_size, s)
        self._store(s, f, gx, gy)

    def _store(self, s: int, f, gx, gy) -> None:
        f, gx, gy = float(f), float(gx), float(gy)
        self.loss[s] = f
        if math.isfinite(f) and math.isfinite(gx) and math.isfinite(gy):
            self.grad[s, 0] = gx
            self.grad[s, 1] = gy
        else:
            self.diverged_at = s
            self.grad[s] = 0.0

    @property
    def uses_full_gradient(self) -> bool:
        """Whether its gradient is the surface's own (not a mini-batch's)."""
        n = self.surface.n_samples
        return not (self.surface.is_data and 0 < self.batch_size < n)

    def _record_slots(self, s: int) -> None:
        for i, name in enumerate(self.slot_names):
            value = self.optimizer.state(name)
            # before the first step the optimizer has not allocated its state yet
            self.slots[s, i] = value if value.shape == (2,) else 0.0

    # --- stepping ----------------------------------------------------------------------
    @property
    def steps(self) -> int:
        """Steps taken so far (the last stored state's index)."""
        return self.length - 1

    @property
    def finished(self) -> bool:
        return self.diverged_at is not None or self.length > MAX_STEPS

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    def advance(self) -> bool:
        """Take one more step (at the end of the history). Returns False if finished."""
        if not self._take_step():
            return False
        self._evaluate(self.steps)
        return self.diverged_at is None

    def _take_step(self) -> bool:
        """The optimizer's step from the last state; the new state still needs its loss and
        gradient (``_evaluate``/``_store``) unless this returns False (finished/diverged)."""
        if self.finished:
            return False
        s = self.steps
        if self.length >= self._cap:
            self._grow(self._cap * 2)
        p = self.params[s].copy()
        with np.errstate(all="ignore"):
            self.optimizer.step(p, self.grad[s].copy())
        self.params[s + 1] = p
        self.length += 1
        self._record_slots(s + 1)
        if (s + 1) % CHECKPOINT == 0:
            self._checkpoints[s + 1] = self.optimizer.copy()
        x, y = p
        if not (math.isfinite(x) and math.isfinite(y)) or self.surface.far_outside(x, y):
            self.diverged_at = s + 1
            with np.errstate(all="ignore"):
                self.loss[s + 1] = (float(self.surface.value(x, y))
                                    if math.isfinite(x) and math.isfinite(y) else np.inf)
            self.grad[s + 1] = 0.0
            return False
        return True

    def index(self, step: int) -> int:
        """The stored state shown at global step ``step`` (a finished run stays at its end)."""
        return max(0, min(int(step), self.steps))

    def optimizer_at(self, step: int):
        """A copy of the optimizer exactly as it was after ``step`` steps."""
        step = self.index(step)
        base = max(c for c in self._checkpoints if c <= step)
        opt = self._checkpoints[base].copy()
        for s in range(base, step):
            p = self.params[s].copy()
            opt.step(p, self.grad[s].copy())
        return opt

    def slot(self, name: str, step: int) -> np.ndarray | None:
        """The (2,) value of accumulator ``name`` after ``step`` steps, or None."""
        if name not in self.slot_names:
            return None
        return self.slots[self.index(step), self.slot_names.index(name)]

    def first_slot(self, names, step: int) -> tuple[str, np.ndarray] | None:
        for name in names:
            value = self.slot(name, step)
            if value is not None:
                return name, value
        return None

    def __repr__(self) -> str:
        state = "diverged" if self.diverged else f"loss={self.loss[self.steps]:.4g}"
        return (f"Run({self.key!r}, {self.optimizer_name}, lr={self.optimizer.learning_rate:g}, "
                f"steps={self.steps}, {state})")


class Race:
    """Runs that start together, and the step on screen (``cursor``)."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self.cursor = 0

    @property
    def computed(self) -> int:
        """The furthest step any run has stored."""
        return max((r.steps for r in self.runs), default=0)

    @property
    def finished(self) -> bool:
        """No run can take another step and the cursor is at the end."""
        return all(r.finished for r in self.runs) and self.cursor >= self.computed

    def forward(self, n: int = 1, deadline: float | None = None) -> int:
        """Move the cursor ``n`` steps on, computing steps past the stored history; stop
        early once ``time.perf_counter()`` passes ``deadline``. Returns the steps moved."""
        moved = 0
        for _ in range(max(0, int(n))):
            if deadline is not None and moved and time.perf_counter() > deadline:
                break
            target = self.cursor + 1
            if target > MAX_STEPS:
                break
            live = [r for r in self.runs if r.steps < target and not r.finished]
            if target > self.computed and not live:
                break
            self._advance_all(live)
            self.cursor = target
            moved += 1
        return moved

    @staticmethod
    def _advance_all(runs: list[Run]) -> None:
        """One step of every run; runs on the exact gradient are evaluated in one
        vectorised call (the surfaces broadcast), mini-batch runs one by one."""
        stepped = [r for r in runs if r._take_step()]
        shared = [r for r in stepped if r.uses_full_gradient]
        for run in stepped:
            if not run.uses_full_gradient:
                run._evaluate(run.steps)
        if not shared:
            return
        pts = np.array([r.params[r.steps] for r in shared])
        surface = shared[0].surface
        with np.errstate(all="ignore"):
            f = np.broadcast_to(surface.value(pts[:, 0], pts[:, 1]), (len(shared),))
            gx, gy = surface.gradient(pts[:, 0], pts[:, 1])
            gx = np.broadcast_to(gx, (len(shared),))
            gy = np.broadcast_to(gy, (len(shared),))
        for i, run in enumerate(shared):
            run._store(run.steps, f[i], gx[i], gy[i])

    def back(self, n: int = 1) -> int:
        old = self.cursor
        self.cursor = max(0, self.cursor - max(0, int(n)))
        return old - self.cursor

    def seek(self, step: int) -> None:
        """Show ``step`` (computing forwards if needed)."""
        step = max(0, min(int(step), MAX_STEPS))
        if step <= self.computed:
            self.cursor = step
        else:
            self.cursor = self.computed
            self.forward(step - self.cursor)
