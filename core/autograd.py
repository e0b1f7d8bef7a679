"""A small scalar autograd (in the spirit of micrograd) that can replay itself step by step.

``Value`` holds one number, the operation that made it and its operands (``children``).
Each operation also stores its *local gradients* ∂(this)/∂(child) when it is computed, so
``backward()`` is the chain rule applied once per edge, in reverse topological order::

    child.grad += node.local_grads[k] * node.grad

``Graph`` records a finished expression in topological order and turns it into the
sequence of *stages* a lecture walks through: each forward node evaluation, then each
backward product of an upstream gradient and a local gradient, with the arithmetic written
out (``"∂f/∂x = ∂f/∂q · ∂q/∂x = −4 · 1 = −4"``). ``network`` builds a small fully connected
network on one training example from the same nodes (weights laid out as in ``core.mlp``).

Everything here is plain Python floats (no numba): a graph has tens of nodes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Graph", "NetworkGraph", "Snapshot", "Stage", "Value", "fmt", "network",
           "topological_order"]

#: op -> how a forward expression is written; {0}, {1} are the operands, {n} the exponent.
_EXPR = {
    "+": "{0} + {1}", "-": "{0} − {1}", "*": "{0} · {1}", "/": "{0} / {1}", "neg": "−{0}",
    "exp": "exp({0})", "log": "ln({0})", "sigmoid": "σ({0})", "tanh": "tanh({0})",
    "relu": "ReLU({0})", "max": "max({0}, {1})", "square": "{0}²", "sqerr": "½({0} − {1})²",
}
#: ops whose first operand needs brackets when it is a negative number ((−3)²).
_BRACKET_FIRST = {"square", "sqerr", "**", "neg"}
_FUNCTION_OPS = {"exp", "log", "sigmoid", "tanh", "relu", "max"}
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def fmt(x: float, digits: int = 3) -> str:
    """A number as a class reads it: ``digits`` significant digits, no trailing zeros,
    a true minus sign (−4, 0.731, 0.00247, 12, 1.2e−05)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0.0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    if mag < -4 or mag >= 6:
        text = f"{x:.{max(0, digits - 1)}e}"
        mant, exp = text.split("e")
        if "." in mant:
            mant = mant.rstrip("0").rstrip(".")
        text = f"{mant}e{int(exp)}"
    else:
        decimals = min(max(0, digits - 1 - mag), 6)
        text = f"{x:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", "0"):
            text = "0"
    return text.replace("-", "−")


def _check_number(x, what: str = "value") -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise ValueError(f"{what} must be a real number, got {type(x).__name__}")
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"{what} must be finite, got {x}")
    return x


def _exp(x: float) -> float:
    return math.exp(x) if x < 709.0 else math.inf


def _sigmoid(x: float) -> float:
    """Numerically stable 1 / (1 + e^−x) (the same branches as the compiled kernel)."""
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class Value:
    """One scalar in a computation: ``data``, ``grad`` (∂output/∂this after ``backward``),
    the ``op`` that produced it ("" for a leaf), its operands ``children`` and the local
    gradients ∂this/∂child in ``local_grads`` (same order as ``children``).

    ``requires_grad=False`` marks data (inputs, targets) whose gradient a lesson skips;
    numbers mixed into an expression become ``constant`` leaves.
    """

    __slots__ = ("data", "grad", "label", "op", "children", "local_grads", "requires_grad",
                 "constant", "exponent")

    def __init__(self, data, label: str = "", op: str = "", requires_grad: bool = True):
        self.data = _check_number(data)
        self.grad = 0.0
        self.label = str(label)
        self.op = str(op)
        self.children: tuple[Value, ...] = ()
        self.local_grads: tuple[float, ...] = ()
        self.requires_grad = bool(requires_grad)
        self.constant = False
        self.exponent = 0.0

    # --- construction -----------------------------------------------------------------
    @classmethod
    def _node(cls, data: float, op: str, children: tuple, local_grads: tuple) -> Value:
        v = cls.__new__(cls)
        v.data = float(data)
        v.grad = 0.0
        v.label = ""
        v.op = op
        v.children = children
        v.local_grads = tuple(float(g) for g in local_grads)
        v.requires_grad = any(c.requires_grad for c in children)
        v.constant = False
        v.exponent = 0.0
        return v

    @staticmethod
    def _wrap(other) -> Value:
        if isinstance(other, Value):
            return other
        v = Value(_check_number(other, "operand"), requires_grad=False)
        v.constant = True
        return v

    def named(self, label: str) -> Value:
        """Give this node a name (shown on screen); returns self for chaining."""
        self.label = str(label)
        return self

    # --- operations -------------------------------------------------------------------
    def __add__(self, other) -> Value:
        other = self._wrap(other)
        return Value._node(self.data + other.data, "+", (self, other), (1.0, 1.0))

    def __radd__(self, other) -> Value:
        return self._wrap(other) + self

    def __sub__(self, other) -> Value:
        other = self._wrap(other)
        return Value._node(self.data - other.data, "-", (self, other), (1.0, -1.0))

    def __rsub__(self, other) -> Value:
        return self._wrap(other) - self

    def __mul__(self, other) -> Value:
        other = self._wrap(other)
        return Value._node(self.data * other.data, "*", (self, other), (other.data, self.data))

    def __rmul__(self, other) -> Value:
        return self._wrap(other) * self

    def __truediv__(self, other) -> Value:
        other = self._wrap(other)
        if other.data == 0.0:
            raise ValueError("division by zero in the graph")
        b = other.data
        return Value._node(self.data / b, "/", (self, other), (1.0 / b, -self.data / (b * b)))

    def __rtruediv__(self, other) -> Value:
        return self._wrap(other) / self

    def __neg__(self) -> Value:
        return Value._node(-self.data, "neg", (self,), (-1.0,))

    def __pow__(self, n) -> Value:
        n = _check_number(n, "exponent")
        a = self.data
        if a == 0.0 and n < 0:
            raise ValueError("0 to a negative power in the graph")
        if a < 0.0 and not n.is_integer():
            raise ValueError(f"negative base {a} to a non-integer power {n}")
        v = Value._node(a ** n, "**", (self,), (n * a ** (n - 1.0) if n != 0 else 0.0,))
        v.exponent = n
        return v

    def exp(self) -> Value:
        e = _exp(self.data)
        return Value._node(e, "exp", (self,), (e,))

    def log(self) -> Value:
        if self.data <= 0.0:
            raise ValueError(f"log needs a positive input, got {self.data}")
        return Value._node(math.log(self.data), "log", (self,), (1.0 / self.data,))

    def sigmoid(self) -> Value:
        s = _sigmoid(self.data)
        return Value._node(s, "sigmoid", (self,), (s * (1.0 - s),))

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return Value._node(t, "tanh", (self,), (1.0 - t * t,))

    def relu(self) -> Value:
        a = self.data
        return Value._node(a if a > 0.0 else 0.0, "relu", (self,), (1.0 if a > 0.0 else 0.0,))

    def max(self, other) -> Value:
        """max(self, other); the gradient is routed to the larger operand (the first on a tie)."""
        other = self._wrap(other)
        first = self.data >= other.data
        return Value._node(self.data if first else other.data, "max", (self, other),
                           (1.0, 0.0) if first else (0.0, 1.0))

    def square(self) -> Value:
        return Value._node(self.data * self.data, "square", (self,), (2.0 * self.data,))

    def squared_error(self, target) -> Value:
        """½ (self − target)², the squared-error loss of one output (core.losses' "mse")."""
        target = self._wrap(target)
        e = self.data - target.data
        return Value._node(0.5 * e * e, "sqerr", (self, target), (e, -e))

    def activation(self, name: str) -> Value:
        """g(self) for name in "linear", "sigmoid", "tanh", "relu" (linear returns self)."""
        if name == "linear":
            return self
        if name in ("sigmoid", "tanh", "relu"):
            return getattr(self, name)()
        raise ValueError(f"unknown activation {name!r}; choose linear, sigmoid, tanh or relu")

    # --- backward -----------------------------------------------------------------------
    def topological_order(self) -> list[Value]:
        """Every node this value depends on, each after its children (leaves first)."""
        return topological_order(self)

    def backward(self) -> None:
        """Set ``grad`` = ∂self/∂node on every node of the graph (previous grads are zeroed)."""
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for child, local in zip(node.children, node.local_grads):
                child.grad += local * node.grad

    def __repr__(self) -> str:
        name = f", label={self.label!r}" if self.label else ""
        op = f", op={self.op!r}" if self.op else ""
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g}{name}{op})"


def topological_order(root: Value) -> list[Value]:
    """Nodes reachable from ``root``, children before parents, ``root`` last (iterative DFS,
    children visited in operand order so the order is deterministic)."""
    order: list[Value] = []
    seen: set[int] = set()
    stack: list[tuple[Value, int]] = [(root, 0)]
    while stack:
        node, k = stack.pop()
        if k == 0:
            if id(node) in seen:
                continue
            seen.add(id(node))
        if k < len(node.children):
            stack.append((node, k + 1))
            child = node.children[k]
            if id(child) not in seen:
                stack.append((child, 0))
        else:
            order.append(node)
    return order


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
