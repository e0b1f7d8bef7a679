"""The trainer's settings and the validation of session state (Qt-free).

``Settings`` holds every choice the teacher makes (data, network, training, display);
``settings_from_dict`` validates a (possibly partial) dict over a base and raises
``ValueError`` with a clear message before anything is changed.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

import numpy as np

from desktop.tabs.trainer import data, features

MAX_LAYERS = 6
MAX_NEURONS = 8
#: epochs per second; 0 trains as many as fit in each frame's time budget
SPEEDS = (0, 10, 60, 200, 600, 2000, 6000)
#: the playground's learning rates
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
#: the playground's regularisation rates
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5)
REGULARIZATIONS = ("none", "l1", "l2")
LOSSES = ("mse", "cross_entropy")


@dataclass(frozen=True)
class Settings:
    dataset: str = "circle"
    noise: int = 0               #: percent, 0..50 (the playground's slider)
    train_ratio: int = 50        #: percent of points used for training, 10..90
    data_seed: int = 0
    batch_size: int = 10
    features: tuple = features.DEFAULT
    hidden: tuple = (4, 2)
    activations: tuple = ("tanh", "tanh")
    loss: str = "mse"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    regularization: str = "none"
    reg_rate: float = 0.0
    dropout: float = 0.0
    stop_loss: float = 0.0       #: stop when the training loss falls to this (0: never)
    stop_epochs: int = 0         #: stop after this many epochs (0: never)
    speed: int = 600             #: epochs per second (0: as fast as possible)
    init_seed: int = 0
    discretize: bool = False
    show_test: bool = False
    loss_log: bool = False       #: the loss curves on a log scale
    hidden_layer: int = -1       #: hidden layer shown in the hidden space (-1: the last)
    hidden_a: int = 0            #: its neuron on the horizontal axis
    hidden_b: int = 1            #: its neuron on the vertical axis
    add_class: int = 0           #: the class a click adds

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("features", "hidden", "activations"):
            d[k] = list(d[k])
        return d

    @property
    def l1(self) -> float:
        return self.reg_rate if self.regularization == "l1" else 0.0

    @property
    def l2(self) -> float:
        return self.reg_rate if self.regularization == "l2" else 0.0


FIELDS = tuple(f.name for f in fields(Settings))


def _int(d, key, lo, hi):
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(f"{key} must be a whole number, got {v!r}")
    if not lo <= v <= hi:
        raise ValueError(f"{key} must be between {lo} and {hi}, got {v}")
    return v


def _float(d, key, lo, hi, lo_open=False):
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValueError(f"{key} must be a finite number, got {v!r}")
    if v > hi or v < lo or (lo_open and v == lo):
        raise ValueError(f"{key} must be in {'(' if lo_open else '['}{lo}, {hi}], got {v}")
    return float(v)


def _bool(d, key):
    v = d[key]
    if not isinstance(v, bool):
        raise ValueError(f"{key} must be true or false, got {v!r}")
    return v


def _choice(d, key, options):
    v = d[key]
    if v not in options:
        raise ValueError(f"{key} must be one of {', '.join(map(str, options))}; got {v!r}")
    return v


def settings_from_dict(d: dict, base: Settings | None = None) -> Settings:
    """Validate ``d`` (any subset of the fields) and return ``base`` updated with it."""
    from core import activations, optimizers

    if not isinstance(d, dict):
        raise ValueError("settings must be a JSON object")
    unknown = sorted(set(d) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
    base = base or Settings()
    merged = {**asdict(base), **d}
    out = {}
    out["dataset"] = _choice(merged, "dataset", (*data.BY_ID, data.CUSTOM))
    out["noise"] = _int(merged, "noise", 0, 50)
    out["train_ratio"] = _int(merged, "train_ratio", 10, 90)
    out["data_seed"] = _int(merged, "data_seed", 0, 2**31 - 1)
    out["batch_size"] = _int(merged, "batch_size", 1, data.MAX_POINTS)
    feats = merged["features"]
    if not isinstance(feats, (list, tuple)) or not all(isinstance(f, str) for f in feats):
        raise ValueError("features must be a list of feature names")
    out["features"] = features.normalise(feats)
    hidden = merged["hidden"]
    if not isinstance(hidden, (list, tuple)) or len(hidden) > MAX_LAYERS:
        raise ValueError(f"hidden must be a list of at most {MAX_LAYERS} layer sizes")
    for n in hidden:
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_NEURONS:
            raise ValueError(f"each hidden layer needs 1 to {MAX_NEURONS} neurons, got {n!r}")
    out["hidden"] = tuple(hidden)
    acts = merged["activations"]
    if "hidden" in d and "activations" not in d:
        # a new architecture with the base's activation repeated
        first = base.activations[0] if base.activations else "tanh"
        acts = [first] * len(hidden)
    if not isinstance(acts, (list, tuple)) or len(acts) != len(hidden):
        raise ValueError("activations must list one activation per hidden layer")
    for a in acts:
        if a not in activations.ACTIVATIONS:
            raise ValueError(f"unknown activation {a!r}; known: "
                             f"{', '.join(activations.ACTIVATIONS)}")
    out["activations"] = tuple(acts)
    out["loss"] = _choice(merged, "loss", LOSSES)
    out["optimizer"] = _choice(merged, "optimizer", tuple(optimizers.OPTIMIZERS))
    out["learning_rate"] = _float(merged, "learning_rate", 0.0, 10.0, lo_open=True)
    out["regularization"] = _choice(merged, "regularization", REGULARIZATIONS)
    out["reg_rate"] = _float(merged, "reg_rate", 0.0, 10.0)
    out["dropout"] = _float(merged, "dropout", 0.0, 0.9)
    out["stop_loss"] = _float(merged, "stop_loss", 0.0, 100.0)
    out["stop_epochs"] = _int(merged, "stop_epochs", 0, 10**8)
    out["speed"] = _choice(merged, "speed", SPEEDS)
    out["init_seed"] = _int(merged, "init_seed", 0, 2**31 - 1)
    out["discretize"] = _bool(merged, "discretize")
    out["show_test"] = _bool(merged, "show_test")
    out["loss_log"] = _bool(merged, "loss_log")
    out["hidden_layer"] = _int(merged, "hidden_layer", -1, MAX_LAYERS - 1)
    out["hidden_a"] = _int(merged, "hidden_a", 0, MAX_NEURONS - 1)
    out["hidden_b"] = _int(merged, "hidden_b", 0, MAX_NEURONS - 1)
    out["add_class"] = _int(merged, "add_class", 0, data.MAX_CLASSES - 1)
    return replace(base, **out)


def points_from_dict(d) -> data.Points:
    """Validate {"x": [[x1, x2], ...], "y": [...], "train": [...], "kind": ...}."""
    if not isinstance(d, dict):
        raise ValueError("points must be a JSON object")
    for key in ("x", "y", "train", "kind"):
        if key not in d:
            raise ValueError(f"points lack {key!r}")
    kind = _choice(d, "kind", (data.CLASSIFICATION, data.REGRESSION))
    try:
        X = np.array(d["x"], dtype=np.float64).reshape(-1, 2) if d["x"] else np.zeros((0, 2))
        y = np.array(d["y"], dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError("points must be numbers: x as [[x1, x2], ...] and y as a list") from None
    train = d["train"]
    if not isinstance(train, list) or not all(isinstance(t, bool) for t in train):
        raise ValueError("points.train must be a list of true/false")
    if not (len(X) == len(y) == len(train)):
        raise ValueError("points.x, points.y and points.train differ in length")
    if len(X) > data.MAX_POINTS:
        raise ValueError(f"too many points ({len(X)}); at most {data.MAX_POINTS}")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("points must be finite numbers")
    if kind == data.CLASSIFICATION:
        if not np.all((y == np.round(y)) & (y >= 0) & (y < data.MAX_CLASSES)):
            raise ValueError(f"class labels must be whole numbers 0..{data.MAX_CLASSES - 1}")
        y = y.astype(np.int64)
    return data.Points(np.ascontiguousarray(X), y, np.array(train, dtype=bool), kind)


def points_to_dict(p: data.Points) -> dict:
    return {"kind": p.kind, "x": p.X.tolist(), "y": p.y.tolist(), "train": p.train.tolist()}


def float_list(v, name: str, n: int | None = None, allow_nan: bool = False) -> np.ndarray:
    """A list of numbers -> float64 array, checked for length and finiteness."""
    if not isinstance(v, list) or not all(
            isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
        raise ValueError(f"{name} must be a list of numbers")
    a = np.array(v, dtype=np.float64)
    if n is not None and a.size != n:
        raise ValueError(f"{name} must have {n} numbers, got {a.size}")
    if not allow_nan and not np.all(np.isfinite(a)):
        raise ValueError(f"{name} must be finite numbers")
    return a
