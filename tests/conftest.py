"""Shared test set-up: Qt runs offscreen; pyqtgraph uses row-major images."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
