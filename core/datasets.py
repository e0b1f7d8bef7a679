"""Two-dimensional teaching data sets, generated as TensorFlow Playground does.

Every generator returns ``X`` (n, 2) -- the points (x₁, x₂) -- and ``y`` (n,), both
C-contiguous float64, drawn from ``numpy.random.default_rng(seed)`` (same seed, same data).
``noise`` is the playground's noise slider divided by 100: a number in [0, 0.5].

Classification, labels +1 / −1 (TensorFlow Playground, ``src/dataset.ts``):

    circle  half the points at radius r ~ U[0, 2.5) (inside), half at r ~ U[3.5, 5)
            (outside), angle ~ U[0, 2π). label = +1 if ‖p + ε‖ < 2.5 else −1, with
            ε ~ U(−5, 5)² · noise: noise moves the point where the label is *read*, not the
            point itself, so labels flip near the boundary.
    xor     x₁, x₂ ~ U(−5, 5), each pushed 0.3 away from its axis;
            label = +1 if (x₁ + ε₁)(x₂ + ε₂) ≥ 0 else −1, ε ~ U(−5, 5)² · noise.
    gauss   half the points ~ N((2, 2), σ²I) labelled +1, half ~ N((−2, −2), σ²I) labelled −1,
            the variance σ² = 0.5 + 7 · noise (noise 0 → 0.5, noise 0.5 → 4).
    spiral  two arms of m = n/2 points; point i of an arm: r = 5 i/m,
            t = 1.75 · 2π · i/m (+ π for the second arm), p = (r sin t, r cos t) + δ with
            δ ~ U(−1, 1)² · noise (here noise moves the point).

Regression, targets in [−1, 1]:

    plane        x₁, x₂ ~ U(−6, 6); target = (x₁ + ε₁ + x₂ + ε₂) / 10, ε ~ U(−6, 6)² · noise.
                 Clipped to [−1, 1] (the playground does not clip, so its corners reach ±1.2;
                 clipping keeps every target reachable by a tanh output).
    multi_gauss  x₁, x₂ ~ U(−6, 6); six bumps with signs s at (−4, 2.5)+, (0, 2.5)−,
                 (4, 2.5)+, (−4, −2.5)−, (0, −2.5)+, (4, −2.5)−; each gives
                 s · clip(1 − d / 2, 0, 1) at distance d from its centre; the target is the
                 value of largest magnitude, read at p + ε, ε ~ U(−6, 6)² · noise.

Beyond the playground:

    moons           two interleaved half circles (as scikit-learn's ``make_moons``): outer
                    (cos t, sin t) labelled +1, inner (1 − cos t, 0.5 − sin t) labelled −1,
                    t ~ U[0, π), plus Gaussian noise of standard deviation noise / 2 (so the
                    slider's maximum is scikit-learn's noise=0.25); then centred and scaled
                    by 3 to fill the playground's [−6, 6]² view.
    spiral_classes  k spiral arms (``k=3`` by default) as ``spiral``, arm c turned by
                    2π c / k; labels 0 … k−1 (k = 2 is the playground's spiral).
    blobs           k Gaussian blobs (``k=3``) centred on a circle of radius 4 at angles
                    π/4 + 2π c / k, variance as ``gauss``; labels 0 … k−1.

Classes are balanced: with n points and k classes each class has ⌊n/k⌋ or ⌈n/k⌉ points.
``generate`` shuffles the rows (as the playground does before splitting);
``train_test_split`` shuffles again with its own seed and puts the first ⌊n · ratio⌋ rows in
the training set. These are plain numpy (fast enough: data are made once, not per frame).
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

__all__ = ["DATASETS", "Dataset", "generate", "get", "train_test_split", "warmup"]

MAX_POINTS = 1_000_000
MAX_NOISE = 0.5


# --- the generators: (rng, n, noise, **options) -> X (n, 2), y (n,), unshuffled -----------

def _class_sizes(n: int, k: int) -> list[int]:
    """Split n points into k classes as evenly as possible (the first ones get the extra)."""
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


def _circle_label(px, py):
    return np.where(np.hypot(px, py) < 2.5, 1.0, -1.0)


def _circle(rng, n, noise):
    radius = 5.0
    parts = []
    for count, (r_min, r_max) in zip(_class_sizes(n, 2), [(0.0, 2.5), (3.5, 5.0)]):
        r = rng.uniform(r_min, r_max, count)
        angle = rng.uniform(0.0, 2.0 * math.pi, count)
        parts.append(np.column_stack([r * np.sin(angle), r * np.cos(angle)]))
    X = np.concatenate(parts)
    shift = rng.uniform(-radius, radius, (n, 2)) * noise
    return X, _circle_label(X[:, 0] + shift[:, 0], X[:, 1] + shift[:, 1])


def _xor(rng, n, noise):
    X = rng.uniform(-5.0, 5.0, (n, 2))
    X += np.where(X > 0.0, 0.3, -0.3)  # padding: keep the points off the axes
    shift = rng.uniform(-5.0, 5.0, (n, 2)) * noise
    product = (X[:, 0] + shift[:, 0]) * (X[:, 1] + shift[:, 1])
    return X, np.where(product >= 0.0, 1.0, -1.0)


def _gauss_variance(noise):
    return 0.5 + (4.0 - 0.5) * noise / MAX_NOISE


def _gauss(rng, n, noise):
    std = math.sqrt(_gauss_variance(noise))
    n_pos, n_neg = _class_sizes(n, 2)
    X = np.concatenate([rng.normal(2.0, std, (n_pos, 2)), rng.normal(-2.0, std, (n_neg, 2))])
    return X, np.concatenate([np.ones(n_pos), -np.ones(n_neg)])


def _spiral_arms(rng, n, noise, k):
    """k arms; arm c: r = 5 i/m, t = 1.75 · 2π · i/m + 2π c/k, moved by U(−1, 1)² · noise."""
    parts, labels = [], []
    for c, m in enumerate(_class_sizes(n, k)):
        frac = np.arange(m) / m
        r = 5.0 * frac
        t = 1.75 * 2.0 * math.pi * frac + 2.0 * math.pi * c / k
        p = np.column_stack([r * np.sin(t), r * np.cos(t)])
        parts.append(p + rng.uniform(-1.0, 1.0, (m, 2)) * noise)
        labels.append(np.full(m, c, dtype=np.float64))
    return np.concatenate(parts), np.concatenate(labels)


def _spiral(rng, n, noise):
    X, arm = _spiral_arms(rng, n, noise, 2)
    return X, np.where(arm == 0, 1.0, -1.0)  # arm 0 (t from 0) is +1, arm 1 (+π) is −1


def _plane_target(px, py):
    return np.clip((px + py) / 10.0, -1.0, 1.0)


#: (centre x, centre y, sign) of the multi-Gaussian bumps
_BUMPS = ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0),
          (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0))


def _multi_gauss_target(px, py):
    values = np.stack([s * np.clip(1.0 - np.hypot(px - cx, py - cy) / 2.0, 0.0, 1.0)
                       for cx, cy, s in _BUMPS], axis=-1)
    pick = np.argmax(np.abs(values), axis=-1)  # largest magnitude (first one on a tie)
    return np.take_along_axis(values, pick[..., None], axis=-1)[..., 0]


def _regression(target):
    def generate(rng, n, noise):
        X = rng.uniform(-6.0, 6.0, (n, 2))
        shift = rng.uniform(-6.0, 6.0, (n, 2)) * noise
        return X, target(X[:, 0] + shift[:, 0], X[:, 1] + shift[:, 1])
    return generate


def _moons(rng, n, noise):
    n_outer, n_inner = _class_sizes(n, 2)
    t_out = rng.uniform(0.0, math.pi, n_outer)
    t_in = rng.uniform(0.0, math.pi, n_inner)
    X = np.concatenate([np.column_stack([np.cos(t_out), np.sin(t_out)]),
                        np.column_stack([1.0 - np.cos(t_in), 0.5 - np.sin(t_in)])])
    X += rng.normal(0.0, 1.0, X.shape) * (0.5 * noise)
    X = 3.0 * (X - [0.5, 0.25])  # centre the pair and fill the playground's view
    return X, np.concatenate([np.ones(n_outer), -np.ones(n_inner)])


def _spiral_classes(rng, n, noise, k=3):
    return _spiral_arms(rng, n, noise, k)


def _blobs(rng, n, noise, k=3):
    std = math.sqrt(_gauss_variance(noise))
    parts, labels = [], []
    for c, m in enumerate(_class_sizes(n, k)):
        angle = math.pi / 4.0 + 2.0 * math.pi * c / k
        centre = 4.0 * np.array([math.cos(angle), math.sin(angle)])
        parts.append(rng.normal(0.0, std, (m, 2)) + centre)
        labels.append(np.full(m, c, dtype=np.float64))
    return np.concatenate(parts), np.concatenate(labels)


# --- the registry -----------------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    """A data set: display label, kind, number of classes, and its generator.

    ``n_classes`` is 2 for the ±1 sets, 0 for regression, and the default k for the sets
    with ``adjustable_classes`` (pass ``k=`` to ``generate``).
    """

    name: str
    label: str
    kind: str  # "classification" or "regression"
    n_classes: int
    default_n: int
    _generator: Callable = field(repr=False, compare=False)
    adjustable_classes: bool = False

    def generate(self, n=None, noise=0.0, seed=0, shuffle=True, **options):
        """(X (n, 2), y (n,)) as C-contiguous float64; see the module docstring."""
        n = self.default_n if n is None else _check_n(n)
        noise = _check_noise(noise)
        if (options and not self.adjustable_classes) or set(options) - {"k"}:
            raise ValueError(f"{self.name} takes no option(s) {sorted(options)}")
        if self.adjustable_classes:
            options["k"] = _check_k(options.get("k", self.n_classes), n)
        rng = np.random.default_rng(_check_seed(seed))
        X, y = self._generator(rng, n, noise, **options)
        if shuffle:
            order = rng.permutation(n)
            X, y = X[order], y[order]
        return np.ascontiguousarray(X, dtype=np.float64), np.ascontiguousarray(y, np.float64)

    def __repr__(self) -> str:
        return f"Dataset({self.name!r}, kind={self.kind!r}, n_classes={self.n_classes})"


_RECORDS = (
    Dataset("circle", "Circle", "classification", 2, 500, _circle),
    Dataset("xor", "Exclusive or", "classification", 2, 500, _xor),
    Dataset("gauss", "Gaussian", "classification", 2, 500, _gauss),
    Dataset("spiral", "Spiral", "classification", 2, 500, _spiral),
    Dataset("plane", "Plane", "regression", 0, 1200, _regression(_plane_target)),
    Dataset("multi_gauss", "Multi Gaussian", "regression", 0, 1200,
            _regression(_multi_gauss_target)),
    Dataset("moons", "Moons", "classification", 2, 500, _moons),
    Dataset("spiral_classes", "Spiral, k classes", "classification", 3, 500, _spiral_classes,
            adjustable_classes=True),
    Dataset("blobs", "Blobs, k classes", "classification", 3, 500, _blobs,
            adjustable_classes=True),
)

#: name -> Dataset, in menu order.
DATASETS: dict[str, Dataset] = {d.name: d for d in _RECORDS}


def get(name: str) -> Dataset:
    """The record for ``name``; ValueError listing the known names otherwise."""
    try:
        return DATASETS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}") from None


def generate(name: str, n=None, noise=0.0, seed=0, shuffle=True, **options):
    """(X (n, 2), y (n,)) of data set ``name``; ``n=None`` uses its default size."""
    return get(name).generate(n, noise, seed, shuffle, **options)


def train_test_split(X, y, train_ratio=0.5, seed=0):
    """Shuffle the rows, then (X_train, y_train, X_test, y_test), ⌊n · ratio⌋ rows to train."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim == 0 or len(X) != len(y):
        raise ValueError(f"X must be (n, d) and y must have n rows; got shapes {X.shape} and "
                         f"{y.shape}")
    if not np.isfinite(X).all():
        raise ValueError("X contains NaN or infinite values")
    ratio = float(train_ratio)
    if not 0.0 < ratio < 1.0:
        raise ValueError(f"train_ratio must be between 0 and 1 (exclusive), got {train_ratio}")
    n_train = math.floor(len(X) * ratio)
    if n_train < 1 or n_train > len(X) - 1:
        raise ValueError(f"train_ratio {ratio} of {len(X)} points leaves an empty train or "
                         "test set")
    order = np.random.default_rng(_check_seed(seed)).permutation(len(X))
    train, test = order[:n_train], order[n_train:]
    return (np.ascontiguousarray(X[train]), np.ascontiguousarray(y[train]),
            np.ascontiguousarray(X[test]), np.ascontiguousarray(y[test]))


def warmup() -> None:
    """No compiled kernels here; generating each set once warms numpy's code paths."""
    for dataset in DATASETS.values():
        dataset.generate(n=12, noise=0.1)


# --- argument checks --------------------------------------------------------------------

def _is_int(v) -> bool:
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def _check_n(n) -> int:
    if not _is_int(n) or not 2 <= n <= MAX_POINTS:
        raise ValueError(f"n must be a whole number of points from 2 to {MAX_POINTS:,}, "
                         f"got {n!r}")
    return int(n)


def _check_noise(noise) -> float:
    try:
        value = float(noise)
    except (TypeError, ValueError):
        value = math.nan
    if not 0.0 <= value <= MAX_NOISE:  # also False for NaN
        raise ValueError(f"noise must be in [0, {MAX_NOISE}] (the playground's slider / 100), "
                         f"got {noise!r}")
    return value


def _check_k(k, n) -> int:
    if not _is_int(k) or not 2 <= k <= n:
        raise ValueError(f"k (number of classes) must be a whole number from 2 to n = {n}, "
                         f"got {k!r}")
    return int(k)


def _check_seed(seed):
    if seed is not None and (not _is_int(seed) or seed < 0):
        raise ValueError(f"seed must be a non-negative whole number or None, got {seed!r}")
    return seed
