"""The expression tree behind ``core.expression``: nodes that evaluate with numpy and
differentiate themselves symbolically (sum, product, quotient, power and chain rules) with a
little simplification (0·a = 0, 1·a = a, constant folding)."""
from __future__ import annotations

import math

import numpy as np

FUNCTIONS = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
    "ln": np.log, "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sign": np.sign,
}


# --- the tree ------------------------------------------------------------------------------
# Nodes are immutable. Precedence for printing: 1 sum, 2 product, 3 negation, 4 power, 5 atom.


class _Node:
    prec = 5

    def evaluate(self, x, y):  # pragma: no cover - abstract
        raise NotImplementedError

    def diff(self, var: str) -> _Node:  # pragma: no cover - abstract
        raise NotImplementedError


class _Num(_Node):
    __slots__ = ("value", "name")

    def __init__(self, value: float, name: str | None = None) -> None:
        self.value = float(value)
        self.name = name

    @property
    def prec(self):
        return 3 if self.value < 0 and self.name is None else 5

    def evaluate(self, x, y):
        return self.value

    def diff(self, var):
        return _ZERO

    def __str__(self):
        if self.name:
            return self.name
        v = self.value
        if not math.isfinite(v):
            return str(v)  # only from folding constants such as 1/0: shown, not re-parsed
        if v == int(v) and abs(v) < 1e15:
            return str(int(v))
        return format(v, ".12g")


_ZERO = _Num(0.0)
_ONE = _Num(1.0)
_TWO = _Num(2.0)


class _Var(_Node):
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def evaluate(self, x, y):
        return x if self.name == "x" else y

    def diff(self, var):
        return _ONE if var == self.name else _ZERO

    def __str__(self):
        return self.name


class _Neg(_Node):
    __slots__ = ("arg",)
    prec = 3

    def __init__(self, arg: _Node) -> None:
        self.arg = arg

    def evaluate(self, x, y):
        return np.negative(self.arg.evaluate(x, y))

    def diff(self, var):
        return _neg(self.arg.diff(var))

    def __str__(self):
        return "-" + _wrap(self.arg, self.arg.prec < 2)


_OPS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 4}


class _Bin(_Node):
    __slots__ = ("op", "left", "right")

    def __init__(self, op: str, left: _Node, right: _Node) -> None:
        self.op, self.left, self.right = op, left, right

    @property
    def prec(self):
        return _PREC[self.op]

    def evaluate(self, x, y):
        return _OPS[self.op](self.left.evaluate(x, y), self.right.evaluate(x, y))

    def diff(self, var):
        a, b = self.left, self.right
        da, db = a.diff(var), b.diff(var)
        if self.op == "+":
            return _add(da, db)
        if self.op == "-":
            return _sub(da, db)
        if self.op == "*":
            return _add(_mul(da, b), _mul(a, db))
        if self.op == "/":
            if _is(db, 0.0):
                return _div(da, b)
            return _div(_sub(_mul(da, b), _mul(a, db)), _pow(b, _TWO))
        # a^b: constant exponent, constant base, or the general rule
        if _is(db, 0.0):
            b = _constant(b) or b
            return _mul(_mul(b, _pow(a, _sub(b, _ONE))), da)
        if _is(da, 0.0):
            return _mul(_mul(self, _call("log", a)), db)
        return _mul(self, _add(_mul(db, _call("log", a)), _div(_mul(b, da), a)))

    def __str__(self):
        p = self.prec
        left, right = self.left, self.right
        if self.op == "^":
            ls = _wrap(left, left.prec <= 4)
            rs = _wrap(right, right.prec < 4)
            return f"{ls}^{rs}"
        ls = _wrap(left, left.prec < p)
        rs = str(right)
        if right.prec < p or rs.startswith("-") or (self.op in "-/" and right.prec == p):
            rs = f"({rs})"  # a - (b + c), a/(b*c), a*(-b)
        sep = f" {self.op} " if p == 1 else self.op
        return f"{ls}{sep}{rs}"


class _Call(_Node):
    __slots__ = ("fn", "arg")

    def __init__(self, fn: str, arg: _Node) -> None:
        self.fn, self.arg = fn, arg

    def evaluate(self, x, y):
        return FUNCTIONS[self.fn](self.arg.evaluate(x, y))

    def diff(self, var):
        a = self.arg
        da = a.diff(var)
        if _is(da, 0.0):
            return _ZERO
        fn = self.fn
        if fn == "sin":
            outer = _call("cos", a)
        elif fn == "cos":
            outer = _neg(_call("sin", a))
        elif fn == "tan":
            return _div(da, _pow(_call("cos", a), _TWO))
        elif fn == "exp":
            outer = self
        elif fn in ("log", "ln"):
            return _div(da, a)
        elif fn == "sqrt":
            return _div(da, _mul(_TWO, self))
        elif fn == "abs":
            outer = _call("sign", a)
        elif fn == "tanh":
            outer = _sub(_ONE, _pow(self, _TWO))
        else:  # sign: flat wherever it is differentiable
            return _ZERO
        return _mul(outer, da)

    def __str__(self):
        return f"{self.fn}({self.arg})"


def _wrap(node: _Node, parens: bool) -> str:
    return f"({node})" if parens else str(node)


def _is(node: _Node, value: float) -> bool:
    return isinstance(node, _Num) and node.value == value


# --- simplifying constructors (used for derivatives) ---------------------------------------


def _fold(op, *values) -> _Num:
    with np.errstate(all="ignore"):
        return _Num(float(op(*values)))


def _factors(node: _Node) -> tuple[float, list[_Node]]:
    """A product as (numeric coefficient, other factors): -(2*x)*3*y -> (-6, [x, y])."""
    if isinstance(node, _Num) and node.name is None:
        return node.value, []
    if isinstance(node, _Neg):
        c, fs = _factors(node.arg)
        return -c, fs
    if isinstance(node, _Bin) and node.op == "*":
        ca, fa = _factors(node.left)
        cb, fb = _factors(node.right)
        with np.errstate(all="ignore"):
            return float(np.multiply(ca, cb)), fa + fb
    return 1.0, [node]


def _product(coefficient: float, factors: list[_Node]) -> _Node:
    if not factors:
        return _Num(coefficient)
    if coefficient == 0.0:
        return _ZERO
    node = factors[0]
    for f in factors[1:]:
        node = _Bin("*", node, f)
    if coefficient == 1.0:
        return node
    if coefficient == -1.0:
        return _Neg(node)
    return _Bin("*", _Num(coefficient), node)


def _negative(node: _Node) -> bool:
    """Whether the node prints with a leading minus (so a + b reads better as a - (-b))."""
    return _factors(node)[0] < 0.0


def _add(a, b):
    if isinstance(a, _Num) and isinstance(b, _Num):
        return _fold(np.add, a.value, b.value)
    if _is(a, 0.0):
        return b
    if _is(b, 0.0):
        return a
    if _negative(b):
        return _sub(a, _neg(b))
    return _Bin("+", a, b)


def _sub(a, b):
    if isinstance(a, _Num) and isinstance(b, _Num):
        return _fold(np.subtract, a.value, b.value)
    if _is(b, 0.0):
        return a
    if _is(a, 0.0):
        return _neg(b)
    if _negative(b):
        return _add(a, _neg(b))
    return _Bin("-", a, b)


def _mul(a, b):
    """a*b with the numeric coefficients collected in front: 2*(-x)*3 -> -6*x; 0*a -> 0."""
    if isinstance(a, _Num) and isinstance(b, _Num):
        return _fold(np.multiply, a.value, b.value)
    if _is(a, 0.0) or _is(b, 0.0):
        return _ZERO
    ca, fa = _factors(a)
    cb, fb = _factors(b)
    with np.errstate(all="ignore"):
        return _product(float(np.multiply(ca, cb)), fa + fb)


def _div(a, b):
    """a/b with numeric coefficients cancelled: 2*x/(2*s) -> x/s; 0/b -> 0."""
    if isinstance(a, _Num) and isinstance(b, _Num):
        return _fold(np.divide, a.value, b.value)
    if _is(a, 0.0):
        return _ZERO
    if _is(b, 1.0):
        return a
    ca, fa = _factors(a)
    cb, fb = _factors(b)
    if not fb and cb != 0.0 and math.isfinite(cb):  # (c*a)/d -> (c/d)*a
        with np.errstate(all="ignore"):
            return _product(float(np.divide(ca, cb)), fa)
    if fb and cb != 0.0 and math.isfinite(cb):
        with np.errstate(all="ignore"):
            c = float(np.divide(ca, cb))
        numerator = _product(c, fa)
        if isinstance(numerator, _Neg):  # -(a/b) reads better than (-a)/b
            return _neg(_Bin("/", numerator.arg, _product(1.0, fb)))
        return _Bin("/", numerator, _product(1.0, fb))
    return _Bin("/", a, b)


def _pow(a, b):
    if isinstance(a, _Num) and isinstance(b, _Num):
        return _fold(np.power, a.value, b.value)
    if _is(b, 1.0):
        return a
    if _is(b, 0.0):
        return _ONE
    return _Bin("^", a, b)


def _neg(a):
    if isinstance(a, _Num):
        return _Num(0.0 - a.value)  # 0.0 - 0.0 is +0.0, not -0.0
    if isinstance(a, _Neg):
        return a.arg
    c, fs = _factors(a)
    if c != 1.0:  # a product with a coefficient: flip its sign
        return _product(0.0 - c, fs)
    return _Neg(a)


def _constant(node: _Node) -> _Num | None:
    """The node folded to a number if it involves neither x nor y (e.g. -2, pi/2)."""
    if isinstance(node, _Num):
        return node
    if _has_variable(node):
        return None
    with np.errstate(all="ignore"):
        return _Num(float(node.evaluate(0.0, 0.0)))


def _has_variable(node: _Node) -> bool:
    if isinstance(node, _Var):
        return True
    return any(_has_variable(child) for child in _children(node))


def _children(node: _Node) -> tuple[_Node, ...]:
    if isinstance(node, _Bin):
        return node.left, node.right
    if isinstance(node, _Neg | _Call):
        return (node.arg,)
    return ()


def _call(fn, a):
    if isinstance(a, _Num):
        return _fold(FUNCTIONS[fn], a.value)
    return _Call(fn, a)
