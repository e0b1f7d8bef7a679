"""The backpropagation tab: its graphs against finite differences, the 2-2-1 walkthrough
against core.mlp, exact stepping back, sessions, and the view showing what the model holds."""
import json
import random

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.autograd_replay import Graph
from desktop.paths import asset
from desktop.tabs.backprop.graphs import GRAPHS
from desktop.tabs.backprop.model import PRESET_NAMES, BackpropModel
from desktop.tabs.backprop.walkthrough import Walkthrough, split_inputs

GRAPH_IDS = [gid for gid, d in GRAPHS.items() if d.kind == "graph"]
NETWORK_IDS = [gid for gid, d in GRAPHS.items() if d.kind == "network"]


@pytest.fixture
def model(qtbot):
    m = BackpropModel()
    yield m
    m.pause()


@pytest.fixture
def view(open_tab):
    return open_tab("backprop")


def _output(gid, values, act="sigmoid"):
    return GRAPHS[gid].build(values, act)


def _fd(gid, values, key, act="sigmoid", h=1e-6):
    up, down = dict(values), dict(values)
    up[key] += h
    down[key] -= h
    return (_output(gid, up, act).data - _output(gid, down, act).data) / (2 * h)


# --- maths -------------------------------------------------------------------------------------
def test_lecture_example_gives_exactly_the_lecture_values(model):
    assert model.graph_id == "chain"
    assert model.inputs == {"x": -2.0, "y": 5.0, "z": -4.0}
    g = model.graph
    by_name = {g.names[i]: v for i, v in enumerate(g.nodes)}
    assert (by_name["q"].data, by_name["f"].data) == (3.0, -12.0)
    assert (by_name["x"].grad, by_name["y"].grad, by_name["z"].grad) == (-4.0, -4.0, 3.0)
    model.set_position(model.last_position)
    scene = model.scene()
    edge = {(scene.node(e.src).symbol or e.src, e.dst): e for e in scene.edges}
    assert (edge[("x", "n2")].value, edge[("x", "n2")].grad) == ("−2", "−4")
    assert (edge[("y", "n2")].value, edge[("y", "n2")].grad) == ("5", "−4")
    assert (edge[("z", "n4")].value, edge[("z", "n4")].grad) == ("−4", "3")
    assert (edge[("+", "n4")].value, edge[("+", "n4")].grad) == ("3", "−4")
    assert (edge[("×", "end")].value, edge[("×", "end")].grad) == ("−12", "1")
    lines = [ln for k in range(model.stage_count) for ln in model.graph.stages[k].lines]
    assert "∂f/∂x = ∂f/∂q · ∂q/∂x = −4 · 1 = −4" in lines


@pytest.mark.parametrize("gid", GRAPH_IDS)
def test_every_graph_matches_finite_differences(gid):
    d = GRAPHS[gid]
    rng = np.random.default_rng(abs(hash(gid)) % 1000)
    acts = ["sigmoid", "tanh", "relu"] if d.activations else ["sigmoid"]
    trials = [d.defaults()] + [{k: float(rng.uniform(-2, 2)) for k in d.defaults()}
                               for _ in range(4)]
    for act in acts:
        for values in trials:
            g = Graph(_output(gid, values, act))
            leaves = {g.nodes[i].label: g.nodes[i] for i in g.leaves}
            for inp in d.inputs:
                v = leaves[inp.label]
                num = _fd(gid, values, inp.key, act)
                assert v.grad == pytest.approx(num, rel=1e-5, abs=1e-7), (gid, act, inp.key)


def test_sigmoid_neuron_graph_has_the_lectures_gradients():
    g = Graph(_output("neuron", GRAPHS["neuron"].defaults()))
    grads = {g.nodes[i].label: round(g.nodes[i].grad, 2) for i in g.leaves}
    assert grads == {"w₀": -0.2, "x₀": 0.39, "w₁": -0.39, "x₁": -0.59, "w₂": 0.2}
    assert round(g.output.data, 2) == 0.73


@pytest.mark.parametrize("gid", NETWORK_IDS)
@pytest.mark.parametrize("act, out", [("sigmoid", "sigmoid"), ("tanh", "linear")])
def test_walkthrough_gradients_and_updates_equal_core_mlp(gid, act, out):
    """Iteration by iteration, the walkthrough's gradients are core.mlp's, and its next
    weights are core.mlp's weights after one SGD step with those gradients."""
    from core.mlp import MLP

    d = GRAPHS[gid]
    eta = 0.3
    walk = Walkthrough(d.sizes, d.defaults(), eta, act, out)
    x, y, W, B = split_inputs(d.sizes, d.defaults())
    m = MLP(list(d.sizes), activation=act, output_activation=out, loss="mse")
    for layer in range(len(W)):
        m.weights[layer][...] = W[layer]
        m.biases[layer][...] = B[layer]
    X, Y = x[None, :], y[None, :]
    for it in range(4):
        g = walk.graph(it)
        for a, b in zip(m.weights, g.weight_values()):
            np.testing.assert_allclose(b, a, rtol=1e-12, atol=1e-14)
        dW, db = m.gradients(X, Y)
        for a, b in zip(dW, g.weight_gradients()):
            np.testing.assert_allclose(b, a, rtol=1e-10, atol=1e-14)
        for a, b in zip(db, g.bias_gradients()):
            np.testing.assert_allclose(b, a, rtol=1e-10, atol=1e-14)
        assert g.loss.data == pytest.approx(m.loss(X, Y), rel=1e-12)
        for layer in range(len(dW)):
            m.weights[layer][...] -= eta * dW[layer]
            m.biases[layer][...] -= eta * db[layer]


@pytest.mark.parametrize("gid", NETWORK_IDS)
def test_walkthrough_loss_goes_down(gid):
    d = GRAPHS[gid]
    walk = Walkthrough(d.sizes, d.defaults(), d.learning_rate, d.activation,
                       d.output_activation)
    losses = walk.losses(30)
    assert np.all(np.diff(losses) < 0)


def test_walkthrough_stage_texts_show_mazurs_numbers():
    d = GRAPHS["net222"]
    walk = Walkthrough(d.sizes, d.defaults(), 0.5, "sigmoid", "sigmoid")
    text = "\n".join(ln for p in range(walk.per_iteration) for ln in walk.lines(p))
    assert "J = ½(0.751 − 0.01)² + ½(0.773 − 0.99)² = 0.2984" in text
    assert "∂J/∂w₅ = δ₃ · h₁ = 0.138 · 0.593 = 0.0822" in text
    assert "w₅ ← 0.4 − 0.5 · 0.0822 = 0.359" in text
    assert "w₁ ← 0.15 − 0.5 · 0.000439 = 0.1498" in text
    kinds = [s.kind for s in walk.plan]
    # forward, loss, then the output layer's deltas before the hidden layer's, updates last
    assert kinds.index("loss") > max(i for i, k in enumerate(kinds) if k == "forward")
    out_delta = kinds.index("delta")
    assert walk.plan[out_delta].layer == 1
    assert kinds[-2:] == ["update", "update"]


# --- the model: stepping, presets, sessions ------------------------------------------
def _seen(model):
    scene = model.scene()
    return (model.to_state(), scene.lines,
            [(n.key, n.value, n.grad, n.extra, n.active) for n in scene.nodes],
            [(e.src, e.dst, e.value, e.grad, e.param, e.active) for e in scene.edges])


@pytest.mark.parametrize("preset", ["chain", "gates", "tiny", "net221", "net222"])
def test_stepping_back_restores_the_earlier_stage(model, preset):
    model.apply_preset(preset)
    per = model.walkthrough.per_iteration if model.walkthrough else model.stage_count
    for start in (0, 3, per - 1, per, 2 * per - 1):
        if start >= model.last_position:
            continue
        model.set_position(start)
        before = _seen(model)
        model.step()
        assert model.position == start + 1
        assert _seen(model) != before
        model.step_back()
        assert _seen(model) == before


def test_edits_keep_the_stage_and_recompute_its_numbers(model):
    model.set_position(2)  # f = q · z computed
    model.set_input("x", 1.0)
    assert model.position == 2
    assert model.scene().lines == ("f = q · z = 6 · (−4) = −24",)
    with pytest.raises(ValueError, match="between"):
        model.set_input("x", float("nan"))
    with pytest.raises(ValueError, match="no input"):
        model.set_input("w9", 1.0)
    assert model.inputs["x"] == 1.0
    model.restore_inputs()
    assert model.inputs == GRAPHS["chain"].defaults()


def test_network_edits_restart_the_arithmetic_from_the_new_start(model):
    model.apply_preset("net221")
    per = model.walkthrough.per_iteration
    model.set_position(per + 2)
    model.set_learning_rate(0.1)
    assert model.position == per + 2
    w = model.walkthrough
    g0, g1 = w.graph(0), w.graph(1)
    expected = g0.weight_values()[0] - 0.1 * g0.weight_gradients()[0]
    np.testing.assert_allclose(g1.weight_values()[0], expected)


def test_every_preset_applies_and_its_name_is_translatable(model):
    presets = json.loads(asset("presets", "backprop.json").read_text(encoding="utf-8"))
    assert len({p["id"] for p in presets}) == len(presets)
    assert {p["name"] for p in presets} <= set(PRESET_NAMES)
    assert {p["state"]["graph"] for p in presets} == set(GRAPHS)
    for p in presets:
        model.apply_preset(p["id"])
        assert model.preset_id == p["id"] and model.position == 0
        assert model.scene().lines
        assert model.status_text()


def test_state_round_trip(model):
    model.apply_preset("net221_tanh")
    model.set_input("w1", 0.25)
    model.set_position(17)
    model.set_pace("iteration")
    model.set_interval(0.4)
    state = json.loads(json.dumps(model.to_state()))
    other = BackpropModel()
    other.from_state(state)
    assert other.to_state() == state
    assert other.scene().lines == model.scene().lines


@pytest.mark.parametrize("bad", [
    [], {"graph": "nope"}, {"graph": "chain", "inputs": {"q": 1}},
    {"graph": "chain", "inputs": {"x": "1"}}, {"graph": "chain", "inputs": {"x": 1e9}},
    {"graph": "chain", "stage": 9}, {"graph": "chain", "stage": -1},
    {"graph": "chain", "stage": 1.5}, {"graph": "net221", "learning_rate": 0},
    {"graph": "net221", "activation": "softsign"}, {"graph": "chain", "pace": "fast"},
    {"graph": "chain", "interval": 0}, {"graph": "chain", "colour": "red"},
    {"graph": "chain", "inputs": [1, 2]},
])
def test_bad_state_is_rejected_and_changes_nothing(model, bad):
    model.apply_preset("tiny")
    model.set_position(3)
    before = model.to_state()
    with pytest.raises(ValueError):
        model.from_state(bad)
    assert model.to_state() == before


def test_play_runs_stages_and_stops_at_the_end(model, qtbot):
    model.set_interval(0.05)
    model.play()
    qtbot.waitUntil(lambda: not model.running, timeout=5000)
    assert model.position == model.last_position
    model.apply_preset("net221")
    model.set_pace("iteration")
    model.play()
    per = model.walkthrough.per_iteration
    qtbot.waitUntil(lambda: model.position >= 3 * per, timeout=5000)
    model.pause()
    assert model.position % per == 0
    assert len(model.losses()) == model.iteration
    model.reset()
    assert model.position == 0 and not model.running


# --- the view ------------------------------------------------------------------------
def test_view_draws_the_models_numbers(view):
    m = view.model
    m.set_position(m.last_position)
    texts = view.canvas.texts()
    forward = sorted(t.text for t in texts if t.role == "forward")
    backward = sorted(t.text for t in texts if t.role == "backward")
    assert forward == sorted(["−2", "5", "−4", "3", "−12"])
    assert backward == sorted(["−4", "−4", "3", "−4", "1"])
    assert "∂f/∂x = −4" in view.lines_area.text()
    m.set_position(1)
    texts = view.canvas.texts()
    assert [t.text for t in texts if t.role == "active"] == ["+"]
    assert "q = x + y = −2 + 5 = 3" in view.lines_area.text()
    assert "1 of 8" in view.stage_label.text()


def test_view_controls_write_to_the_model(view, qtbot):
    m = view.model
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    assert m.position == 2
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert m.position == 1
    view.input_spins["z"].setValue(2.0)
    assert m.inputs["z"] == 2.0
    view.stage_slider.setValue(5)
    assert m.position == 5
    index = [p["id"] for p in m.presets].index("net222")
    view.preset_combo.setCurrentIndex(index)
    view.preset_combo.activated.emit(index)
    assert m.graph_id == "net222" and len(view.input_spins) == 16
    assert view.input_spins["w5"].value() == pytest.approx(0.4)
    view.lr_spin.setValue(0.25)
    assert m.learning_rate == 0.25
    view.act_combo.setCurrentIndex(1)
    view.act_combo.activated.emit(1)
    assert m.activation == "tanh"
    view.pace_combo.setCurrentIndex(1)
    view.pace_combo.activated.emit(1)
    assert m.pace == "iteration"
    m.set_position(m.walkthrough.per_iteration + 5)
    assert view.loss_curve.getData()[1].tolist() == pytest.approx(m.losses().tolist())


def test_view_follows_the_model(view):
    m = view.model
    m.apply_preset("tiny_relu")
    assert view.act_combo.currentData() == "relu"
    assert set(view.input_spins) == {"x", "w1", "w2", "y"}
    m.set_input("w2", -0.75)
    assert view.input_spins["w2"].value() == -0.75
    assert not view.loss_plot.isVisible()
    m.apply_preset("net221")
    assert view.loss_plot.isVisible() and view.network_box.isVisible()


def test_retranslate_to_korean_and_back(view, qtbot):
    from desktop.i18n import set_language

    english = view.inputs_box.title()
    heading = view.heading_label.text()
    assert set_language("ko")
    qtbot.waitUntil(lambda: view.inputs_box.title() != english)
    assert view.heading_label.text() != heading
    assert any("\uac00" <= ch <= "\ud7a3" for ch in view.preset_combo.itemText(0))
    assert any("\uac00" <= ch <= "\ud7a3" for ch in view.model.status_text())
    set_language("en")
    qtbot.waitUntil(lambda: view.inputs_box.title() == english)


def test_projector_and_dark_styles_apply(view):
    from desktop.theme import style

    try:
        style.set_projector(True)
        style.set_dark(True)
        assert view.canvas.texts()
        assert view.grab().width() > 0
    finally:
        style.set_projector(False)
        style.set_dark(False)


def test_monkey_actions_are_safe(view):
    random.seed(5)
    actions = view.monkey_actions()
    for _ in range(60):
        random.choice(actions)()
    view.model.pause()
    assert 0 <= view.model.position <= view.model.last_position
