"""A small scalar autograd (in the spirit of micrograd) that can replay itself step by step.

``Value`` holds one number, the operation that made it and its operands (``children``).
Each operation also stores its *local gradients* ∂(this)/∂(child) when it is computed, so
``backward()`` is the chain rule applied once per edge, in reverse topological order::

    child.grad += node.local_grads[k] * node.grad

``core.autograd_replay`` turns a finished expression into the stages a lecture walks
through (``Graph``) and builds small networks from the same nodes (``network``).

Everything here is plain Python floats (no numba): a graph has tens of nodes.
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["Value", "fmt", "topological_order"]

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
