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

from core._symbolic import (  # noqa: F401 (re-exported for tests)
    FUNCTIONS,
    _Bin,
    _Call,
    _Neg,
    _Node,
    _Num,
    _Var,
)

MAX_LENGTH = 200
MAX_DEPTH = 30

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
