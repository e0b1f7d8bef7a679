"""core.optimizers: torch.optim's rules, checked by hand, by a numpy reference and by torch."""
import json
import math

import numpy as np
import pytest

from core import optimizers
from core._kernels import optimizers as kernels

NAMES = list(optimizers.OPTIMIZERS)


def _two_steps(name, **hyper):
    """w0 = 1 with gradients g1 = 2 then g2 = −1: (w1, w2)."""
    opt = optimizers.create(name, **hyper)
    w = np.array([1.0])
    opt.step(w, np.array([2.0]))
    w1 = w[0]
    opt.step(w, np.array([-1.0]))
    return w1, w[0]


# ---- hand-computed first and second steps (w0 = 1, g1 = 2, g2 = −1) --------------------
def test_sgd_by_hand():
    # w1 = 1 − 0.1·2 = 0.8;  w2 = 0.8 − 0.1·(−1) = 0.9
    assert _two_steps("sgd", learning_rate=0.1) == pytest.approx((0.8, 0.9), abs=1e-15)


def test_momentum_by_hand():
    # v1 = g1 = 2, w1 = 1 − 0.1·2 = 0.8;  v2 = 0.9·2 − 1 = 0.8, w2 = 0.8 − 0.1·0.8 = 0.72
    assert _two_steps("momentum", learning_rate=0.1) == pytest.approx((0.8, 0.72), abs=1e-15)


def test_nesterov_by_hand():
    # v1 = 2, w1 = 1 − 0.1·(2 + 0.9·2) = 0.62;  v2 = 0.8, w2 = 0.62 − 0.1·(−1 + 0.9·0.8) = 0.648
    assert _two_steps("nesterov", learning_rate=0.1) == pytest.approx((0.62, 0.648), abs=1e-15)


def test_adagrad_by_hand():
    # s1 = 4, w1 = 1 − 0.1·2/(2 + 1e-10);  s2 = 5, w2 = w1 + 0.1/(√5 + 1e-10)
    w1 = 1 - 0.1 * 2 / (2 + 1e-10)
    w2 = w1 + 0.1 / (math.sqrt(5) + 1e-10)
    assert _two_steps("adagrad", learning_rate=0.1) == pytest.approx((w1, w2), abs=1e-14)
    assert w2 == pytest.approx(0.94472135955, abs=1e-10)


def test_adadelta_by_hand():
    # ρ = 0.9, ε = 1e-6, η = 1: s1 = 0.1·4 = 0.4, d1 = √(0 + ε)/√(0.4 + ε)·2, u1 = 0.1·d1²
    d1 = math.sqrt(1e-6) / math.sqrt(0.4 + 1e-6) * 2
    u1 = 0.1 * d1 ** 2
    # s2 = 0.9·0.4 + 0.1·1 = 0.46, d2 = √(u1 + ε)/√(0.46 + ε)·(−1)
    d2 = math.sqrt(u1 + 1e-6) / math.sqrt(0.46 + 1e-6) * -1
    assert _two_steps("adadelta") == pytest.approx((1 - d1, 1 - d1 - d2), abs=1e-14)
    assert d1 == pytest.approx(0.0031623, rel=1e-4)  # tiny first steps: Adadelta's slow start


def test_rmsprop_by_hand():
    # α = 0.99, ε = 1e-8, η = 0.01: s1 = 0.01·4 = 0.04, w1 = 1 − 0.01·2/(0.2 + ε) ≈ 0.9
    w1 = 1 - 0.01 * 2 / (0.2 + 1e-8)
    # s2 = 0.99·0.04 + 0.01·1 = 0.0496, w2 = w1 + 0.01/(√0.0496 + ε)
    w2 = w1 + 0.01 / (math.sqrt(0.0496) + 1e-8)
    assert _two_steps("rmsprop") == pytest.approx((w1, w2), abs=1e-14)
    assert w1 == pytest.approx(0.9, abs=1e-7)


def test_adam_by_hand():
    # η = 0.1, β1 = 0.9, β2 = 0.999: m1 = 0.2, v1 = 0.004, m̂ = 2, v̂ = 4, w1 = 1 − 0.1·2/(2 + ε)
    w1 = 1 - 0.1 * 2 / (2 + 1e-8)
    # m2 = 0.18 − 0.1 = 0.08, v2 = 0.003996 + 0.001 = 0.004996
    m_hat = 0.08 / (1 - 0.9 ** 2)
    v_hat = 0.004996 / (1 - 0.999 ** 2)
    w2 = w1 - 0.1 * m_hat / (math.sqrt(v_hat) + 1e-8)
    assert _two_steps("adam", learning_rate=0.1) == pytest.approx((w1, w2), abs=1e-12)
    assert w1 == pytest.approx(0.9, abs=1e-8)  # Adam's first step is η·sign(g)


# ---- kernel vs the plain-numpy reference over 50 random steps ---------------------------
HYPERS = {
    "sgd": {"learning_rate": 0.05},
    "momentum": {"learning_rate": 0.02, "momentum": 0.8},
    "nesterov": {"learning_rate": 0.02, "momentum": 0.95},
    "adagrad": {"learning_rate": 0.3, "eps": 1e-6},
    "adadelta": {"learning_rate": 0.7, "rho": 0.8, "eps": 1e-5},
    "rmsprop": {"learning_rate": 0.003, "alpha": 0.9, "eps": 1e-7},
    "adam": {"learning_rate": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-7},
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("custom", [False, True])
def test_kernel_matches_numpy_reference(name, custom):
    rng = np.random.default_rng(7)
    hyper = HYPERS[name] if custom else {}
    opt = optimizers.create(name, **hyper)
    w = rng.normal(size=13)
    w_ref = w.copy()
    state = {}
    for t in range(1, 51):
        g = rng.normal(scale=3.0, size=13)
        if t % 7 == 0:
            g[:3] = 0.0  # zero gradients (0/0 hazards in the adaptive rules)
        opt.step(w, g)
        w_ref = optimizers._reference_step(name, w_ref, g, state, hyper, t)
        np.testing.assert_allclose(w, w_ref, rtol=1e-12, atol=1e-13)
    assert opt.t == 50


@pytest.mark.parametrize("name", NAMES)
def test_kernel_py_func_matches_compiled(name):
    rng = np.random.default_rng(3)
    info = optimizers.get(name)
    hyper = optimizers.create(name).hyper_array
    w1 = rng.normal(size=5)
    w2 = w1.copy()
    s1 = np.zeros((len(info.slot_names), 5))
    s2 = s1.copy()
    for t in range(1, 6):
        g = rng.normal(size=5)
        kernels.opt_step(info.id, w1, g, s1, hyper, t)
        kernels.opt_step.py_func(info.id, w2, g, s2, hyper, t)
    np.testing.assert_allclose(w1, w2, rtol=1e-14)
    np.testing.assert_allclose(s1, s2, rtol=1e-14)


# ---- each one finds the minimum of a convex quadratic -----------------------------------
CONVERGE_LR = {"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.5,
               "adadelta": None, "rmsprop": 0.01, "adam": 0.05}


@pytest.mark.parametrize("name", NAMES)
def test_reaches_minimum_of_convex_quadratic(name):
    # f(w) = ½ Σ a_i (w_i − c_i)², ∇f = a (w − c), condition number 10
    a = np.array([1.0, 10.0])
    c = np.array([1.5, -0.5])
    opt = optimizers.create(name, CONVERGE_LR[name])
    w = np.zeros(2)
    f0 = 0.5 * np.sum(a * c ** 2)
    for _ in range(1500):
        opt.step(w, a * (w - c))
    f = 0.5 * np.sum(a * (w - c) ** 2)
    assert f < 1e-6 * f0
    np.testing.assert_allclose(w, c, atol=2e-3)


# ---- records, defaults, validation ------------------------------------------------------
def test_registry_defaults_are_torchs():
    expect = {
        "sgd": {"learning_rate": 0.01},
        "momentum": {"learning_rate": 0.01, "momentum": 0.9},
        "nesterov": {"learning_rate": 0.01, "momentum": 0.9},
        "adagrad": {"learning_rate": 0.01, "eps": 1e-10},
        "adadelta": {"learning_rate": 1.0, "rho": 0.9, "eps": 1e-6},
        "rmsprop": {"learning_rate": 0.01, "alpha": 0.99, "eps": 1e-8},
        "adam": {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    }
    assert list(optimizers.OPTIMIZERS) == list(expect)
    for name, defaults in expect.items():
        info = optimizers.OPTIMIZERS[name]
        assert info.defaults == defaults
        assert set(info.hyper_names) == set(defaults)
        assert optimizers.create(name).hyper == defaults
        assert info.formula and info.label
    assert len({i.id for i in optimizers.OPTIMIZERS.values()}) == len(expect)
    assert optimizers.OPTIMIZERS["adam"].slot_names == ("exp_avg", "exp_avg_sq")


@pytest.mark.parametrize("bad", [
    dict(name="adamw"), dict(name=None), dict(name="sgd", learning_rate=0.0),
    dict(name="sgd", learning_rate=-0.1), dict(name="adam", learning_rate=float("nan")),
    dict(name="sgd", learning_rate="fast"), dict(name="sgd", momentum=0.9),
    dict(name="momentum", momentum=1.0), dict(name="adam", beta1=-0.1),
    dict(name="adam", eps=0.0), dict(name="rmsprop", alpha=1.5),
])
def test_bad_arguments_raise_value_error(bad):
    with pytest.raises(ValueError):
        optimizers.create(**bad)


def test_bad_steps_and_settings_raise_value_error():
    opt = optimizers.create("momentum")
    with pytest.raises(ValueError, match="learning_rate"):
        opt.learning_rate = 0
    with pytest.raises(ValueError, match="shape"):
        opt.step(np.zeros(3), np.zeros(2))
    with pytest.raises(ValueError, match="NaN"):
        opt.step(np.zeros(2), np.array([1.0, np.nan]))
    with pytest.raises(ValueError, match="float64"):
        opt.step(np.zeros(2, dtype=np.float32), np.zeros(2))
    with pytest.raises(ValueError, match="contiguous"):
        opt.step(np.zeros(4)[::2], np.zeros(2))
    with pytest.raises(ValueError, match="state"):
        opt.state("exp_avg")
    with pytest.raises(ValueError):
        opt.set_hyper(beta1=0.5)


def test_learning_rate_setter_and_state_view():
    opt = optimizers.create("momentum", learning_rate=0.1)
    w = np.zeros(3)
    opt.step(w, np.ones(3))
    np.testing.assert_array_equal(opt.state("velocity"), np.ones(3))
    with pytest.raises(ValueError):
        opt.state("velocity")[0] = 5.0  # read-only
    opt.learning_rate = 0.5
    assert opt.learning_rate == 0.5 and opt.hyper["learning_rate"] == 0.5
    opt.step(w, np.ones(3))  # v = 1.9, w = −0.1 − 0.5·1.9
    np.testing.assert_allclose(w, -0.1 - 0.95)
    assert "momentum" in repr(opt) and "t=2" in repr(opt)


def test_state_resets_when_size_changes_and_on_reset():
    opt = optimizers.create("adam")
    opt.step(np.zeros(3), np.ones(3))
    assert opt.t == 1 and opt.slots.shape == (2, 3)
    opt.step(np.zeros(5), np.ones(5))
    assert opt.t == 1 and opt.slots.shape == (2, 5)
    opt.reset()
    assert opt.t == 0 and opt.state("exp_avg").size == 0


def test_copy_is_independent():
    opt = optimizers.create("adam", learning_rate=0.1)
    w = np.array([1.0, 2.0])
    opt.step(w, np.array([1.0, -1.0]))
    twin = opt.copy()
    w_twin = w.copy()
    opt.step(w, np.array([3.0, 3.0]))
    opt.learning_rate = 0.5
    assert twin.t == 1 and twin.learning_rate == 0.1
    assert not np.shares_memory(twin.slots, opt.slots)
    # the copy continues exactly as the original would have from the copied point
    twin.step(w_twin, np.array([3.0, 3.0]))
    np.testing.assert_array_equal(w_twin, w)


@pytest.mark.parametrize("name", NAMES)
def test_get_state_set_state_round_trip(name):
    opt = optimizers.create(name, **HYPERS[name])
    w = np.linspace(-1, 1, 4)
    for k in range(3):
        opt.step(w, np.cos(w + k))
    state = json.loads(json.dumps(opt.get_state()))
    other = optimizers.create(name)
    other.set_state(state)
    assert other.t == opt.t and other.hyper == opt.hyper
    np.testing.assert_array_equal(other.slots, opt.slots)
    w2 = w.copy()
    opt.step(w, np.sin(w))
    other.step(w2, np.sin(w2))
    np.testing.assert_array_equal(w, w2)


def test_set_state_rejects_bad_snapshots():
    opt = optimizers.create("adam")
    good = opt.get_state()
    with pytest.raises(ValueError):
        opt.set_state({**good, "name": "sgd"})
    with pytest.raises(ValueError):
        opt.set_state({**good, "t": -1})
    with pytest.raises(ValueError):
        opt.set_state({**good, "slots": {"exp_avg": [1.0], "exp_avg_sq": [1.0, 2.0]}})
    with pytest.raises(ValueError):
        opt.set_state({**good, "hyper": {"learning_rate": -1.0}})
    with pytest.raises(ValueError):
        opt.set_state("adam")


def test_warmup_compiles_the_step_kernel():
    optimizers.warmup()
    assert kernels.opt_step.signatures  # compiled (or loaded from the cache), not lazily later


# ---- torch itself as an extra oracle (skipped without torch) ----------------------------
TORCH = {
    "sgd": ("SGD", lambda h: dict(lr=h["learning_rate"])),
    "momentum": ("SGD", lambda h: dict(lr=h["learning_rate"], momentum=h["momentum"])),
    "nesterov": ("SGD", lambda h: dict(lr=h["learning_rate"], momentum=h["momentum"],
                                       nesterov=True)),
    "adagrad": ("Adagrad", lambda h: dict(lr=h["learning_rate"], eps=h["eps"])),
    "adadelta": ("Adadelta", lambda h: dict(lr=h["learning_rate"], rho=h["rho"], eps=h["eps"])),
    "rmsprop": ("RMSprop", lambda h: dict(lr=h["learning_rate"], alpha=h["alpha"], eps=h["eps"])),
    "adam": ("Adam", lambda h: dict(lr=h["learning_rate"], betas=(h["beta1"], h["beta2"]),
                                    eps=h["eps"])),
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("custom", [False, True])
def test_matches_torch(name, custom):
    torch = pytest.importorskip("torch")
    opt = optimizers.create(name, **(HYPERS[name] if custom else {}))
    cls_name, kwargs = TORCH[name]
    rng = np.random.default_rng(11)
    w = rng.normal(size=9)
    p = torch.tensor(w.copy(), dtype=torch.float64, requires_grad=True)
    topt = getattr(torch.optim, cls_name)([p], **kwargs(opt.hyper), foreach=False)
    for _ in range(50):
        g = rng.normal(size=9)
        opt.step(w, g)
        p.grad = torch.tensor(g, dtype=torch.float64)
        topt.step()
        np.testing.assert_allclose(w, p.detach().numpy(), rtol=1e-13, atol=1e-14)
