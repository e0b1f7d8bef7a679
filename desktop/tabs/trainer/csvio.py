"""Load and save a CSV of 2-D points (Qt-free).

Format: a header, then one point per line::

    x1,x2,label,split        (classification: label is the class id 0..3, or -1/+1)
    x1,x2,value,split        (regression: value is the target, a finite number)

``split`` is optional ("train" or "test"; missing means train). -1/+1 labels read as
classes 0/1. Saving writes class ids 0..K-1 and numbers in ``repr`` form, so a save followed
by a load gives back exactly the same arrays. Saving is atomic (a temporary file then
``os.replace``): a failed save never leaves a half-written file.
"""
from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAX_POINTS = 20_000
MAX_CLASSES = 4


class CSVError(ValueError):
    """The file is not a points CSV; the message says where and why."""


@dataclass
class Points:
    X: np.ndarray        #: (N, 2) float64
    y: np.ndarray        #: (N,) int64 class ids (classification) or float64 targets
    train: np.ndarray    #: (N,) bool, True for training points
    kind: str            #: "classification" or "regression"

    @property
    def n_classes(self) -> int:
        if self.kind != "classification" or self.y.size == 0:
            return 0
        return int(self.y.max()) + 1


def _number(text: str, line: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CSVError(f"line {line}: {column} {text.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise CSVError(f"line {line}: {column} must be a finite number, got {text.strip()!r}")
    return value


def parse(text: str) -> Points:
    """Parse CSV text; raises ``CSVError`` with the line number of the first problem."""
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows:
        raise CSVError("the file is empty")
    header = [h.strip().lower() for h in rows[0]]
    if len(header) < 3 or header[0] != "x1" or header[1] != "x2":
        raise CSVError("the first line must be the header x1,x2,label[,split] "
                       "or x1,x2,value[,split]")
    if header[2] == "label":
        kind = "classification"
    elif header[2] in ("value", "target"):
        kind = "regression"
    else:
        raise CSVError(f"the third column must be 'label' or 'value', not {rows[0][2]!r}")
    has_split = len(header) >= 4 and header[3] == "split"
    body = rows[1:]
    if not body:
        raise CSVError("the file has a header but no points")
    if len(body) > MAX_POINTS:
        raise CSVError(f"too many points ({len(body)}); at most {MAX_POINTS}")
    X = np.empty((len(body), 2))
    y = np.empty(len(body))
    train = np.ones(len(body), dtype=bool)
    for i, row in enumerate(body):
        line = i + 2
        if len(row) < 3:
            raise CSVError(f"line {line}: expected at least 3 values, found {len(row)}")
        X[i, 0] = _number(row[0], line, "x1")
        X[i, 1] = _number(row[1], line, "x2")
        y[i] = _number(row[2], line, header[2])
        if has_split and len(row) >= 4:
            split = row[3].strip().lower()
            if split not in ("train", "test", ""):
                raise CSVError(f"line {line}: split must be 'train' or 'test', not {row[3]!r}")
            train[i] = split != "test"
    if kind == "classification":
        return Points(X, _class_ids(y), train, kind)
    return Points(X, y, train, kind)


def _class_ids(y: np.ndarray) -> np.ndarray:
    if not np.all(y == np.round(y)):
        bad = y[y != np.round(y)][0]
        raise CSVError(f"class labels must be whole numbers, found {bad!r} "
                       "(use a 'value' column for regression)")
    values = set(np.unique(y).tolist())
    if values <= {-1.0, 1.0}:
        return (y > 0).astype(np.int64)
    if values <= set(range(MAX_CLASSES)):
        return y.astype(np.int64)
    raise CSVError(f"class labels must be -1/+1 or 0..{MAX_CLASSES - 1}, "
                   f"found {sorted(values)[:6]}")


def load(path) -> Points:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CSVError(f"{path.name} is not a text file") from None
    return parse(text)


def dumps(points: Points) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    column = "label" if points.kind == "classification" else "value"
    writer.writerow(["x1", "x2", column, "split"])
    for (a, b), t, tr in zip(points.X.tolist(), points.y.tolist(), points.train.tolist()):
        label = str(int(t)) if points.kind == "classification" else repr(float(t))
        writer.writerow([repr(float(a)), repr(float(b)), label, "train" if tr else "test"])
    return out.getvalue()


def save(path, points: Points) -> None:
    """Write atomically: a temporary file beside ``path``, then ``os.replace``."""
    path = Path(path)
    text = dumps(points)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
