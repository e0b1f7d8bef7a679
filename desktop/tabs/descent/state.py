"""The descent tab's session state: defaults, presets and strict validation (no Qt here).

``validate(state, base)`` checks a (possibly partial) JSON object merged onto ``base`` and
returns a complete, normalised copy, or raises ``ValueError`` with a message that names the
bad field. Nothing here changes a model: the model applies a validated state in one go.
"""
from __future__ import annotations

import json
import math

import core.optimizers as optimizers
from desktop.tabs.descent import surfaces

LESSONS = ("race", "learning_rate", "batch")
RATE_MODES = ("tuned", "shared")
RACE_BATCHES = ("full", "mini", "single")
SPEEDS = (1, 2, 5, 10, 25, 50)
SHOW_FLAGS = ("show_gradient", "show_velocity", "show_accumulator", "show_3d")
OPTIMIZER_NAMES = tuple(optimizers.OPTIMIZERS)
#: the non-learning-rate hyper-parameters the tab lets a teacher edit.
MAX_EXPRESSION = 200  # core.expression.MAX_LENGTH


def optimizer_defaults() -> dict[str, dict[str, float]]:
    """torch's defaults for every hyper-parameter except the learning rate."""
    return {name: {k: float(v) for k, v in info.defaults.items() if k != "learning_rate"}
            for name, info in optimizers.OPTIMIZERS.items()}


def default_state() -> dict:
    """A fresh tab: the optimizer race on Rosenbrock with tuned rates (rates filled later)."""
    return {
        "surface": "rosenbrock" if "rosenbrock" in surfaces.landscape_names()
        else surfaces.surface_keys()[0],
        "custom_expression": "x^2 + 3*y^2 + sin(2*x)",
        "custom_range": 3.0,
        "lesson": "race",
        "optimizers": ["sgd", "momentum", "adam"],
        "lesson_optimizer": "sgd",
        "rate_mode": "tuned",
        "shared_learning_rate": 0.001,
        "learning_rates": None,   # None: the tuned rates of the surface
        "hyper": None,            # None: torch's defaults with the surface's tuned changes
        "lesson_rates": None,     # None: derived from the lesson optimizer's tuned rate
        "batch_size": 10,
        "race_batch": "full",
        "start": None,            # None: the surface's conventional start
        "show_gradient": True,
        "show_velocity": False,
        "show_accumulator": False,
        "show_3d": False,
        "speed": 2,
        "step": 0,
        "computed": 0,
    }


def _number(state: dict, key: str, lo: float = -math.inf, hi: float = math.inf,
            positive: bool = False) -> float:
    value = state[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or not lo <= value <= hi or (positive and value <= 0):
        raise ValueError(f"{key} must be a finite number in [{lo:g}, {hi:g}]"
                         f"{' and > 0' if positive else ''}, got {value!r}")
    return value


def _integer(state: dict, key: str, lo: int, hi: int) -> int:
    value = state[key]
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"{key} must be an integer in [{lo}, {hi}], got {value!r}")
    return value


def _choice(state: dict, key: str, choices) -> str:
    value = state[key]
    if value not in choices:
        raise ValueError(f"{key} must be one of {', '.join(map(str, choices))}, got {value!r}")
    return value


def _rate(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            math.isfinite(value) and 0 < value <= 1e4):
        raise ValueError(f"{what} must be a learning rate in (0, 10000], got {value!r}")
    return float(value)


def _hyper(value) -> dict[str, dict[str, float]]:
    if not isinstance(value, dict):
        raise ValueError("hyper must be an object {optimizer: {name: value}}")
    out = optimizer_defaults()
    for name, params in value.items():
        if name not in OPTIMIZER_NAMES:
            raise ValueError(f"hyper: unknown optimizer {name!r}")
        if not isinstance(params, dict):
            raise ValueError(f"hyper[{name!r}] must be an object")
        for key, v in params.items():
            if key not in out[name]:
                raise ValueError(f"hyper: {name} has no editable hyper-parameter {key!r}")
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"hyper[{name!r}][{key!r}] must be a number, got {v!r}")
            out[name][key] = float(v)
        optimizers.create(name, **out[name])  # core's range checks (e.g. momentum < 1)
    return out


def validate(state, base: dict) -> dict:
    """A complete, checked copy of ``base`` updated with ``state`` (see module docstring).

    ``learning_rates``, ``hyper``, ``lesson_rates`` and ``start`` may be None (meaning: the
    defaults of the surface); the model fills them in.
    """
    if not isinstance(state, dict):
        raise ValueError("the descent tab's state must be a JSON object")
    out = dict(base)
    out.update({k: v for k, v in state.items() if k in base})
    _choice(out, "surface", surfaces.surface_keys())
    text = out["custom_expression"]
    if not isinstance(text, str) or len(text) > MAX_EXPRESSION:
        raise ValueError(f"custom_expression must be a string of at most {MAX_EXPRESSION} "
                         "characters")
    out["custom_range"] = _number(out, "custom_range", 0.1, 1000.0)
    _choice(out, "lesson", LESSONS)
    opts = out["optimizers"]
    if not isinstance(opts, list) or any(o not in OPTIMIZER_NAMES for o in opts):
        raise ValueError(f"optimizers must be a list drawn from {', '.join(OPTIMIZER_NAMES)}")
    if len(set(opts)) != len(opts):
        raise ValueError("optimizers must not repeat a name")
    out["optimizers"] = [o for o in OPTIMIZER_NAMES if o in opts]
    _choice(out, "lesson_optimizer", OPTIMIZER_NAMES)
    _choice(out, "rate_mode", RATE_MODES)
    out["shared_learning_rate"] = _rate(out["shared_learning_rate"], "shared_learning_rate")
    rates = out["learning_rates"]
    if rates is not None:
        if not isinstance(rates, dict) or set(rates) - set(OPTIMIZER_NAMES):
            raise ValueError("learning_rates must map optimizer names to rates")
        out["learning_rates"] = {k: _rate(v, f"learning_rates[{k!r}]") for k, v in rates.items()}
    if out["hyper"] is not None:
        out["hyper"] = _hyper(out["hyper"])
    lesson = out["lesson_rates"]
    if lesson is not None:
        if not isinstance(lesson, list) or len(lesson) != 3:
            raise ValueError("lesson_rates must be a list of three learning rates")
        out["lesson_rates"] = [_rate(v, "lesson_rates") for v in lesson]
    out["batch_size"] = _integer(out, "batch_size", 1, 10_000)
    _choice(out, "race_batch", RACE_BATCHES)
    start = out["start"]
    if start is not None:
        if (not isinstance(start, (list, tuple)) or len(start) != 2 or any(
                isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
                for v in start)):
            raise ValueError("start must be [x, y] with two finite numbers")
        out["start"] = [float(start[0]), float(start[1])]
    for key in SHOW_FLAGS:
        if not isinstance(out[key], bool):
            raise ValueError(f"{key} must be true or false, got {out[key]!r}")
    out["speed"] = _choice(out, "speed", SPEEDS)
    from desktop.tabs.descent.runs import MAX_STEPS

    out["step"] = _integer(out, "step", 0, MAX_STEPS)
    out["computed"] = _integer(out, "computed", 0, MAX_STEPS)
    if out["step"] > out["computed"]:
        out["computed"] = out["step"]
    return out


def load_presets(path) -> list[dict]:
    """The presets file: a list of {"id", "name", "state"}; bad entries raise ValueError."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{path}: presets must be a JSON list")
    seen = set()
    for entry in data:
        if not (isinstance(entry, dict) and isinstance(entry.get("id"), str)
                and isinstance(entry.get("name"), str) and isinstance(entry.get("state"), dict)):
            raise ValueError(f"{path}: each preset needs an id, a name and a state object")
        if entry["id"] in seen:
            raise ValueError(f"{path}: preset id {entry['id']!r} appears twice")
        seen.add(entry["id"])
    return data
