"""State of the backpropagation tab: which graph, its inputs, and the current stage.

The stage index is the whole of the "where are we" state, so stepping back is exact: the
numbers at a stage are recomputed from the inputs (computational graphs) or read from the
kept iterations of a walkthrough (networks).
"""
from __future__ import annotations

import json
import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from core.autograd_replay import Graph
from desktop.paths import asset
from desktop.tabs.backprop.graphs import ACTIVATION_NAMES, GRAPHS, GraphDef
from desktop.tabs.backprop.scene import Scene, graph_layout, graph_scene, network_scene
from desktop.tabs.backprop.walkthrough import Walkthrough
from desktop.tabs.base import TabModel

#: the presets' English names, for lupdate (assets/presets/backprop.json uses the same text).
PRESET_NAMES = (
    QT_TRANSLATE_NOOP("BackpropModel", "Chain rule: f = (x + y) · z"),
    QT_TRANSLATE_NOOP("BackpropModel", "Gate patterns: add, multiply, max"),
    QT_TRANSLATE_NOOP("BackpropModel", "Max gate on a tie"),
    QT_TRANSLATE_NOOP("BackpropModel", "A value used twice: gradients add"),
    QT_TRANSLATE_NOOP("BackpropModel", "Sigmoid neuron"),
    QT_TRANSLATE_NOOP("BackpropModel", "Sigmoid neuron from exp, add and 1/x"),
    QT_TRANSLATE_NOOP("BackpropModel", "Squared error of a linear unit"),
    QT_TRANSLATE_NOOP("BackpropModel", "One hidden neuron: dJ/dw₂ and dJ/dw₁"),
    QT_TRANSLATE_NOOP("BackpropModel", "One hidden neuron with ReLU"),
    QT_TRANSLATE_NOOP("BackpropModel", "2-2-1 network, one example"),
    QT_TRANSLATE_NOOP("BackpropModel", "2-2-1 network, tanh hidden, linear output"),
    QT_TRANSLATE_NOOP("BackpropModel", "2-2-2 network: the classic worked example"),
)

#: inputs, weights and targets are kept within ± this (the spin boxes' range).
INPUT_LIMIT = 100.0
LEARNING_RATE_RANGE = (1e-4, 10.0)
INTERVAL_RANGE = (0.05, 10.0)
PACES = ("stage", "iteration")
_STATE_KEYS = {"graph", "preset", "inputs", "stage", "learning_rate", "activation",
               "output_activation", "pace", "interval"}


def load_presets() -> list[dict]:
    """The presets file, or one plain preset per graph when it cannot be read."""
    try:
        data = json.loads(asset("presets", "backprop.json").read_text(encoding="utf-8"))
        if isinstance(data, list) and all(isinstance(p, dict) and {"id", "name", "state"}
                                          <= p.keys() for p in data) and data:
            return data
    except (OSError, ValueError):
        pass
    return [{"id": g, "name": g, "state": {"graph": g}} for g in GRAPHS]


def _number(value, what: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or not lo <= value <= hi:
        raise ValueError(f"{what} must be between {lo:g} and {hi:g}, got {value!r}")
    return value


class BackpropModel(TabModel):
    """All of the tab's state. Signals: ``graph_changed`` (another graph: the inputs panel
    changes), ``inputs_changed`` (an input, the learning rate or an activation changed),
    ``stage_changed(position)`` (the numbers on screen changed), ``settings_changed`` (pace,
    interval)."""

    can_step_back = True

    graph_changed = Signal()
    inputs_changed = Signal()
    stage_changed = Signal(int)
    settings_changed = Signal()

    def __init__(self, parent: QObject | None = None, presets: list[dict] | None = None):
        super().__init__(parent)
        self.presets = load_presets() if presets is None else presets
        self._pace = "stage"
        self._interval = 1.0
        self._config: dict = {}
        self._graph: Graph | None = None
        self._layout = None
        self._walk: Walkthrough | None = None
        self._scene: Scene | None = None
        self._fit_scene: tuple | None = None
        self._stage_scenes: tuple | None = None
        self._version = 0  # counts rebuilt graphs (keys the canvas' font fitting)
        first = self.presets[0]
        self._apply(self._validate({**first["state"], "preset": first["id"]}, fresh=True))

    def __repr__(self) -> str:
        return f"BackpropModel(graph={self.graph_id!r}, position={self.position})"

    # --- reading ------------------------------------------------------------------------
    @property
    def graph_id(self) -> str:
        return self._config["graph"]

    @property
    def definition(self) -> GraphDef:
        return GRAPHS[self.graph_id]

    @property
    def preset_id(self) -> str:
        return self._config["preset"]

    @property
    def is_network(self) -> bool:
        return self.definition.kind == "network"

    @property
    def inputs(self) -> dict[str, float]:
        return dict(self._config["inputs"])

    @property
    def position(self) -> int:
        return self._config["stage"]

    @property
    def learning_rate(self) -> float:
        return self._config["learning_rate"]

    @property
    def activation(self) -> str:
        return self._config["activation"]

    @property
    def output_activation(self) -> str:
        return self._config["output_activation"]

    @property
    def pace(self) -> str:
        return self._pace

    @property
    def interval(self) -> float:
        return self._interval

    @property
    def frame_ms(self) -> int:  # the base timer's pause between ticks
        return int(round(self._interval * 1000))

    @property
    def graph(self) -> Graph | None:
        """The computational graph (None for a network walkthrough)."""
        return self._graph

    @property
    def walkthrough(self) -> Walkthrough | None:
        return self._walk

    @property
    def stage_count(self) -> int:
        return self._walk.stage_count if self._walk else len(self._graph.stages)

    @property
    def last_position(self) -> int:
        return self.stage_count - 1

    @property
    def iteration(self) -> int:
        """0-based iteration of a walkthrough (0 for a graph)."""
        return self._walk.locate(self.position)[0] if self._walk else 0

    def scene(self) -> Scene:
        if self._scene is None:
            if self._walk is not None:
                self._scene = network_scene(self._walk, self.position)
            else:
                self._scene = graph_scene(self._graph, self.position, self._layout)
        return self._scene

    @property
    def fit_key(self) -> tuple:
        """Changes whenever ``fit_scene`` may change."""
        return (self._version, self.iteration)

    def fit_scene(self) -> Scene:
        """The fullest scene of the current graph (every value and gradient shown; for a
        network, the last stage of this iteration): the canvas sizes its fonts on it."""
        key = self.fit_key
        if self._fit_scene is None or self._fit_scene[0] != key:
            if self._walk is not None:
                per = self._walk.per_iteration
                scene = network_scene(self._walk, self.iteration * per + per - 1)
            else:
                scene = graph_scene(self._graph, len(self._graph.stages) - 1, self._layout)
            self._fit_scene = (key, scene)
        return self._fit_scene[1]

    def stage_scenes(self) -> list[Scene]:
        """Every stage's scene of the current graph (for a network, of this iteration):
        the view sizes the caption on the longest arithmetic."""
        key = self.fit_key
        if self._stage_scenes is None or self._stage_scenes[0] != key:
            if self._walk is not None:
                per = self._walk.per_iteration
                first = self.iteration * per
                scenes = [network_scene(self._walk, first + k) for k in range(per)]
            else:
                scenes = [graph_scene(self._graph, k, self._layout)
                          for k in range(len(self._graph.stages))]
            self._stage_scenes = (key, scenes)
        return self._stage_scenes[1]

    def losses(self) -> np.ndarray:
        """Loss per iteration, up to the current one once its loss stage is reached."""
        if self._walk is None:
            return np.empty(0)
        it, s = self._walk.locate(self.position)
        loss_stage = next(i for i, st in enumerate(self._walk.plan) if st.kind == "loss")
        upto = it if s >= loss_stage else it - 1
        return self._walk.losses(upto) if upto >= 0 else np.empty(0)

    # --- validation and applying ------------------------------------------------------------
    def _validate(self, state, fresh: bool = False) -> dict:
        """A complete config from a (partial) state: missing entries take the graph's lecture
        values (a new graph) or stay as they are. Raises ValueError, changing nothing."""
        if not isinstance(state, dict):
            raise ValueError("backprop state must be a JSON object")
        unknown = set(state) - _STATE_KEYS
        if unknown:
            raise ValueError(f"unknown backprop settings: {', '.join(sorted(unknown))}")
        gid = state.get("graph", None if fresh else self.graph_id)
        if gid not in GRAPHS:
            raise ValueError(f"unknown graph {gid!r}; known graphs: {', '.join(GRAPHS)}")
        d = GRAPHS[gid]
        same = not fresh and gid == self.graph_id
        base = dict(self._config) if same else {
            "graph": gid, "preset": "", "inputs": d.defaults(), "stage": 0,
            "learning_rate": d.learning_rate, "activation": d.activation,
            "output_activation": d.output_activation}
        cfg = {**base, "inputs": dict(base["inputs"])}
        preset = state.get("preset", cfg["preset"] if same else "")
        if not isinstance(preset, str):
            raise ValueError("preset must be a preset id")
        cfg["preset"] = preset
        inputs = state.get("inputs", {})
        if not isinstance(inputs, dict):
            raise ValueError("inputs must be an object {name: number}")
        for key, value in inputs.items():
            if key not in cfg["inputs"]:
                raise ValueError(f"graph {gid!r} has no input {key!r}; its inputs are "
                                 f"{', '.join(cfg['inputs'])}")
            cfg["inputs"][key] = _number(value, f"input {key}", -INPUT_LIMIT, INPUT_LIMIT)
        if "learning_rate" in state:
            cfg["learning_rate"] = _number(state["learning_rate"], "learning_rate",
                                           *LEARNING_RATE_RANGE)
        for key in ("activation", "output_activation"):
            if key in state:
                if state[key] not in ACTIVATION_NAMES:
                    raise ValueError(f"{key} must be one of {', '.join(ACTIVATION_NAMES)}")
                cfg[key] = state[key]
        if "pace" in state and state["pace"] not in PACES:
            raise ValueError(f"pace must be one of {', '.join(PACES)}")
        if "interval" in state:
            _number(state["interval"], "interval", *INTERVAL_RANGE)
        built = self._build(cfg)
        count = built[2].stage_count if built[2] else len(built[0].stages)
        if "stage" in state:
            stage = state["stage"]
            if isinstance(stage, bool) or not isinstance(stage, int) or not (
                    0 <= stage < count):
                raise ValueError(f"stage must be an integer from 0 to {count - 1}")
            cfg["stage"] = stage
        cfg["stage"] = min(cfg["stage"], count - 1)
        cfg["_built"] = built
        cfg["_pace"] = state.get("pace", self._pace)
        cfg["_interval"] = float(state.get("interval", self._interval))
        return cfg

    @staticmethod
    def _build(cfg: dict):
        """(Graph, layout, None) or (None, None, Walkthrough) for a config; ValueError when
        the numbers cannot be computed (e.g. a division by zero)."""
        d = GRAPHS[cfg["graph"]]
        if d.kind == "network":
            walk = Walkthrough(d.sizes, cfg["inputs"], cfg["learning_rate"], cfg["activation"],
                               cfg["output_activation"])
            return None, None, walk
        graph = Graph(d.build(cfg["inputs"], cfg["activation"]))
        return graph, graph_layout(graph), None

    def _apply(self, cfg: dict) -> None:
        graph_changed = cfg["graph"] != self._config.get("graph")
        inputs_changed = graph_changed or any(
            cfg[k] != self._config.get(k) for k in ("inputs", "learning_rate", "activation",
                                                   "output_activation"))
        settings = (cfg.pop("_pace"), cfg.pop("_interval"))
        self._graph, self._layout, self._walk = cfg.pop("_built")
        self._config = cfg
        self._version += 1
        self._scene = None
        if graph_changed:
            self.graph_changed.emit()
        if inputs_changed:
            self.inputs_changed.emit()
        if settings != (self._pace, self._interval):
            self._pace, self._interval = settings
            self.settings_changed.emit()
        self.stage_changed.emit(self.position)
        self.status_changed.emit(self.status_text())

    def _change(self, **state) -> None:
        self._apply(self._validate(state))

    # --- setters --------------------------------------------------------------------------
    def set_graph(self, graph_id: str) -> None:
        """Show another graph with its lecture values, from the first stage."""
        if graph_id != self.graph_id:
            self.pause()
            preset = next((p["id"] for p in self.presets
                           if p["state"].get("graph") == graph_id), "")
            self._change(graph=graph_id, preset=preset)

    def apply_preset(self, preset_id: str) -> None:
        for p in self.presets:
            if p["id"] == preset_id:
                self.pause()
                state = {**p["state"], "preset": preset_id}
                cfg = self._validate({**state, "graph": state.get("graph", self.graph_id)},
                                     fresh=True)
                self._apply(cfg)
                return
        raise ValueError(f"unknown preset {preset_id!r}")

    def set_input(self, key: str, value: float) -> None:
        """Change one input; the stage stays where it is and its numbers are recomputed."""
        if self._config["inputs"].get(key) != value:
            self._change(inputs={key: value})

    def restore_inputs(self) -> None:
        """Back to the lecture values of the current graph (and preset)."""
        p = next((p for p in self.presets if p["id"] == self.preset_id), None)
        state = dict(p["state"]) if p and p["state"].get("graph") == self.graph_id else {}
        d = self.definition
        self._change(inputs={**d.defaults(), **state.get("inputs", {})},
                     learning_rate=state.get("learning_rate", d.learning_rate),
                     activation=state.get("activation", d.activation),
                     output_activation=state.get("output_activation", d.output_activation))

    def set_learning_rate(self, value: float) -> None:
        if value != self.learning_rate:
            self._change(learning_rate=value)

    def set_activation(self, name: str) -> None:
        if name != self.activation:
            self._change(activation=name)

    def set_output_activation(self, name: str) -> None:
        if name != self.output_activation:
            self._change(output_activation=name)

    def set_pace(self, pace: str) -> None:
        """"stage": Play shows one stage per interval; "iteration": one whole iteration."""
        if pace not in PACES:
            raise ValueError(f"pace must be one of {', '.join(PACES)}")
        if pace != self._pace:
            self._pace = pace
            self.settings_changed.emit()

    def set_interval(self, seconds: float) -> None:
        """Seconds between two steps while playing."""
        seconds = _number(seconds, "interval", *INTERVAL_RANGE)
        if seconds != self._interval:
            self._interval = seconds
            self.settings_changed.emit()

    def set_position(self, position: int) -> None:
        position = max(0, min(int(position), self.last_position))
        if position != self.position:
            self._config["stage"] = position
            self._scene = None
            self.stage_changed.emit(position)
            self.status_changed.emit(self.status_text())

    # --- the shell's verbs -----------------------------------------------------------------
    def step(self) -> None:
        self.set_position(self.position + 1)

    def step_back(self) -> None:
        self.set_position(self.position - 1)

    def reset(self) -> None:
        super().reset()
        self.set_position(0)

    def play(self) -> None:
        if self.position >= self.last_position:
            self.set_position(0)
        super().play()

    def tick(self) -> None:
        jump = self._walk.per_iteration if (self._walk and self._pace == "iteration") else 1
        self.set_position(self.position + jump)
        if self.position >= self.last_position:
            self.pause()

    def status_text(self) -> str:
        if self._walk is not None:
            it, s = self._walk.locate(self.position)
            loss = self._walk.graph(it).loss.data
            return (self.tr("Iteration %1, step %2 of %3, loss J = %4")
                    .replace("%1", str(it + 1)).replace("%2", str(s))
                    .replace("%3", str(self._walk.per_iteration - 1))
                    .replace("%4", f"{loss:.4g}"))
        return (self.tr("Step %1 of %2").replace("%1", str(self.position))
                .replace("%2", str(self.last_position)))

    # --- sessions ----------------------------------------------------------------------------
    def to_state(self) -> dict:
        return {"graph": self.graph_id, "preset": self.preset_id, "inputs": self.inputs,
                "stage": self.position, "learning_rate": self.learning_rate,
                "activation": self.activation, "output_activation": self.output_activation,
                "pace": self._pace, "interval": self._interval}

    def from_state(self, state: dict) -> None:
        cfg = self._validate(state, fresh=isinstance(state, dict) and "graph" in state)
        self.pause()
        self._apply(cfg)

