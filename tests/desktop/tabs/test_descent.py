"""The gradient-descent tab: model logic against independent oracles, and the view.

Oracles: the published minima of the test functions (shared/REFERENCES.md), the stability
limit of gradient descent on a quadratic (η < 2/λ), central finite differences, a fresh
independent optimizer replayed step by step, and core.minibatch's own batches.
"""
import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

import core.optimizers as optimizers
from desktop.tabs.descent import names, surfaces, tuning
from desktop.tabs.descent.map_view import arrow_points, display_vector
from desktop.tabs.descent.model import DescentModel
from desktop.tabs.descent.runs import Run
from desktop.theme import style

OPTIMIZERS = list(optimizers.OPTIMIZERS)


@pytest.fixture
def model(qapp):
    m = DescentModel()
    yield m
    m.pause()


@pytest.fixture
def view(open_tab):
    return open_tab("descent")


def _distance(p, q):
    return math.hypot(p[0] - q[0], p[1] - q[1])


# --- the lesson's promises ----------------------------------------------------------------

@pytest.mark.parametrize("surface,minimum,steps", [("bowl", (0.0, 0.0), 2000),
                                                   ("rosenbrock", (1.0, 1.0), 8000)])
@pytest.mark.parametrize("name", OPTIMIZERS)
def test_each_optimizer_reaches_the_known_minimum_with_its_tuned_rate(model, surface, minimum,
                                                                      steps, name):
    model.from_state({"surface": surface, "optimizers": [name]})
    assert model.rate_mode == "tuned"
    model.race.forward(steps)
    run = model.runs[0]
    assert not run.diverged
    end = run.params[run.steps]
    assert _distance(end, minimum) < 0.05, f"{name} ended at {end}"


def test_too_large_learning_rate_is_flagged_diverged_and_shown(view, qtbot):
    m = view.model
    m.apply_preset("lr_too_large")
    assert m.lesson == "learning_rate" and m.surface_key == "valley"
    # valley = ½(x² + 10 y²): gradient descent is stable only for η < 2/10.
    small, good, large = m.lesson_rates
    assert good < 0.2 < large
    m.race.forward(400)
    m.trajectory_changed.emit()
    by_role = {r.key: r for r in m.runs}
    assert by_role["large"].diverged and not by_role["good"].diverged
    assert not by_role["small"].diverged
    # the legend and the map say so instead of the ball vanishing
    row = view.legend.rows[[r.key for r in m.runs].index("large")]
    assert row["badge"].isVisibleTo(view) and "diverged" in row["badge"].text()
    badge = view.map.badges[[r.key for r in m.runs].index("large")]
    assert badge.isVisible() and badge.textItem.toPlainText() == "diverged"
    assert "1 diverged" in m.status_text()


def test_sgd_diverges_above_two_over_lambda_on_the_bowl(model):
    # bowl = ½(x² + y²) has λ = 1: η = 2.2 diverges, η = 1.8 converges (oscillating).
    for lr, diverges in ((2.2, True), (1.8, False)):
        model.from_state({"surface": "bowl", "optimizers": ["sgd"], "rate_mode": "shared",
                          "shared_learning_rate": lr})
        model.race.forward(500)
        assert model.runs[0].diverged is diverges


def test_non_finite_values_stop_the_run_without_crashing(model):
    assert model.set_custom_expression("sqrt(x) + y^2")
    model.set_start(-1.0, 1.0)  # sqrt of a negative number: NaN at the start
    model.race.forward(5)
    assert all(r.diverged for r in model.runs)
    assert not model.can_play()
    model.play()
    assert not model.running


def test_stepping_back_restores_the_exact_earlier_state(model):
    model.from_state({"surface": "beale", "optimizers": OPTIMIZERS})
    for _ in range(20):
        model.step()
    snap = {r.key: (r.params[20].copy(), r.slots[20].copy(), r.loss[20]) for r in model.runs}
    for _ in range(30):
        model.step()
    for _ in range(30):
        model.step_back()
    assert model.cursor == 20
    for run in model.runs:
        s = run.index(model.cursor)
        params, slots, loss = snap[run.key]
        np.testing.assert_array_equal(run.params[s], params)
        np.testing.assert_array_equal(run.slots[s], slots)
        assert run.loss[s] == loss
        # Oracle: an independent optimizer fed the same gradients from the start.
        fresh = optimizers.create(run.optimizer_name, **run.hyper)
        p = np.array(model.start, dtype=float)
        for _k in range(20):
            g = np.array(model.surface.gradient(*p), dtype=float)
            fresh.step(p, g)
        np.testing.assert_allclose(p, params, rtol=1e-12, atol=1e-15)
        rebuilt = run.optimizer_at(20)
        for i, slot in enumerate(run.slot_names):
            np.testing.assert_array_equal(rebuilt.state(slot), slots[i])
            np.testing.assert_allclose(fresh.state(slot), slots[i], rtol=1e-12, atol=1e-300)
        assert rebuilt.t == 20
    # stepping forward again replays the same history
    model.seek(50)
    assert model.cursor == 50 and model.computed == 50


def test_optimizer_at_rebuilds_any_step_from_checkpoints(qapp):
    surface = surfaces.make_surface("rosenbrock")
    run = Run("adam", "adam", {"learning_rate": 0.05}, surface, surface.start)
    for _ in range(600):
        run.advance()
    for s in (0, 1, 255, 256, 257, 599, 600):
        opt = run.optimizer_at(s)
        assert opt.t == s
        p = run.params[s].copy()
        if s < 600:
            opt.step(p, run.grad[s].copy())
            np.testing.assert_array_equal(p, run.params[s + 1])


def test_stochastic_path_differs_and_its_gradients_are_unbiased(model):
    model.apply_preset("line_fit_batches")
    assert model.lesson == "batch" and model.surface.is_data
    model.race.forward(120)
    full, mini, single = model.runs
    n = model.n_samples
    assert (full.batch_size, mini.batch_size, single.batch_size) == (n, 10, 1)
    problem = model.surface.source
    # each ball followed the gradient of its own batch at each step
    for s in (0, 7, 50):
        w, b = single.params[s]
        idx = problem.batch_indices(1, s)
        assert len(idx) == 1
        np.testing.assert_allclose(single.grad[s], problem.gradient(w, b, idx), rtol=1e-12)
    # the paths differ...
    assert np.max(np.linalg.norm(single.params[:121] - full.params[:121], axis=1)) > 0.05
    assert np.max(np.linalg.norm(mini.params[:121] - full.params[:121], axis=1)) > 0.01
    # ...and the single-sample gradients average to the full-batch gradient over an epoch
    w, b = 0.3, 0.7
    singles = np.array([model.surface.batch_gradient(w, b, 1, s) for s in range(n)])
    np.testing.assert_allclose(singles.mean(axis=0), model.surface.gradient(w, b),
                               rtol=1e-10, atol=1e-12)
    # the full-batch ball is plain gradient descent on the contour's function
    p = np.array(model.start)
    for _ in range(5):
        p = p - full.optimizer.learning_rate * np.array(model.surface.gradient(*p))
    np.testing.assert_allclose(full.params[5], p, rtol=1e-12)


# --- the custom function ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "__import__('os').system('echo hi')", "x.__class__", "exec('1')", "lambda: x",
    "open('/etc/passwd')", "x; y", "x = 1", "import os", "x +", "sin()", "foo(x)",
    "(x + y", "1e400 * x", "",
])
def test_custom_expression_rejects_code_and_bad_input_inline(model, text):
    before = model.surface_key, model.to_state()
    ok = model.set_custom_expression(text)
    if ok:  # only a harmless overflow-to-inf number may parse; it must not be code
        assert "e400" in text
        return
    assert model.custom_error
    assert (model.surface_key, model.to_state()) == before


@pytest.mark.parametrize("text,f", [
    ("x^2 + y^2", lambda x, y: x**2 + y**2),
    ("sin(x) * cos(y)", lambda x, y: math.sin(x) * math.cos(y)),
    ("exp(-x^2) - y", lambda x, y: math.exp(-x**2) - y),
    ("log(1 + x^2) + sqrt(2 + y^2)", lambda x, y: math.log(1 + x**2) + math.sqrt(2 + y**2)),
    ("abs(x - 1) / (2 + y^2)", lambda x, y: abs(x - 1) / (2 + y**2)),
    ("-x*y + 3", lambda x, y: -x * y + 3),
])
def test_custom_expression_accepts_the_listed_syntax_with_exact_gradients(model, text, f):
    assert model.set_custom_expression(text), model.custom_error
    assert model.surface_key == "custom" and model.custom_error == ""
    x, y, h = 0.7, -0.4, 1e-6
    assert float(model.surface.value(x, y)) == pytest.approx(f(x, y), rel=1e-12)
    gx, gy = model.surface.gradient(x, y)
    assert float(gx) == pytest.approx((f(x + h, y) - f(x - h, y)) / (2 * h), rel=1e-6)
    assert float(gy) == pytest.approx((f(x, y + h) - f(x, y - h)) / (2 * h), rel=1e-6)


def test_custom_error_is_shown_inline_with_its_position(view, qtbot):
    m = view.model
    m.set_surface("custom")
    view.controls.custom_edit.setText("x^2 + foo(y)")
    qtbot.keyClick(view.controls.custom_edit, Qt.Key.Key_Return)
    assert m.custom_error
    label = view.controls.custom_error
    assert label.isVisibleTo(view) and "Cannot plot this" in label.text()
    assert str(m.custom_error_position + 1) in label.text()
    view.controls.custom_edit.setText("x^2 + 2*y^2")
    qtbot.keyClick(view.controls.custom_edit, Qt.Key.Key_Return)
    assert m.custom_error == "" and not label.isVisibleTo(view)
    assert m.custom_expression == "x^2 + 2*y^2"
    assert "∂f/∂x" in view.controls.formula.text()


# --- state, presets, names ----------------------------------------------------------------

def test_state_round_trip_replays_the_same_runs(model, qapp):
    model.from_state({"surface": "himmelblau", "optimizers": ["sgd", "adam", "adagrad"],
                      "start": [-1.0, 0.5], "show_velocity": True, "speed": 5})
    model.set_hyper("adam", "beta1", 0.8)
    for _ in range(40):
        model.step()
    model.step_back()
    saved = model.to_state()
    other = DescentModel()
    other.from_state(saved)
    assert other.to_state() == saved
    assert other.cursor == 39 and other.computed == 40
    for a, b in zip(model.runs, other.runs):
        np.testing.assert_array_equal(a.params[:41], b.params[:41])
    import json

    assert json.loads(json.dumps(saved)) == saved


@pytest.mark.parametrize("bad,match", [
    ({"surface": "teapot"}, "surface"),
    ({"lesson": "physics"}, "lesson"),
    ({"optimizers": ["sgd", "lbfgs"]}, "optimizers"),
    ({"learning_rates": {"sgd": -1}}, "learning rate"),
    ({"shared_learning_rate": float("nan")}, "learning rate"),
    ({"hyper": {"momentum": {"momentum": 1.5}}}, "momentum"),
    ({"hyper": {"adam": {"gamma": 1}}}, "gamma"),
    ({"start": [100.0, 0.0]}, "outside"),
    ({"start": "here"}, "start"),
    ({"batch_size": 0}, "batch_size"),
    ({"speed": 7}, "speed"),
    ({"step": -1}, "step"),
    ({"show_gradient": "yes"}, "show_gradient"),
    ({"lesson": "batch", "surface": "bowl"}, "data surface"),
    ({"surface": "custom", "custom_expression": "x +"}, "."),
    ("not a dict", "object"),
])
def test_bad_state_is_rejected_before_anything_changes(model, bad, match):
    model.step()
    before = model.to_state()
    with pytest.raises(ValueError, match=match):
        model.from_state(bad)
    assert model.to_state() == before


def test_presets_all_load_run_and_are_translatable(model):
    ids = [p["id"] for p in model.presets]
    for needed in ("momentum_beale", "adam_sgd_rosenbrock", "saddle_escape", "lr_too_large"):
        assert needed in ids
    covered = {p["state"].get("surface") for p in model.presets}
    assert set(surfaces.surface_keys()) <= covered  # one per landscape (and data, custom)
    for preset in model.presets:
        assert preset["name"] in names.PRESET_NAMES
        model.apply_preset(preset["id"])
        assert model.preset_id == preset["id"]
        model.race.forward(30)
        assert model.computed == 30 or all(r.finished for r in model.runs)
    with pytest.raises(ValueError):
        model.apply_preset("nope")


def test_momentum_rolls_further_than_sgd_on_four_minima(model):
    model.apply_preset("many_minima_momentum")
    model.race.forward(1500)
    end = {r.key: r.params[r.steps] for r in model.runs}
    # published: global minimum at (a, a), a = -2.903534; (2.746803, 2.746803) is the worst
    assert _distance(end["momentum"], (-2.903534, -2.903534)) < 0.01
    assert _distance(end["sgd"], (2.746803, 2.746803)) < 0.01


def test_shared_and_tuned_rate_modes(model):
    model.from_state({"surface": "bowl", "optimizers": ["sgd", "adam"]})
    tuned = tuning.tuned_rates(model.surface)
    assert [r.optimizer.learning_rate for r in model.runs] == [tuned["sgd"], tuned["adam"]]
    model.set_rate_mode("shared")
    model.set_learning_rate("adam", 0.05)
    assert [r.optimizer.learning_rate for r in model.runs] == [0.05, 0.05]
    model.set_rate_mode("tuned")
    model.set_learning_rate("sgd", 0.3)
    assert model.runs[0].optimizer.learning_rate == 0.3
    model.restore_tuned_rates()
    assert model.runs[0].optimizer.learning_rate == tuned["sgd"]
    with pytest.raises(ValueError):
        model.set_learning_rate("sgd", 0.0)
    with pytest.raises(ValueError):
        model.set_hyper("momentum", "momentum", 1.0)


def test_tick_advances_speed_steps_and_stops_at_the_end(model, qtbot):
    model.from_state({"surface": "bowl", "optimizers": ["sgd"], "speed": 5})
    model.tick()
    assert model.cursor == 5
    model.play()
    assert model.running
    qtbot.waitUntil(lambda: model.cursor >= 30, timeout=5000)
    model.pause()
    assert not model.running


# --- pure helpers -------------------------------------------------------------------------

def test_arrows_point_along_the_vector_and_grow_with_the_gradient():
    g_range = (1e-3, 10.0)
    v_small = display_vector(np.array([0.0, -0.01]), g_range, 10.0)
    v_big = display_vector(np.array([0.0, -5.0]), g_range, 10.0)
    assert v_small[1] < 0 and v_small[0] == 0
    assert np.linalg.norm(v_big) > np.linalg.norm(v_small) > 0
    assert np.allclose(display_vector(np.array([0.0, 1e-6]), g_range, 10.0), 0)
    pts = arrow_points(np.array([[1.0, 2.0]]), np.array([[3.0, 4.0]]), 0.5)
    assert len(pts) == 6
    shaft = pts[4:6]
    np.testing.assert_allclose(shaft, [[1.0, 2.0], [4.0, 6.0]])


def test_contour_segments_lie_on_the_level_set():
    xs = ys = np.linspace(-2, 2, 81)
    X, Y = np.meshgrid(xs, ys)
    Z = np.hypot(X, Y)  # cones: level sets are circles
    pts = surfaces.contour_segments(xs, ys, Z, [0.5, 1.5])
    r = np.hypot(pts[:, 0], pts[:, 1])
    assert len(pts) > 100 and len(pts) % 2 == 0
    near = np.minimum(np.abs(r - 0.5), np.abs(r - 1.5))
    assert near.max() < 0.01
    # both circles are there, each all the way round
    for radius in (0.5, 1.5):
        ring = pts[np.abs(r - radius) < 0.01]
        angles = np.sort(np.arctan2(ring[:, 1], ring[:, 0]))
        assert np.max(np.diff(angles)) < 0.3


def test_minibatch_surface_matches_core(model):
    import core.minibatch as minibatch

    surface = surfaces.make_surface("data:sigmoid_neuron")
    problem = minibatch.make_problem("sigmoid_neuron")
    xs, ys, Z = surface.grid()
    assert Z[17, 33] == pytest.approx(problem.value(xs[33], ys[17]))


# --- the view ---------------------------------------------------------------------------------

def test_view_shows_what_the_model_holds(view):
    m = view.model
    m.from_state({"surface": "rosenbrock", "optimizers": ["sgd", "momentum", "adam"]})
    for _ in range(12):
        m.step()
    positions = view.map.balls.getData()
    for i, run in enumerate(m.runs):
        assert positions[0][i] == pytest.approx(run.params[12, 0])
        assert positions[1][i] == pytest.approx(run.params[12, 1])
        trail_x, _ = view.map.trails[i].getData()
        assert len(trail_x) == 13
        loss_text = view.legend.rows[i]["loss"].text()
        assert float(loss_text) == pytest.approx(run.loss[12] - m.surface.f_ref, rel=1e-2)
        assert view.legend.rows[i]["name"].text() == m.run_label(run)
        x, y = view.loss_plot.curves[i].getData()
        assert len(x) == 13
    assert not view.map.trails[3].isVisible()
    assert view.timeline.value() == 12
    assert "12" in view.step_label.text()
    m.step_back()
    assert view.timeline.value() == 11
    assert view.map.balls.getData()[0][0] == pytest.approx(m.runs[0].params[11, 0])


def test_clicks_and_edits_change_the_model(view, qtbot):
    m = view.model
    m.from_state({"surface": "bowl", "optimizers": ["sgd"]})
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    assert m.cursor == 1
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert m.cursor == 0
    view.controls.opt_checks["adam"].click()
    assert m.selected_optimizers == ["sgd", "adam"]
    assert len(m.runs) == 2
    # edit a learning rate in the panel
    m.set_edited_optimizer("sgd")
    box = view.controls.hyper_boxes["learning_rate"]
    box.setValue(0.25)
    box.editingFinished.emit()
    assert m.learning_rate("sgd") == 0.25
    # choose a lesson and a preset from the combos
    i = view.controls.lesson_box.findData("learning_rate")
    view.controls.lesson_box.activated.emit(i)
    assert m.lesson == "learning_rate" and len(m.runs) == 3
    i = view.controls.preset_box.findData("saddle_escape")
    view.controls.preset_box.activated.emit(i)
    assert m.surface_key == "saddle" and m.preset_id == "saddle_escape"
    # toggles
    view.controls.show_checks["velocity"].click()
    assert m.show_velocity is True


def test_clicking_the_map_moves_the_start(view, qtbot):
    m = view.model
    m.from_state({"surface": "bowl", "optimizers": ["sgd"]})
    QApplication.processEvents()
    vb = view.map.getPlotItem().getViewBox()
    scene_pt = vb.mapViewToScene(QPointF(2.0, -1.5))
    widget_pt = view.map.mapFromScene(scene_pt)
    qtbot.mouseClick(view.map.viewport(), Qt.MouseButton.LeftButton, pos=widget_pt)
    x, y = m.start
    assert x == pytest.approx(2.0, abs=0.1) and y == pytest.approx(-1.5, abs=0.1)
    assert m.cursor == 0


def test_timeline_scrubs_backwards_and_forwards(view):
    m = view.model
    m.from_state({"surface": "valley", "optimizers": ["momentum"]})
    m.race.forward(40)
    m.trajectory_changed.emit()
    view.timeline.setValue(10)
    assert m.cursor == 10
    view.timeline.setValue(35)
    assert m.cursor == 35
    assert view.map.balls.getData()[0][0] == pytest.approx(m.runs[0].params[35, 0])


def test_accumulator_and_velocity_aids(view):
    m = view.model
    m.apply_preset("valley_axes")
    assert m.show_accumulator
    m.race.forward(20)
    m.trajectory_changed.emit()
    bars = view.acc_plot.bars.opts
    adaptive = [r for r in m.runs if r.optimizer_name != "sgd"]
    assert len(bars["height"]) == 2 * len(adaptive)
    # valley: the y gradient is 10x steeper, so the accumulated y bar is the taller one
    heights = np.asarray(bars["height"])
    assert all(heights[1::2] > heights[0::2])
    box_x, box_y = view.map.boxes[1].getData()  # adagrad's step-size box
    assert (box_x.max() - box_x.min()) > (box_y.max() - box_y.min())
    m.set_show("velocity", True)
    m.from_state({"surface": "bowl", "optimizers": ["momentum"], "show_velocity": True})
    m.race.forward(3)
    m.trajectory_changed.emit()
    assert view.map.velocity[0].isVisible()


def test_retranslate_to_korean_and_back(view):
    from desktop.i18n import set_language

    english = view.controls.sec_show.title.text()
    if not set_language("ko"):
        pytest.skip("no Korean translation compiled")
    QApplication.processEvents()
    korean = view.controls.sec_show.title.text()
    assert korean != english and any("\uac00" <= ch <= "\ud7a3" for ch in korean)
    view.model.set_surface("rosenbrock")
    assert view.model.surface_label() == "로젠브록"
    box = view.controls.surface_box
    assert box.itemText(box.currentIndex()) == "로젠브록"
    assert "스텝" in view.step_label.text()
    set_language("en")
    QApplication.processEvents()
    assert view.controls.sec_show.title.text() == english
    assert box.itemText(box.currentIndex()) == "Rosenbrock"


def test_projector_and_dark_styles_apply(view):
    style.set_projector(True)
    style.set_dark(True)
    QApplication.processEvents()
    assert view.step_label.font().pointSizeF() > 15
    assert view.grab().width() > 100


def test_monkey_actions_are_safe(view):
    import random

    random.seed(3)
    actions = view.monkey_actions()
    for _ in range(120):
        random.choice(actions)()
    view.model.pause()


@pytest.mark.gl
def test_three_d_view_renders_where_opengl_works(view):
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        pytest.skip("OpenGL needs a real display (run under xvfb-run)")
    from desktop.tabs.descent.gl_view import gl_available

    if not gl_available():
        pytest.skip("no OpenGL context here")
    view.model.set_show("3d", True)
    QApplication.processEvents()
    assert view.gl is not None and view.gl.isVisible()
    view.model.race.forward(10)
    view.model.trajectory_changed.emit()
    img = view.gl.renderToArray((200, 150))
    assert sorted(img.shape[:2]) == [150, 200] and img.std() > 1  # not a blank frame
