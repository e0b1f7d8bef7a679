"""A multi-layer perceptron whose training runs whole epochs in compiled code.

Layer l (l = 1 … L) turns the previous layer's outputs a_(l−1) (a_0 = x, a row per sample)
into z_l = a_(l−1) W_l + b_l and a_l = g_l(z_l); W_l is (n_in, n_out), b_l is (n_out,). The
output layer's g is tanh, linear, sigmoid, softmax or any activation; the loss is

    mse            L = (1/N) Σ_n Σ_k ½ (a − t)²      (TensorFlow Playground's ½)
    bce            L = −(1/N) Σ [t log p + (1 − t) log(1 − p)], p = σ(z)   (sigmoid output)
    cross_entropy  L = −(1/N) Σ_n Σ_k t_k log p_k,   p = softmax(z)         (softmax output)

plus λ1 Σ|W| + λ2/2 Σ W² over the weights (not the biases) when L1/L2 are set. Back-
propagation (``core._kernels.mlp``) gives every ∂L/∂W_l and ∂L/∂b_l; sigmoid + bce and
softmax + cross-entropy use the fused, stable output delta ∂L/∂z = (p − t)/N.

All weights and biases live in ONE float64 vector ``params`` ([W_1, b_1, W_2, b_2, …], each W
row-major); ``weights[l]`` and ``biases[l]`` are views into it, so editing
``model.weights[0][i, j] = v`` edits ``params`` and an optimizer can step ``params`` at once.
"""
from __future__ import annotations

import math
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from core._kernels import mlp as _k
from core._kernels.optimizers import N_HYPER
from core.activations import ACTIVATIONS
from core.losses import LOSSES
from core.optimizers import Optimizer, create

__all__ = ["INITS", "MLP", "OUTPUT_ACTIVATIONS", "one_hot", "warmup"]

#: weight initialisations: TensorFlow Playground's U[−0.5, 0.5) with biases 0.1; Glorot
#: (Xavier) uniform U(±√(6/(n_in + n_out))) and He normal N(0, 2/n_in), both with biases 0.
INITS = ("playground", "xavier", "he")
#: names accepted as the output activation.
OUTPUT_ACTIVATIONS = (*ACTIVATIONS, "softmax")
_MAX_UNITS = 4096
#: ``neuron_outputs`` splits its rows among up to this many threads (the kernel releases the
#: GIL) when every slice gets at least ``_SLICE_ROWS`` rows (handing a slice to a thread costs
#: tens of microseconds; a 100 x 100 grid of a 6 x 8 network is 1-2 ms of work).
_MAX_THREADS = 4
_SLICE_ROWS = 2048
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _executor() -> ThreadPoolExecutor:
    """The shared helper threads of ``neuron_outputs`` (made on first use)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(_MAX_THREADS - 1, thread_name_prefix="neuralab-forward")
        return _pool


def _activation_id(name, where: str) -> int:
    if name == "softmax" and where == "output":
        return _k.SOFTMAX
    if name not in ACTIVATIONS:
        known = ", ".join(OUTPUT_ACTIVATIONS if where == "output" else ACTIVATIONS)
        raise ValueError(f"unknown {where} activation {name!r}; known: {known}")
    return ACTIVATIONS[name].id


def one_hot(labels, k: int) -> np.ndarray:
    """(N, k) float64 rows with a 1 in column labels[n] (labels: integers in [0, k))."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer) and not (
            np.issubdtype(labels.dtype, np.floating) and np.all(labels == np.round(labels))):
        raise ValueError("labels must be a 1-D array of integers")
    if int(k) < 1 or labels.size and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"labels must lie in [0, {k}) for k = {k}")
    out = np.zeros((labels.shape[0], int(k)))
    out[np.arange(labels.shape[0]), labels.astype(np.int64)] = 1.0
    return out


class MLP:
    """A fully connected network, e.g. ``MLP([2, 4, 2, 1])`` (TensorFlow Playground's default).

    ``activation``: a name for every hidden layer, or one name per hidden layer;
    ``alpha``: the slope/scale of leaky_relu and elu. ``epoch`` counts the epochs trained;
    ``diverged`` is set when training met NaN/Inf (the last finite params are kept).
    """

    def __init__(self, layer_sizes, activation="tanh", output_activation="tanh", loss="mse",
                 seed=0, init="playground", alpha=0.01):
        try:
            sizes = [int(s) for s in layer_sizes]
        except (TypeError, ValueError):
            raise ValueError(f"layer_sizes must be a list of integers, got {layer_sizes!r}")\
                from None
        if len(sizes) < 2 or any(s < 1 or s > _MAX_UNITS for s in sizes) or any(
                s != float(t) for s, t in zip(sizes, layer_sizes)):
            raise ValueError(f"layer_sizes needs an input and an output size, each an integer "
                             f"in [1, {_MAX_UNITS}], got {layer_sizes!r}")
        n_hidden = len(sizes) - 2
        hidden = [activation] * n_hidden if isinstance(activation, str) else list(activation)
        if len(hidden) != n_hidden:
            raise ValueError(f"{n_hidden} hidden layers need {n_hidden} activations, "
                             f"got {len(hidden)}")
        ids = [_activation_id(a, "hidden") for a in hidden]
        ids.append(_activation_id(output_activation, "output"))
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}; known: {', '.join(LOSSES)}")
        if (output_activation == "softmax") != (loss == "cross_entropy"):
            raise ValueError("softmax output and cross_entropy loss go together "
                             f"(got output {output_activation!r} with loss {loss!r})")
        if loss == "bce" and output_activation != "sigmoid":
            raise ValueError(f"bce needs a sigmoid output (probabilities), got "
                             f"{output_activation!r}")
        if output_activation == "softmax" and sizes[-1] < 2:
            raise ValueError("a softmax output needs at least 2 units")
        if init not in INITS:
            raise ValueError(f"unknown init {init!r}; known: {', '.join(INITS)}")
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError(f"seed must be an integer >= 0, got {seed!r}")
        try:
            alpha = float(alpha)
        except (TypeError, ValueError):
            raise ValueError(f"alpha must be a number, got {alpha!r}") from None
        if not math.isfinite(alpha):
            raise ValueError(f"alpha must be finite, got {alpha!r}")

        self.layer_sizes = tuple(sizes)
        self.activations = tuple(hidden)
        self.output_activation = output_activation
        self.loss_name = loss
        self.init = init
        self.seed = int(seed)
        self.alpha = alpha
        self._net = _k.build_net(sizes, ids)
        self._loss_id = LOSSES[loss].id
        n_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
        self._params = np.zeros(n_params)
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        self.unit_slices: list[slice] = []
        pos = unit = 0
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            self.weights.append(self._params[pos:pos + n_in * n_out].reshape(n_in, n_out))
            pos += n_in * n_out
            self.biases.append(self._params[pos:pos + n_out])
            pos += n_out
            self.unit_slices.append(slice(unit, unit + n_out))
            unit += n_out
        self.n_units = unit
        self.initialize()

    # -- structure --------------------------------------------------------------------------
    @property
    def params(self) -> np.ndarray:
        """The parameter vector (edit it in place; ``set_params`` copies a new one in)."""
        return self._params

    def set_params(self, values) -> None:
        values = np.asarray(values, dtype=np.float64)
        if values.shape != self._params.shape or not np.isfinite(values).all():
            raise ValueError(f"params must be {self._params.size} finite numbers, "
                             f"got shape {values.shape}")
        self._params[:] = values

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.layer_sizes) - 1

    def initialize(self, seed=None) -> None:
        """Draw new weights (``seed`` defaults to the model's, so the same start returns)."""
        rng = np.random.default_rng(self.seed if seed is None else int(seed))
        for w, b in zip(self.weights, self.biases):
            n_in, n_out = w.shape
            if self.init == "playground":
                w[:] = rng.uniform(-0.5, 0.5, size=w.shape)
                b[:] = 0.1
            elif self.init == "xavier":
                limit = math.sqrt(6.0 / (n_in + n_out))
                w[:] = rng.uniform(-limit, limit, size=w.shape)
                b[:] = 0.0
            else:
                w[:] = rng.normal(0.0, math.sqrt(2.0 / n_in), size=w.shape)
                b[:] = 0.0
        self.epoch = 0
        self.diverged = False

    def reset_diverged(self) -> None:
        self.diverged = False

    def __repr__(self) -> str:
        hidden = ", ".join(dict.fromkeys(self.activations)) or "none"
        flag = ", diverged" if self.diverged else ""
        return (f"MLP({list(self.layer_sizes)}, activation={hidden}, "
                f"output={self.output_activation}, loss={self.loss_name}, "
                f"params={self._params.size}, epoch={self.epoch}{flag})")

    # -- input checks -------------------------------------------------------------------------
    def _check_x(self, X) -> np.ndarray:
        try:
            X = np.ascontiguousarray(X, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError("X must be an array of numbers") from None
        n_in = self.layer_sizes[0]
        if X.ndim != 2 or X.shape[1] != n_in or X.shape[0] < 1:
            raise ValueError(f"X must have shape (N, {n_in}) with N >= 1, got {X.shape}")
        if not np.isfinite(X).all():
            raise ValueError("X contains NaN or infinite values")
        return X

    def _check_xy(self, X, y):
        X = self._check_x(X)
        try:
            y = np.asarray(y, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError("y must be an array of numbers") from None
        n_out = self.layer_sizes[-1]
        if y.ndim == 1 and n_out == 1:
            y = y.reshape(-1, 1)
        if y.shape != (X.shape[0], n_out):
            raise ValueError(f"y must have shape ({X.shape[0]}, {n_out}) to match X, got "
                             f"{y.shape} (one-hot encode class labels with one_hot)")
        if not np.isfinite(y).all():
            raise ValueError("y contains NaN or infinite values")
        if self.loss_name == "bce" and ((y < 0.0) | (y > 1.0)).any():
            raise ValueError("bce targets must lie in [0, 1]")
        if self.loss_name == "cross_entropy" and ((y < 0.0).any() or not np.allclose(
                y.sum(axis=1), 1.0, rtol=0.0, atol=1e-6)):
            raise ValueError("cross_entropy targets must be probability rows (one-hot)")
        return X, np.ascontiguousarray(y)

    @staticmethod
    def _check_penalty(name, value) -> float:
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number, got {value!r}") from None
        if not (math.isfinite(v) and v >= 0.0):
            raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
        return v

    _NO_SLOTS = np.zeros((0, 0))
    _NO_HYPER = np.zeros(N_HYPER)

    def _run(self, mode, X, y, width, A=None, epochs=1, batch_size=1, shuffle=False,
             dropout=0.0, l1=0.0, l2=0.0, optimizer=None, seed=0, grad=None, losses=None,
             rows=None):
        """Call the kernel ``core._kernels.mlp.run`` with work buffers ``width`` samples wide,
        allocated here once per call (the kernel never allocates); ``A`` may be the output.
        Training batches and evaluation chunks share the buffers, so their rows are compact
        (``width`` = the batch size): rows far apart would collide in the cache.
        ``rows`` = (first, stop): the rows of X that FORWARD evaluates (default: all)."""
        n_in, n_out = self.layer_sizes[0], self.layer_sizes[-1]
        units = (self.n_units, width)
        tw = width if mode in (_k.GRADIENT, _k.TRAIN) else 0  # g'(z) and deltas: training only
        if optimizer is None:
            kind, slots, hyper, t = 0, self._NO_SLOTS, self._NO_HYPER, 0
        else:
            kind, slots, hyper, t = (optimizer.kind, optimizer.slots, optimizer.hyper_array,
                                     int(optimizer.t))
        empty = np.empty(0)
        n = X.shape[0]
        rng = np.array([(int(seed) * 2654435761 + 88172645463325252) % 2 ** 63 or 1])
        backup = np.empty((1 + slots.shape[0], self._params.size) if mode == _k.TRAIN else (0, 0))
        return _k.run(
            mode, self._params, self._net, self.alpha, self._loss_id, X, y, int(epochs),
            int(batch_size), bool(shuffle), float(dropout), float(l1), float(l2), kind, slots,
            hyper, t, rng, np.arange(n), np.empty((n_in, width)), np.empty((y.shape[1], width)),
            np.empty(units) if A is None else A, np.empty((n_out, width)),
            np.empty((self.n_units, tw)), np.empty((self.n_units, tw)),
            np.empty((tw, max(self.layer_sizes[1:]))), empty if grad is None else grad, backup,
            empty if losses is None else losses, *((0, n) if rows is None else rows))

    # -- forward ------------------------------------------------------------------------------
    def neuron_outputs(self, X, out=None) -> np.ndarray:
        """All layers' outputs side by side, (N, n_units); ``unit_slices[l]`` picks layer l.

        Pass ``out`` (N, n_units) to reuse memory; the fastest layout is the one this method
        allocates: column-major, so that each neuron's column (a heat map) is contiguous.
        A float32 ``out`` is computed in float32 throughout (``core._kernels.mlp.forward32``,
        about 1e-6 from the float64 values): for pictures, about three times as fast.
        """
        X = self._check_x(X)
        n = X.shape[0]
        if out is None:
            out = np.empty((self.n_units, n)).T
        elif (not isinstance(out, np.ndarray) or out.dtype not in (np.float64, np.float32)
              or out.shape != (n, self.n_units)):
            raise ValueError(f"out must be a float64 or float32 array of shape "
                             f"({n}, {self.n_units})")
        if out.T.flags.c_contiguous and out.flags.writeable:
            self._forward_rows(X, out.T)
        else:
            buf = np.empty((self.n_units, n), dtype=out.dtype)
            self._forward_rows(X, buf)
            out[...] = buf.T
        return out

    def _forward_rows(self, X, A) -> None:
        """A (units, N) ← every unit's output for every row of X, in A's dtype. A large X is
        cut into slices of rows, one per core, evaluated at once; each slice writes its own
        columns of A, and every column is computed exactly as in one call (same values, bit
        for bit)."""
        n = X.shape[0]
        if A.dtype == np.float32:
            with np.errstate(over="ignore"):  # beyond float32's range: ±inf, as IEEE says
                params = self._params.astype(np.float32)
            XB = np.empty((X.shape[1], n), dtype=np.float32)

            def rows(first, stop):
                _k.forward32(params, self._net, self.alpha, X, A, XB, first, stop)
        else:
            no_targets = np.empty((n, 0))

            def rows(first, stop):
                self._run(_k.FORWARD, X, no_targets, n, A=A, rows=(first, stop))
        parts = max(1, min(_MAX_THREADS, _cores(), n // _SLICE_ROWS))
        # edges on multiples of 16 columns: two slices never write one 64-byte cache line
        edges = [min(n, (n * k // parts + 15) // 16 * 16) for k in range(parts)] + [n]
        helpers = [_executor().submit(rows, edges[k], edges[k + 1]) for k in range(1, parts)]
        try:
            rows(0, edges[1])
        finally:
            for helper in helpers:
                helper.result()  # wait for every slice; a helper's exception is raised here

    def layer_outputs(self, X) -> list[np.ndarray]:
        """Every layer's post-activation outputs [(N, n_1), …, (N, n_out)] (no input)."""
        units = self.neuron_outputs(X)
        return [np.ascontiguousarray(units[:, s]) for s in self.unit_slices]

    def forward(self, X) -> np.ndarray:
        """The network's output for every row of X: (N, n_out)."""
        return np.ascontiguousarray(self.neuron_outputs(X)[:, self.unit_slices[-1]])

    predict = forward

    # -- loss and gradients ---------------------------------------------------------------------
    def penalty(self, l1=0.0, l2=0.0) -> float:
        """λ1 Σ|W| + λ2/2 Σ W² over all weights (biases excluded)."""
        l1 = self._check_penalty("l1", l1)
        l2 = self._check_penalty("l2", l2)
        return float(sum(l1 * np.abs(w).sum() + 0.5 * l2 * (w * w).sum() for w in self.weights))

    def loss(self, X, y, l1=0.0, l2=0.0) -> float:
        """Mean data loss over the rows of X, plus the L1/L2 penalty when given."""
        X, y = self._check_xy(X, y)
        data = self._run(_k.LOSS, X, y, min(X.shape[0], 256))[0]
        return float(data) + self.penalty(l1, l2)

    def gradient_vector(self, X, y, l1=0.0, l2=0.0) -> tuple[float, np.ndarray]:
        """(loss incl. penalty, ∂loss/∂params as one vector laid out like ``params``)."""
        X, y = self._check_xy(X, y)
        l1 = self._check_penalty("l1", l1)
        l2 = self._check_penalty("l2", l2)
        grad = np.empty_like(self._params)
        data, penalty = self._run(_k.GRADIENT, X, y, X.shape[0], l1=l1, l2=l2, grad=grad)[:2]
        return float(data + penalty), grad

    def _split(self, vector) -> tuple[list[np.ndarray], list[np.ndarray]]:
        dW, db, pos = [], [], 0
        for w in self.weights:
            n_in, n_out = w.shape
            dW.append(vector[pos:pos + n_in * n_out].reshape(n_in, n_out))
            pos += n_in * n_out
            db.append(vector[pos:pos + n_out])
            pos += n_out
        return dW, db

    def gradients(self, X, y, l1=0.0, l2=0.0) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(dW list, db list): ∂L/∂W_l (n_in, n_out) and ∂L/∂b_l of the mean loss over X,
        including λ1 sign(W) + λ2 W for the L1/L2 terms."""
        return self._split(self.gradient_vector(X, y, l1, l2)[1])

    def layer_gradient_norms(self, X, y) -> np.ndarray:
        """RMS of ∂L/∂W_l per layer, (n_layers,): bars that show vanishing gradients."""
        dW, _ = self.gradients(X, y)
        return np.array([math.sqrt(float(np.mean(g * g))) for g in dW])

    # -- training -----------------------------------------------------------------------------
    def train_epochs(self, X, y, epochs, batch_size, optimizer, l1=0.0, l2=0.0, dropout=0.0,
                     seed=None, shuffle=True) -> np.ndarray:
        """Train ``epochs`` epochs of mini-batches in compiled code; returns each completed
        epoch's loss: the mean over all rows of X of the data loss each row had in its
        mini-batch's forward pass, before that batch's update (as Keras reports it; with
        dropout, the thinned network's loss). Full batch: the loss at the epoch's start.

        ``batch_size`` 1 is stochastic gradient descent, N (or more) full-batch. ``optimizer``
        is a ``core.optimizers.Optimizer`` (its state and step count carry over) or a name.
        ``dropout`` p in [0, 1) zeroes each hidden unit with probability p during training
        and scales the others by 1/(1 − p). The shuffle/dropout random numbers come from
        ``seed`` (default: derived from the model's seed and epoch, so runs repeat).
        On NaN/Inf, training stops with the last finite params and ``diverged`` set.
        """
        X, y = self._check_xy(X, y)
        if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
            raise ValueError(f"epochs must be an integer >= 0, got {epochs!r}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) \
                or batch_size < 1:
            raise ValueError(f"batch_size must be an integer >= 1, got {batch_size!r}")
        l1 = self._check_penalty("l1", l1)
        l2 = self._check_penalty("l2", l2)
        try:
            dropout = float(dropout)
        except (TypeError, ValueError):
            raise ValueError(f"dropout must be a number, got {dropout!r}") from None
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout!r}")
        if isinstance(optimizer, str):
            optimizer = create(optimizer)
        if not isinstance(optimizer, Optimizer):
            raise ValueError("optimizer must be a core.optimizers.Optimizer or a name")
        if seed is None:
            seed = int(np.random.SeedSequence([self.seed, self.epoch]).generate_state(1)[0])
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not (
                0 <= seed < 2 ** 32):
            raise ValueError(f"seed must be an integer in [0, 2**32), got {seed!r}")
        optimizer.ensure_size(self._params.size)
        n = X.shape[0]
        batch_size = min(int(batch_size), n)
        losses = np.empty(int(epochs))
        _, _, done, t, diverged = self._run(
            _k.TRAIN, X, y, max(batch_size, min(n, 32)), epochs=epochs, batch_size=batch_size,
            shuffle=shuffle, dropout=dropout, l1=l1, l2=l2, optimizer=optimizer, seed=seed,
            grad=np.empty_like(self._params), losses=losses)
        optimizer.t = int(t)
        self.epoch += int(done)
        if diverged:
            self.diverged = True
        return losses[:done].copy()

    # -- copies and sessions ------------------------------------------------------------------
    def _config(self) -> dict:
        return {"layer_sizes": list(self.layer_sizes), "activation": list(self.activations),
                "output_activation": self.output_activation, "loss": self.loss_name,
                "seed": self.seed, "init": self.init, "alpha": self.alpha}

    def copy(self) -> MLP:
        """An independent copy (params, epoch and the diverged flag included)."""
        other = MLP(**self._config())
        other._params[:] = self._params
        other.epoch = self.epoch
        other.diverged = self.diverged
        return other

    def get_state(self) -> dict:
        """A JSON-safe snapshot: structure, params, epoch, diverged."""
        return {**self._config(), "params": self._params.tolist(), "epoch": int(self.epoch),
                "diverged": bool(self.diverged)}

    def set_state(self, state: dict) -> None:
        """Become the model described by ``state`` (from ``get_state``); validated first."""
        if not isinstance(state, dict):
            raise ValueError("MLP state must be a dict")
        keys = ("layer_sizes", "activation", "output_activation", "loss", "seed", "init",
                "alpha")
        missing = [k for k in (*keys, "params") if k not in state]
        if missing:
            raise ValueError(f"MLP state lacks {', '.join(missing)}")
        other = MLP(**{k: state[k] for k in keys})
        other.set_params(state["params"])
        epoch = state.get("epoch", 0)
        if isinstance(epoch, bool) or not isinstance(epoch, int) or epoch < 0:
            raise ValueError(f"MLP state: epoch must be an integer >= 0, got {epoch!r}")
        other.epoch = epoch
        other.diverged = bool(state.get("diverged", False))
        self.__dict__.update(other.__dict__)

    @classmethod
    def from_state(cls, state: dict) -> MLP:
        model = cls([1, 1], output_activation="linear")
        model.set_state(state)
        return model


def warmup() -> None:
    """Compile (or load) every MLP kernel with the dtypes and layouts the API uses."""
    model = MLP([2, 3, 2], activation="tanh", output_activation="softmax", loss="cross_entropy")
    X = np.array([[0.5, -1.0], [1.0, 0.25]])
    y = one_hot([0, 1], 2)
    model.neuron_outputs(X)
    model.neuron_outputs(X, np.empty((model.n_units, len(X)), dtype=np.float32).T)
    model.loss(X, y)
    model.gradient_vector(X, y)
    model.train_epochs(X, y, 1, 2, create("adam"))
