"""Neuralab's Qt desktop application (PySide6 + pyqtgraph). Imports ``core``, never the reverse."""
