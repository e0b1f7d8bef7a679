"""Presets and session state of the trainer (a mixin of ``TrainerModel``, apart for length).

``to_state`` holds everything needed to resume the experiment exactly: settings, points,
the number of classes, weights (current and initial), the optimizer's state, the epoch, the
loss history and the divergence flag. ``from_state`` accepts that or any part of it (a
preset's), over the defaults, and validates everything before changing anything.
"""
from __future__ import annotations

from desktop.tabs.trainer import data
from desktop.tabs.trainer.history import History
from desktop.tabs.trainer.names import translated
from desktop.tabs.trainer.state import (
    Settings,
    float_list,
    points_from_dict,
    points_to_dict,
    settings_from_dict,
)


class TrainerPersistence:
    """Presets and sessions of ``TrainerModel``; see there for the attributes used."""

    # ---- presets and session state ------------------------------------------------------------
    def preset_names(self) -> list[tuple[str, str, str]]:
        """(id, translated name, translated description) of every preset."""
        return [(p["id"], translated(p["name"]), translated(p.get("description", "")))
                for p in self.presets]

    def apply_preset(self, preset_id: str) -> None:
        for p in self.presets:
            if p["id"] == preset_id:
                self.from_state(p["state"])
                return
        raise ValueError(f"unknown preset {preset_id!r}")

    def to_state(self) -> dict:
        return {
            "version": 1,
            "settings": self.s.to_dict(),
            "points": points_to_dict(self.points),
            "n_classes": self.n_classes,
            "params": self.mlp.params.tolist(),
            "init_params": self.init_params.tolist(),
            "optimizer_state": self.optimizer.get_state(),
            "epoch": self.epoch,
            "history": self.history.to_dict(),
            "diverged": bool(self.diverged),
        }

    STATE_KEYS = frozenset({"version", "settings", "points", "n_classes", "params",
                            "init_params", "optimizer_state", "epoch", "history", "diverged"})

    def from_state(self, state: dict) -> None:
        """Restore a session (or apply a partial state such as a preset's, over the
        defaults). Everything is validated before anything changes."""
        super().from_state(state)
        unknown = sorted(set(state) - self.STATE_KEYS)
        if unknown:
            raise ValueError(f"unknown key(s) in the trainer state: {', '.join(unknown)}")
        if state.get("version", 1) != 1:
            raise ValueError(f"unsupported trainer state version {state.get('version')!r}")
        s = settings_from_dict(state.get("settings", {}), Settings())
        if "points" in state:
            points = points_from_dict(state["points"])
        elif s.dataset == data.CUSTOM:
            raise ValueError("the dataset 'custom' needs its points")
        else:
            points = self._generate(s)
        if s.dataset != data.CUSTOM and data.choice(s.dataset).kind != points.kind:
            raise ValueError(f"the points are for {points.kind}, the dataset "
                             f"{s.dataset!r} is not")
        n_classes = self._n_classes_of(points)
        if "n_classes" in state:
            n = state["n_classes"]
            if isinstance(n, bool) or not isinstance(n, int) or \
                    (points.kind == data.CLASSIFICATION and not n_classes <= n <= 4) or \
                    (points.kind == data.REGRESSION and n != 0):
                raise ValueError(f"n_classes {n!r} does not fit the points")
            n_classes = n
        try:
            mlp, opt, arrays = self._make_network(s, points, n_classes)
        except (TypeError, KeyError, IndexError) as exc:
            raise ValueError(f"the network cannot be built: {exc}") from exc
        size = mlp.params.size
        params = float_list(state["params"], "params", size) if "params" in state else None
        init = float_list(state["init_params"], "init_params", size) \
            if "init_params" in state else None
        if "optimizer_state" in state:
            opt.set_state(state["optimizer_state"])
            if opt.name != s.optimizer:
                raise ValueError("the optimizer state does not match the optimizer setting")
        epoch = state.get("epoch", 0)
        if isinstance(epoch, bool) or not isinstance(epoch, int) or epoch < 0:
            raise ValueError(f"epoch must be a whole number >= 0, got {epoch!r}")
        history = History.from_dict(state["history"]) if "history" in state else None
        diverged = state.get("diverged", False)
        if not isinstance(diverged, bool):
            raise ValueError("diverged must be true or false")
        # --- everything is valid: apply ---
        self.pause()
        self.s, self.points, self.n_classes = s, points, n_classes
        self.focus = None
        self._commit_network(mlp, opt, arrays)
        if init is not None:
            self.init_params = init
        if params is not None:
            self.mlp.params[:] = params
        elif init is not None:
            self.mlp.params[:] = init
        self.mlp.epoch = epoch
        if history is not None:
            self.history = history
        self.diverged = diverged
        self._changed_params()
        self._evaluate()
        if history is None:
            self.history.clear()
            self.history.append(epoch, self.train_loss, self.test_loss)
        self._set_message("")
        self.data_changed.emit()
        self.network_changed.emit()
        self.settings_changed.emit()
        self.display_changed.emit()
        self.weights_changed.emit()
        self.status_changed.emit(self.status_text())
