"""A safe parser for a function of x and y that a teacher types, with exact gradients.

Grammar (a Pratt parser; no ``eval``, ``exec``, ``compile`` or Python ``ast`` anywhere)::

    expression := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := ("-" | "+") unary | power
    power      := atom ("^" unary)?             # right-associative: 2^3^2 = 2^9
    atom       := number | x | y | pi | e | function "(" expression ")" | "(" expression ")"

so ``-x^2`` is −(x²) and ``2^-x`` is 2^(−x). Functions: sin cos tan exp log (natural; ``ln``
too) sqrt abs tanh sign. ``**`` is accepted for ``^``, ² and ³ for ``^2`` and ``^3``, and the
typographic − × · ÷ for - * * /. Names are case-insensitive. Texts longer than
``MAX_LENGTH`` characters or nested deeper than ``MAX_DEPTH`` are refused. Every problem
raises ``ExpressionError`` (a ``ValueError``) with a message and the 0-based character
``position`` to underline.

The parsed tree is differentiated symbolically (sum, product, quotient, power and chain
rules, with a little simplification such as 0·a = 0, 1·a = a and constant folding), so the
gradient is exact, not a finite difference. Evaluation uses numpy element-wise and
broadcasts over arrays; where the function is undefined (log or sqrt of a negative, 0/0)
the value is NaN, never an exception, and the gradient is NaN wherever the value is not
finite.
"""
from __future__ import annotations

import math

import numpy as np

MAX_LENGTH = 200
MAX_DEPTH = 30

FUNCTIONS = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
    "ln": np.log, "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sign": np.sign,
}
CONSTANTS = {"pi": math.pi, "e": math.e}
VARIABLES = ("x", "y")

_ALLOWED = "x, y, pi, e and the functions sin, cos, tan, exp, log, sqrt, abs, tanh"


class ExpressionError(ValueError):
    """A problem in the typed text: ``message`` and the 0-based character ``position``."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __repr__(self) -> str:
        return f"ExpressionError({self.message!r}, position={self.position})"


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


# --- tokens --------------------------------------------------------------------------------

_NUM, _NAME, _OP, _LPAREN, _RPAREN, _END = "number", "name", "operator", "(", ")", "end"
_SUP = "superscript"  # x² and x³ as typed or pasted: a postfix power
_DIGITS = "0123456789"
_SUPERSCRIPTS = {"²": 2.0, "³": 3.0}
_SYNONYMS = {"−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*", "÷": "/"}
_BAD_CHARS = {
    "'": "text in quotes is not allowed",
    '"': "text in quotes is not allowed",
    ".": "'.' is not allowed here (numbers look like 0.5)",
    ",": "',' is not allowed: each function takes one argument, e.g. sin(x)",
    "=": "type only the right-hand side, e.g. x^2 + y^2",
    "[": "use ( and ) for grouping",
    "]": "use ( and ) for grouping",
    "{": "use ( and ) for grouping",
    "}": "use ( and ) for grouping",
}


class _Token:
    __slots__ = ("kind", "text", "pos", "value")

    def __init__(self, kind, text, pos, value=None):
        self.kind, self.text, self.pos, self.value = kind, text, pos, value


class _Lexer:
    """Produces tokens on demand, so the first problem from the left is reported first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0

    def next(self) -> _Token:
        text, n = self.text, len(self.text)
        while self.i < n and text[self.i].isspace():
            self.i += 1
        if self.i >= n:
            return _Token(_END, "", n)
        start = self.i
        c = _SYNONYMS.get(text[start], text[start])
        if c in _DIGITS or (c == "." and start + 1 < n and text[start + 1] in _DIGITS):
            return self._number(start)
        if c.isalpha() or c == "_":
            while self.i < n and (text[self.i].isalpha() or text[self.i] in _DIGITS + "_"):
                self.i += 1
            return _Token(_NAME, text[start:self.i], start)
        self.i += 1
        if c in _SUPERSCRIPTS:
            return _Token(_SUP, c, start, _SUPERSCRIPTS[c])
        if c == "*" and self.i < n and text[self.i] == "*":
            self.i += 1
            return _Token(_OP, "**", start, "^")
        if c in "+-*/^":
            return _Token(_OP, text[start], start, c)
        if c == "(":
            return _Token(_LPAREN, c, start)
        if c == ")":
            return _Token(_RPAREN, c, start)
        raise ExpressionError(_BAD_CHARS.get(c, f"unexpected character {text[start]!r}"), start)

    def _number(self, start: int) -> _Token:
        text, n = self.text, len(self.text)
        i = start
        while i < n and text[i] in _DIGITS:
            i += 1
        if i < n and text[i] == ".":
            i += 1
            while i < n and text[i] in _DIGITS:
                i += 1
        if i < n and text[i] in "eE":  # an exponent only if digits follow: 2e3, 1.5e-4
            j = i + 1
            if j < n and text[j] in "+-":
                j += 1
            if j < n and text[j] in _DIGITS:
                while j < n and text[j] in _DIGITS:
                    j += 1
                i = j
        self.i = i
        value = float(text[start:i])  # a validated numeric literal: digits, '.', exponent
        if not math.isfinite(value):
            raise ExpressionError("this number is too large", start)
        return _Token(_NUM, text[start:i], start, value)


# --- the parser ----------------------------------------------------------------------------

_BINDING = {"+": 10, "-": 10, "*": 20, "/": 20, "^": 40}
_UNARY = 30  # binds tighter than * and /, looser than ^: -x^2 = -(x^2)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lexer = _Lexer(text)
        self.depth = 0
        self.tok = self.lexer.next()

    def advance(self) -> _Token:
        tok = self.tok
        self.tok = self.lexer.next()
        return tok

    def parse(self) -> _Node:
        node = self.expression(0)
        tok = self.tok
        if tok.kind == _RPAREN:
            raise ExpressionError("this ')' has no matching '('", tok.pos)
        if tok.kind != _END:  # pragma: no cover - the loop in expression() stops earlier
            raise ExpressionError(f"unexpected {tok.text!r}", tok.pos)
        return node

    def expression(self, rbp: int) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested too deeply (at most {MAX_DEPTH} levels)",
                                  self.tok.pos)
        left = self.prefix()
        while True:
            tok = self.tok
            if tok.kind == _OP and _BINDING[tok.value] > rbp:
                self.advance()
                bp = _BINDING[tok.value]
                # ^ is right-associative and its exponent may carry a sign: 2^-x
                right = self.expression(bp - 1 if tok.value == "^" else bp)
                left = _Bin(tok.value, left, right)
            elif tok.kind == _SUP and _BINDING["^"] > rbp:
                self.advance()
                left = _Bin("^", left, _Num(tok.value))
            elif tok.kind in (_NUM, _NAME, _LPAREN):
                raise ExpressionError(f"missing operator before {tok.text!r} "
                                      "(write * to multiply, e.g. 2*x)", tok.pos)
            else:
                break
        self.depth -= 1
        return left

    def prefix(self) -> _Node:
        tok = self.tok
        if tok.kind == _NUM:
            self.advance()
            return _Num(tok.value)
        if tok.kind == _NAME:
            return self.name(tok)
        if tok.kind == _LPAREN:
            self.advance()
            inner = self.expression(0)
            self.close(tok)
            return inner
        if tok.kind == _OP and tok.value in "+-":
            self.advance()
            arg = self.expression(_UNARY)
            return _Neg(arg) if tok.value == "-" else arg
        if tok.kind == _END:
            raise ExpressionError("the expression is incomplete: a value is missing at the end",
                                  tok.pos)
        if tok.kind == _RPAREN:
            raise ExpressionError("a value is missing before ')'", tok.pos)
        if tok.kind == _SUP:
            raise ExpressionError(f"{tok.text!r} needs a value before it", tok.pos)
        raise ExpressionError(f"{tok.text!r} needs a value before it", tok.pos)

    def name(self, tok: _Token) -> _Node:
        name = tok.text.lower()
        if name in VARIABLES:
            self.advance()
            return _Var(name)
        if name in CONSTANTS:
            self.advance()
            return _Num(CONSTANTS[name], name)
        if name in FUNCTIONS:
            self.advance()
            if self.tok.kind != _LPAREN:
                raise ExpressionError(f"write {name}(...) with parentheses, e.g. {name}(x)",
                                      self.tok.pos)
            open_tok = self.advance()
            arg = self.expression(0)
            self.close(open_tok)
            return _Call(name, arg)
        if set(name) <= set(VARIABLES):
            product = "*".join(name)
            raise ExpressionError(f"unknown name {tok.text!r}: write {product} to multiply",
                                  tok.pos)
        raise ExpressionError(f"unknown name {tok.text!r}: use {_ALLOWED}", tok.pos)

    def close(self, open_tok: _Token) -> None:
        if self.tok.kind == _RPAREN:
            self.advance()
            return
        if self.tok.kind == _END:
            raise ExpressionError("this '(' is never closed", open_tok.pos)
        raise ExpressionError(f"expected ')' but found {self.tok.text!r}",  # pragma: no cover
                              self.tok.pos)


# --- the public object ---------------------------------------------------------------------


def _inputs(x, y):
    try:
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        shape = np.broadcast_shapes(x.shape, y.shape)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"x and y must be numbers or numeric arrays of compatible shapes, "
                         f"got {x!r}, {y!r}") from exc
    return x, y, shape


def _shaped(values, shape):
    if shape == ():
        return np.float64(values)
    return np.array(np.broadcast_to(values, shape), dtype=np.float64)


class Expression:
    """A parsed function f(x, y): ``value``, exact ``gradient``, and the derivative texts."""

    def __init__(self, text: str, tree: _Node) -> None:
        self.text = text
        self._tree = tree
        self._dx = tree.diff("x")
        self._dy = tree.diff("y")

    def value(self, x, y):
        """f(x, y), broadcasting like numpy; NaN where undefined."""
        x, y, shape = _inputs(x, y)
        with np.errstate(all="ignore"):
            return _shaped(self._tree.evaluate(x, y), shape)

    def gradient(self, x, y):
        """(∂f/∂x, ∂f/∂y) from the symbolic derivatives; NaN where f is not finite."""
        return self.value_and_gradient(x, y)[1:]

    def value_and_gradient(self, x, y):
        """(f, ∂f/∂x, ∂f/∂y) in one call."""
        x, y, shape = _inputs(x, y)
        with np.errstate(all="ignore"):
            f = _shaped(self._tree.evaluate(x, y), shape)
            gx = _shaped(self._dx.evaluate(x, y), shape)
            gy = _shaped(self._dy.evaluate(x, y), shape)
        bad = ~np.isfinite(f)
        if shape == ():
            return (f, np.float64(np.nan), np.float64(np.nan)) if bad else (f, gx, gy)
        gx[bad] = np.nan
        gy[bad] = np.nan
        return f, gx, gy

    @property
    def gradient_text(self) -> tuple[str, str]:
        """The simplified derivatives as parseable text, e.g. ("2*x", "3*y^2")."""
        return str(self._dx), str(self._dy)

    def __str__(self) -> str:
        return str(self._tree)

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"


def parse(text: str) -> Expression:
    """Parse ``text`` into an ``Expression`` or raise ``ExpressionError`` (with a position)."""
    if not isinstance(text, str):
        raise ExpressionError("the expression must be text", 0)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"too long: at most {MAX_LENGTH} characters", MAX_LENGTH)
    if not text.strip():
        raise ExpressionError("type a function of x and y, e.g. x^2 + y^2", 0)
    return Expression(text, _Parser(text).parse())
