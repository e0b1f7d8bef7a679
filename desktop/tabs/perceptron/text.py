"""Numbers and arithmetic as the class reads them: real minus signs, no float noise.

Only formatting lives here; every value comes from core (an ``Update`` record, ``net``,
``output``, the two-layer network's perceptrons).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from desktop.theme import RIGHT, WRONG

MINUS = "−"
NBSP = "\u00a0"


def _trim(text: str, keep_one: bool) -> str:
    if "." in text:
        text = text.rstrip("0")
        text = text + "0" if keep_one and text.endswith(".") else text.rstrip(".")
    if text in ("-0", "-0.0"):
        text = text[1:]
    return text.replace("-", MINUS)


def fw(value: float) -> str:
    """A weight, bias or learning rate: at least one decimal, at most three (1.0, 0.25)."""
    return _trim(f"{value:.3f}", keep_one=True)


def fx(value: float) -> str:
    """An input or target: an integer where it is one (0, 1, −1), else up to 2 decimals."""
    return _trim(f"{value:.2f}", keep_one=False)


def fy(value: float, activation: str) -> str:
    """An output y: 0 / 1 for the step, a probability for the sigmoid (0.00247, 0.731)."""
    if activation == "step":
        return fx(value)
    if 0.0 < value < 0.01 or 0.99 < value < 1.0:
        digits = 2 - int(math.floor(math.log10(min(value, 1.0 - value))))
        text = f"{value:.{digits}f}"
        return text.replace("-", MINUS)
    return _trim(f"{value:.3f}", keep_one=True)


def fz(value: float) -> str:
    """A net input z: up to three decimals, at least one."""
    return fw(value)


def paren(text: str) -> str:
    """Negative numbers in brackets inside products: 3.0·(−1)."""
    return f"({text})" if text.startswith(MINUS) else text


def g_name(activation: str) -> str:
    return "step" if activation == "step" else "σ"


def colour(text: str, col: str, bold: bool = False) -> str:
    inner = f"<b>{text}</b>" if bold else text
    return f'<span style="color:{col}">{inner}</span>'


def keep(text: str) -> str:
    """``text`` with no-break spaces: a line never wraps inside it."""
    return text.replace(" ", NBSP)


def equation(lhs: str, rhs: str) -> str:
    """``lhs rhs`` (e.g. "z =", "w₁x₁ + ... = 0.5") that wraps only before an =, + or ⇒ of
    the right-hand side: never inside a number or a product, never right after "z =".
    Plain text or <b> only (tags with spaces would break)."""
    out = keep(rhs)
    for op in ("=", "+", "⇒"):
        out = out.replace(f"{NBSP}{op}{NBSP}", f" {op}{NBSP}")
    return keep(lhs) + NBSP + out


def sample_text(x) -> str:
    return f"({fx(x[0])}, {fx(x[1])})"


def update_html(u, fg: str) -> str:
    """The update rule written out with the numbers of core's ``Update`` record ``u``."""
    act = u.activation
    wrong = u.misclassified
    err_col = WRONG if u.error != 0 else RIGHT
    eta = fw(u.learning_rate)
    err = colour(keep(f"({fx(u.t)} {MINUS} {fy(u.y, act)})"), err_col, bold=True)
    terms = " + ".join(f"{paren(fw(w))}·{paren(fx(x))}" for w, x in zip(u.old_weights, u.x))
    if wrong:
        verdict = "✗ " + QCoreApplication.translate("PerceptronView", "wrong: update")
    elif not u.changed:
        verdict = "✓ " + QCoreApplication.translate("PerceptronView", "right: no change")
    else:
        verdict = "✓ " + QCoreApplication.translate("PerceptronView",
                                                    "right, still a small update")
    sample = QCoreApplication.translate("PerceptronView", "Sample x = %1, t = %2").replace(
        "%1", sample_text(u.x)).replace("%2", fx(u.t))
    lines = [
        f"{sample} → " + colour(keep(verdict), WRONG if wrong else RIGHT, bold=True),
        equation("z =", f"{terms} + {paren(fw(u.old_bias))} = {fz(u.z)} ⇒ "
                 f"y = {g_name(act)}({fz(u.z)}) = <b>{fy(u.y, act)}</b>"),
    ]
    names = ("w₁", "w₂")
    for name, w, x, nw in zip(names, u.old_weights, u.x, u.new_weights):
        lines.append(equation(f"{name} ←", f"{fw(w)} + {eta} · ERR · {paren(fx(x))} = "
                              f"<b>{fw(nw)}</b>").replace("ERR", err))
    lines.append(equation("b  ←", f"{fw(u.old_bias)} + {eta} · ERR = <b>{fw(u.new_bias)}</b>")
                 .replace("ERR", err))
    body = "<br>".join(lines)
    return f'<div style="color:{fg}">{body}</div>'


def forward_html(weights, bias, probe, z, y, activation, fg: str) -> str:
    """The calculator: z = w1 x1 + w2 x2 + b and y = g(z) with the numbers; a narrow
    label wraps z's line before an "=", never inside the arithmetic."""
    terms = " + ".join(f"{paren(fw(w))}·{paren(fx(x))}" for w, x in zip(weights, probe))
    z_line = equation("z =", f"w₁x₁ + w₂x₂ + b = {terms} + {paren(fw(bias))} = <b>{fz(z)}</b>")
    y_line = equation("y =", f"{g_name(activation)}({fz(z)}) = <b>{fy(y, activation)}</b>")
    return f'<div style="color:{fg}">{z_line}<br>{y_line}</div>'


def network_html(network, probe, fg: str) -> str:
    """Each neuron of the two-layer network at the probe (nets and outputs from core)."""
    names = ("h₁", "h₂")
    lines = []
    hidden_out = []
    for name, gate, unit in zip(names, network.names, network.hidden):
        z = unit.net(probe)
        h = unit.output(probe)
        hidden_out.append(h)
        terms = " + ".join(f"{paren(fw(w))}·{paren(fx(x))}" for w, x in zip(unit.weights, probe))
        lines.append(equation(f"{name} =", f"{gate} = step({terms} + {paren(fw(unit.bias))}) "
                              f"= step({fz(z)}) = <b>{fx(h)}</b>"))
    out = network.output
    z = out.net(hidden_out)
    y = out.output(hidden_out)
    terms = " + ".join(f"{paren(fw(w))}·{fx(h)}" for w, h in zip(out.weights, hidden_out))
    lines.append(equation("y =", f"{network.names[2]}(h₁, h₂) = step({terms} + "
                               f"{paren(fw(out.bias))}) = step({fz(z)}) = <b>{fx(y)}</b>"))
    return f'<div style="color:{fg}">' + "<br>".join(lines) + "</div>"
