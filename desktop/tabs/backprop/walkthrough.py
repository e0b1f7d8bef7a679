"""Backpropagation through a small network on one example, stage by stage, iteration by
iteration (Qt-free; the numbers come from ``core.autograd.network``).

One iteration is: start -> forward pass unit by unit -> loss -> for each layer from the
output back: the deltas δ = ∂J/∂z, then each unit's weight gradients ∂J/∂w = δ · input ->
the updates w ← w − η ∂J/∂w, layer by layer. The next iteration starts from the updated
weights, so its loss stage shows the loss going down.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.autograd import fmt
from core.autograd_replay import NetworkGraph, network

#: iterations a walkthrough may run (Play stops there).
MAX_ITERATIONS = 500

_G_NAME = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}


@dataclass(frozen=True)
class NetStage:
    """kind: "start", "forward", "loss", "delta", "grads" or "update"; ``layer`` indexes
    the weight layers (0 = into the first hidden layer); ``unit`` the unit in that layer."""

    kind: str
    layer: int = -1
    unit: int = -1


def stage_plan(sizes: tuple[int, ...]) -> list[NetStage]:
    """The stages of one iteration for a network of these layer sizes."""
    n_layers = len(sizes) - 1
    plan = [NetStage("start")]
    for layer in range(n_layers):
        plan += [NetStage("forward", layer, j) for j in range(sizes[layer + 1])]
    plan.append(NetStage("loss"))
    for layer in reversed(range(n_layers)):
        plan += [NetStage("delta", layer, j) for j in range(sizes[layer + 1])]
        plan += [NetStage("grads", layer, j) for j in range(sizes[layer + 1])]
    plan += [NetStage("update", layer) for layer in reversed(range(n_layers))]
    return plan


def split_inputs(sizes, values: dict[str, float]):
    """The tab's flat inputs {"x1", "y"/"y1", "w1".., "b1"..} -> (x, y, weights, biases) in
    core.mlp's layout (weights numbered by the unit they feed, then by source unit)."""
    x = np.array([values[f"x{i + 1}"] for i in range(sizes[0])])
    n_out = sizes[-1]
    y = np.array([values["y"]] if n_out == 1 else
                 [values[f"y{k + 1}"] for k in range(n_out)])
    weights, biases = [], []
    wn = unit = 0
    for n_in, n_o in zip(sizes, sizes[1:]):
        w = np.empty((n_in, n_o))
        b = np.empty(n_o)
        for j in range(n_o):
            unit += 1
            for i in range(n_in):
                wn += 1
                w[i, j] = values[f"w{wn}"]
            b[j] = values[f"b{unit}"]
        weights.append(w)
        biases.append(b)
    return x, y, weights, biases


class Walkthrough:
    """Iterations of gradient descent on one example, computed lazily and kept, so stepping
    back is exact. ``graph(it)`` is the network with iteration ``it``'s weights (values and
    gradients filled in)."""

    def __init__(self, sizes, values: dict[str, float], learning_rate: float,
                 activation: str, output_activation: str) -> None:
        self.sizes = tuple(sizes)
        self.learning_rate = float(learning_rate)
        self.activation = activation
        self.output_activation = output_activation
        self.x, self.y, w, b = split_inputs(self.sizes, values)
        self.plan = stage_plan(self.sizes)
        self._graphs: list[NetworkGraph] = [self._build(w, b)]

    def __repr__(self) -> str:
        return (f"Walkthrough(sizes={list(self.sizes)}, eta={self.learning_rate}, "
                f"iterations={len(self._graphs)})")

    @property
    def per_iteration(self) -> int:
        return len(self.plan)

    @property
    def stage_count(self) -> int:
        return self.per_iteration * MAX_ITERATIONS

    def _build(self, weights, biases) -> NetworkGraph:
        return network(weights, biases, self.x, self.y, self.activation, self.output_activation)

    def graph(self, iteration: int) -> NetworkGraph:
        iteration = max(0, min(int(iteration), MAX_ITERATIONS))
        while len(self._graphs) <= iteration:
            self._graphs.append(self._build(*self.updated(len(self._graphs) - 1)))
        return self._graphs[iteration]

    def updated(self, iteration: int):
        """(weights, biases) after iteration's update: p − η ∂J/∂p."""
        g = self.graph(iteration)
        eta = self.learning_rate
        weights = [w - eta * dw for w, dw in zip(g.weight_values(), g.weight_gradients())]
        biases = [b - eta * db for b, db in zip(g.bias_values(), g.bias_gradients())]
        return weights, biases

    def losses(self, upto: int) -> np.ndarray:
        """Loss of iterations 0..upto (inclusive)."""
        return np.array([self.graph(i).loss.data for i in range(max(0, upto) + 1)])

    def locate(self, position: int) -> tuple[int, int]:
        """Flat stage position -> (iteration, stage within the iteration)."""
        return divmod(int(position), self.per_iteration)

    # --- names ------------------------------------------------------------------------
    def unit_name(self, layer: int, j: int) -> str:
        """Name of unit j of layer ``layer`` (-1: the inputs; weight layers from 0)."""
        g = self.graph(0)
        if layer < 0:
            return g.x[j].label
        if layer == len(self.sizes) - 2:
            return "ŷ" if self.sizes[-1] == 1 else f"ŷ{_sub(j + 1)}"
        return g.post[layer][j].label

    def unit_number(self, layer: int, j: int) -> int:
        return sum(self.sizes[1:layer + 1]) + j + 1

    def g_name(self, layer: int) -> str:
        act = self.output_activation if layer == len(self.sizes) - 2 else self.activation
        return _G_NAME.get(act, "")

    # --- the text of each stage ---------------------------------------------------------
    def lines(self, position: int) -> tuple[str, ...]:
        it, s = self.locate(position)
        stage = self.plan[s]
        g = self.graph(it)
        return getattr(self, f"_lines_{stage.kind}")(g, stage)

    def _lines_start(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        xs = ", ".join(f"{v.label} = {fmt(v.data)}" for v in g.x)
        ys = ", ".join(f"{v.label} = {fmt(v.data)}" for v in g.y)
        return (f"{xs};  {ys};  η = {fmt(self.learning_rate)}",)

    def _inputs_of(self, g: NetworkGraph, layer: int):
        return g.x if layer == 0 else g.post[layer - 1]

    def _lines_forward(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        layer, j = stage.layer, stage.unit
        ins = self._inputs_of(g, layer)
        names = [self.unit_name(layer - 1, i) for i in range(len(ins))]
        ws = [g.weights[layer][i][j] for i in range(len(ins))]
        b = g.biases[layer][j]
        z = g.pre[layer][j]
        sym = " + ".join(f"{w.label}·{n}" for w, n in zip(ws, names)) + f" + {b.label}"
        num = " + ".join(f"{_br(w.data)}·{_br(a.data)}" for w, a in zip(ws, ins))
        num += f" + {_br(b.data)}"
        lines = [f"{z.label} = {sym}", f"{z.label} = {num} = {fmt(z.data)}"]
        a = g.post[layer][j]
        name = self.unit_name(layer, j)
        gn = self.g_name(layer)
        if gn:
            lines.append(f"{name} = {gn}({z.label}) = {gn}({fmt(z.data)}) = {fmt(a.data)}")
        else:
            lines.append(f"{name} = {z.label} = {fmt(a.data)}")
        return tuple(lines)

    def _loss_terms(self, numeric: bool, g: NetworkGraph) -> str:
        k_out = self.sizes[-1]
        last = len(self.sizes) - 2
        terms = []
        for k in range(k_out):
            if numeric:
                terms.append(f"½({fmt(g.post[last][k].data)} − {_br(g.y[k].data)})²")
            else:
                terms.append(f"½({self.unit_name(last, k)} − {g.y[k].label})²")
        return " + ".join(terms)

    def _lines_loss(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        return (f"J = {self._loss_terms(False, g)}",
                f"J = {self._loss_terms(True, g)} = {fmt(g.loss.data, 4)}")

    def _lines_delta(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        layer, j = stage.layer, stage.unit
        u = self.unit_number(layer, j)
        z = g.pre[layer][j]
        a = g.post[layer][j]
        name = self.unit_name(layer, j)
        d = f"δ{_sub(u)}"
        gn = self.g_name(layer)
        deriv = g.derivative(layer, j)
        dg = {"σ": f"{name}(1 − {name})", "tanh": f"1 − {name}²", "ReLU": f"[{z.label} > 0]"}
        g_line = f"{gn}′({z.label}) = {dg[gn]} = {fmt(deriv)}" if gn else ""
        if layer == len(self.sizes) - 2:
            y = g.y[j]
            up = f"∂J/∂{name} = {name} − {y.label} = {fmt(a.data)} − {_br(y.data)}" \
                 f" = {fmt(a.grad)}"
        else:
            nxt = range(self.sizes[layer + 2])
            terms = [(g.weights[layer + 1][j][k], self.unit_number(layer + 1, k), k)
                     for k in nxt]
            sym = " + ".join(f"{w.label}·δ{_sub(n)}" for w, n, _k in terms)
            num = " + ".join(f"{_br(w.data)}·{_br(g.pre[layer + 1][k].grad)}"
                             for w, _n, k in terms)
            up = f"∂J/∂{name} = {sym} = {num} = {fmt(a.grad)}"
        if gn:
            return (f"{d} = ∂J/∂{z.label} = ∂J/∂{name} · {gn}′({z.label})", up, g_line,
                    f"{d} = {fmt(a.grad)} · {_br(deriv)} = {fmt(z.grad)}")
        return (f"{d} = ∂J/∂{z.label} = ∂J/∂{name}", up, f"{d} = {fmt(z.grad)}")

    def _lines_grads(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        layer, j = stage.layer, stage.unit
        u = self.unit_number(layer, j)
        d = f"δ{_sub(u)}"
        z = g.pre[layer][j]
        ins = self._inputs_of(g, layer)
        lines = []
        for i, a in enumerate(ins):
            w = g.weights[layer][i][j]
            lines.append(f"∂J/∂{w.label} = {d} · {self.unit_name(layer - 1, i)} = "
                         f"{fmt(z.grad)} · {_br(a.data)} = {fmt(w.grad)}")
        b = g.biases[layer][j]
        lines.append(f"∂J/∂{b.label} = {d} = {fmt(b.grad)}")
        return tuple(lines)

    def _lines_update(self, g: NetworkGraph, stage: NetStage) -> tuple[str, ...]:
        eta = fmt(self.learning_rate)
        layer = stage.layer
        params = [w for j in range(self.sizes[layer + 1]) for w in
                  [*(row[j] for row in g.weights[layer]), g.biases[layer][j]]]
        lines = [f"w ← w − η · ∂J/∂w,  η = {eta}"]
        for p in params:
            new = p.data - self.learning_rate * p.grad
            lines.append(f"{p.label} ← {fmt(p.data)} − {eta} · {_br(p.grad)} = "
                         f"{fmt_change(p.data, new)}")
        return tuple(lines)


def fmt_change(old: float, new: float) -> str:
    """``new`` with enough digits (3 to 6) that a small change from ``old`` still shows."""
    digits = 3
    while digits < 6 and new != old and fmt(new, digits) == fmt(old, digits):
        digits += 1
    return fmt(new, digits)


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _br(x: float) -> str:
    text = fmt(x)
    return f"({text})" if text.startswith("−") else text
