"""The loss history: preallocated buffers that grow by doubling (Qt-free).

One record per redraw (or per Step): the epoch and the training and test losses. Past
``max_records`` every other record is dropped, so a run of millions of epochs keeps a
bounded, evenly thinned curve.
"""
from __future__ import annotations

import numpy as np


class History:
    def __init__(self, capacity: int = 1024, max_records: int = 20_000) -> None:
        self.max_records = int(max_records)
        self._epoch = np.zeros(capacity)
        self._train = np.zeros(capacity)
        self._test = np.zeros(capacity)
        self.n = 0

    def __len__(self) -> int:
        return self.n

    def __repr__(self) -> str:
        last = f", last epoch {self._epoch[self.n - 1]:.0f}" if self.n else ""
        return f"History({self.n} records{last})"

    def clear(self) -> None:
        self.n = 0

    def append(self, epoch: float, train: float, test: float) -> None:
        if self.n == len(self._epoch):
            if self.n >= self.max_records:
                self._thin()
            else:
                self._grow(min(2 * self.n, self.max_records))
        i = self.n
        self._epoch[i], self._train[i], self._test[i] = epoch, train, test
        self.n += 1

    def truncate(self, n: int) -> None:
        self.n = max(0, min(self.n, int(n)))

    def _grow(self, capacity: int) -> None:
        for name in ("_epoch", "_train", "_test"):
            old = getattr(self, name)
            new = np.zeros(capacity)
            new[:self.n] = old[:self.n]
            setattr(self, name, new)

    def _thin(self) -> None:
        """Keep every other record (the newest always kept)."""
        keep = np.arange(self.n - 1, -1, -2)[::-1]
        for name in ("_epoch", "_train", "_test"):
            buf = getattr(self, name)
            buf[:len(keep)] = buf[keep]
        self.n = len(keep)

    @property
    def epoch(self) -> np.ndarray:
        return self._epoch[:self.n]

    @property
    def train(self) -> np.ndarray:
        return self._train[:self.n]

    @property
    def test(self) -> np.ndarray:
        return self._test[:self.n]

    def to_dict(self) -> dict:
        """JSON-safe: NaN (no test points) becomes null."""
        def clean(a):
            return [None if not np.isfinite(v) else float(v) for v in a]
        return {"epoch": self.epoch.tolist(), "train": clean(self.train),
                "test": clean(self.test)}

    @classmethod
    def from_dict(cls, d) -> History:
        if not isinstance(d, dict) or set(d) != {"epoch", "train", "test"}:
            raise ValueError("history must have 'epoch', 'train' and 'test' lists")
        cols = []
        for key in ("epoch", "train", "test"):
            v = d[key]
            if not isinstance(v, list) or not all(
                    x is None or (isinstance(x, (int, float)) and not isinstance(x, bool))
                    for x in v):
                raise ValueError(f"history.{key} must be a list of numbers")
            cols.append(np.array([np.nan if x is None else x for x in v], dtype=np.float64))
        if not len(cols[0]) == len(cols[1]) == len(cols[2]):
            raise ValueError("history lists differ in length")
        if not np.all(np.isfinite(cols[0])) or np.any(np.diff(cols[0]) < 0):
            raise ValueError("history epochs must be finite and non-decreasing")
        h = cls(capacity=max(1024, len(cols[0])), max_records=max(20_000, len(cols[0])))
        n = len(cols[0])
        h._epoch[:n], h._train[:n], h._test[:n] = cols
        h.n = n
        return h
