"""The perceptron tab: learning the gates, XOR's failure and its two-layer fix, dragging the
line, and a view that shows what the model holds.

Oracles are independent of core: truth tables written out here, the perceptron rule
re-computed by hand in plain Python, sigmoid(-6) from math.exp, and geometry (a point lies on
the line w·x + b = 0).
"""
import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.tabs.perceptron.model import PerceptronModel
from desktop.theme import style

TRUTH = {  # rows (0,0), (0,1), (1,0), (1,1)
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "NOR": [1, 0, 0, 0],
    "XOR": [0, 1, 1, 0],
}
ROWS = [(0, 0), (0, 1), (1, 0), (1, 1)]


@pytest.fixture
def model(qapp):
    m = PerceptronModel()
    yield m
    m.pause()


@pytest.fixture
def view(open_tab):
    return open_tab("perceptron")


def hand_rule(w, b, eta, x, t):
    """Rosenblatt's rule, written out: y = 1 if w·x + b >= 0 else 0; w += eta (t - y) x."""
    z = w[0] * x[0] + w[1] * x[1] + b
    y = 1 if z >= 0 else 0
    return [w[0] + eta * (t - y) * x[0], w[1] + eta * (t - y) * x[1]], b + eta * (t - y)


def train_until_done(m, max_epochs):
    for _ in range(max_epochs):
        m.step_epoch()
        if m.converged or m.stuck:
            break


# --- the model ---------------------------------------------------------------------------
@settings(max_examples=25, deadline=None)
@given(gate=st.sampled_from(["AND", "OR", "NAND", "NOR"]), seed=st.integers(0, 10_000),
       eta=st.sampled_from([0.1, 0.25, 0.5, 1.0, 2.0]))
def test_learns_separable_gates_from_random_starts(qapp, gate, seed, eta):
    m = PerceptronModel()
    m.set_gate(gate)
    m.set_learning_rate(eta)
    m.randomize(seed)
    train_until_done(m, 60)
    assert m.converged, f"{gate} from {m.start} with eta {eta}: {m.errors_history}"
    assert not m.stuck
    w, b = m.weights, m.bias
    got = [1 if w[0] * x1 + w[1] * x2 + b >= 0 else 0 for x1, x2 in ROWS]
    assert got == TRUTH[gate]
    assert m.errors_history[-1] == 0
    assert all(e > 0 for e in m.errors_history[:-1])  # converged means the first clean epoch


@pytest.mark.parametrize("seed", range(6))
def test_xor_never_converges_and_says_so(model, seed):
    model.set_gate("XOR")
    model.randomize(seed)
    for _ in range(40):
        model.step_epoch()
    assert not model.converged
    assert all(e > 0 for e in model.errors_history)
    assert model.cycled and model.stuck
    assert not model.separable
    assert "not linearly separable" in model.status_text()


def test_sigmoid_xor_is_reported_stuck_too(model):
    model.set_activation("sigmoid")
    model.set_gate("XOR")
    for _ in range(30):
        model.step_epoch()
    assert not model.converged and model.stuck


def test_every_step_follows_the_rule_by_hand(model):
    rng = random.Random(7)
    model.set_gate("OR")
    model.set_learning_rate(0.5)
    model.set_weights([-0.3, 0.7], 0.2)
    w, b = [-0.3, 0.7], 0.2
    for k in range(13):
        i = k % 4
        assert model.sample_index == i
        w, b = hand_rule(w, b, 0.5, ROWS[i], TRUTH["OR"][i])
        model.step()
        assert model.weights == pytest.approx(w, abs=1e-9)
        assert model.bias == pytest.approx(b, abs=1e-9)
        u = model.last_update
        assert u.x == ROWS[i] and u.t == TRUTH["OR"][i]
    assert model.epoch == 3 and model.sample_index == 1
    assert rng  # (seeded for reproducibility of the sequence above)


def test_step_back_restores_each_previous_sample(model):
    model.set_gate("NAND")
    model.randomize(3)
    states = []
    for _ in range(9):
        states.append((model.weights, model.bias, model.sample_index, model.errors_history,
                       model.epoch_errors))
        model.step()
    for expected in reversed(states):
        model.step_back()
        assert (model.weights, model.bias, model.sample_index, model.errors_history,
                model.epoch_errors) == expected
    model.step_back()  # nothing left: harmless
    assert model.steps_taken == 0


def test_reset_returns_to_the_start_of_the_run(model):
    model.set_weights([0.4, -0.2], 0.1)
    for _ in range(7):
        model.step()
    model.reset()
    assert model.weights == (0.4, -0.2) and model.bias == 0.1
    assert model.steps_taken == 0 and model.last_update is None


def test_two_layer_network_solves_xor(model):
    model.set_two_layer(True)
    assert model.gate == "XOR" and model.two_layer
    H, y = model.network_forward()
    assert y.tolist() == TRUTH["XOR"]
    assert H[:, 0].tolist() == TRUTH["NAND"] and H[:, 1].tolist() == TRUTH["OR"]
    # in hidden space one line separates the classes: the output unit's line
    out = model.network.output
    side = [out.weights[0] * h1 + out.weights[1] * h2 + out.bias >= 0 for h1, h2 in H]
    assert side == [bool(t) for t in TRUTH["XOR"]]
    # Step walks the calculator through the four inputs
    model.select_sample(0)
    model.step()
    assert model.probe == (0.0, 1.0)
    model.step_back()
    assert model.probe == (0.0, 0.0)
    model.set_gate("AND")
    assert not model.two_layer


def test_worked_example_from_the_lecture(model):
    model.apply_preset("worked_example")
    assert model.weights == (3.0, -2.0) and model.bias == 1.0 and model.probe == (-1.0, 2.0)
    assert model.probe_net() == pytest.approx(1 + 3 * -1 - 2 * 2)
    assert model.probe_output() == pytest.approx(1 / (1 + math.exp(6)), rel=1e-12)
    assert round(model.probe_output(), 3) == 0.002


def test_line_through_two_points(model):
    model.set_weights([1.0, 1.0], -0.5)
    p, q = (0.2, 1.1), (1.3, -0.4)
    model.set_line_through(p, q)
    w, b = np.array(model.weights), model.bias
    for pt in (p, q):
        assert abs(w @ pt + b) / np.hypot(*w) < 0.02
    assert w @ (1.0, 1.0) + b > 0  # the side that was positive stays positive
    model.move_line_through((0.5, 0.5))
    assert model.weights == tuple(w) and abs(w @ (0.5, 0.5) + model.bias) < 0.01


def test_custom_gate_targets_toggle(model):
    model.set_gate("AND")
    model.set_gate("CUSTOM")
    assert model.targets.tolist() == TRUTH["AND"]  # starts from the gate before it
    model.toggle_target(0)
    model.toggle_target(3)
    assert model.targets.tolist() == [1, 0, 0, 0]
    model.set_gate("OR")
    model.toggle_target(0)  # fixed gates cannot be edited
    assert model.targets.tolist() == TRUTH["OR"]


def test_state_round_trip_replays_training(model):
    model.set_gate("NOR")
    model.set_learning_rate(0.25)
    model.set_weights([0.5, 0.5], 0.5)
    for _ in range(6):
        model.step()
    state = model.to_state()
    other = PerceptronModel()
    other.from_state(state)
    assert other.to_state() == state
    assert other.weights == model.weights and other.bias == model.bias
    assert other.errors_history == model.errors_history
    assert other.last_update == model.last_update


@pytest.mark.parametrize("bad", [
    {"gate": "XNOR"},
    {"weights": [1.0]},
    {"weights": [float("nan"), 0.0]},
    {"bias": "1"},
    {"learning_rate": 0.0},
    {"activation": "relu"},
    {"custom_targets": [0, 1, 2, 0]},
    {"steps": -1},
    {"steps": True},
    {"two_layer": True, "gate": "AND"},
    {"probe": [0.0, 99.0]},
    {"unknown": 1},
    "not a dict",
])
def test_bad_state_is_rejected_without_change(model, bad):
    model.set_gate("OR")
    before = model.to_state()
    with pytest.raises(ValueError):
        model.from_state(bad)
    assert model.to_state() == before


def test_every_preset_applies(model):
    assert len(model.preset_ids()) >= 8
    for pid in model.preset_ids():
        model.apply_preset(pid)
        assert model.preset_name(pid)
    for gate in ("and", "or", "nand", "nor", "xor"):
        model.apply_preset(gate)
        assert model.gate == gate.upper()


def test_play_runs_at_a_visible_pace_and_stops_when_converged(qtbot, model):
    model.apply_preset("lecture_or")  # already right: one clean epoch, then it stops
    model.set_speed(30.0)
    assert model.frame_ms >= 30
    model.play()
    qtbot.waitUntil(lambda: not model.running, timeout=5000)
    assert model.converged and model.epoch == 1
    assert not model.can_play()


# --- the view ----------------------------------------------------------------------------
def table_column(view, col):
    return [view.table.item(r, col).text() for r in range(4)]


def plain(html: str) -> str:
    """Rich text as the class reads it: no-break spaces as spaces, no bold tags."""
    return html.replace("\u00a0", " ").replace("<b>", "").replace("</b>", "")


def test_view_shows_what_the_model_holds(view):
    m = view.model
    m.apply_preset("lecture_and")
    assert table_column(view, 2) == [str(t) for t in TRUTH["AND"]]
    assert table_column(view, 3) == [str(t) for t in TRUTH["AND"]]
    assert table_column(view, 4) == ["✓"] * 4
    assert [r.spin.value() for r in view.weight_rows] == [1.0, 1.0, -1.5]
    m.select_sample(3)
    nodes = {n.label or n.caption: n.text for n in view.diagram.nodes}
    assert nodes["x₁"] == "1" and nodes["x₂"] == "1"
    assert nodes["z"] == "0.5" and nodes["y"] == "1"
    edges = [e.label for e in view.diagram.edges if e.label]
    assert edges == ["w₁ = 1.0", "w₂ = 1.0", "b = −1.5"]
    m.step()
    assert "w₁ ←" in plain(view.update_label.text())
    assert "Epoch 1, sample 2 of 4" in plain(view.counter_label.text())


def test_plane_points_and_marks_follow_the_model(view):
    m = view.model
    m.set_gate("OR")
    m.set_weights([1.0, 1.0], -1.5)  # computes AND: wrong on (0,1) and (1,0)
    marks = [t.textItem.toPlainText() for t in view.plane.marks]
    assert marks == ["✓", "✗", "✗", "✓"]
    pos = view.plane.points.getData()
    assert list(zip(pos[0], pos[1])) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_worked_example_in_the_calculator(view):
    view.model.apply_preset("worked_example")
    html = view.forward_label.text()
    assert "−6.0" in html and "0.00247" in html
    assert [s.value() for s in view.calc_spins] == [-1.0, 2.0]
    view.calc_spins[0].setValue(1.0)  # the class changes x1: z = 1 + 3 - 4 = 0
    assert view.model.probe == (1.0, 2.0)
    assert view.model.probe_net() == pytest.approx(0.0)
    assert "σ(0.0) = <b>0.5</b>" in view.forward_label.text().replace("\u00a0", " ")


def test_buttons_and_controls_change_the_model(qtbot, view):
    m = view.model
    qtbot.mouseClick(view.gate_buttons["NOR"], Qt.MouseButton.LeftButton)
    assert m.gate == "NOR"
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    assert m.steps_taken == 1
    qtbot.mouseClick(view.epoch_button, Qt.MouseButton.LeftButton)
    assert m.steps_taken == 4
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert m.steps_taken == 3
    qtbot.mouseClick(view.act_buttons["sigmoid"], Qt.MouseButton.LeftButton)
    assert m.activation == "sigmoid" and m.steps_taken == 0
    view.weight_rows[0].slider.setValue(-150)
    assert m.weights[0] == -1.5
    view.weight_rows[2].spin.setValue(0.75)
    assert m.bias == 0.75
    view.eta_spin.setValue(0.3)
    assert m.learning_rate == 0.3
    qtbot.mouseClick(view.gate_buttons["CUSTOM"], Qt.MouseButton.LeftButton)
    rect = view.table.visualItemRect(view.table.item(1, 2))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert m.targets.tolist() == [1, 1, 0, 0]  # NOR with row (0,1) flipped
    assert view.table.item(1, 2).text() == "1"
    rect = view.table.visualItemRect(view.table.item(2, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert m.probe == (1.0, 0.0)
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert m.running
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert not m.running


def test_dragging_a_handle_turns_the_line(view):
    m = view.model
    m.set_weights([1.0, 1.0], -0.5)
    a, b = view.plane.handles
    a.setPos(-0.2, 1.2)   # what a drag does to the handle
    pa, pb = (a.pos().x(), a.pos().y()), (b.pos().x(), b.pos().y())
    w, bias = np.array(m.weights), m.bias
    for p in (pa, pb):
        assert abs(w @ p + bias) / np.hypot(*w) < 0.02
    assert [r.spin.value() for r in view.weight_rows] == [*m.weights, m.bias]


def _drag(widget, start, end, steps=8):
    """A real left-button drag on a widget (QTest cannot hold a button while moving)."""
    def send(kind, pos, buttons):
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
            Qt.MouseButton.NoButton
        ev = QMouseEvent(kind, QPointF(pos), widget.mapToGlobal(QPointF(pos)), button, buttons,
                         Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, ev)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start, left)
    for k in range(1, steps + 1):
        t = k / steps
        send(QEvent.Type.MouseMove, start + (end - start) * t, left)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_dragging_the_line_with_the_mouse_slides_it(view):
    m = view.model
    m.set_weights([1.0, 0.0], -0.5)  # the vertical line x1 = 0.5
    QApplication.processEvents()
    plane = view.plane
    vb = plane.getViewBox()
    to_widget = lambda x, y: QPointF(plane.mapFromScene(vb.mapViewToScene(QPointF(x, y))))
    _drag(plane.viewport(), to_widget(0.5, 0.3), to_widget(0.9, 0.3))
    assert m.weights == (1.0, 0.0)
    assert -m.bias == pytest.approx(0.9, abs=0.03)  # the line is now x1 = 0.9


def test_xor_banner_and_two_layer_view(qtbot, view):
    m = view.model
    m.apply_preset("xor")
    for _ in range(6):
        m.step_epoch()
    assert view.banner.isVisible()
    assert "XOR is not linearly separable" in view.banner.label.text()
    qtbot.mouseClick(view.banner.button, Qt.MouseButton.LeftButton)
    assert m.two_layer
    assert view.hidden_plane.isVisible() and view.left_stack.currentIndex() == 1
    assert table_column(view, 3) == [str(t) for t in TRUTH["XOR"]]
    labels = [e.label for e in view.net_diagram.edges]
    assert labels == ["−1", "−1", "1.5", "1", "1", "−0.5", "1", "1", "−1.5"]
    qtbot.mouseClick(view.banner.button, Qt.MouseButton.LeftButton)
    assert not m.two_layer and not view.hidden_plane.isVisible()


def test_converged_banner_names_the_first_clean_epoch(view):
    m = view.model
    m.apply_preset("and")
    train_until_done(m, 30)
    first_clean = m.errors_history.index(0) + 1
    for _ in range(3):  # more epochs after convergence do not change the message
        m.step_epoch()
    assert m.converged_at == first_clean
    assert view.banner.isVisible()
    assert f"Converged after {first_clean} epochs" in view.banner.label.text()


def test_retranslate_to_korean_and_back(view):
    from desktop.i18n import set_language

    before = view.step_button.text()
    assert set_language("ko")
    try:
        QApplication.processEvents()
        assert view.step_button.text() != before
        assert any("\uac00" <= ch <= "\ud7a3" for ch in view.side.table_box.title())
        assert any("\uac00" <= ch <= "\ud7a3" for ch in view.model.status_text())
        view.model.apply_preset("xor")
        for _ in range(5):
            view.model.step_epoch()
        assert any("\uac00" <= ch <= "\ud7a3" for ch in view.banner.label.text())
    finally:
        set_language("en")
    QApplication.processEvents()
    assert view.step_button.text() == before


def test_projector_and_dark_restyle(view):
    small = view.update_label.font().pointSizeF()
    style.set_projector(True)
    style.set_dark(True)
    assert view.update_label.font().pointSizeF() > small
    view.model.step()
    view.grab()


def test_monkey_actions_are_safe(view):
    random.seed(3)
    acts = view.monkey_actions()
    for _ in range(200):
        random.choice(acts)()
    view.model.pause()
    view.refresh()
