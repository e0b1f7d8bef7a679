"""Run every ``bench/bench_*.py`` module (or the ones named) and print one table.

    python -m bench            # everything
    python -m bench core       # bench/bench_core.py only
"""
from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if not names:
        return found
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in names]
    unknown = [n for n in wanted if n not in found]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; "
                         f"known: {', '.join(m[6:] for m in found)}")
    return wanted


def _format(value) -> str:
    if isinstance(value, float):
        if value == 0 or 0.01 <= abs(value) < 1e5:
            return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
        return f"{value:.3g}"
    return str(value)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    rows: list[dict] = []
    start = time.perf_counter()
    for name in _modules(argv):
        t0 = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            rows += module.run()
        except Exception as exc:  # one broken benchmark must not hide the others
            traceback.print_exc()
            rows.append({"name": f"{name}: failed ({type(exc).__name__}: {exc})",
                         "value": "-", "unit": "", "target": "", "ok": False})
        print(f"  {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    width = max([len(r["name"]) for r in rows] + [9])
    print(f"\n{'benchmark':<{width}}  {'value':>12}  {'unit':<9} {'target':<14} result")
    print("-" * (width + 48))
    for r in rows:
        ok = r.get("ok")
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"{r['name']:<{width}}  {_format(r['value']):>12}  {r.get('unit', ''):<9} "
              f"{r.get('target', ''):<14} {verdict}")
        if r.get("note"):
            print(f"{'':<{width}}    {r['note']}")
    failed = sum(1 for r in rows if r.get("ok") is False)
    print(f"\n{len(rows)} rows, {failed} below target, {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
