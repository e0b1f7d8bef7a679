"""The trainer's Qt-free pieces against hand-computed values: features, metrics, CSV,
history, target encoding and settings validation."""
import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.tabs.trainer import csvio, data, features, metrics
from desktop.tabs.trainer.history import History
from desktop.tabs.trainer.state import Settings, settings_from_dict


# ---- features ---------------------------------------------------------------------------
def test_features_at_a_point_match_hand_values():
    X = np.array([[2.0, -1.0]])
    got = features.all_features(X)[0]
    want = [2.0, -1.0, 4.0, 1.0, -2.0, math.sin(2.0), math.sin(-1.0)]
    assert np.allclose(got, want)


def test_feature_matrix_keeps_canonical_order_and_rejects_bad_names():
    X = np.array([[0.5, 3.0]])
    got = features.feature_matrix(X, ["x2sq", "x1"])
    assert np.allclose(got, [[0.5, 9.0]])
    assert got.flags.c_contiguous
    with pytest.raises(ValueError, match="unknown feature"):
        features.feature_matrix(X, ["x3"])
    with pytest.raises(ValueError, match="at least one"):
        features.feature_matrix(X, [])


# ---- metrics ----------------------------------------------------------------------------
def test_accuracy_and_confusion_matrix_by_hand():
    true = np.array([0, 0, 1, 1, 2, 2])
    pred = np.array([0, 1, 1, 1, 0, 2])
    assert metrics.accuracy(true, pred) == pytest.approx(4 / 6)
    cm = metrics.confusion_matrix(true, pred, 3)
    assert cm.tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    assert math.isnan(metrics.accuracy(np.zeros(0), np.zeros(0)))
    with pytest.raises(ValueError):
        metrics.confusion_matrix(true, pred, 2)


def test_r_squared_and_rmse_by_hand():
    t = np.array([1.0, 2.0, 3.0])
    o = np.array([1.0, 2.0, 4.0])
    # SS_res = 1, SS_tot = 2
    assert metrics.r_squared(t, o) == pytest.approx(0.5)
    assert metrics.rmse(t, o) == pytest.approx(math.sqrt(1 / 3))
    assert math.isnan(metrics.r_squared(np.ones(3), o))  # constant targets


def test_predicted_classes_thresholds():
    out = np.array([[-0.2], [0.0], [0.7]])
    assert metrics.predicted_classes(out, "tanh").tolist() == [0, 1, 1]
    p = np.array([[0.4], [0.5], [0.9]])
    assert metrics.predicted_classes(p, "sigmoid").tolist() == [0, 1, 1]
    soft = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]])
    assert metrics.predicted_classes(soft, "softmax").tolist() == [1, 0]


# ---- CSV ----------------------------------------------------------------------------------
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(finite, finite, st.integers(0, 3), st.booleans()), min_size=1,
                max_size=40))
def test_csv_round_trip_is_exact_for_classes(rows):
    X = np.array([[a, b] for a, b, _, _ in rows])
    y = np.array([k for _, _, k, _ in rows], dtype=np.int64)
    train = np.array([t for *_, t in rows])
    back = csvio.parse(csvio.dumps(data.Points(X, y, train, "classification")))
    assert back.kind == "classification"
    assert np.array_equal(back.X, X) and np.array_equal(back.y, y)
    assert np.array_equal(back.train, train)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(finite, finite, finite), min_size=1, max_size=40))
def test_csv_round_trip_is_exact_for_values(rows):
    X = np.array([[a, b] for a, b, _ in rows])
    y = np.array([v for *_, v in rows])
    points = data.Points(X, y, np.ones(len(rows), bool), "regression")
    back = csvio.parse(csvio.dumps(points))
    assert back.kind == "regression"
    assert np.array_equal(back.X, X) and np.array_equal(back.y, y)


def test_csv_reads_plus_minus_one_labels_as_classes():
    p = csvio.parse("x1,x2,label\n1,2,-1\n3,4,1\n")
    assert p.y.tolist() == [0, 1] and p.train.all()


@pytest.mark.parametrize("text, where", [
    ("", "empty"),
    ("a,b,c\n1,2,3\n", "header"),
    ("x1,x2,label\n", "no points"),
    ("x1,x2,label\n1,2,0\n1,oops,1\n", "line 3"),
    ("x1,x2,label\n1,nan,0\n", "finite"),
    ("x1,x2,label\n1,2,0.5\n", "whole numbers"),
    ("x1,x2,label\n1,2,7\n", "0..3"),
    ("x1,x2,label,split\n1,2,0,maybe\n", "split"),
    ("x1,x2,label\n1,2\n", "line 2"),
    ("x1,x2,weight\n1,2,3\n", "third column"),
])
def test_malformed_csv_gives_a_clear_error(text, where):
    with pytest.raises(csvio.CSVError, match=where):
        csvio.parse(text)


def test_csv_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "points.csv"
    path.write_text("old content", encoding="utf-8")
    points = data.Points(np.array([[1.0, 2.0]]), np.array([1]), np.array([True]),
                         "classification")

    def fail(*_a):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        csvio.save(path, points)
    assert path.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["points.csv"]
    monkeypatch.undo()
    csvio.save(path, points)
    assert csvio.load(path).y.tolist() == [1]


# ---- history --------------------------------------------------------------------------------
def test_history_grows_thins_and_round_trips():
    h = History(capacity=4, max_records=16)
    for e in range(40):
        h.append(e, 1.0 / (e + 1), float("nan") if e % 2 else 0.5)
    assert len(h) <= 16 and h.epoch[-1] == 39
    assert np.all(np.diff(h.epoch) > 0)
    back = History.from_dict(h.to_dict())
    assert np.array_equal(back.epoch, h.epoch)
    assert np.array_equal(back.train, h.train)
    assert np.array_equal(np.isnan(back.test), np.isnan(h.test))
    with pytest.raises(ValueError):
        History.from_dict({"epoch": [1, 0], "train": [1, 1], "test": [1, 1]})


# ---- targets and settings --------------------------------------------------------------------
def test_output_spec_and_target_encoding():
    y = np.array([0, 1, 1])
    spec = data.output_spec("classification", 2, "mse")
    assert (spec.n_out, spec.activation, spec.loss) == (1, "tanh", "mse")
    assert spec.encode(y).ravel().tolist() == [-1.0, 1.0, 1.0]
    spec = data.output_spec("classification", 2, "cross_entropy")
    assert (spec.activation, spec.loss) == ("sigmoid", "bce")
    assert spec.encode(y).ravel().tolist() == [0.0, 1.0, 1.0]
    spec = data.output_spec("classification", 3, "mse")
    assert (spec.n_out, spec.activation, spec.loss) == (3, "softmax", "cross_entropy")
    assert spec.encode(np.array([2, 0])).tolist() == [[0, 0, 1], [1, 0, 0]]
    spec = data.output_spec("regression", 0, "cross_entropy")
    assert (spec.activation, spec.loss) == ("linear", "mse")


def test_split_mask_has_the_ratio_and_is_seeded():
    m = data.split_mask(500, 0.3, 4)
    assert m.sum() == 150
    assert np.array_equal(m, data.split_mask(500, 0.3, 4))
    assert not np.array_equal(m, data.split_mask(500, 0.3, 5))


def test_trainability_messages():
    X = np.zeros((3, 2))
    one_class = data.Points(X, np.array([1, 1, 1]), np.ones(3, bool), "classification")
    assert "one class" in data.check_trainable(one_class)
    empty = data.Points(X[:0], np.zeros(0, np.int64), np.zeros(0, bool), "classification")
    assert "no training points" in data.check_trainable(empty)
    ok = data.Points(X, np.array([0, 1, 1]), np.ones(3, bool), "classification")
    assert data.check_trainable(ok) is None


@pytest.mark.parametrize("bad", [
    {"learning_rate": 0}, {"learning_rate": 11.0}, {"learning_rate": "fast"},
    {"hidden": [4, 9]}, {"hidden": [0]}, {"hidden": [1] * 7}, {"noise": 60},
    {"batch_size": True}, {"features": []}, {"features": ["x9"]}, {"optimizer": "lbfgs"},
    {"activations": ["tanh"]}, {"dataset": "moon"}, {"speed": 3}, {"unknown": 1},
    {"discretize": 1},
])
def test_settings_validation_rejects_bad_values(bad):
    with pytest.raises(ValueError):
        settings_from_dict(bad, Settings())


def test_settings_round_trip_and_default_activation_for_new_layers():
    s = settings_from_dict({"hidden": [3, 3, 3]}, Settings())
    assert s.activations == ("tanh", "tanh", "tanh")
    assert settings_from_dict(s.to_dict(), Settings()) == s
