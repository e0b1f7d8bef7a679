"""Shared test set-up: Qt runs offscreen; Hypothesis runs the same examples every time.

Derandomised Hypothesis keeps CI reproducible (a fresh clone has no example database), and
no deadline: the first example of a test may include compiling a numba kernel.
"""
import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile("neuralab", derandomize=True, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "neuralab"))
