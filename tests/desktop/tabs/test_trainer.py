"""The live MLP trainer: model against an independent numpy forward pass, presets reach what
they advertise, sessions and CSV round-trip exactly, divergence is caught, and the view shows
and edits what the model holds."""
import json

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from desktop.tabs.trainer import data, features
from desktop.tabs.trainer.model import EXTENT, GRID_N, TrainerModel


@pytest.fixture(autouse=True)
def _userdata(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURALAB_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def model(qtbot):
    m = TrainerModel()
    yield m
    m.pause()


@pytest.fixture
def view(open_tab):
    import pyqtgraph as pg

    pg.setConfigOptions(imageAxisOrder="row-major")
    return open_tab("trainer")


# ---- an independent forward pass (plain numpy) ------------------------------------------
def _act(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "linear":
        return z
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise AssertionError(name)


def numpy_layers(m: TrainerModel, X2d: np.ndarray) -> list:
    """Every layer's output for 2-D points, from the weights alone."""
    cols = {"x1": X2d[:, 0], "x2": X2d[:, 1], "x1sq": X2d[:, 0] ** 2, "x2sq": X2d[:, 1] ** 2,
            "x1x2": X2d[:, 0] * X2d[:, 1], "sin1": np.sin(X2d[:, 0]),
            "sin2": np.sin(X2d[:, 1])}
    a = np.column_stack([cols[n] for n in features.NAMES if n in m.s.features])
    acts = list(m.s.activations) + [m.spec.activation]
    outs = []
    for W, b, act in zip(m.mlp.weights, m.mlp.biases, acts):
        a = _act(act, a @ W + b)
        outs.append(a)
    return outs


def grid_xy() -> np.ndarray:
    c = -EXTENT + 2 * EXTENT / GRID_N * (np.arange(GRID_N) + 0.5)
    xx, yy = np.meshgrid(c, c)
    return np.column_stack((xx.ravel(), yy.ravel()))


# ---- the heat maps are the network's forward pass ----------------------------------------
def test_output_map_and_neuron_maps_equal_a_numpy_forward_pass(model):
    for _ in range(5):
        model.step()
    outs = numpy_layers(model, grid_xy())
    # float32 values (they only become colours): float32 precision, not float64's
    assert np.allclose(model.output_map()[:, 0], outs[-1][:, 0], rtol=0, atol=2e-6)
    units = model.grid_outputs()
    assert units.dtype == np.float32
    assert np.allclose(units[:, model.mlp.unit_slices[0]], outs[0], rtol=0, atol=2e-6)
    assert np.allclose(units[:, model.mlp.unit_slices[1]], outs[1], rtol=0, atol=2e-6)


def test_the_view_shows_the_models_heat_map(view):
    m = view.model
    m.step()
    img = view.output.image.image
    assert img.shape == (GRID_N, GRID_N)
    # row i is y_i ascending, column j is x_j: the image's [0, 0] is (-6, -6)
    assert np.allclose(img, m.output_map()[:, 0].reshape(GRID_N, GRID_N), atol=1e-6)
    rect = view.output.image.mapRectToView(view.output.image.boundingRect())
    assert (rect.left(), rect.top(), rect.width()) == pytest.approx((-6, -6, 12))


def test_softmax_output_for_three_classes(model):
    model.set_dataset("spiral3")
    assert model.spec.activation == "softmax" and model.spec.n_out == 3
    p = model.output_map()
    assert p.shape == (GRID_N * GRID_N, 3)
    assert np.allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-6)
    assert np.allclose(p, numpy_layers(model, grid_xy())[-1], rtol=0, atol=2e-6)


def test_thumbnails_put_plus_y_at_the_top():
    from desktop.tabs.trainer.images import thumbnails

    xy = grid_xy()
    values = np.asfortranarray(np.column_stack((xy[:, 0], xy[:, 1])))
    th = thumbnails(values, 50)
    assert th.shape == (2, 50, 50)
    assert th[0, 0, 0] < 0 < th[0, 0, -1]  # x grows to the right
    assert th[1, 0, 0] > 0 > th[1, -1, 0]  # y grows upwards


def test_colour_indices_of_extreme_values(recwarn):
    from desktop.tabs.trainer.images import to_indices

    big = np.finfo(np.float32).max
    for dtype in (np.float32, np.float64):  # a diverged network's maps: no overflow warning
        values = np.array([-np.inf, -big, -1.0, 0.0, 1.0, big, np.inf, np.nan], dtype=dtype)
        assert to_indices(values).tolist() == [0, 0, 0, 128, 255, 255, 255, 128]
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_float32_maps_of_weights_beyond_float32_range(model, recwarn):
    model.mlp.weights[0][0, 0] = 1e300  # finite in float64, +inf in float32
    model.weights_changed.emit()
    assert np.isfinite(model.mlp.params).all()
    model._cache.clear()
    units = model.grid_outputs()
    assert units.dtype == np.float32 and units.shape[0] == GRID_N * GRID_N
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_hidden_space_is_the_layer_output(model):
    for _ in range(3):
        model.step()
    model.set_hidden_view(1, 1, 0)
    hs = model.hidden_space()
    outs = numpy_layers(model, model.points.X)
    assert (hs.layer, hs.a, hs.b) == (1, 1, 0)
    assert np.allclose(hs.points[:, 0], outs[1][:, 1], atol=1e-12)
    assert np.allclose(hs.points[:, 1], outs[1][:, 0], atol=1e-12)
    # the last hidden layer has two neurons: the output's boundary is a line there
    wa, wb, c = hs.line
    assert wa == model.mlp.weights[-1][1, 0] and c == model.mlp.biases[-1][0]


def test_metrics_agree_with_the_numpy_forward_pass(model):
    for _ in range(20):
        model.step()
    p = model.points
    out = numpy_layers(model, p.X)[-1][:, 0]
    pred = (out >= 0).astype(int)
    want_train = np.mean(pred[p.train] == p.y[p.train])
    want_test = np.mean(pred[~p.train] == p.y[~p.train])
    assert model.metrics["train_accuracy"] == pytest.approx(want_train)
    assert model.metrics["test_accuracy"] == pytest.approx(want_test)
    t = 2.0 * p.y[~p.train] - 1.0
    assert model.test_loss == pytest.approx(np.mean(0.5 * (out[~p.train] - t) ** 2))
    cm = model.metrics["test_confusion"]
    assert cm.sum() == (~p.train).sum() and np.trace(cm) == round(want_test * cm.sum())


# ---- presets reach what they advertise ------------------------------------------------------
def _run_to(model, epochs):
    while model.epoch < epochs and not model.diverged:
        model._train(min(200, epochs - model.epoch))
    model._after_change()


def _outcome(model, preset_id):
    model.apply_preset(preset_id)
    ex = next(p for p in model.presets if p["id"] == preset_id).get("expect", {})
    g = model.gradient_norms()
    _run_to(model, ex.get("epochs", 0))
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = g[0] / g[-1]
    return {"test_accuracy": model.metrics.get("test_accuracy"),
            "test_r2": model.metrics.get("test_r2"),
            "train_loss": model.train_loss, "gap": model.test_loss - model.train_loss,
            "diverged": model.diverged, "gradient_ratio": ratio,
            "zero_weights": float(np.mean(np.abs(model.all_weights()) < 0.01))}


PRESETS = json.loads(__import__("desktop.paths", fromlist=["asset"]).asset(
    "presets", "trainer.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("preset", [p["id"] for p in PRESETS])
def test_each_preset_reaches_its_advertised_result(model, preset):
    ex = next(p for p in PRESETS if p["id"] == preset)["expect"]
    got = _outcome(model, preset)
    for key, rule in ex.items():
        if key == "epochs":
            continue
        if key == "diverged":
            assert got["diverged"] is rule
        elif key == "gap_below":
            assert got["gap"] < _outcome(TrainerModel(), rule)["gap"]
        elif key == "gradient_ratio_above":
            assert got["gradient_ratio"] > 10 * _outcome(TrainerModel(), rule)["gradient_ratio"]
        else:
            op, value = rule
            assert (got[key] >= value) if op == ">=" else (got[key] <= value), (key, got[key])


def test_presets_are_translated_names(qtbot, model):
    from desktop.i18n import set_language

    try:
        set_language("ko")
        for _pid, name, description in model.preset_names():
            assert any("\uac00" <= ch <= "\ud7a3" for ch in name), name
            assert any("\uac00" <= ch <= "\ud7a3" for ch in description), description
    finally:
        set_language("en")


# ---- playing, stepping, resetting -----------------------------------------------------------
def test_play_trains_live_and_reports_speed(qtbot, model):
    model.set_speed(0)
    model.play()
    qtbot.waitUntil(lambda: model.epoch > 50, timeout=10000)
    text = model.status_text()
    model.pause()
    assert "epochs/s" in text and "steps/s" in text and "fps" in text
    assert len(model.history) >= 2 and model.history.epoch[-1] == model.epoch


def test_step_back_restores_the_previous_weights(model):
    model.step()
    after_one = model.mlp.params.copy()
    model.step()
    assert not np.array_equal(model.mlp.params, after_one)
    model.step_back()
    assert np.array_equal(model.mlp.params, after_one) and model.epoch == 1


def test_reset_keeps_the_initial_weights_and_new_weights_draws_others(model):
    start = model.mlp.params.copy()
    for _ in range(5):
        model.step()
    model.reset()
    assert np.array_equal(model.mlp.params, start) and model.epoch == 0
    assert len(model.history) == 1
    model.new_weights()
    assert not np.array_equal(model.mlp.params, start)
    assert np.all(np.abs(model.mlp.weights[0]) <= 0.5)  # the playground's U[-0.5, 0.5)


def test_auto_stop_after_n_epochs_and_at_a_target_loss(qtbot, model):
    model.set_stop_epochs(100)
    model.set_speed(0)
    model.play()
    qtbot.waitUntil(lambda: not model.running, timeout=10000)
    assert model.epoch == 100 and model.stop_reason == "epochs"
    model.reset()
    model.set_stop_epochs(0)
    model.set_stop_loss(0.05)
    model.play()
    qtbot.waitUntil(lambda: not model.running, timeout=20000)
    assert model.train_loss <= 0.05 and model.stop_reason == "loss"


def test_divergence_is_caught_and_the_last_finite_weights_kept(qtbot, model):
    model.apply_preset("lr_too_large")
    model.set_speed(0)
    model.play()
    # generous: the suite runs on every core at once, and the machine may be slow
    qtbot.waitUntil(lambda: not model.running, timeout=30000)
    assert model.diverged
    assert np.all(np.isfinite(model.mlp.params))
    assert "lower the learning rate" in model.message
    assert not model.can_play()
    model.set_learning_rate(0.001)
    assert not model.diverged and model.can_play()


def test_bad_architecture_edits_give_a_message_and_change_nothing(model):
    model.from_state({"settings": {"hidden": [1]}})
    params = model.mlp.params.copy()
    model.remove_neuron(0)
    assert model.s.hidden == (1,) and "at least one neuron" in model.message
    model.toggle_feature("x1")
    model.toggle_feature("x2")
    assert model.s.features == ("x2",) and "at least one input" in model.message
    model.from_state({"settings": {"hidden": [8] * 6}})
    model.add_layer()
    model.add_neuron(0)
    assert model.s.hidden == (8,) * 6 and "At most 8 neurons" in model.message
    assert params.size == 5  # [2 -> 1 -> 1]: weights 2 + 1, biases 1 + 1


def test_empty_and_one_class_data_refuse_to_train_with_a_message(model):
    model.clear_points()
    assert len(model.points.X) == 0 and model.s.dataset == data.CUSTOM
    model.play()
    assert not model.running and "no training points" in model.message
    model.add_point(1.0, 1.0, 0)
    model.add_point(-1.0, 2.0, 0)
    model.step()
    assert model.epoch == 0 and "one class" in model.message
    model.add_point(3.0, -2.0, 1)
    model.step()
    assert model.epoch == 1 and model.message == ""


def test_a_point_of_a_new_class_makes_a_softmax_network(model):
    model.add_point(0.0, 0.0, 2)
    assert model.n_classes == 3 and model.spec.activation == "softmax"
    assert model.layer_sizes[-1] == 3


# ---- CSV and sessions ------------------------------------------------------------------------
def test_csv_round_trip_through_the_model_is_exact(model, tmp_path):
    model.set_noise(20)
    path = tmp_path / "points.csv"
    assert model.save_csv(path)
    before = (model.points.X.copy(), model.points.y.copy(), model.points.train.copy())
    other = TrainerModel()
    assert other.load_csv(path)
    assert np.array_equal(other.points.X, before[0])
    assert np.array_equal(other.points.y, before[1])
    assert np.array_equal(other.points.train, before[2])
    assert other.s.dataset == data.CUSTOM


def test_a_malformed_csv_changes_nothing(model, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n1,2,0\n3,four,1\n", encoding="utf-8")
    before = model.to_state()
    assert not model.load_csv(path)
    assert "line 3" in model.message
    assert model.to_state() == before


def test_session_round_trip_is_exact(model):
    model.set_dataset("xor")
    model.set_optimizer("adam")
    model.set_learning_rate(0.01)
    model.set_regularization("l2")
    model.set_reg_rate(0.001)
    for _ in range(7):
        model.step()
    model.add_point(2.5, -3.5, 1)
    state = json.loads(json.dumps(model.to_state(), allow_nan=False))
    other = TrainerModel()
    other.from_state(state)
    assert other.to_state() == model.to_state()
    assert np.array_equal(other.mlp.params, model.mlp.params)
    assert np.array_equal(other.output_map(), model.output_map())
    other.step()
    model.step()  # the optimizer's state came along: the next step is the same
    assert np.array_equal(other.mlp.params, model.mlp.params)


@pytest.mark.parametrize("patch", [
    {"settings": {"hidden": [4, 20]}},
    {"settings": {"learning_rate": -1}},
    {"params": [0.0, 1.0]},
    {"params": "zeros"},
    {"epoch": -3},
    {"points": {"kind": "classification", "x": [[0, 0]], "y": [7], "train": [True]}},
    {"points": {"kind": "classification", "x": [[0, 0]], "y": [0], "train": [True, False]}},
    {"history": {"epoch": [0, 1], "train": [1.0], "test": [1.0, 1.0]}},
    {"optimizer_state": {"name": "adam"}},
    {"surprise": 1},
    {"version": 2},
])
def test_bad_session_state_is_rejected_before_anything_changes(model, patch):
    model.step()
    good = model.to_state()
    bad = {**json.loads(json.dumps(good)), **patch}
    with pytest.raises(ValueError):
        model.from_state(bad)
    assert model.to_state() == good


# ---- the view ---------------------------------------------------------------------------------
def test_clicking_an_edge_edits_its_weight(qtbot, view):
    d = view.diagram
    qtbot.waitUntil(lambda: bool(d.edges), timeout=5000)
    edge = d.edges[("w", 1, 2, 0)]
    pos = d.mapFromScene(edge.path().pointAtPercent(0.5))
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert d.editor.isVisible()
    d.editor.edit.setText("1.75")
    qtbot.keyClick(d.editor.edit, Qt.Key.Key_Return)
    m = view.model
    assert m.mlp.weights[1][2, 0] == 1.75
    assert np.allclose(m.output_map()[:, 0], numpy_layers(m, grid_xy())[-1][:, 0], rtol=0,
                       atol=2e-6)
    assert "1.75" in d.describe(("w", 1, 2, 0))


def test_clicking_a_bias_square_edits_the_bias(qtbot, view):
    d = view.diagram
    item = d.biases[("b", 0, 1)]
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton,
                     pos=d.mapFromScene(item.sceneBoundingRect().center()))
    d.editor.edit.setText("-0.5")
    qtbot.keyClick(d.editor.edit, Qt.Key.Key_Return)
    assert view.model.mlp.biases[0][1] == -0.5


def test_clicking_an_input_node_toggles_the_feature(qtbot, view):
    d = view.diagram
    node = d.nodes[(0, 2)]  # x1^2
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton,
                     pos=d.mapFromScene(node.sceneBoundingRect().center()))
    qtbot.waitUntil(lambda: "x1sq" in view.model.s.features, timeout=3000)
    assert view.model.layer_sizes[0] == 3


def test_plus_minus_buttons_change_the_architecture(qtbot, view):
    d = view.diagram
    m = view.model

    def click(key):
        item = d.buttons[key]
        qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton,
                         pos=d.mapFromScene(item.sceneBoundingRect().center()))

    click("add_layer")
    qtbot.waitUntil(lambda: m.s.hidden == (4, 2, 2), timeout=3000)
    click("add_neuron_0")
    qtbot.waitUntil(lambda: m.s.hidden == (5, 2, 2), timeout=3000)
    click("remove_neuron_1")
    qtbot.waitUntil(lambda: m.s.hidden == (5, 1, 2), timeout=3000)
    click("remove_layer")
    qtbot.waitUntil(lambda: m.s.hidden == (5, 1), timeout=3000)
    assert len(d.nodes) == 7 + 5 + 1 + 1


def test_the_layer_activation_menu_sets_one_layer(qtbot, view):
    menu = view.diagram.activation_menu(1)
    relu = next(a for a in menu.actions() if a.text() == "ReLU")
    relu.trigger()
    assert view.model.s.activations == ("tanh", "relu")


def test_clicks_on_the_output_map_add_and_delete_points(qtbot, view):
    m = view.model
    m.clear_points()
    plot = view.output
    vb = plot.getPlotItem().vb

    def click(x, y, button=Qt.MouseButton.LeftButton, mods=Qt.KeyboardModifier.NoModifier):
        pos = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        qtbot.mouseClick(plot.viewport(), button, mods, pos)

    click(2.0, 3.0)
    click(-3.0, -1.0, mods=Qt.KeyboardModifier.ShiftModifier)
    assert m.points.y.tolist() == [0, 1]
    assert np.allclose(m.points.X, [[2.0, 3.0], [-3.0, -1.0]], atol=0.15)
    click(2.05, 3.0, Qt.MouseButton.RightButton)
    assert m.points.y.tolist() == [1]
    shown = view.output.train_points.data
    assert len(shown) == 1


def test_controls_write_through_the_model(qtbot, view):
    c = view.controls
    m = view.model
    c.dataset_buttons["spiral"].click()
    assert m.s.dataset == "spiral"
    i = c.lr.findData(0.3)
    c.lr.activated.emit(i)
    assert m.s.learning_rate == 0.3 and m.optimizer.learning_rate == 0.3
    c.optimizer.activated.emit(c.optimizer.findData("rmsprop"))
    assert m.optimizer.name == "rmsprop"
    c.ratio.setValue(70)
    assert m.s.train_ratio == 70 and m.points.train.sum() == 350
    view.discretize.click()
    assert m.s.discretize
    assert set(np.unique(view.output.image.image)) <= {-1.0, 1.0}


def test_status_and_stats_show_the_models_numbers(view):
    m = view.model
    m.step()
    assert f"{m.test_loss:.3f}" in view.stats.text()
    assert view.epoch_label.text().endswith("1")


def test_retranslate_to_korean_and_back(qtbot, view):
    from desktop.i18n import set_language

    english = view.step_button.text()
    try:
        assert set_language("ko")
        qtbot.waitUntil(lambda: view.step_button.text() != english, timeout=3000)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in view.controls.labels["lr"].text())
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: view.step_button.text() == english, timeout=3000)


def test_projector_and_dark_styles_apply(qtbot, view):
    from desktop.theme import style

    try:
        style.set_projector(True)
        style.set_dark(True)
        assert view.epoch_label.font().pointSizeF() > 20
    finally:
        style.set_projector(False)
        style.set_dark(False)


def test_export_writes_pngs(view, tmp_path):
    for widget, name in ((view.diagram, "diagram.png"), (view.output, "map.png")):
        view.export_widget(widget, tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000


def test_every_monkey_action_is_safe(qtbot, view):
    import random

    random.seed(3)
    acts = view.monkey_actions()
    for act in acts + random.sample(acts * 3, 60):
        act()
    view.model.pause()
    m = view.model
    assert np.all(np.isfinite(m.mlp.params))
    assert len(view.diagram.nodes) == 7 + sum(m.s.hidden) + m.spec.n_out
