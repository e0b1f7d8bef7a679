"""Learning rates tuned per surface, and the three rates of the learning-rate lesson.

"Tuned" means: from the surface's conventional start, the optimizer reaches the minimum in a
few hundred to a few thousand steps without diverging (checked by the tab's tests for the
bowl and Rosenbrock). Surfaces missing from the table (a custom function) get rates from the
largest curvature of the surface (``Surface.curvature``) and its size, which is what a
person tuning by hand would look at first.
"""
from __future__ import annotations

#: surface key -> optimizer -> learning rate, or a dict of hyper-parameters (learning rate
#: included) where torch's other defaults do not do the job.
TUNED: dict[str, dict[str, float | dict[str, float]]] = {
    "bowl": {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 1.0,
             "adadelta": 2.0, "rmsprop": 0.03, "adam": 0.3},
    "valley": {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.03, "adagrad": 1.0,
               "adadelta": 1.0, "rmsprop": 0.03, "adam": 0.3},
    # Adadelta crawls along Rosenbrock's curved valley with torch's rho = 0.9: a long memory
    # (rho = 0.9999) and a smaller eps let its steps grow along the valley floor.
    "rosenbrock": {"sgd": 0.0018, "momentum": 0.001, "nesterov": 0.001, "adagrad": 1.5,
                   "adadelta": {"learning_rate": 4.0, "rho": 0.9999, "eps": 1e-7},
                   "rmsprop": 0.005, "adam": 0.05},
    "beale": {"sgd": 0.005, "momentum": 0.001, "nesterov": 0.001, "adagrad": 1.0,
              "adadelta": 1.0, "rmsprop": 0.03, "adam": 0.1},
    "himmelblau": {"sgd": 0.005, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.3,
                   "adadelta": 1.0, "rmsprop": 0.03, "adam": 0.1},
    "saddle": {"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1,
               "adadelta": 1.0, "rmsprop": 0.01, "adam": 0.02},
    "six_hump_camel": {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.3,
                       "adadelta": 2.0, "rmsprop": 0.02, "adam": 0.05},
    "rastrigin": {"sgd": 0.002, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.3,
                  "adadelta": 1.0, "rmsprop": 0.01, "adam": 0.05},
    "many_minima": {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5,
                    "adadelta": 2.0, "rmsprop": 0.03, "adam": 0.1},
    "data:line_fit": {"sgd": 0.2, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.5,
                      "adadelta": 1.0, "rmsprop": 0.02, "adam": 0.05},
    "data:sigmoid_neuron": {"sgd": 1.0, "momentum": 0.2, "nesterov": 0.2, "adagrad": 1.0,
                            "adadelta": 10.0, "rmsprop": 0.03, "adam": 0.1},
}

#: the learning-rate lesson: (too small, good, too large) as multiples of the tuned rate.
LESSON_FACTORS = (0.1, 1.0, 25.0)


def heuristic_rates(surface) -> dict[str, float]:
    """Rates from curvature λ and domain size E: gradient methods need η < 2/λ to be stable;
    sign-like adaptive methods move about η per step, so η is a fraction of E."""
    lam = surface.curvature()
    size = surface.extent
    return {
        "sgd": 0.4 / lam,
        "momentum": 0.08 / lam,
        "nesterov": 0.08 / lam,
        "adagrad": 0.05 * size,
        "adadelta": 1.0 * max(1.0, size),
        "rmsprop": 0.004 * size,
        "adam": 0.01 * size,
    }


def tuned_rates(surface) -> dict[str, float]:
    """Learning rate per optimizer name for ``surface`` (the table, else the heuristic)."""
    rates = heuristic_rates(surface)
    for name, entry in TUNED.get(surface.key, {}).items():
        rates[name] = entry["learning_rate"] if isinstance(entry, dict) else entry
    return {name: float(_round_rate(lr)) for name, lr in rates.items()}


def tuned_hyper(surface) -> dict[str, dict[str, float]]:
    """Hyper-parameters other than the rate that the table sets for ``surface``."""
    out = {}
    for name, entry in TUNED.get(surface.key, {}).items():
        if isinstance(entry, dict):
            out[name] = {k: float(v) for k, v in entry.items() if k != "learning_rate"}
    return out


def lesson_rates(good: float) -> list[float]:
    """(too small, good, too large) around ``good``."""
    return [float(_round_rate(good * f)) for f in LESSON_FACTORS]


def _round_rate(lr: float) -> float:
    """Two significant digits: rates a teacher can read aloud."""
    if lr <= 0:
        return lr
    return float(f"{lr:.2g}")
