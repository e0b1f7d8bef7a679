"""The graphs the backpropagation tab can show, with the lectures' values.

Each ``GraphDef`` names its inputs (key, label on screen, lecture value, and whether it is
data rather than something learned) and a ``build(values, activation)`` that returns the
output ``Value`` of the expression (kind "graph"), or the layer sizes of a small network
walked through iteration by iteration (kind "network"). Everything numeric comes from
``core.autograd``; this module only says which expression to build.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.autograd import Value


@dataclass(frozen=True)
class InputDef:
    key: str
    label: str
    default: float
    #: data (inputs x, targets y): the lesson does not follow gradients into it.
    data: bool = False


@dataclass(frozen=True)
class GraphDef:
    id: str
    formula: str
    #: one line on what this graph shows (English; translated in the "BackpropModel" context).
    note: str
    inputs: tuple[InputDef, ...]
    kind: str = "graph"
    build: Callable[[dict, str], Value] | None = None
    sizes: tuple[int, ...] = ()
    #: which activation choices apply: () none, ("hidden",) or ("hidden", "output").
    activations: tuple[str, ...] = ()
    activation: str = "sigmoid"
    output_activation: str = "sigmoid"
    learning_rate: float = 0.5

    def defaults(self) -> dict[str, float]:
        return {i.key: i.default for i in self.inputs}

    def input(self, key: str) -> InputDef:
        for i in self.inputs:
            if i.key == key:
                return i
        raise KeyError(key)


def _leaves(defn_inputs, values) -> dict[str, Value]:
    return {i.key: Value(values[i.key], i.label, requires_grad=not i.data) for i in defn_inputs}


def _chain(values, _act):
    v = _leaves(CHAIN_INPUTS, values)
    q = (v["x"] + v["y"]).named("q")
    return (q * v["z"]).named("f")


def _gates(values, _act):
    v = _leaves(GATES_INPUTS, values)
    p = (v["x"] * v["y"]).named("p")
    m = v["z"].max(v["w"]).named("m")
    s = (p + m).named("s")
    return (s * 2).named("f")


def _fork(values, _act):
    v = _leaves(FORK_INPUTS, values)
    p = (v["x"] * v["y"]).named("p")
    s = v["x"].square().named("s")
    return (p + s).named("f")


def _neuron_z(values):
    v = _leaves(NEURON_INPUTS, values)
    u0 = (v["w0"] * v["x0"]).named("u₀")
    u1 = (v["w1"] * v["x1"]).named("u₁")
    s = (u0 + u1).named("s")
    return (s + v["w2"]).named("z")


def _neuron(values, _act):
    return _neuron_z(values).sigmoid().named("f")


def _neuron_exp(values, _act):
    z = _neuron_z(values)
    m = (z * -1).named("m")
    e = m.exp().named("e")
    d = (e + 1).named("d")
    return (d ** -1).named("f")


def _square(values, _act):
    v = _leaves(SQUARE_INPUTS, values)
    u = (v["w"] * v["x"]).named("u")
    y_hat = (u + v["b"]).named("ŷ")
    e = (y_hat - v["y"]).named("e")
    return e.square().named("J")


def _tiny(values, act):
    v = _leaves(TINY_INPUTS, values)
    z1 = (v["w1"] * v["x"]).named("z₁")
    a1 = z1.activation(act).named("a₁")
    y_hat = (v["w2"] * a1).named("ŷ")
    return y_hat.squared_error(v["y"]).named("J")


CHAIN_INPUTS = (InputDef("x", "x", -2.0), InputDef("y", "y", 5.0), InputDef("z", "z", -4.0))
GATES_INPUTS = (InputDef("x", "x", 3.0), InputDef("y", "y", -4.0), InputDef("z", "z", 2.0),
                InputDef("w", "w", -1.0))
FORK_INPUTS = (InputDef("x", "x", 3.0), InputDef("y", "y", -2.0))
NEURON_INPUTS = (InputDef("w0", "w₀", 2.0), InputDef("x0", "x₀", -1.0),
                 InputDef("w1", "w₁", -3.0), InputDef("x1", "x₁", -2.0),
                 InputDef("w2", "w₂", -3.0))
SQUARE_INPUTS = (InputDef("w", "w", 0.5), InputDef("x", "x", 2.0, data=True),
                 InputDef("b", "b", 0.3), InputDef("y", "y", 2.0, data=True))
TINY_INPUTS = (InputDef("x", "x", 2.0, data=True), InputDef("w1", "w₁", 0.5),
               InputDef("w2", "w₂", 1.5), InputDef("y", "y", 0.5, data=True))


def _net_inputs(x, y, w, b) -> tuple[InputDef, ...]:
    sub = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    out = [InputDef(f"x{i + 1}", f"x{i + 1}".translate(sub), v, True) for i, v in enumerate(x)]
    if len(y) == 1:
        out.append(InputDef("y", "y", y[0], True))
    else:
        out += [InputDef(f"y{k + 1}", f"y{k + 1}".translate(sub), v, True)
                for k, v in enumerate(y)]
    out += [InputDef(f"w{n + 1}", f"w{n + 1}".translate(sub), v) for n, v in enumerate(w)]
    out += [InputDef(f"b{n + 1}", f"b{n + 1}".translate(sub), v) for n, v in enumerate(b)]
    return tuple(out)


GRAPHS: dict[str, GraphDef] = {g.id: g for g in (
    GraphDef("chain", "f(x, y, z) = (x + y) · z",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "The chain rule: q = x + y, then f = q · z."),
             CHAIN_INPUTS, build=_chain),
    GraphDef("gates", "f = 2 · (x · y + max(z, w))",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "Add distributes the gradient, multiply swaps the inputs, "
                               "max routes the gradient to the larger input."),
             GATES_INPUTS, build=_gates),
    GraphDef("fork", "f = x · y + x²",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "x is used twice: the gradients of both branches add up."),
             FORK_INPUTS, build=_fork),
    GraphDef("neuron", "f = σ(w₀x₀ + w₁x₁ + w₂)",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "A sigmoid neuron: the sigmoid's local gradient is f(1 − f)."),
             NEURON_INPUTS, build=_neuron),
    GraphDef("neuron_exp", "f = 1 / (1 + exp(−(w₀x₀ + w₁x₁ + w₂)))",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "The same neuron with the sigmoid taken apart into ×(−1), exp, "
                               "+1 and 1/x: the gradients are the same."),
             NEURON_INPUTS, build=_neuron_exp),
    GraphDef("square", "J = (w · x + b − y)²",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "The squared error of a linear unit on one example."),
             SQUARE_INPUTS, build=_square),
    GraphDef("tiny", "x → w₁ → z₁ → g → w₂ → ŷ → J = ½(ŷ − y)²",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "One input, one hidden neuron, one output: ∂J/∂w₂ and ∂J/∂w₁ "
                               "term by term."),
             TINY_INPUTS, build=_tiny, activations=("hidden",)),
    GraphDef("net221", "2-2-1: ŷ = σ(W₂ σ(W₁ x + b₁) + b₂),  J = ½(ŷ − y)²",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "Forward values, the loss, the deltas layer by layer, each "
                               "weight's gradient, then the update w ← w − η ∂J/∂w."),
             _net_inputs((1.0, 0.0), (1.0,), (0.5, -0.4, 0.3, 0.8, 0.7, -0.6),
                         (0.1, -0.2, 0.2)),
             kind="network", sizes=(2, 2, 1), activations=("hidden", "output")),
    GraphDef("net222", "2-2-2: ŷ = σ(W₂ σ(W₁ x + b₁) + b₂),  J = Σ ½(ŷₖ − yₖ)²",
             QT_TRANSLATE_NOOP("BackpropModel",
                               "The classic worked example (M. Mazur): J = 0.298 at the start, "
                               "∂J/∂w₅ = 0.0822, and w₅ becomes 0.359."),
             _net_inputs((0.05, 0.10), (0.01, 0.99),
                         (0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55),
                         (0.35, 0.35, 0.60, 0.60)),
             kind="network", sizes=(2, 2, 2), activations=("hidden", "output")),
)}

#: activations a lesson can pick (core.autograd.Value.activation).
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "linear")
ACTIVATION_LABELS = {"sigmoid": "σ (sigmoid)", "tanh": "tanh", "relu": "ReLU",
                     "linear": QT_TRANSLATE_NOOP("BackpropModel", "linear")}
