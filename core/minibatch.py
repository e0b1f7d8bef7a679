"""Batch, mini-batch and stochastic gradients of a model with two parameters (w, b).

The loss of a tiny model over its two parameters is a surface the class can look at, and it
is a *real* training loss: the contour is the full-batch loss, while a ball that follows the
gradient of a batch of k samples sees a noisy estimate of it.

* ``line_fit``: a line ``y ≈ w x + b`` through N noisy points; per-sample loss
  ``ℓ_n = ½ (w x_n + b − y_n)²`` (the ½ of ``core.losses``' mse), so
  ``∇ℓ_n = r_n (x_n, 1)`` with the residual ``r_n = w x_n + b − y_n``.
* ``sigmoid_neuron``: one sigmoid neuron ``p = σ(w x + b)`` with the binary cross-entropy
  ``ℓ_n = −[t_n log p_n + (1 − t_n) log(1 − p_n)] = log(1 + e^z) − t_n z``, so
  ``∇ℓ_n = (p_n − t_n) (x_n, 1)``.

The full-batch loss is ``L(w, b) = (1/N) Σ_n ℓ_n`` and the batch gradient of the indices B is
``g_B = (1/|B|) Σ_{n∈B} ∇ℓ_n``. Averaged over one epoch of batches that cover every sample
once, the stochastic gradients are an unbiased estimate of ``∇L``.

Batches come from :func:`batch_indices`, a pure function of the step number (a seeded shuffle
per epoch, like a data loader with ``shuffle=True, drop_last=False``), so any path can be
replayed exactly. A problem quacks like a ``core.landscapes.Landscape`` (``value``,
``gradient``, ``grid``, ``domain``, ``minima``, ``start``) so a view can draw it the same way.
"""
from __future__ import annotations

import math

import numpy as np

PROBLEM_NAMES = ("line_fit", "sigmoid_neuron")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # 0.5 (1 + tanh(z / 2)) never overflows, unlike 1 / (1 + exp(-z)).
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _epoch_order(n_samples: int, seed: int, epoch: int) -> np.ndarray:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, epoch]).permutation(n_samples)


def batch_indices(n_samples: int, batch_size: int, step: int, seed: int = 0,
                  _orders: dict | None = None) -> np.ndarray:
    """The sample indices of the batch used at ``step`` (0-based).

    An epoch is ``ceil(N / k)`` batches: a permutation of ``range(N)`` seeded by
    ``(seed, epoch)`` cut into consecutive pieces of ``k`` (the last one may be shorter).
    ``batch_size == N`` is full-batch gradient descent; ``batch_size == 1`` is stochastic.
    """
    n_samples, batch_size, step = int(n_samples), int(batch_size), int(step)
    if n_samples < 1:
        raise ValueError(f"n_samples must be at least 1, got {n_samples}")
    if not 1 <= batch_size <= n_samples:
        raise ValueError(f"batch_size must be between 1 and {n_samples}, got {batch_size}")
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if batch_size == n_samples:
        return np.arange(n_samples)
    per_epoch = math.ceil(n_samples / batch_size)
    epoch, j = divmod(step, per_epoch)
    if _orders is None:
        order = _epoch_order(n_samples, seed, epoch)
    else:  # a caller's cache of recent epochs (seeding a generator costs ~20 us)
        order = _orders.get(epoch)
        if order is None:
            if len(_orders) > 64:
                _orders.clear()
            order = _orders[epoch] = _epoch_order(n_samples, seed, epoch)
    return order[j * batch_size:(j + 1) * batch_size]


class TwoParameterProblem:
    """A model with parameters (w, b) and its data ``x`` (N,), targets ``t`` (N,).

    Subclasses define ``_sample_loss(z, t)`` and ``_dloss_dz(z, t)`` for ``z = w x + b``.
    ``value``/``gradient`` broadcast over arrays of w and b of any (equal) shape.
    """

    name = ""
    label = ""
    formula = ""
    param_names = ("w", "b")
    log_scale = False
    #: axis ranges ((w_min, w_max), (b_min, b_max)) and the conventional start (w, b).
    domain: tuple[tuple[float, float], tuple[float, float]] = ((-1.0, 1.0), (-1.0, 1.0))
    start: tuple[float, float] = (0.0, 0.0)

    def __init__(self, x: np.ndarray, t: np.ndarray, seed: int) -> None:
        self.x = np.ascontiguousarray(x, dtype=np.float64)
        self.t = np.ascontiguousarray(t, dtype=np.float64)
        self.x.setflags(write=False)
        self.t.setflags(write=False)
        self.seed = int(seed)
        self._orders: dict[int, np.ndarray] = {}
        w, b = self._solve_minimum()
        self.minima = [(float(w), float(b), float(self.value(w, b)))]

    # --- per-subclass maths --------------------------------------------------------------
    def _sample_loss(self, z: np.ndarray, t: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _dloss_dz(self, z: np.ndarray, t: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _solve_minimum(self) -> tuple[float, float]:
        raise NotImplementedError

    # --- public API ----------------------------------------------------------------------
    @property
    def n_samples(self) -> int:
        return int(self.x.size)

    def _select(self, indices) -> tuple[np.ndarray, np.ndarray]:
        if indices is None:
            return self.x, self.t
        idx = np.asarray(indices)
        if idx.ndim != 1 or idx.size == 0 or idx.dtype.kind not in "iu":
            raise ValueError("indices must be a non-empty 1-D array of sample indices")
        if idx.min() < 0 or idx.max() >= self.n_samples:
            raise ValueError(f"indices must lie in [0, {self.n_samples - 1}]")
        return self.x[idx], self.t[idx]

    def value(self, w, b, indices=None):
        """Mean loss over the batch ``indices`` (all samples when None). Broadcasts."""
        x, t = self._select(indices)
        w = np.asarray(w, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        z = w[..., None] * x + b[..., None]
        out = self._sample_loss(z, t).mean(axis=-1)
        return float(out) if out.ndim == 0 else out

    def gradient(self, w, b, indices=None):
        """(dL/dw, dL/db) of the mean loss over the batch ``indices``. Broadcasts."""
        x, t = self._select(indices)
        w = np.asarray(w, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        d = self._dloss_dz(w[..., None] * x + b[..., None], t)
        gw, gb = (d * x).mean(axis=-1), d.mean(axis=-1)
        if gw.ndim == 0:
            return float(gw), float(gb)
        return gw, gb

    def sample_gradients(self, w: float, b: float) -> np.ndarray:
        """(N, 2) per-sample gradients ∇ℓ_n at one point (w, b)."""
        d = self._dloss_dz(float(w) * self.x + float(b), self.t)
        return np.stack([d * self.x, d], axis=1)

    def predict(self, w: float, b: float, x) -> np.ndarray:
        """The model's output for inputs ``x`` (the line, or the neuron's probability)."""
        return float(w) * np.asarray(x, dtype=np.float64) + float(b)

    def grid(self, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ws (n,), bs (n,), Z (n, n)) with ``Z[i, j] = L(ws[j], bs[i])`` (row-major)."""
        n = int(n)
        if n < 2:
            raise ValueError(f"grid size must be at least 2, got {n}")
        (w0, w1), (b0, b1) = self.domain
        ws = np.linspace(w0, w1, n)
        bs = np.linspace(b0, b1, n)
        Z = np.empty((n, n))
        rows = max(1, 200_000 // (n * self.n_samples))  # bound the temporary (rows, n, N)
        for i in range(0, n, rows):
            W, B = np.meshgrid(ws, bs[i:i + rows])
            Z[i:i + rows] = self.value(W, B)
        return ws, bs, Z

    def batch_indices(self, batch_size: int, step: int) -> np.ndarray:
        """The batch used at ``step`` for batches of ``batch_size`` (see module function)."""
        return batch_indices(self.n_samples, batch_size, step, self.seed, self._orders)

    def __repr__(self) -> str:
        w, b, f = self.minima[0]
        return (f"{type(self).__name__}(name={self.name!r}, n_samples={self.n_samples}, "
                f"seed={self.seed}, minimum=(w={w:.4g}, b={b:.4g}, L={f:.4g}))")


class LineFit(TwoParameterProblem):
    """y ≈ w x + b on N points ``y = 2 x − 1 + noise`` with x ~ U(0, 2).

    x is not centred, so w and b are correlated and the valley is tilted and elongated.
    """

    name = "line_fit"
    label = "Line fit y = w x + b"
    formula = "L(w, b) = (1/N) Σ ½ (w xₙ + b − yₙ)²"
    domain = ((-1.0, 5.0), (-4.0, 2.0))
    start = (-0.5, 1.5)

    def __init__(self, n: int = 50, noise: float = 0.4, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        x = rng.uniform(0.0, 2.0, n)
        y = 2.0 * x - 1.0 + noise * rng.standard_normal(n)
        super().__init__(x, y, seed)

    def _sample_loss(self, z, t):
        return 0.5 * (z - t) ** 2

    def _dloss_dz(self, z, t):
        return z - t

    def _solve_minimum(self):
        # Least squares: the normal equations of the mean ½ r² (the ½ does not move it).
        A = np.stack([self.x, np.ones_like(self.x)], axis=1)
        (w, b), *_ = np.linalg.lstsq(A, self.t, rcond=None)
        return w, b


class SigmoidNeuron(TwoParameterProblem):
    """p = σ(w x + b) with cross-entropy on two overlapping classes.

    Class 0 at x ~ N(0, 1.2²), class 1 at x ~ N(2, 1.2²): the classes overlap, so the minimum
    is finite (the true log-odds are 1.4 x − 1.4; 50 samples with seed 0 put the minimum near
    w = 2.6, b = −2.9).
    """

    name = "sigmoid_neuron"
    label = "Sigmoid neuron, cross-entropy"
    formula = "L(w, b) = −(1/N) Σ [tₙ log σ(w xₙ + b) + (1 − tₙ) log(1 − σ(w xₙ + b))]"
    domain = ((-2.0, 6.0), (-7.0, 3.0))
    start = (-1.0, 2.0)

    def __init__(self, n: int = 50, noise: float = 1.2, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        t = np.zeros(n)
        t[n // 2:] = 1.0
        x = 2.0 * t + noise * rng.standard_normal(n)
        super().__init__(x, t, seed)

    def _sample_loss(self, z, t):
        return np.logaddexp(0.0, z) - t * z

    def _dloss_dz(self, z, t):
        return _sigmoid(z) - t

    def predict(self, w, b, x):
        return _sigmoid(super().predict(w, b, x))

    def _solve_minimum(self):
        # Newton's method on the convex cross-entropy (Hessian (1/N) Σ p(1−p) [x 1]ᵀ[x 1]).
        A = np.stack([self.x, np.ones_like(self.x)], axis=1)
        p = np.zeros(2)
        for _ in range(50):
            prob = _sigmoid(A @ p)
            grad = A.T @ (prob - self.t) / self.x.size
            hess = (A * (prob * (1 - prob))[:, None]).T @ A / self.x.size
            delta = np.linalg.solve(hess + 1e-12 * np.eye(2), grad)
            p -= delta
            if np.max(np.abs(delta)) < 1e-13:
                break
        return p[0], p[1]


def make_problem(name: str, n: int = 50, seed: int = 0) -> TwoParameterProblem:
    """A problem by name (``PROBLEM_NAMES``) with ``n`` samples generated from ``seed``."""
    if name not in PROBLEM_NAMES:
        raise ValueError(f"unknown problem {name!r}; known: {', '.join(PROBLEM_NAMES)}")
    n = int(n)
    if not 2 <= n <= 10_000:
        raise ValueError(f"the number of samples must be between 2 and 10000, got {n}")
    cls = LineFit if name == "line_fit" else SigmoidNeuron
    return cls(n=n, seed=seed)
