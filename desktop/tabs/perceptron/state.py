"""The perceptron tab's session state: limits, defaults, presets, and validation.

``to_state()`` stores the *start* of the current run (weights, bias) and the number of samples
trained since (``steps``); ``from_state`` replays them through core, so a restored session
shows the same counters, errors plot and last update as when it was saved.
"""
from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.perceptron import ACTIVATIONS, INPUTS

CUSTOM = "CUSTOM"
GATE_NAMES = ("AND", "OR", "NAND", "NOR", "XOR", CUSTOM)
WEIGHT_LIMIT = 100.0       # |w|, |b| accepted from state and setters
PROBE_LIMIT = 10.0         # |x| of the calculator input
ETA_RANGE = (0.01, 10.0)
SPEED_RANGE = (0.5, 30.0)  # samples per second while playing
MAX_STEPS = 100_000        # samples a session may ask to replay

DEFAULTS: dict = {
    "gate": "AND",
    "custom_targets": [0, 1, 1, 0],
    "weights": [0.0, 0.0],
    "bias": 0.0,
    "learning_rate": 1.0,
    "activation": "step",
    "probe": [0.0, 0.0],
    "speed": 2.0,
    "two_layer": False,
    "steps": 0,
}

# English preset names, for lupdate (assets/presets/perceptron.json holds the same texts).
PRESET_NAMES = (
    QT_TRANSLATE_NOOP("PerceptronModel", "AND from zero"),
    QT_TRANSLATE_NOOP("PerceptronModel", "OR from zero"),
    QT_TRANSLATE_NOOP("PerceptronModel", "NAND from zero"),
    QT_TRANSLATE_NOOP("PerceptronModel", "NOR from zero"),
    QT_TRANSLATE_NOOP("PerceptronModel", "XOR from zero (never converges)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "XOR with two layers"),
    QT_TRANSLATE_NOOP("PerceptronModel", "Lecture: OR = step(−0.5 + x1 + x2)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "Lecture: AND = step(−1.5 + x1 + x2)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "Lecture: NAND = step(1.5 − x1 − x2)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "Worked example: w0 = 1, W = (3, −2), X = (−1, 2)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "AND, small learning rate (η = 0.1)"),
    QT_TRANSLATE_NOOP("PerceptronModel", "AND with the sigmoid"),
)


def load_presets() -> list[dict]:
    """The presets in ``assets/presets/perceptron.json`` (an empty list if the file is bad)."""
    from desktop.paths import asset

    try:
        data = json.loads(asset("presets", "perceptron.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in data if isinstance(p, dict) and {"id", "name", "state"} <= p.keys()]


def probe_index(probe: tuple[float, float]) -> int | None:
    """Which row of ``INPUTS`` the point is, or None."""
    for i, row in enumerate(INPUTS):
        if probe == (float(row[0]), float(row[1])):
            return i
    return None


def _number(value, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not np.isfinite(value) or not lo <= value <= hi:
        raise ValueError(f"{name} must be between {lo:g} and {hi:g}, got {value!r}")
    return value


def _pair(value, name: str, limit: float) -> list[float]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise ValueError(f"{name} must be a list of two numbers, got {value!r}")
    return [_number(v, name, -limit, limit) for v in value]


def validated(s: dict) -> dict:
    """Check a full state dict; returns it with numbers as floats. Raises ValueError."""
    unknown = set(s) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown perceptron state keys: {', '.join(sorted(unknown))}")
    out = dict(s)
    if s["gate"] not in GATE_NAMES:
        raise ValueError(f"gate must be one of {', '.join(GATE_NAMES)}, got {s['gate']!r}")
    ct = s["custom_targets"]
    if (not isinstance(ct, list | tuple) or len(ct) != 4
            or any(isinstance(t, bool) or t not in (0, 1) for t in ct)):
        raise ValueError(f"custom_targets must be four 0/1 values, got {ct!r}")
    out["custom_targets"] = [int(t) for t in ct]
    out["weights"] = _pair(s["weights"], "weights", WEIGHT_LIMIT)
    out["bias"] = _number(s["bias"], "bias", -WEIGHT_LIMIT, WEIGHT_LIMIT)
    out["learning_rate"] = _number(s["learning_rate"], "learning_rate", *ETA_RANGE)
    if s["activation"] not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {s['activation']!r}")
    out["probe"] = _pair(s["probe"], "probe", PROBE_LIMIT)
    out["speed"] = _number(s["speed"], "speed", *SPEED_RANGE)
    if not isinstance(s["two_layer"], bool):
        raise ValueError(f"two_layer must be true or false, got {s['two_layer']!r}")
    if s["two_layer"] and s["gate"] != "XOR":
        raise ValueError("two_layer needs the XOR gate")
    steps = s["steps"]
    if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be an integer 0..{MAX_STEPS}, got {steps!r}")
    if s["two_layer"] and steps:
        raise ValueError("steps must be 0 in two-layer mode")
    return out
