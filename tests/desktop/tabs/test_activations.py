"""The activations & losses tab: curves equal core's values and independent oracles, the
view shows the model and writes back through it, sessions and presets, Korean."""
import math

import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from core import activations as core_act
from core import losses as core_losses
from desktop.tabs.activations import curves
from desktop.tabs.activations.model import ActivationsModel, load_presets
from desktop.tabs.activations.state import DEFAULTS, SECTIONS
from desktop.theme import style


@pytest.fixture
def model(qapp):
    m = ActivationsModel()
    yield m
    m.pause()


@pytest.fixture
def view(open_tab):

    pg.setConfigOptions(imageAxisOrder="row-major")
    return open_tab("activations")


def finite(x, y):
    keep = np.isfinite(x) & np.isfinite(y)
    return np.asarray(x)[keep], np.asarray(y)[keep]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# Independent oracles written from the textbook formulas (not from core).
ORACLE = {
    "linear": lambda z, a: z,
    "step": lambda z, a: (z >= 0).astype(float),
    "sigmoid": lambda z, a: sigmoid(z),
    "tanh": lambda z, a: (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),
    "relu": lambda z, a: np.maximum(0.0, z),
    "leaky_relu": lambda z, a: np.where(z > 0, z, a * z),
    "prelu": lambda z, a: np.where(z > 0, z, a * z),
    "elu": lambda z, a: np.where(z > 0, z, a * (np.exp(np.minimum(z, 0)) - 1)),
    "softplus": lambda z, a: np.log(1.0 + np.exp(z)),
    "gelu": lambda z, a: z * 0.5 * (1 + np.vectorize(math.erf)(z / math.sqrt(2))),
    "swish": lambda z, a: z * sigmoid(z),
}


# --- curves: core's values, independent oracles, finite differences ----------------------

@pytest.mark.parametrize("key", list(curves.ENTRIES))
def test_activation_curve_is_cores_values_and_the_textbook_formula(key):
    entry = curves.ENTRIES[key]
    alpha = 0.3 if entry.has_alpha else None
    g, dg = curves.activation_curves(key, alpha)
    x, y = finite(g.line_x, g.line_y)
    assert x.size == curves.N_SAMPLES  # every sample is drawn; breaks are extra NaNs
    a = entry.alpha_default if alpha is None else alpha
    np.testing.assert_array_equal(y, core_act.value(entry.base, x, a))
    np.testing.assert_allclose(y, ORACLE[key](x, a), rtol=1e-9, atol=1e-12)
    x, dy = finite(dg.line_x, dg.line_y)
    np.testing.assert_array_equal(dy, core_act.derivative(entry.base, x, a))


@pytest.mark.parametrize("key,alpha", [(k, None) for k in curves.ENTRIES]
                         + [(k, 0.7) for k, e in curves.ENTRIES.items() if e.has_alpha])
def test_derivative_curve_matches_finite_differences(key, alpha):
    entry = curves.ENTRIES[key]
    g, dg = curves.activation_curves(key, alpha)
    z = dg.z
    h = 1e-5
    a = entry.alpha_default if alpha is None else alpha
    away = np.abs(z) > 1e-3  # the kinks and the jump sit at z = 0
    fd = (ORACLE[key](z + h, a) - ORACLE[key](z - h, a)) / (2 * h)
    np.testing.assert_allclose(dg.y[away], fd[away], atol=2e-6)


def test_step_jump_is_a_gap_with_a_closed_and_an_open_dot():
    g, dg = curves.activation_curves("step")
    assert g.jumps == ((0.0, 1.0, 0.0),)  # step(0) = 1 (closed); left limit 0 (open)
    i = int(np.flatnonzero(np.isnan(g.line_y))[0])
    assert g.line_x[i - 1] < 0 and g.line_y[i - 1] == 0.0
    assert g.line_x[i + 1] == 0.0 and g.line_y[i + 1] == 1.0
    # no drawn segment joins a 0 to a 1: every finite neighbour pair differs by < tolerance
    y = g.line_y
    pairs = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    assert np.all(np.abs(np.diff(y)[pairs]) < curves.JUMP_TOLERANCE)
    relu_d = curves.activation_curves("relu")[1]
    assert relu_d.jumps == ((0.0, 0.0, 1.0),)  # ReLU'(0) = 0, right limit 1
    assert curves.activation_curves("sigmoid")[0].jumps == ()


def test_colours_are_distinct_for_any_selection():
    keys = list(curves.ENTRIES)
    for n in range(1, 9):
        sel = keys[:n]
        idx = curves.colour_indices(sel)
        assert len(set(idx.values())) == n
    assert curves.colour_indices(["sigmoid", "tanh", "relu"]) == {
        "sigmoid": 0, "tanh": 1, "relu": 2}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-10, 10), min_size=2, max_size=8),
       st.floats(0.1, 10.0))
def test_softmax_sums_to_one_and_is_the_exponential_formula(logits, t):
    m = ActivationsModel()
    m.from_state({"logits": logits, "temperature": t})
    p = m.probabilities()
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    z = np.array(logits) / t
    e = np.exp(z - z.max())
    np.testing.assert_allclose(p, e / e.sum(), rtol=1e-10, atol=1e-300)


def test_softmax_responds_to_temperature(model):
    model.from_state({"logits": [2.0, 1.0, 0.1]})
    p1 = model.probabilities()
    np.testing.assert_allclose(p1, [0.659, 0.242, 0.099], atol=1e-3)  # the textbook numbers
    peaks = []
    for t in (0.1, 0.5, 1.0, 2.0, 10.0):
        model.set_temperature(t)
        peaks.append(model.probabilities().max())
    assert all(a > b for a, b in zip(peaks, peaks[1:]))  # hotter = flatter
    model.set_temperature(0.1)
    assert model.probabilities()[0] > 0.9999  # cold: the arg-max
    model.set_temperature(10.0)
    assert np.ptp(model.probabilities()) < 0.1  # hot: nearly uniform 1/3


def test_pointwise_sigmoid_does_not_sum_to_one(model):
    model.from_state({"logits": [2.0, 1.0, 0.1], "temperature": 1.0})
    s = model.pointwise_sigmoid()
    np.testing.assert_allclose(s, sigmoid(np.array([2.0, 1.0, 0.1])))
    assert s.sum() > 1.5


def test_maxout_is_the_largest_piece_and_its_slope(model):
    model.from_state({"pieces": [[0.0, 0.0], [1.0, 0.0]]})
    z = curves.z_grid()
    values, slopes, k = model.maxout(z)
    np.testing.assert_array_equal(values, core_act.value("relu", z))  # maxout(0, z) = ReLU
    pieces = [[-2.0, -2.0], [-0.5, 0.0], [0.5, 0.0], [2.0, -2.0]]
    model.from_state({"pieces": pieces})
    values, slopes, k = model.maxout(z)
    brute = np.array([max(w * zi + b for w, b in pieces) for zi in z])
    np.testing.assert_allclose(values, brute)
    np.testing.assert_allclose(slopes, [pieces[i][0] for i in k])
    fd = np.gradient(values, z)
    smooth = np.abs(np.diff(slopes, prepend=slopes[0])) == 0
    smooth &= np.abs(np.diff(slopes, append=slopes[-1])) == 0
    np.testing.assert_allclose(slopes[smooth], fd[smooth], atol=1e-9)


def test_vanishing_products_and_the_sigmoid_bound(model):
    model.from_state({"z_centre": 0.0, "z_spread": 0.0})
    prod = model.gradient_products()
    n = np.arange(1, curves.MAX_DEPTH + 1)
    np.testing.assert_allclose(prod["sigmoid"], 0.25 ** n)  # best case meets the bound
    np.testing.assert_allclose(prod["bound"], 0.25 ** n)
    np.testing.assert_allclose(prod["tanh"], 1.0)
    model.from_state({"z_centre": 1.0})
    prod = model.gradient_products()
    s1 = math.exp(-1) / (1 + math.exp(-1)) ** 2
    t1 = 1 - math.tanh(1) ** 2
    np.testing.assert_allclose(prod["sigmoid"], s1 ** n)
    np.testing.assert_allclose(prod["tanh"], t1 ** n)
    np.testing.assert_allclose(prod["relu"], 1.0)
    model.apply_preset("vanishing_deep")  # scattered z, all positive: ReLU passes 1
    assert np.all(model.layer_z() > 0)
    prod = model.gradient_products()
    np.testing.assert_array_equal(prod["relu"], 1.0)
    assert prod["sigmoid"][-1] < 1e-15 and prod["tanh"][-1] < 1e-3
    model.apply_preset("vanishing_dead")  # a layer with z <= 0 zeroes the ReLU path
    assert np.any(model.layer_z() <= 0) and model.gradient_products()["relu"][-1] == 0.0
    model.from_state({"z_centre": 0.5, "z_spread": 2.0})
    prod = model.gradient_products()
    assert np.all(prod["sigmoid"] <= prod["bound"] * (1 + 1e-12))
    z = model.layer_z()
    np.testing.assert_allclose(prod["tanh"], np.cumprod(1 - np.tanh(z) ** 2))


def test_loss_curves_are_cores_values_and_textbook_formulas(model):
    for t in (1.0, 0.0, 0.3):
        model.set_loss_target(t)
        lc = model.loss_curves()
        p = lc.p
        np.testing.assert_allclose(p, sigmoid(lc.z))
        for i in (0, 100, 200, 377):
            for name, o, tt in (("mse", [[p[i]]], [[t]]), ("bce", [[p[i]]], [[t]]),
                                ("cross_entropy", [[p[i], 1 - p[i]]], [[t, 1 - t]])):
                assert lc.values[name][i] == core_losses.value(name, o, tt)
        np.testing.assert_allclose(lc.values["mse"], 0.5 * (p - t) ** 2)
        bce = -(t * np.log(p) + (1 - t) * np.log(1 - p))
        np.testing.assert_allclose(lc.values["bce"], bce, rtol=1e-9)
        np.testing.assert_allclose(lc.values["cross_entropy"], bce, rtol=1e-9)
        # gradients: finite differences of the loss along p, and the textbook dL/dz
        for name in curves.LOSS_NAMES:
            fd = np.gradient(lc.values[name], p)
            np.testing.assert_allclose(lc.dldp[name][5:-5], fd[5:-5], rtol=2e-2, atol=1e-3)
        np.testing.assert_allclose(lc.dldz["bce"], p - t, atol=1e-9)
        np.testing.assert_allclose(lc.dldz["mse"], (p - t) * p * (1 - p), atol=1e-12)


def test_cross_entropy_learns_faster_when_confidently_wrong(model):
    model.from_state({"loss_target": 1.0, "loss_z": -4.0})
    pt = model.loss_point()
    assert abs(pt.dldz["bce"][0]) > 50 * abs(pt.dldz["mse"][0])


# --- the non-linear demo -------------------------------------------------------------------

def _affine_residual(X, out):
    """How far atanh(output) is from an affine function of x (0 for a linear network)."""
    u = np.arctanh(np.clip(out, -1 + 1e-12, 1 - 1e-12))
    A = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(A, u, rcond=None)
    return float(np.max(np.abs(A @ coef - u)))


@pytest.mark.parametrize("dataset,activation", [("circle", "tanh"), ("xor", "relu")])
def test_only_the_nonlinear_network_separates_the_data(dataset, activation):
    from desktop.tabs.activations.nonlinear import NonlinearDemo

    demo = NonlinearDemo(dataset, activation)
    demo.train(300)
    assert demo.accuracy("nonlinear") >= 0.95
    assert demo.accuracy("linear") <= 0.8  # the best straight line: ~60 % circle, ~75 % XOR
    # the linear network is tanh(affine map): its boundary is a straight line
    assert _affine_residual(demo.grid_points, demo.predictions("linear", demo.grid_points)) < 1e-6
    assert _affine_residual(demo.X, demo.predictions("nonlinear")) > 0.1
    # accuracy is the sign agreement with the ±1 labels (independent count)
    out = demo.nets["nonlinear"].predict(demo.X)[:, 0]
    assert demo.accuracy("nonlinear") == np.mean((out > 0) == (demo.labels > 0))


def test_step_back_restores_the_networks(model):
    model.set_section("nonlinear")
    before = model.demo.nets["nonlinear"].params.copy()
    model.step()
    assert model.demo.epoch == 10
    assert not np.array_equal(model.demo.nets["nonlinear"].params, before)
    model.step_back()
    assert model.demo.epoch == 0
    np.testing.assert_array_equal(model.demo.nets["nonlinear"].params, before)


# --- model: verbs, sessions, presets -------------------------------------------------------

def test_verbs_act_on_the_current_section(model):
    model.set_probe(1.0)
    model.step()
    assert model.probe == 1.5
    model.step_back()
    model.step_back()
    assert model.probe == 0.5
    model.set_section("vanishing")
    d = model.depth
    model.step()
    assert model.depth == d + 1
    model.set_section("softmax")
    model.step()
    assert model.temperature == pytest.approx(1.25)
    model.set_section("losses")
    model.step()
    assert model.loss_z == -3.5
    model.set_loss_target(0.0)
    model.reset()
    assert model.loss_z == DEFAULTS["loss_z"] and model.loss_target == 1.0


def test_tick_animates_each_section(model):
    model.tick()
    assert model.probe == pytest.approx(DEFAULTS["probe"] + 0.05)
    model.set_section("vanishing")
    model.set_depth(1)
    for _ in range(24):
        model.tick()
    assert model.depth == 3
    model.set_section("softmax")
    t0 = model.temperature
    model.tick()
    assert model.temperature != t0


def test_state_round_trip(model):
    model.from_state({"section": "losses", "selected": ["gelu", "step"], "focus": "gelu",
                      "alphas": {"elu": 2.0}, "logits": [1.0, -2.0, 3.0, 0.5],
                      "pieces": [[0.5, 1.0]], "depth": 7, "loss_target": 0.25})
    state = model.to_state()
    other = ActivationsModel()
    other.from_state(state)
    assert other.to_state() == state
    assert other.selected == ["step", "gelu"]  # kept in list order
    assert other.alpha("elu") == 2.0
    import json

    assert json.loads(json.dumps(state)) == state


@pytest.mark.parametrize("bad", [
    "not a dict",
    {"section": "nowhere"},
    {"selected": ["sigmoid", "softmax"]},
    {"selected": "sigmoid"},
    {"alphas": {"sigmoid": 0.1}},
    {"alphas": {"elu": 99.0}},
    {"probe": float("nan")},
    {"logits": [1.0]},
    {"logits": [1.0, "x"]},
    {"temperature": 0.0},
    {"pieces": [[1.0]]},
    {"depth": 21},
    {"depth": 2.5},
    {"dataset": "mnist"},
    {"nl_activation": "step"},
    {"loss_target": 1.5},
    {"pointwise": "yes"},
    {"surprise": 1},
    {"depth": 5, "logits": []},  # a good key does not get applied when another is bad
])
def test_bad_state_is_rejected_before_anything_changes(model, bad):
    before = model.to_state()
    with pytest.raises(ValueError):
        model.from_state(bad)
    assert model.to_state() == before


def test_presets_load_and_apply(model):
    from desktop.tabs.activations.model import PRESET_NAMES

    presets = load_presets()
    assert len(presets) >= 12
    assert [p["name"] for p in presets] == PRESET_NAMES  # every name reaches the translators
    sections = {p["state"]["section"] for p in presets}
    assert sections == set(SECTIONS)
    for p in presets:
        model.apply_preset(p["id"])
        assert model.preset == p["id"]
        for k, v in p["state"].items():
            if k != "alphas":
                assert getattr(model, k) == v
    with pytest.raises(ValueError):
        model.apply_preset("nope")


def test_core_texts_all_have_translation_entries():
    from desktop.tabs.activations.texts import CORE_TEXTS, texts_needing_translation

    missing = [t for t in texts_needing_translation() if t not in CORE_TEXTS]
    assert not missing, f"core's wording changed; update texts.py: {missing}"


# --- the view ------------------------------------------------------------------------------

def _page(view, name):
    return view.pages[name]


def test_plotted_activation_curves_equal_core(view):
    page = _page(view, "activations")
    m = view.model
    m.from_state({"selected": ["step", "elu", "gelu"], "alphas": {"elu": 2.5}})
    for key in m.selected:
        entry = curves.ENTRIES[key]
        x, y = finite(*page.value_items[key].getData())
        np.testing.assert_array_equal(y, core_act.value(entry.base, x, m.alpha(key)))
        x, y = finite(*page.deriv_items[key].getData())
        np.testing.assert_array_equal(y, core_act.derivative(entry.base, x, m.alpha(key)))
        assert page.value_items[key].isVisible()
    assert not page.value_items["sigmoid"].isVisible()
    xs, ys = page.closed_dots["step"].getData()
    assert list(xs) == [0.0] and list(ys) == [1.0]
    xs, ys = page.open_dots["step"].getData()
    assert list(xs) == [0.0] and list(ys) == [0.0]
    assert np.isnan(page.value_items["step"].getData()[1]).sum() == 1


def test_list_checks_and_clicks_change_the_model(view, qtbot):
    page = _page(view, "activations")
    lst = page.list
    row = page.keys.index("gelu")
    item = lst.item(row)
    item.setCheckState(Qt.CheckState.Checked)
    assert "gelu" in view.model.selected and view.model.focus == "gelu"
    item.setCheckState(Qt.CheckState.Unchecked)
    assert "gelu" not in view.model.selected
    rect = lst.visualItemRect(lst.item(page.keys.index("tanh")))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.model.focus == "tanh"
    assert "Tanh" in page.card.text() and "(−1, 1)" in page.card.text()
    view.model.set_selected("swish", True)
    assert lst.item(page.keys.index("swish")).checkState() == Qt.CheckState.Checked


def test_alpha_slider_and_card(view):
    page = _page(view, "activations")
    view.model.set_selected("elu", True)
    page.alpha_sliders["elu"].slider.setValue(page.alpha_sliders["elu"].slider.maximum())
    assert view.model.alpha("elu") == pytest.approx(3.0)
    assert "(−3.00, ∞)" in page.card.text()  # the range follows α
    assert "3.000" in page.card.text()  # largest slope max(1, α) = 3 (from core's curve)


def test_probe_readout_and_hover(view, qtbot):
    page = _page(view, "activations")
    view.model.from_state({"selected": ["sigmoid", "tanh"], "probe": 2.0})
    text = page.readout.text()
    assert f"{1 / (1 + math.exp(-2)):.3f}" in text and f"{math.tanh(2):.3f}" in text
    assert f"{1 - math.tanh(2) ** 2:.3f}" in text
    vb = page.plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(-3.0, 0.5))
    page._on_mouse_moved(scene_pos)
    assert view.model.probe == pytest.approx(-3.0, abs=0.05)
    widget_pos = page.plot.mapFromScene(vb.mapViewToScene(QPointF(2.5, 0.5)))
    qtbot.mouseMove(page.plot.viewport(), widget_pos)
    qtbot.waitUntil(lambda: abs(view.model.probe - 2.5) < 0.1, timeout=2000)


def test_softmax_view_shows_probabilities_and_edits(view, qtbot):
    view.model.set_section("softmax")
    page = _page(view, "softmax")
    assert view.stack.currentWidget() is page
    heights = page.prob_bars.opts["height"]
    np.testing.assert_allclose(heights, view.model.probabilities())
    page.spins[1].setValue(3.0)
    assert view.model.logits[1] == 3.0
    np.testing.assert_allclose(page.logit_bars.opts["height"], view.model.logits)
    page._on_drag(0.1, -2.04)
    assert view.model.logits[0] == -2.0
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(view.model.logits) == 4
    assert page.spins[3].isVisible()
    page.temp_slider.slider.setValue(0)
    assert view.model.temperature == pytest.approx(0.1)
    assert "1.000" in page.readout.text()
    page.pointwise_box.click()
    assert view.model.pointwise and page.point_bars.isVisible()
    np.testing.assert_allclose(page.point_bars.opts["height"], view.model.pointwise_sigmoid())


def test_maxout_view(view):
    view.model.set_section("maxout")
    page = _page(view, "maxout")
    page.slopes[0].setValue(0.0)
    page.offsets[0].setValue(0.0)
    assert view.model.pieces[0] == [0.0, 0.0]
    page.add_button.click()
    assert len(view.model.pieces) == 4
    x, y = page.max_item.getData()
    np.testing.assert_allclose(y, view.model.maxout(x)[0])


def test_vanishing_view(view):
    view.model.set_section("vanishing")
    page = _page(view, "vanishing")
    page.depth_slider.slider.setValue(19)
    assert view.model.depth == 20
    prod = view.model.gradient_products()
    for name in ("sigmoid", "tanh", "relu", "bound"):
        item = page.items[name]  # xData/yData: the data before the log-axis mapping
        x, y = item.xData, item.yData
        assert len(x) == 20
        np.testing.assert_allclose(y, prod[name])
    page.centre_slider.slider.setValue(40)  # μ = 0: ReLU′(0) = 0, the ReLU path is dead
    assert view.model.z_centre == 0.0
    assert page.items["relu"].xData is None or page.items["relu"].xData.size == 0
    assert page.zero_marks.data.size == 1 and "×" in page.readout.text()


def test_losses_view_curves_equal_core(view):
    view.model.set_section("losses")
    page = _page(view, "losses")
    page.target_slider.slider.setValue(0)
    assert view.model.loss_target == 0.0
    lc = view.model.loss_curves()
    for name in curves.LOSS_NAMES:
        x, y = page.loss_items[name].getData()
        for i in (3, 150, 300):
            o = [[x[i]]] if name != "cross_entropy" else [[x[i], 1 - x[i]]]
            t = [[0.0]] if name != "cross_entropy" else [[0.0, 1.0]]
            assert y[i] == pytest.approx(core_losses.value(name, o, t), rel=1e-12)
    x, y = page.dldz_items["bce"].getData()
    np.testing.assert_allclose(y, lc.dldz["bce"])
    page.z_slider.slider.setValue(320)
    assert view.model.loss_z == curves.LOGIT_LIMIT
    vb = page.loss_plot.getPlotItem().vb  # hovering p = 0.25 puts the probe at logit(0.25)
    page._on_hover(page.loss_plot, vb.mapViewToScene(QPointF(0.25, 0.0)), curves.logit)
    assert view.model.loss_z == pytest.approx(math.log(0.25 / 0.75), abs=0.02)
    assert f"{sigmoid(view.model.loss_z):.3f}" in page.readout.text()
    assert "Binary cross-entropy" in page.table.text() and "regression" in page.table.text()


def test_nonlinear_view_trains_live(view, qtbot):
    view.model.set_section("nonlinear")
    page = _page(view, "nonlinear")
    qtbot.waitUntil(lambda: not page._stale, timeout=5000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    assert view.model.running
    qtbot.waitUntil(lambda: view.model.demo.epoch >= 5, timeout=10000)
    view.model.pause()
    img = page.images["nonlinear"].image
    np.testing.assert_allclose(img, view.model.demo.grid_outputs("nonlinear"), atol=1e-6)
    assert str(view.model.demo.epoch) in page.stats["linear"].text()
    page.step_button.click()
    e = view.model.demo.epoch
    page.reset_button.click()
    assert view.model.demo.epoch == 0 < e
    page.dataset_combo.setCurrentIndex(page.dataset_combo.findData("xor"))
    assert view.model.dataset == "xor"
    qtbot.waitUntil(lambda: view.model.demo.dataset == "xor", timeout=5000)


def test_nonlinear_networks_wait_for_a_running_warm_up(view, qtbot, monkeypatch):
    from core import warmup

    # a first start: the app's warm-up has not reached core.mlp yet
    monkeypatch.setattr(warmup, "_pending", {"core.mlp"})
    view.model.set_section("nonlinear")
    page = _page(view, "nonlinear")
    qtbot.waitUntil(lambda: not page._stale, timeout=5000)
    assert view.model.demo is None
    assert page.waiting.isVisible() and not page.plots["nonlinear"].isVisible()
    assert not page.step_button.isEnabled()
    assert "preparing" in view.model.status_text()
    view.model.train()  # Step and Play train nothing yet, and do not fail
    view.model.play()
    qtbot.wait(300)
    view.model.pause()
    assert view.model._demo is None
    warmup._pending.clear()  # the warm-up is done: the page builds the networks by itself
    qtbot.waitUntil(lambda: page.plots["nonlinear"].isVisible(), timeout=3000)
    assert not page.waiting.isVisible() and page.step_button.isEnabled()
    assert view.model.demo is not None and "epoch 0" in view.model.status_text()
    page.step_button.click()
    assert view.model.demo.epoch == 10


def test_sections_and_presets_from_the_sidebar(view, qtbot):
    rect = view.sections.visualItemRect(view.sections.item(3))
    qtbot.mouseClick(view.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.model.section == "vanishing"
    assert view.stack.currentWidget() is view.pages["vanishing"]
    i = view.preset_combo.findData("softmax_cold")
    view.preset_combo.activated.emit(i)
    assert view.model.section == "softmax" and view.model.temperature == 0.25
    assert view.preset_combo.currentIndex() == i
    view.move_section(1)
    assert view.model.section == "maxout"
    assert view.model.preset == "" and view.preset_combo.currentIndex() == 0


def test_retranslate_to_korean_and_back(view):
    from desktop.i18n import set_language

    english = view.sections.item(0).text()
    card = view.pages["activations"].card.text()
    assert set_language("ko")
    QApplication.processEvents()
    assert view.sections.item(0).text() != english
    assert view.pages["activations"].card.text() != card
    for sec in SECTIONS:
        view.model.set_section(sec)
        QApplication.processEvents()
    set_language("en")
    QApplication.processEvents()
    assert view.sections.item(0).text() == english


def test_projector_and_dark_restyle(view):
    before = view.pages["activations"].readout.font().pointSizeF()
    style.set_projector(True)
    assert view.pages["activations"].readout.font().pointSizeF() > before * 1.5
    style.set_dark(True)
    pen = view.pages["activations"].value_items["sigmoid"].opts["pen"]
    assert pen.color().name() != "#000000"
    style.set_dark(False)
    style.set_projector(False)


def test_monkey_actions_are_safe(view):
    import random

    rng = random.Random(5)
    acts = view.monkey_actions()
    for act in acts:
        act()
    for _ in range(150):
        rng.choice(acts)()
    view.model.from_state(view.model.to_state())
