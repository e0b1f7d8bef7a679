""""Why non-linear": the same small network with linear vs non-linear hidden activations.

Both networks see the same two-class data (labels ±1, TensorFlow Playground's convention)
and are trained by core (``MLP.train_epochs``) with the same optimizer settings (Adam,
full batch: one smooth step per epoch, a pace a class can follow at one epoch a frame). With only
linear hidden layers the whole network is tanh(one affine map of x): its decision boundary
is a straight line, however deep it is. Qt-free, so the tests can drive it directly.
"""
from __future__ import annotations

import numpy as np

from core import datasets, optimizers
from desktop.tabs.activations.state import NL_ACTIVATIONS, NL_DATASETS

#: hidden layers of both networks (2 inputs, 1 tanh output).
HIDDEN = (8, 8)
N_POINTS = 300
GRID = 80
EXTENT = 6.0
LEARNING_RATE = 0.01
BATCH = N_POINTS  # full batch: one smooth step per epoch, a pace the class can follow
SEED = 1
MAX_HISTORY = 200


def available_datasets() -> list[str]:
    """The demo's datasets (two classes no straight line separates) that core provides."""
    return [name for name in NL_DATASETS if name in datasets.DATASETS]


class NonlinearDemo:
    """Two MLPs ``nets["linear"]`` and ``nets["nonlinear"]`` on one dataset.

    ``train(epochs)`` trains both; ``grid_outputs(kind)`` is the (GRID, GRID) output map
    over [-6, 6]^2 (row-major: row i is y = ys[i]); ``history`` allows stepping back.
    """

    def __init__(self, dataset: str = "circle", activation: str = "tanh") -> None:
        if dataset not in available_datasets():
            raise ValueError(f"unknown dataset {dataset!r}; choose one of "
                             f"{', '.join(available_datasets())}")
        if activation not in NL_ACTIVATIONS:
            raise ValueError(f"unknown non-linear activation {activation!r}; choose one of "
                             f"{', '.join(NL_ACTIVATIONS)}")
        self.dataset = dataset
        self.activation = activation
        X, labels = datasets.generate(dataset, n=N_POINTS, noise=0.0, seed=SEED)
        self.X = np.ascontiguousarray(X, dtype=float)
        self.labels = np.where(np.asarray(labels) > 0, 1.0, -1.0)
        self.Y = self.labels[:, None].copy()
        self.xs = np.linspace(-EXTENT, EXTENT, GRID)
        gx, gy = np.meshgrid(self.xs, self.xs)
        self.grid_points = np.column_stack([gx.ravel(), gy.ravel()])
        self.history: list[dict] = []
        self.losses = {"linear": [], "nonlinear": []}
        self.nets = {}
        self.optimizers = {}
        self._build()

    def _build(self) -> None:
        from core import mlp  # the heaviest core module: imported when first needed

        sizes = [2, *HIDDEN, 1]
        for kind, activation in (("linear", "linear"), ("nonlinear", self.activation)):
            self.nets[kind] = mlp.MLP(sizes, activation=activation, output_activation="tanh",
                                      loss="mse", seed=SEED)
            self.optimizers[kind] = optimizers.create("adam", learning_rate=LEARNING_RATE)
        self.losses = {k: [self.nets[k].loss(self.X, self.Y)] for k in self.nets}
        self.history.clear()

    def __repr__(self) -> str:
        return (f"NonlinearDemo({self.dataset!r}, activation={self.activation!r}, "
                f"epoch={self.epoch})")

    @property
    def epoch(self) -> int:
        return int(self.nets["nonlinear"].epoch)

    # --- training ---------------------------------------------------------------------
    def snapshot(self) -> None:
        """Remember the current weights and optimizer states (for ``step_back``)."""
        self.history.append({
            "nets": {k: net.copy() for k, net in self.nets.items()},
            "optimizers": {k: opt.copy() for k, opt in self.optimizers.items()},
            "losses": {k: len(v) for k, v in self.losses.items()},
        })
        del self.history[:-MAX_HISTORY]

    def restore(self) -> bool:
        """Go back to the last snapshot; False when there is none."""
        if not self.history:
            return False
        snap = self.history.pop()
        self.nets = snap["nets"]
        self.optimizers = snap["optimizers"]
        for k, n in snap["losses"].items():
            del self.losses[k][n:]
        return True

    def train(self, epochs: int) -> None:
        """Train both networks ``epochs`` whole epochs (full batch, Adam, η = 0.01)."""
        for kind, net in self.nets.items():
            out = net.train_epochs(self.X, self.Y, epochs, BATCH, self.optimizers[kind])
            self.losses[kind].extend(float(v) for v in out)
            if getattr(net, "diverged", False):
                net.reset_diverged()

    def reset(self) -> None:
        self._build()

    # --- read-outs --------------------------------------------------------------------
    def loss(self, kind: str) -> float:
        return self.losses[kind][-1]

    def predictions(self, kind: str, X: np.ndarray | None = None) -> np.ndarray:
        """Network output in [-1, 1] for each row of X (the training points by default)."""
        X = self.X if X is None else X
        return self.nets[kind].predict(X)[:, 0]

    def accuracy(self, kind: str) -> float:
        """Fraction of training points on the right side of the boundary (output sign)."""
        return float(np.mean(np.sign(self.predictions(kind)) == self.labels))

    def grid_outputs(self, kind: str) -> np.ndarray:
        """(GRID, GRID) float32 outputs over [-6, 6]^2, row-major (rows are y)."""
        out = self.predictions(kind, self.grid_points)
        return out.reshape(GRID, GRID).astype(np.float32)
