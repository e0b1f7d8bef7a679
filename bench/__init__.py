"""Neuralab's benchmarks: ``python -m bench [name ...]`` (or ``make bench``).

Every ``bench/bench_<name>.py`` module has ``run() -> list[dict]``; each row is
``{"name", "value", "unit", "target", "ok"}`` plus an optional ``"note"``. ``__main__`` runs
the modules (all, or those named on the command line) and prints one table with PASS/FAIL
beside every target. Benchmarks are never tests: timings depend on the machine.
"""
