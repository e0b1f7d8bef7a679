"""All the state of the activations & losses tab: six sections, one model.

Sections: ``activations`` (curves, derivatives, info cards), ``softmax``, ``maxout``,
``vanishing`` (gradients through n layers), ``nonlinear`` (linear vs non-linear network,
trained live) and ``losses``. The shell's verbs act on the current section: Right/Left move
the probe (or change T, n, train/untrain), Space animates, R resets the section.
"""
from __future__ import annotations

import copy
import json
import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal

from core import warmup as core_warmup
from desktop.paths import asset
from desktop.tabs.activations import curves
from desktop.tabs.activations.state import DEFAULTS, SECTIONS, validate
from desktop.tabs.base import TabModel

__all__ = ["SECTIONS", "ActivationsModel", "load_presets"]

# Preset names, so lupdate sees them (the presets file holds the same English names).
PRESET_NAMES = [
    QT_TRANSLATE_NOOP("ActivationsModel", "Sigmoid vs tanh"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Step vs sigmoid: from perceptron to neuron"),
    QT_TRANSLATE_NOOP("ActivationsModel", "The ReLU family"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Smooth ReLUs: softplus, GELU, swish"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Softmax: the textbook example"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Softmax vs sigmoid on each score"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Softmax at low temperature"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Maxout = ReLU"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Maxout = absolute value"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Maxout: a convex curve from 4 pieces"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Vanishing gradients: sigmoid's best case z = 0"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Vanishing gradients: 20 layers, scattered z"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Vanishing gradients: a dead ReLU path"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Why non-linear: circle"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Why non-linear: XOR with ReLU"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Losses: confidently wrong"),
    QT_TRANSLATE_NOOP("ActivationsModel", "Losses: almost right"),
]

#: how far one Right/Left press moves a probe, and one animation frame.
PROBE_STEP = 0.5
PROBE_SWEEP = 0.05
TEMPERATURE_RANGE = (0.1, 10.0)
EPOCHS_PER_STEP = 10
EPOCHS_PER_TICK = 1
#: the core modules the Why-non-linear networks call (the rest of the tab needs only
#: ``desktop.tabs.TabSpec.core``: core.activations and core.losses)
NONLINEAR_CORE = ("core.datasets", "core.optimizers", "core.mlp")
TICKS_PER_LAYER = 12


def load_presets() -> list[dict]:
    """The lecture's comparisons from assets/presets/activations.json (validated)."""
    path = asset("presets", "activations.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("state"), dict):
            continue
        try:
            validate(item["state"])
        except ValueError:
            continue
        out.append({"id": str(item.get("id", "")), "name": str(item.get("name", "")),
                    "state": item["state"]})
    return out


class ActivationsModel(TabModel):
    """State of every section; setters validate, update and emit one ``<noun>_changed``."""

    can_step_back = True

    section_changed = Signal(str)
    activations_changed = Signal()
    probe_changed = Signal(float)
    softmax_changed = Signal()
    maxout_changed = Signal()
    vanishing_changed = Signal()
    nonlinear_changed = Signal()
    losses_changed = Signal()
    preset_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.presets = load_presets()
        self.preset = ""
        self._ticks = 0
        self._phase = 0.0
        self._demo = None
        self._demo_wait = QTimer(self)  # polls the warm-up while the demo cannot be built
        self._demo_wait.setInterval(250)
        self._demo_wait.timeout.connect(self._check_demo_ready)
        self._loss_cache: dict[float, curves.LossCurves] = {}
        self._state = copy.deepcopy(DEFAULTS)

    @property
    def demo(self):
        """The linear-vs-non-linear networks, built on first use. None while the app's
        warm-up has still to compile the kernels they need (on a first start): the rest of
        the tab works meanwhile, and ``nonlinear_changed`` is emitted once they are warm."""
        if self._demo is None:
            if not core_warmup.is_warm(*NONLINEAR_CORE):
                self._demo_wait.start()
                return None
            from desktop.tabs.activations.nonlinear import NonlinearDemo

            self._demo = NonlinearDemo(self._state["dataset"], self._state["nl_activation"])
        return self._demo

    def _check_demo_ready(self) -> None:
        if core_warmup.is_warm(*NONLINEAR_CORE):
            self._demo_wait.stop()
            self.nonlinear_changed.emit()
            self.status_changed.emit(self.status_text())

    # --- setters -------------------------------------------------------------------------
    def _set(self, **values) -> None:
        """Validate ``values`` as a partial state, store them and emit what changed."""
        clean = validate(values)
        changed = {k for k, v in clean.items() if self._state.get(k) != v}
        if not changed:
            return
        self._state.update(clean)
        self._emit(changed)

    def _emit(self, keys) -> None:
        keys = set(keys)
        if "section" in keys:
            self.section_changed.emit(self._state["section"])
        if keys & {"selected", "focus", "alphas"}:
            self.activations_changed.emit()
        if "probe" in keys:
            self.probe_changed.emit(self._state["probe"])
        if keys & {"logits", "temperature", "pointwise"}:
            self.softmax_changed.emit()
        if "pieces" in keys:
            self.maxout_changed.emit()
        if keys & {"depth", "z_centre", "z_spread"}:
            self.vanishing_changed.emit()
        if keys & {"dataset", "nl_activation"}:
            if self._demo is not None:
                self._demo = None  # rebuilt lazily with the new data / activation
            self.nonlinear_changed.emit()
        if keys & {"loss_target", "loss_z"}:
            self.losses_changed.emit()
        self.status_changed.emit(self.status_text())

    def set_section(self, section: str) -> None:
        if section != self._state["section"]:
            self.pause()
            if self.preset:  # the preset's name no longer describes what is on screen
                self.preset = ""
                self.preset_changed.emit("")
        self._set(section=section)

    def set_selected(self, key: str, on: bool) -> None:
        sel = [k for k in self._state["selected"] if k != key]
        if on:
            sel.append(key)
        order = list(curves.ENTRIES)
        sel.sort(key=order.index)
        values = {"selected": sel}
        if on:
            values["focus"] = key
        elif self._state["focus"] == key and sel:
            values["focus"] = sel[0]
        self._set(**values)

    def set_focus(self, key: str) -> None:
        self._set(focus=key)

    def set_alpha(self, key: str, alpha: float) -> None:
        entry = curves.ENTRIES.get(key)
        if entry is None or not entry.has_alpha:
            raise ValueError(f"{key!r} has no α parameter")
        alphas = dict(self._state["alphas"])
        alphas[key] = min(entry.alpha_max, max(entry.alpha_min, float(alpha)))
        self._set(alphas=alphas)

    def alpha(self, key: str) -> float:
        return self._state["alphas"].get(key, curves.ENTRIES[key].alpha_default)

    def set_probe(self, z: float) -> None:
        self._set(probe=min(curves.Z_LIMIT, max(-curves.Z_LIMIT, float(z))))

    def set_logit(self, index: int, value: float) -> None:
        logits = list(self._state["logits"])
        if not 0 <= index < len(logits):
            raise ValueError(f"no class {index}; there are {len(logits)}")
        logits[index] = round(min(10.0, max(-10.0, float(value))), 2)
        self._set(logits=logits)

    def add_class(self) -> None:
        logits = list(self._state["logits"])
        if len(logits) < 8:
            self._set(logits=[*logits, 0.0])

    def remove_class(self) -> None:
        logits = list(self._state["logits"])
        if len(logits) > 2:
            self._set(logits=logits[:-1])

    def set_temperature(self, t: float) -> None:
        lo, hi = TEMPERATURE_RANGE
        self._set(temperature=min(hi, max(lo, float(t))))

    def set_pointwise(self, on: bool) -> None:
        self._set(pointwise=bool(on))

    def set_piece(self, index: int, slope: float | None = None,
                  offset: float | None = None) -> None:
        pieces = [list(p) for p in self._state["pieces"]]
        if not 0 <= index < len(pieces):
            raise ValueError(f"no piece {index}; there are {len(pieces)}")
        if slope is not None:
            pieces[index][0] = float(slope)
        if offset is not None:
            pieces[index][1] = float(offset)
        self._set(pieces=pieces)

    def add_piece(self) -> None:
        pieces = [list(p) for p in self._state["pieces"]]
        if len(pieces) < 6:
            self._set(pieces=[*pieces, [0.0, -1.0]])

    def remove_piece(self) -> None:
        pieces = self._state["pieces"]
        if len(pieces) > 1:
            self._set(pieces=[list(p) for p in pieces[:-1]])

    def set_depth(self, n: int) -> None:
        self._set(depth=int(min(curves.MAX_DEPTH, max(1, int(n)))))

    def set_z_centre(self, mu: float) -> None:
        self._set(z_centre=float(min(4.0, max(-4.0, mu))))

    def set_z_spread(self, sigma: float) -> None:
        self._set(z_spread=float(min(3.0, max(0.0, sigma))))

    def set_dataset(self, name: str) -> None:
        self.pause()
        self._set(dataset=name)

    def set_nl_activation(self, name: str) -> None:
        self.pause()
        self._set(nl_activation=name)

    def set_loss_target(self, t: float) -> None:
        self._set(loss_target=round(min(1.0, max(0.0, float(t))), 2))

    def set_loss_z(self, z: float) -> None:
        lim = curves.LOGIT_LIMIT
        self._set(loss_z=min(lim, max(-lim, float(z))))

    # --- derived data for the view (all from core) ------------------------------------------
    def activation_curves(self, key: str):
        return curves.activation_curves(key, self.alpha(key))

    def activation_at(self, key: str, z: float | None = None) -> tuple[float, float]:
        return curves.activation_at(key, self._state["probe"] if z is None else z,
                                    self.alpha(key))

    def colour_indices(self) -> dict[str, int]:
        return curves.colour_indices(self._state["selected"])

    def probabilities(self) -> np.ndarray:
        from core.activations import softmax

        return softmax(np.array(self._state["logits"]), self._state["temperature"])

    def pointwise_sigmoid(self) -> np.ndarray:
        from core.activations import value

        return value("sigmoid", np.array(self._state["logits"]) / self._state["temperature"])

    def maxout(self, z: np.ndarray):
        return curves.maxout(self._state["pieces"], z)

    def layer_z(self) -> np.ndarray:
        return curves.layer_preactivations(self._state["z_centre"], self._state["z_spread"])

    def gradient_products(self) -> dict[str, np.ndarray]:
        return curves.gradient_products(self.layer_z())

    def loss_curves(self) -> curves.LossCurves:
        t = self._state["loss_target"]
        if t not in self._loss_cache:
            self._loss_cache[t] = curves.loss_curves(t)
        return self._loss_cache[t]

    def loss_point(self) -> curves.LossCurves:
        return curves.loss_point(self._state["loss_target"], self._state["loss_z"])

    # --- non-linear demo ------------------------------------------------------------------
    def train(self, epochs: int = EPOCHS_PER_STEP, snapshot: bool = True) -> None:
        demo = self.demo
        if demo is None:  # its kernels are still compiling: nothing to train yet
            return
        if snapshot:
            demo.snapshot()
        demo.train(int(epochs))
        self.nonlinear_changed.emit()
        self.status_changed.emit(self.status_text())

    def untrain(self) -> None:
        if self._demo is not None and self._demo.restore():
            self.nonlinear_changed.emit()
            self.status_changed.emit(self.status_text())

    def reset_training(self) -> None:
        self.pause()
        if self._demo is not None:
            self._demo.reset()
        self.nonlinear_changed.emit()
        self.status_changed.emit(self.status_text())

    # --- presets ------------------------------------------------------------------------
    def preset_names(self) -> list[tuple[str, str]]:
        """(id, translated name) of every preset."""
        return [(p["id"], QCoreApplication.translate("ActivationsModel", p["name"]))
                for p in self.presets]

    def apply_preset(self, preset_id: str) -> None:
        for p in self.presets:
            if p["id"] == preset_id:
                self.pause()
                self.from_state(p["state"])
                if self._state["section"] == "nonlinear":
                    self.reset_training()
                self.preset = preset_id
                self.preset_changed.emit(preset_id)
                return
        raise ValueError(f"unknown preset {preset_id!r}")

    # --- the shell's verbs ----------------------------------------------------------------
    def step(self) -> None:
        s = self._state
        sec = s["section"]
        if sec in ("activations", "maxout"):
            self.set_probe(min(curves.Z_LIMIT, s["probe"] + PROBE_STEP))
        elif sec == "softmax":
            self.set_temperature(s["temperature"] * 1.25)
        elif sec == "vanishing":
            self.set_depth(s["depth"] + 1)
        elif sec == "nonlinear":
            self.train(EPOCHS_PER_STEP)
        elif sec == "losses":
            self.set_loss_z(s["loss_z"] + PROBE_STEP)

    def step_back(self) -> None:
        s = self._state
        sec = s["section"]
        if sec in ("activations", "maxout"):
            self.set_probe(max(-curves.Z_LIMIT, s["probe"] - PROBE_STEP))
        elif sec == "softmax":
            self.set_temperature(s["temperature"] / 1.25)
        elif sec == "vanishing":
            self.set_depth(s["depth"] - 1)
        elif sec == "nonlinear":
            self.untrain()
        elif sec == "losses":
            self.set_loss_z(s["loss_z"] - PROBE_STEP)

    def play(self) -> None:
        s = self._state
        if s["section"] == "vanishing" and s["depth"] >= curves.MAX_DEPTH:
            self.set_depth(1)  # replay the growth from one layer
        if s["section"] == "softmax":  # start the sweep from the current temperature
            frac = min(1.0, max(0.0, math.log(s["temperature"] / 0.2) / math.log(25.0)))
            self._phase = math.acos(1.0 - 2.0 * frac)
        self._ticks = 0
        super().play()

    def tick(self) -> None:
        """One animation frame of the current section."""
        s = self._state
        sec = s["section"]
        self._ticks += 1
        if sec in ("activations", "maxout"):
            z = s["probe"] + PROBE_SWEEP
            self.set_probe(-curves.Z_LIMIT if z > curves.Z_LIMIT + 1e-9 else z)
        elif sec == "softmax":
            # T sweeps 0.2 -> 5 -> 0.2 on a log scale (sharp to flat and back).
            self._phase += 0.02
            frac = 0.5 * (1.0 - math.cos(self._phase))
            self.set_temperature(0.2 * (5.0 / 0.2) ** frac)
        elif sec == "vanishing":
            if self._ticks % TICKS_PER_LAYER == 0:
                if s["depth"] >= curves.MAX_DEPTH:
                    self.pause()
                else:
                    self.set_depth(s["depth"] + 1)
        elif sec == "nonlinear":
            demo = self.demo
            if demo is not None:
                self.train(EPOCHS_PER_TICK, snapshot=demo.epoch % EPOCHS_PER_STEP == 0)
        elif sec == "losses":
            z = s["loss_z"] + PROBE_SWEEP * 1.5
            self.set_loss_z(-curves.LOGIT_LIMIT if z > curves.LOGIT_LIMIT + 1e-9 else z)

    def reset(self) -> None:
        """R: the current section back to its defaults (the networks re-initialised)."""
        super().reset()
        sec = self._state["section"]
        keys = {
            "activations": ("selected", "focus", "alphas", "probe"),
            "softmax": ("logits", "temperature", "pointwise"),
            "maxout": ("pieces", "probe"),
            "vanishing": ("depth", "z_centre", "z_spread"),
            "nonlinear": (),
            "losses": ("loss_target", "loss_z"),
        }[sec]
        self._set(**{k: copy.deepcopy(DEFAULTS[k]) for k in keys})
        if sec == "nonlinear":
            self.reset_training()
        self.preset = ""
        self.preset_changed.emit("")

    def status_text(self) -> str:
        s = self._state
        sec = s["section"]
        if sec == "activations":
            return self.tr("Activations: %n shown, z = %1", "", len(s["selected"])).replace(
                "%1", f"{s['probe']:.2f}")
        if sec == "softmax":
            return self.tr("Softmax: %n classes, T = %1", "", len(s["logits"])).replace(
                "%1", f"{s['temperature']:.2f}")
        if sec == "maxout":
            return self.tr("Maxout: %n pieces, z = %1", "", len(s["pieces"])).replace(
                "%1", f"{s['probe']:.2f}")
        if sec == "vanishing":
            return self.tr("Vanishing gradients: %n layers", "", s["depth"])
        if sec == "nonlinear":
            if self._demo is None and not core_warmup.is_warm(*NONLINEAR_CORE):
                return self.tr("Why non-linear: preparing the compiled core…")
            if self._demo is None:
                return self.tr("Why non-linear: not trained yet")
            d = self._demo
            return (self.tr("Why non-linear: epoch %1, accuracy linear %2 %, non-linear %3 %")
                    .replace("%1", str(d.epoch))
                    .replace("%2", f"{100 * d.accuracy('linear'):.0f}")
                    .replace("%3", f"{100 * d.accuracy('nonlinear'):.0f}"))
        return self.tr("Losses: target t = %1, z = %2").replace(
            "%1", f"{s['loss_target']:.2f}").replace("%2", f"{s['loss_z']:.2f}")

    # --- sessions -----------------------------------------------------------------------
    def to_state(self) -> dict:
        return copy.deepcopy(self._state)

    def from_state(self, state: dict) -> None:
        """Apply a full or partial state (validated completely before anything changes)."""
        super().from_state(state)
        clean = validate(state)
        changed = {k for k, v in clean.items() if self._state.get(k) != v}
        if "section" in changed:
            self.pause()
        self._state.update(clean)
        if changed:
            self._emit(changed)


def _read_only(key: str) -> property:
    return property(lambda self: copy.deepcopy(self._state[key]),
                    doc=f"Current ``{key}`` (a copy; change it with the setter).")


for _key in DEFAULTS:
    setattr(ActivationsModel, _key, _read_only(_key))
