"""What the views show about the network, computed from core's forward pass (Qt-free).

* ``grid_points``: the sample points of a heat map over [-e, e]^2, row-major with y
  ascending (row i is y_i, column j is x_j), as pyqtgraph's row-major images expect.
* ``hidden_space``: the input plane's grid pushed through the network to one hidden layer
  (ConvNetJS' view): the class sees the network bend the plane until the classes separate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.tabs.trainer import features

GRID_N = 100  #: output heat map resolution (the playground's 100 x 100)
EXTENT = 6.0  #: the input plane is [-EXTENT, EXTENT]^2
HIDDEN_GRID_N = 41  #: ConvNetJS draws a 41 x 41 mesh


def grid_points(n: int, extent: float) -> np.ndarray:
    """(n * n, 2) points: row i * n + j is (x_j, y_i), x and y from -extent to extent at
    the centres of n equal cells."""
    step = 2.0 * extent / n
    v = -extent + step * (np.arange(n) + 0.5)
    xx, yy = np.meshgrid(v, v)
    return np.ascontiguousarray(np.column_stack((xx.ravel(), yy.ravel())))


def mesh_points(n: int, extent: float) -> np.ndarray:
    """(n * n, 2) mesh vertices including the edges of [-extent, extent]^2."""
    v = np.linspace(-extent, extent, n)
    xx, yy = np.meshgrid(v, v)
    return np.ascontiguousarray(np.column_stack((xx.ravel(), yy.ravel())))


@dataclass
class HiddenSpace:
    layer: int           #: hidden layer index, 0-based
    a: int               #: neuron on the horizontal axis
    b: int               #: neuron on the vertical axis (== a when the layer has one neuron)
    n_units: int
    mesh: np.ndarray     #: (n, n, 2) the warped input grid
    points: np.ndarray   #: (N, 2) every data point in the hidden space
    line: tuple | None   #: (w_a, w_b, bias) of the output's decision line, when it is one


def hidden_space(mlp, feature_names, X_features: np.ndarray, layer: int, a: int, b: int,
                 extent: float, n: int = HIDDEN_GRID_N) -> HiddenSpace:
    """Push the mesh and the points (their feature rows ``X_features``) through ``mlp`` and
    read neurons ``a`` and ``b`` of hidden layer ``layer`` (-1: the last)."""
    n_hidden = len(mlp.weights) - 1
    if n_hidden < 1:
        raise ValueError("the network has no hidden layer")
    layer = layer % n_hidden
    mesh_f = features.feature_matrix(mesh_points(n, extent), feature_names)
    X = np.ascontiguousarray(np.vstack((mesh_f, X_features)))
    H = mlp.layer_outputs(X)[layer]
    units = H.shape[1]
    a = min(a, units - 1)
    b = min(b, units - 1)
    ha = H[:, a]
    hb = H[:, b] if units > 1 else np.zeros_like(ha)
    xy = np.column_stack((ha, hb))
    line = None
    out_w = mlp.weights[-1]
    if layer == n_hidden - 1 and units == 2 and out_w.shape[1] == 1:
        # The output unit is g(w_a h_a + w_b h_b + c): its 0 / 0.5 boundary is this line.
        line = (float(out_w[a, 0]), float(out_w[b, 0]), float(mlp.biases[-1][0]))
    return HiddenSpace(layer, a, b if units > 1 else a, units,
                       xy[:n * n].reshape(n, n, 2), xy[n * n:], line)
