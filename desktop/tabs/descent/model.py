"""The gradient-descent tab's model: surface, runs, settings and the timeline.

All state lives here; the view only reads it and calls the setters. Signals:

* ``surface_changed``: a new loss surface (contour map, 3-D mesh, minima, data points);
* ``runs_changed``: the set of balls changed (labels, colours, how many);
* ``trajectory_changed``: the step on screen moved or new steps were computed (per frame);
* ``settings_changed``: learning rates, hyper-parameters, lesson, batch size, speed;
* ``display_changed``: which visual aids are on (arrows, accumulators, 3-D);
* ``expression_changed``: the custom function's text or its error;
* ``preset_changed``: the preset on show (or none after a manual change).

Any change to what the balls do (surface, start, rates, ...) restarts every run from the
start, so the race stays fair; stepping back and the timeline replay the stored history.
"""
from __future__ import annotations

import copy
import math
import time

from PySide6.QtCore import QObject, Signal

import core.optimizers as optimizers
from desktop.paths import asset
from desktop.tabs.base import TabModel
from desktop.tabs.descent import names, state, surfaces, tuning
from desktop.tabs.descent.runs import MAX_STEPS, Race, Run
from desktop.theme import GREEN, SERIES_COLORS, VERMILION

#: seconds of computing per animation frame at most (the rest of 1/60 s is for drawing)
TICK_BUDGET_S = 0.009
LESSON_COLORS = {"small": "#0072b2", "good": GREEN, "large": VERMILION,
                 "full": "#0072b2", "mini": GREEN, "single": "#e69f00"}


def _setting(key: str, doc: str) -> property:
    return property(lambda self: self._s[key], doc=doc)


class DescentModel(TabModel):
    """Gradient descent on a loss surface: an optimizer race, the learning-rate lesson and
    batch vs mini-batch vs stochastic gradients (see module docstring)."""

    surface_changed = Signal()
    runs_changed = Signal()
    trajectory_changed = Signal()
    settings_changed = Signal()
    display_changed = Signal()
    expression_changed = Signal()
    preset_changed = Signal()

    can_step_back = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presets = state.load_presets(asset("presets", "descent.json"))
        self.preset_id = ""
        #: which optimizer's hyper-parameters the panel edits (not part of the session)
        self.edited_optimizer = "sgd"
        self.custom_error = ""
        self.custom_error_position = -1
        #: what the teacher last typed (shown in the box even when it does not parse; the
        #: session keeps only ``custom_expression``, the last text that did)
        self.custom_draft = ""
        self._s: dict = {}
        self.surface: surfaces.Surface | None = None
        self.race = Race([])
        self._apply(self._complete(state.validate({}, state.default_state())))

    # --- read-only views of the state (settings; change them with the setters) ----------
    surface_key = _setting("surface", "the surface key: a landscape name, data:..., custom")
    custom_expression = _setting("custom_expression", "the custom function's text")
    custom_range = _setting("custom_range", "the custom map spans [-r, r] on both axes")
    lesson = _setting("lesson", "race, learning_rate or batch")
    selected_optimizers = _setting("optimizers", "the optimizers in the race (names)")
    lesson_optimizer = _setting("lesson_optimizer", "the optimizer of the two lessons")
    rate_mode = _setting("rate_mode", "tuned (each its own) or shared (one for all)")
    shared_learning_rate = _setting("shared_learning_rate", "the rate in shared mode")
    lesson_rates = _setting("lesson_rates", "too small, good, too large")
    batch_size = _setting("batch_size", "k, the mini-batch size on data surfaces")
    race_batch = _setting("race_batch", "full, mini or single: the race's gradients")
    speed = _setting("speed", "steps per animation frame")
    show_gradient = _setting("show_gradient", "draw the gradient arrow at each ball")
    show_velocity = _setting("show_velocity", "draw the velocity / first-moment arrow")
    show_accumulator = _setting("show_accumulator", "draw the per-axis accumulators")
    show_3d = _setting("show_3d", "show the 3-D surface beside the map (when OpenGL works)")

    @property
    def start(self) -> tuple[float, float]:
        return tuple(self._s["start"])

    @property
    def runs(self) -> list[Run]:
        return self.race.runs

    @property
    def cursor(self) -> int:
        return self.race.cursor

    @property
    def computed(self) -> int:
        return self.race.computed

    @property
    def n_samples(self) -> int:
        return self.surface.n_samples if self.surface is not None else 0

    @property
    def mini_batch_size(self) -> int:
        """k for the mini-batch ball (at most N - 1 so it differs from the full batch)."""
        return max(1, min(self._s["batch_size"], max(1, self.n_samples - 1)))

    def learning_rate(self, name: str) -> float:
        """The learning rate optimizer ``name`` uses in the race."""
        if self._s["rate_mode"] == "shared":
            return self._s["shared_learning_rate"]
        return self._s["learning_rates"][name]

    def hyper(self, name: str) -> dict[str, float]:
        """Every hyper-parameter of ``name`` (learning rate included) as the race uses them."""
        out = {"learning_rate": self.learning_rate(name)}
        out.update(self._s["hyper"][name])
        return out

    def tuned_rate(self, name: str) -> float:
        return tuning.tuned_rates(self.surface)[name]

    # --- labels (translated at call time) -----------------------------------------------
    def surface_label(self, key: str | None = None) -> str:
        return names.surface_label(key or self._s["surface"])

    def run_label(self, run: Run) -> str:
        opt = names.optimizer_label(run.optimizer_name)
        lr = _fmt_rate(run.optimizer.learning_rate)
        if self._s["lesson"] == "learning_rate":
            return f"{opt} η={lr} ({names.tr_name(names.ROLE_NAMES[run.key])})"
        if self._s["lesson"] == "batch":
            size = run.batch_size
            return f"{names.tr_name(names.ROLE_NAMES[run.key])} ({size})"
        return opt

    def run_color(self, run: Run) -> str:
        if self._s["lesson"] == "race":
            return SERIES_COLORS[list(optimizers.OPTIMIZERS).index(run.optimizer_name)]
        return LESSON_COLORS[run.key]

    def preset_label(self, preset: dict) -> str:
        return names.tr_name(preset["name"])

    # --- building runs ------------------------------------------------------------------
    def _race_batch(self) -> int:
        if not self.surface.is_data:
            return 0
        return {"full": self.n_samples, "mini": self.mini_batch_size,
                "single": 1}[self._s["race_batch"]]

    def _build_runs(self) -> list[Run]:
        s, surf, start = self._s, self.surface, self._s["start"]
        lesson = s["lesson"]
        if lesson == "race":
            return [Run(name, name, self.hyper(name), surf, start, self._race_batch())
                    for name in s["optimizers"]]
        name = s["lesson_optimizer"]
        if lesson == "learning_rate":
            runs = []
            for role, lr in zip(("small", "good", "large"), s["lesson_rates"]):
                hyper = self.hyper(name)
                hyper["learning_rate"] = lr
                runs.append(Run(role, name, hyper, surf, start, self._race_batch()))
            return runs
        sizes = (("full", self.n_samples), ("mini", self.mini_batch_size), ("single", 1))
        return [Run(role, name, self.hyper(name), surf, start, k) for role, k in sizes]

    def _restart(self, emit: bool = True) -> None:
        self.race = Race(self._build_runs())
        if emit:
            self.runs_changed.emit()
            self.trajectory_changed.emit()
            self.status_changed.emit(self.status_text())

    # --- applying a complete state --------------------------------------------------------
    def _make_surface(self, st: dict) -> surfaces.Surface:
        if st["surface"] == surfaces.CUSTOM:
            return surfaces.make_custom_surface(st["custom_expression"], st["custom_range"])
        return surfaces.make_surface(st["surface"])

    def _complete(self, st: dict, surface: surfaces.Surface | None = None) -> dict:
        """Fill the surface-dependent defaults (rates, lesson rates, start)."""
        surface = surface or self._make_surface(st)
        tuned = tuning.tuned_rates(surface)
        if st["learning_rates"] is None:
            st["learning_rates"] = dict(tuned)
        else:
            st["learning_rates"] = {**tuned, **st["learning_rates"]}
        if st["hyper"] is None:
            st["hyper"] = state.optimizer_defaults()
            for name, extra in tuning.tuned_hyper(surface).items():
                st["hyper"][name].update(extra)
        if st["lesson_rates"] is None:
            st["lesson_rates"] = tuning.lesson_rates(st["learning_rates"][st["lesson_optimizer"]])
        if st["start"] is None:
            st["start"] = list(surface.start)
        if st["lesson"] == "batch" and not surface.is_data:
            raise ValueError("the batch lesson needs a data surface (data:line_fit or "
                             "data:sigmoid_neuron)")
        if not surface.contains(*st["start"]):
            raise ValueError(f"start {st['start']} lies outside the surface's domain "
                             f"{surface.domain}")
        st["_surface"] = surface
        return st

    def _apply(self, st: dict) -> None:
        self.pause()
        new_surface = st.pop("_surface")
        surface_is_new = new_surface is not self.surface
        self.surface = new_surface
        self.custom_draft = st["custom_expression"]
        steps, computed = st["step"], st["computed"]
        self._s = st
        self._s["step"] = self._s["computed"] = 0
        self.race = Race(self._build_runs())
        if computed:
            self.race.seek(computed)
            self.race.cursor = min(steps, self.race.computed)
        if surface_is_new:
            self.surface_changed.emit()
        self.settings_changed.emit()
        self.display_changed.emit()
        self.expression_changed.emit()
        self.runs_changed.emit()
        self.trajectory_changed.emit()
        self.status_changed.emit(self.status_text())

    def _update(self, restart: bool = True, **changes) -> None:
        """Change settings (already validated by the caller) and restart the runs."""
        self.pause()
        self._s.update(changes)
        self._set_preset("")
        self.settings_changed.emit()
        if restart:
            self._restart()

    def _set_preset(self, preset_id: str) -> None:
        if preset_id != self.preset_id:
            self.preset_id = preset_id
            self.preset_changed.emit()

    # --- session state ------------------------------------------------------------------
    def to_state(self) -> dict:
        out = copy.deepcopy({k: v for k, v in self._s.items() if not k.startswith("_")})
        out["step"] = self.race.cursor
        out["computed"] = self.race.computed
        return out

    def from_state(self, st: dict) -> None:
        checked = self._complete(state.validate(st, state.default_state()))
        self._apply(checked)
        self._set_preset("")

    def apply_preset(self, preset_id: str) -> None:
        for preset in self.presets:
            if preset["id"] == preset_id:
                self._apply(self._complete(state.validate(preset["state"],
                                                          state.default_state())))
                self.custom_error, self.custom_error_position = "", -1
                self._set_preset(preset_id)
                return
        raise ValueError(f"unknown preset {preset_id!r}")

    # --- setters ------------------------------------------------------------------------
    def set_surface(self, key: str) -> None:
        if key == self._s["surface"]:
            return
        if key == surfaces.CUSTOM:
            self.set_custom_expression(self._s["custom_expression"])
            return
        base = dict(self._s, surface=key, learning_rates=None, lesson_rates=None, start=None,
                    hyper=None, step=0, computed=0)
        if base["lesson"] == "batch" and not key.startswith(surfaces.DATA_PREFIX):
            base["lesson"] = "race"
        self._apply(self._complete(state.validate(base, state.default_state())))
        self._set_preset("")

    def set_custom_expression(self, text: str, half_width: float | None = None) -> bool:
        """Parse and show ``text``; on bad input keep the old surface and set
        ``custom_error`` (message) and ``custom_error_position`` (index, or -1)."""
        r = self._s["custom_range"] if half_width is None else half_width
        try:
            if not isinstance(text, str) or len(text) > state.MAX_EXPRESSION:
                raise ValueError(f"the expression must be at most {state.MAX_EXPRESSION} "
                                 "characters")
            surface = surfaces.make_custom_surface(text, r)
        except ValueError as exc:  # ExpressionError is a ValueError
            self.custom_error = str(exc)
            position = getattr(exc, "position", -1)
            self.custom_error_position = position if isinstance(position, int) else -1
            self.custom_draft = str(text)
            self.expression_changed.emit()
            return False
        self.custom_error, self.custom_error_position = "", -1
        self.custom_draft = text
        base = dict(self._s, surface=surfaces.CUSTOM, custom_expression=text, custom_range=r,
                    learning_rates=None, lesson_rates=None, start=None, hyper=None, step=0,
                    computed=0)
        if base["lesson"] == "batch":
            base["lesson"] = "race"
        self._apply(self._complete(state.validate(base, state.default_state()), surface))
        self._set_preset("")
        return True

    def set_lesson(self, lesson: str) -> None:
        if lesson not in state.LESSONS:
            raise ValueError(f"unknown lesson {lesson!r}")
        if lesson == self._s["lesson"]:
            return
        if lesson == "batch" and not self.surface.is_data:
            base = dict(self._s, surface="data:line_fit", lesson="batch", learning_rates=None,
                        lesson_rates=None, start=None, hyper=None, step=0, computed=0)
            self._apply(self._complete(state.validate(base, state.default_state())))
            self._set_preset("")
            return
        self._update(lesson=lesson)

    def set_optimizer_enabled(self, name: str, on: bool) -> None:
        optimizers.get(name)
        chosen = set(self._s["optimizers"])
        chosen = chosen | {name} if on else chosen - {name}
        ordered = [n for n in optimizers.OPTIMIZERS if n in chosen]
        if on:
            self.edited_optimizer = name
        if ordered != self._s["optimizers"]:
            self._update(optimizers=ordered)

    def set_lesson_optimizer(self, name: str) -> None:
        optimizers.get(name)
        if name != self._s["lesson_optimizer"]:
            good = self._s["shared_learning_rate"] if self._s["rate_mode"] == "shared" else \
                self._s["learning_rates"][name]
            self._update(lesson_optimizer=name, lesson_rates=tuning.lesson_rates(good))

    def set_rate_mode(self, mode: str) -> None:
        if mode not in state.RATE_MODES:
            raise ValueError(f"rate mode must be one of {', '.join(state.RATE_MODES)}")
        if mode != self._s["rate_mode"]:
            self._update(rate_mode=mode)

    def set_learning_rate(self, name: str, lr: float) -> None:
        """The rate of ``name``; in shared mode this is the one rate all optimizers use."""
        lr = state._rate(lr, "learning rate")
        optimizers.get(name)
        if self._s["rate_mode"] == "shared":
            if lr != self._s["shared_learning_rate"]:
                self._update(shared_learning_rate=lr)
        elif lr != self._s["learning_rates"][name]:
            self._update(learning_rates={**self._s["learning_rates"], name: lr})

    def restore_tuned_rates(self) -> None:
        """Each optimizer's tuned rate (and tuned hyper-parameters) for this surface."""
        hyper = state.optimizer_defaults()
        for name, extra in tuning.tuned_hyper(self.surface).items():
            hyper[name].update(extra)
        self._update(rate_mode="tuned", learning_rates=tuning.tuned_rates(self.surface),
                     hyper=hyper,
                     lesson_rates=tuning.lesson_rates(
                         self.tuned_rate(self._s["lesson_optimizer"])))

    def set_hyper(self, name: str, key: str, value: float) -> None:
        if key == "learning_rate":
            self.set_learning_rate(name, value)
            return
        hyper = state._hyper({name: {key: value}})[name]  # validates with core's ranges
        merged = {**self._s["hyper"][name], key: hyper[key]}
        optimizers.create(name, **merged)
        if merged != self._s["hyper"][name]:
            self._update(hyper={**self._s["hyper"], name: merged})

    def set_edited_optimizer(self, name: str) -> None:
        optimizers.get(name)
        if name != self.edited_optimizer:
            self.edited_optimizer = name
            self.settings_changed.emit()

    def set_lesson_rate(self, index: int, lr: float) -> None:
        if index not in (0, 1, 2):
            raise ValueError("lesson rate index must be 0 (small), 1 (good) or 2 (large)")
        lr = state._rate(lr, "learning rate")
        rates = list(self._s["lesson_rates"])
        if rates[index] != lr:
            rates[index] = lr
            self._update(lesson_rates=rates)

    def set_batch_size(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 10_000:
            raise ValueError(f"batch size must be an integer in [1, 10000], got {k!r}")
        if k != self._s["batch_size"]:
            self._update(batch_size=k, restart=self.surface.is_data)

    def set_race_batch(self, which: str) -> None:
        if which not in state.RACE_BATCHES:
            raise ValueError(f"race batch must be one of {', '.join(state.RACE_BATCHES)}")
        if which != self._s["race_batch"]:
            self._update(race_batch=which, restart=self.surface.is_data)

    def set_start(self, x: float, y: float) -> None:
        """Put every ball at (x, y) (a click on the map) and restart the runs."""
        x, y = float(x), float(y)
        if not (math.isfinite(x) and math.isfinite(y) and self.surface.contains(x, y)):
            raise ValueError(f"start ({x:g}, {y:g}) lies outside the map {self.surface.domain}")
        self._update(start=[x, y])

    def set_speed(self, speed: int) -> None:
        if speed not in state.SPEEDS:
            raise ValueError(f"speed must be one of {state.SPEEDS}")
        if speed != self._s["speed"]:
            self._s["speed"] = speed
            self.settings_changed.emit()

    def set_show(self, flag: str, on: bool) -> None:
        key = f"show_{flag}"
        if key not in state.SHOW_FLAGS:
            raise ValueError(f"unknown display option {flag!r}")
        if bool(on) != self._s[key]:
            self._s[key] = bool(on)
            self.display_changed.emit()

    # --- the shell's verbs ----------------------------------------------------------------
    def step(self) -> None:
        self.pause()
        if self.race.forward(1):
            self.trajectory_changed.emit()
            self.status_changed.emit(self.status_text())

    def step_back(self) -> None:
        self.pause()
        if self.race.back(1):
            self.trajectory_changed.emit()
            self.status_changed.emit(self.status_text())

    def seek(self, step: int) -> None:
        """Show step ``step`` of the stored history (the timeline slider)."""
        step = max(0, min(int(step), self.race.computed))
        if step != self.race.cursor:
            self.race.seek(step)
            self.trajectory_changed.emit()

    def reset(self) -> None:
        super().reset()
        self._restart()

    def can_play(self) -> bool:
        return not self.race.finished and self.race.cursor < MAX_STEPS

    def tick(self) -> None:
        # at most ~9 ms of maths per frame, so the redraw still fits in 1/60 s
        moved = self.race.forward(self._s["speed"], time.perf_counter() + TICK_BUDGET_S)
        if moved:
            self.trajectory_changed.emit()
        if not moved or not self.can_play():
            self.pause()

    def status_text(self) -> str:
        text = self.tr("%1 · step %2").replace("%1", self.surface_label()).replace(
            "%2", str(self.race.cursor))
        diverged = sum(1 for r in self.runs if r.diverged_at is not None
                       and r.diverged_at <= self.race.cursor)
        if diverged:
            text += " · " + self.tr("%n diverged", "", diverged)
        return text


def _fmt_rate(lr: float) -> str:
    return f"{lr:.3g}" if lr >= 1e-3 else f"{lr:.1e}"
