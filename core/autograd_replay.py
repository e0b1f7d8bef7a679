"""Replaying a finished ``core.autograd`` expression stage by stage, as a lecture does.

``Graph`` records an expression in topological order and turns it into the sequence of
*stages*: each forward node evaluation, then each backward product of an upstream gradient
and a local gradient, with the arithmetic written out
(``"∂f/∂x = ∂f/∂q · ∂q/∂x = −4 · 1 = −4"``). ``network`` builds a small fully connected
network on one training example from the same nodes (weights laid out as in ``core.mlp``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core.autograd import (
    _BRACKET_FIRST,
    _EXPR,
    _FUNCTION_OPS,
    _SUPERSCRIPT,
    Value,
    fmt,
    topological_order,
)


# --- replaying a graph ----------------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    """One step of a lecture's walk through a graph.

    ``kind``: "start" (only the inputs are known), "forward" (``node`` is evaluated), "seed"
    (∂out/∂out = 1), "backward" (the gradient flows from ``node`` into its operand ``child``
    in operand position ``slot``), "done" (every input's gradient is known).
    ``lines``: the arithmetic, ready to show. ``value``: the forward value, or the gradient
    contribution upstream · local of a backward stage.
    """

    kind: str
    node: int = -1
    child: int = -1
    slot: int = -1
    lines: tuple[str, ...] = ()
    value: float = math.nan


@dataclass
class Snapshot:
    """What is known after a stage: node values, each edge's gradient contribution
    (keyed by (child, node, slot)), the gradients accumulated so far on the nodes."""

    stage: Stage
    values: set[int] = field(default_factory=set)
    edge_grads: dict[tuple[int, int, int], float] = field(default_factory=dict)
    node_grads: dict[int, float] = field(default_factory=dict)


class Graph:
    """A finished expression in topological order, its gradients and its replay stages.

    ``nodes[i]`` (leaves first, ``output`` last), ``names[i]`` (the label, a constant's value,
    or "n<i>"), ``parents[i]``: list of (parent index, slot), ``needs_grad[i]``: whether a
    lesson follows the gradient into node i, ``stages``: the lecture's sequence.
    """

    def __init__(self, output: Value) -> None:
        if not isinstance(output, Value):
            raise ValueError("Graph needs the output Value of an expression")
        self.output = output
        self.nodes = topological_order(output)
        self.index = {id(v): i for i, v in enumerate(self.nodes)}
        n = len(self.nodes)
        self.names = [self._name(i, v) for i, v in enumerate(self.nodes)]
        self.children = [[self.index[id(c)] for c in v.children] for v in self.nodes]
        self.parents: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for i, kids in enumerate(self.children):
            for slot, c in enumerate(kids):
                self.parents[c].append((i, slot))
        self.needs_grad = [v.requires_grad and not v.constant for v in self.nodes]
        output.backward()
        self.stages = self._make_stages()

    def __repr__(self) -> str:
        return (f"Graph(output={self.names[-1]!r}, nodes={len(self.nodes)}, "
                f"stages={len(self.stages)})")

    # --- names and text -------------------------------------------------------------------
    def _name(self, i: int, v: Value) -> str:
        if v.label:
            return v.label
        if v.constant:
            return fmt(v.data)
        return f"n{i}"

    @property
    def leaves(self) -> list[int]:
        return [i for i, v in enumerate(self.nodes) if not v.children]

    def is_leaf(self, i: int) -> bool:
        return not self.nodes[i].children

    def _operand(self, c: int, numeric: bool, op: str, slot: int) -> str:
        """An operand as written inside an expression; negative numbers get brackets."""
        v = self.nodes[c]
        text = fmt(v.data) if numeric else self.names[c]
        negative = text.startswith("−")
        bracket = (op in _BRACKET_FIRST or slot > 0) and op not in _FUNCTION_OPS
        return f"({text})" if negative and bracket else text

    def expression(self, i: int, numeric: bool = False) -> str:
        """Node i's operation written with its operands' names (or values)."""
        v = self.nodes[i]
        ops = [self._operand(c, numeric, v.op, s) for s, c in enumerate(self.children[i])]
        if v.op == "**":
            n = v.exponent
            if n == -1.0:
                return f"1/{ops[0]}"
            if n.is_integer() and abs(n) < 10:
                return ops[0] + str(int(n)).translate(_SUPERSCRIPT)
            return f"{ops[0]}^{fmt(n)}"
        return _EXPR[v.op].format(*ops)

    def local_formula(self, i: int, slot: int) -> str:
        """∂node/∂operand written symbolically (e.g. "z" for q·z, "f(1 − f)" for σ)."""
        v = self.nodes[i]
        kids = self.children[i]
        name = self.names
        a = name[kids[0]]
        b = name[kids[1]] if len(kids) > 1 else ""
        op = v.op
        if op == "+":
            return "1"
        if op == "-":
            return "1" if slot == 0 else "−1"
        if op == "*":
            return b if slot == 0 else a
        if op == "/":
            return f"1/{b}" if slot == 0 else f"−{a}/{b}²"
        if op == "neg":
            return "−1"
        if op == "**":
            n = v.exponent
            if n == -1.0:
                return f"−1/{a}²"
            if n.is_integer() and abs(n) < 10:
                return f"{fmt(n)}{a}" + (str(int(n - 1)).translate(_SUPERSCRIPT) if n != 2 else "")
            return f"{fmt(n)}·{a}^{fmt(n - 1)}"
        if op == "exp":
            return f"exp({a})"
        if op == "log":
            return f"1/{a}"
        if op == "sigmoid":
            return f"{name[i]}(1 − {name[i]})"
        if op == "tanh":
            return f"1 − {name[i]}²"
        if op == "relu":
            return f"[{a} > 0]"
        if op == "max":
            return f"[{a} ≥ {b}]" if slot == 0 else f"[{b} > {a}]"
        if op == "square":
            return f"2{a}"
        if op == "sqerr":
            return f"{a} − {b}" if slot == 0 else f"{b} − {a}"
        raise ValueError(f"unknown op {op!r}")

    def partial(self, top: int, bottom: int) -> str:
        return f"∂{self.names[top]}/∂{self.names[bottom]}"

    # --- stages ---------------------------------------------------------------------------
    def _make_stages(self) -> list[Stage]:
        out = len(self.nodes) - 1
        stages = [Stage("start", lines=tuple(
            f"{self.names[i]} = {fmt(self.nodes[i].data)}" for i in self.leaves
            if not self.nodes[i].constant))]
        for i, v in enumerate(self.nodes):
            if v.children:
                sym, num = self.expression(i), self.expression(i, numeric=True)
                parts = [self.names[i], sym] + ([num] if num != sym else []) + [fmt(v.data)]
                stages.append(Stage("forward", node=i, lines=(" = ".join(parts),),
                                    value=v.data))
        stages.append(Stage("seed", node=out, lines=(f"{self.partial(out, out)} = 1",),
                            value=1.0))
        partial_sum = {out: 1.0}
        for i in reversed(range(len(self.nodes))):
            v = self.nodes[i]
            for slot, c in enumerate(self.children[i]):
                if not self.needs_grad[c]:
                    continue
                contrib = v.local_grads[slot] * v.grad
                before = partial_sum.get(c)
                partial_sum[c] = (before or 0.0) + contrib
                lines = self._backward_lines(i, c, slot, before, partial_sum[c])
                stages.append(Stage("backward", node=i, child=c, slot=slot, lines=lines,
                                    value=contrib))
        stages.append(Stage("done", node=out, lines=tuple(
            f"{self.partial(out, i)} = {fmt(self.nodes[i].grad)}" for i in self.leaves
            if self.needs_grad[i])))
        return stages

    def _backward_lines(self, i: int, c: int, slot: int, before, total: float) -> tuple:
        out = len(self.nodes) - 1
        v = self.nodes[i]
        local = v.local_grads[slot]
        sym = self.local_formula(i, slot)
        local_line = self.partial(i, c) + " = " + (
            fmt(local) if sym == fmt(local) else f"{sym} = {fmt(local)}")
        if i == out and before is None:
            return (local_line,)
        up = self.partial(out, i)
        prod = f"{fmt(v.grad)} · {_bracket(fmt(local))}"
        if before is None:
            line = (f"{self.partial(out, c)} = {up} · {self.partial(i, c)} = {prod} = "
                    f"{fmt(total)}")
        else:
            line = (f"{self.partial(out, c)} = {fmt(before)} + {up} · {self.partial(i, c)} = "
                    f"{fmt(before)} + {prod} = {fmt(total)}")
        lines = [local_line, line]
        chain = self._chain_line(c) if before is None and self.is_leaf(c) else ""
        if chain:
            lines.append(chain)
        return tuple(lines)

    def _chain_line(self, c: int) -> str:
        """The whole chain rule for a leaf reached by a single path of 3 or 4 edges."""
        out = len(self.nodes) - 1
        path = [c]
        while path[-1] != out:
            ps = self.parents[path[-1]]
            if len(ps) != 1:
                return ""
            path.append(ps[0][0])
        if not 4 <= len(path) <= 5:
            return ""
        path.reverse()  # out ... c
        factors, numbers = [], []
        for top, bottom in zip(path, path[1:]):
            factors.append(self.partial(top, bottom))
            slot = self.children[top].index(bottom)
            numbers.append(_bracket(fmt(self.nodes[top].local_grads[slot])))
        return (f"{self.partial(out, c)} = " + " · ".join(factors) + " = "
                + " · ".join(numbers) + f" = {fmt(self.nodes[c].grad)}")

    def snapshot(self, k: int) -> Snapshot:
        """What the class has seen after stage ``k`` (0 <= k < len(stages))."""
        if not 0 <= k < len(self.stages):
            raise ValueError(f"stage {k} is out of range 0..{len(self.stages) - 1}")
        snap = Snapshot(self.stages[k], values=set(self.leaves))
        for stage in self.stages[1:k + 1]:
            if stage.kind == "forward":
                snap.values.add(stage.node)
            elif stage.kind == "seed":
                snap.node_grads[stage.node] = 1.0
            elif stage.kind == "backward":
                snap.edge_grads[(stage.child, stage.node, stage.slot)] = stage.value
                snap.node_grads[stage.child] = snap.node_grads.get(stage.child, 0.0) + stage.value
        return snap


def _bracket(text: str) -> str:
    return f"({text})" if text.startswith("−") else text


# --- a small network on one example ---------------------------------------------------------
@dataclass
class NetworkGraph:
    """A fully connected network on one example, built from ``Value`` nodes.

    ``weights[l][i][j]`` is the weight from unit i of layer l to unit j of layer l + 1
    (``core.mlp``'s (n_in, n_out) layout); ``biases[l][j]``; ``pre[l][j]`` = z (net input) and
    ``post[l][j]`` = g(z) for layer l + 1 (the same node when g is linear); ``loss`` =
    Σ_k ½ (ŷ_k − y_k)² (core.losses' "mse" for one row). Gradients are filled in.
    """

    sizes: tuple[int, ...]
    x: list[Value]
    y: list[Value]
    weights: list[list[list[Value]]]
    biases: list[list[Value]]
    pre: list[list[Value]]
    post: list[list[Value]]
    loss: Value
    activations: tuple[str, ...]

    def weight_values(self) -> list[np.ndarray]:
        return [np.array([[w.data for w in row] for row in layer]) for layer in self.weights]

    def bias_values(self) -> list[np.ndarray]:
        return [np.array([b.data for b in layer]) for layer in self.biases]

    def weight_gradients(self) -> list[np.ndarray]:
        """∂J/∂W per layer, each (n_in, n_out)."""
        return [np.array([[w.grad for w in row] for row in layer]) for layer in self.weights]

    def bias_gradients(self) -> list[np.ndarray]:
        return [np.array([b.grad for b in layer]) for layer in self.biases]

    def deltas(self) -> list[np.ndarray]:
        """δ = ∂J/∂z per layer (the net inputs' gradients)."""
        return [np.array([z.grad for z in layer]) for layer in self.pre]

    def derivative(self, layer: int, j: int) -> float:
        """g′(z) of unit j of layer ``layer`` (1 for a linear unit)."""
        a, z = self.post[layer][j], self.pre[layer][j]
        return 1.0 if a is z else a.local_grads[0]

    def __repr__(self) -> str:
        return f"NetworkGraph(sizes={list(self.sizes)}, loss={self.loss.data:.6g})"


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def network(weights, biases, x, y, activation: str = "sigmoid",
            output_activation: str = "sigmoid") -> NetworkGraph:
    """Build and differentiate a network on one example.

    weights: list of (n_in, n_out) arrays; biases: list of (n_out,) arrays; x: (n_0,);
    y: (n_L,) targets. Hidden units use ``activation``, the output ``output_activation``
    (linear, sigmoid, tanh or relu). Names follow the worked examples: inputs x₁.., hidden
    outputs h₁.., outputs ŷ (ŷ₁, ŷ₂..), targets y (y₁..); weights w₁.. numbered by the unit
    they feed, then by source unit; units (and their z, δ, b) numbered 1.. across layers.
    """
    ws = [np.asarray(w, dtype=float) for w in weights]
    bs = [np.asarray(b, dtype=float).reshape(-1) for b in biases]
    xv = np.asarray(x, dtype=float).reshape(-1)
    yv = np.asarray(y, dtype=float).reshape(-1)
    if not ws or len(ws) != len(bs):
        raise ValueError("need one bias vector per weight matrix (at least one layer)")
    sizes = [xv.size]
    for w, b in zip(ws, bs):
        if w.ndim != 2 or w.shape[0] != sizes[-1] or b.shape != (w.shape[1],):
            raise ValueError(f"layer shapes do not chain: W {w.shape}, b {b.shape}, "
                             f"previous layer has {sizes[-1]} units")
        sizes.append(w.shape[1])
    if yv.size != sizes[-1]:
        raise ValueError(f"{yv.size} targets for {sizes[-1]} outputs")
    for arr, what in ((xv, "x"), (yv, "y"), *((w, "weights") for w in ws),
                      *((b, "biases") for b in bs)):
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{what} must be finite")
    acts = [activation] * (len(ws) - 1) + [output_activation]
    n_out = sizes[-1]
    xs = [Value(v, f"x{_sub(i + 1)}", requires_grad=False) for i, v in enumerate(xv)]
    ys = [Value(v, "y" if n_out == 1 else f"y{_sub(k + 1)}", requires_grad=False)
          for k, v in enumerate(yv)]
    layer_in = xs
    W, B, Z, A = [], [], [], []
    wn, unit = 0, 0
    for layer, (w, b) in enumerate(zip(ws, bs)):
        n_in, n_o = w.shape
        wl = [[None] * n_o for _ in range(n_in)]
        bl, zl, al = [], [], []
        last = layer == len(ws) - 1
        for j in range(n_o):
            unit += 1
            z = None
            for i in range(n_in):
                wn += 1
                wl[i][j] = Value(w[i, j], f"w{_sub(wn)}")
                term = wl[i][j] * layer_in[i]
                z = term if z is None else z + term
            bl.append(Value(b[j], f"b{_sub(unit)}"))
            z = (z + bl[j]).named(f"z{_sub(unit)}")
            a = z.activation(acts[layer])
            if a is not z:
                if last:
                    a.named("ŷ" if n_out == 1 else f"ŷ{_sub(j + 1)}")
                else:
                    a.named(f"h{_sub(j + 1)}")
            zl.append(z)
            al.append(a)
        W.append(wl)
        B.append(bl)
        Z.append(zl)
        A.append(al)
        layer_in = al
    terms = [a.squared_error(t) for a, t in zip(A[-1], ys)]
    loss = terms[0]
    for t in terms[1:]:
        loss = loss + t
    loss.named("J")
    loss.backward()
    return NetworkGraph(tuple(sizes), xs, ys, W, B, Z, A, loss, tuple(acts))
