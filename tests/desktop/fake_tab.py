"""A minimal tab used by the shell's tests (counts the verbs the shell sends it)."""
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout

from desktop.tabs.base import TabModel, TabView


class FakeModel(TabModel):
    can_step_back = True

    def __init__(self):
        super().__init__()
        self.calls = []
        self.value = 0
        self.ticks = 0

    def step(self):
        self.calls.append("step")
        self.value += 1

    def step_back(self):
        self.calls.append("step_back")
        self.value -= 1

    def reset(self):
        super().reset()
        self.calls.append("reset")
        self.value = 0

    def tick(self):
        self.ticks += 1

    def status_text(self):
        return f"value {self.value}"

    def to_state(self):
        return {"value": self.value}

    def from_state(self, state):
        super().from_state(state)
        value = state.get("value")
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("value must be an integer")
        self.value = value


class FakeView(TabView):
    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.label = QLabel("fake")
        self.spin = QSpinBox()
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.spin)
        self.retranslate()

    def retranslate(self):
        self.label.setText(self.tr("Fake tab"))


def create(parent=None):
    return FakeView(FakeModel(), parent)
