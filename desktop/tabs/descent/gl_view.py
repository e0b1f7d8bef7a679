"""The 3-D loss surface (pyqtgraph.opengl), built only where OpenGL really works.

``gl_available()`` says whether a 3-D view can be made: never under the offscreen or minimal
platforms (QOpenGLWidget is not supported there, and rendering segfaults), never without
PyOpenGL, and only if an OpenGL context can actually be created. Otherwise the tab shows the
2-D map alone. The surface uses the same display transform and colours as the map; balls
and trails float just above it.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QGuiApplication, QOffscreenSurface, QOpenGLContext

from desktop.tabs.descent import surfaces
from desktop.tabs.descent.map_view import MAX_RUNS, surface_lut
from desktop.theme import style

_AVAILABLE: bool | None = None
_CLASS = None
MESH_N = 100
HEIGHT = 0.45  # surface height as a fraction of the domain's size


def gl_available() -> bool:
    """True when a 3-D view can be created on this machine (checked once)."""
    global _AVAILABLE
    if _AVAILABLE is None:
        _AVAILABLE = _probe()
    return _AVAILABLE


def _probe() -> bool:
    app = QGuiApplication.instance()
    if app is None or QGuiApplication.platformName() in ("offscreen", "minimal", "vnc"):
        return False
    try:
        import OpenGL  # noqa: F401  (PyOpenGL, needed by pyqtgraph.opengl)
        import pyqtgraph.opengl  # noqa: F401
    except Exception:
        return False
    ctx = QOpenGLContext()
    if not ctx.create():
        return False
    surface = QOffscreenSurface()
    surface.create()
    ok = surface.isValid() and ctx.makeCurrent(surface)
    if ok:
        ctx.doneCurrent()
    return bool(ok)


def create_surface_view(parent=None):
    """A ``Surface3D`` or None when OpenGL is unavailable or fails to start."""
    if not gl_available():
        return None
    try:
        return Surface3D(parent)
    except Exception:
        return None


def _make_class():
    import pyqtgraph.opengl as gl

    class _Surface3D(gl.GLViewWidget):
        def __init__(self, parent=None) -> None:
            super().__init__(parent)
            self.setMinimumSize(200, 200)
            self.mesh = gl.GLSurfacePlotItem(smooth=False, computeNormals=False)
            self.mesh.setGLOptions("opaque")
            self.addItem(self.mesh)
            self.trails = [gl.GLLinePlotItem(mode="line_strip", antialias=True)
                           for _ in range(MAX_RUNS)]
            for t in self.trails:
                t.setGLOptions("translucent")
                self.addItem(t)
            self.balls = gl.GLScatterPlotItem(pxMode=True)
            from OpenGL import GL

            # balls are drawn on top of everything: never hidden inside a valley
            self.balls.setGLOptions({GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True,
                                     "glBlendFunc": (GL.GL_SRC_ALPHA,
                                                     GL.GL_ONE_MINUS_SRC_ALPHA)})
            self.addItem(self.balls)
            self._surface = None
            self._levels = (0.0, 1.0)
            self._log = False
            self._f_ref = 0.0

        # --- data ------------------------------------------------------------------------
        def set_surface(self, surface) -> None:
            self._surface = surface
            xs, ys, Z = surface.grid()
            D, levels, _ = surfaces.display_field(Z, surface.log_scale, surface.f_ref,
                                                  compress=False)
            self._levels, self._log, self._f_ref = levels, surface.log_scale, surface.f_ref
            step = max(1, len(xs) // MESH_N)
            xs_, ys_, D_ = xs[::step], ys[::step], D[::step, ::step]
            heights = self._height(D_)
            self._colors = self._vertex_colors(D_)
            # GLSurfacePlotItem wants z[i, j] at (x[i], y[j]): the transpose of row-major D
            self.mesh.setData(x=xs_, y=ys_, z=heights.T.copy(), colors=self._colors)
            cx, cy = surface.centre
            from PySide6.QtGui import QVector3D

            self.setCameraPosition(pos=QVector3D(cx, cy, HEIGHT * surface.extent * 0.35),
                                   distance=1.45 * surface.extent, elevation=38, azimuth=-100)

        def _height(self, D) -> np.ndarray:
            lo, hi = self._levels
            t = np.clip((np.asarray(D, float) - lo) / (hi - lo), 0.0, 1.0)
            return (t * HEIGHT * self._surface.extent).astype(np.float32)

        def _vertex_colors(self, D) -> np.ndarray:
            lut = surface_lut(style.dark).astype(np.float32) / 255.0
            lo, hi = self._levels
            idx = np.clip(((D - lo) / (hi - lo) * 255).astype(int), 0, 255)
            colors = lut[idx.T]  # (nx, ny, 4) like z
            # shade by height so the shape reads without lighting
            shade = 0.75 + 0.25 * np.clip((D.T - lo) / (hi - lo), 0, 1)[..., None]
            colors[..., :3] *= shade
            return colors.reshape(-1, 4)

        def _display(self, loss: np.ndarray) -> np.ndarray:
            with np.errstate(all="ignore"):
                if self._log:
                    return np.log10(1.0 + np.maximum(loss - self._f_ref, 0.0))
                return loss

        def refresh(self, model, colors: list[str]) -> None:
            if self._surface is None:
                return
            lift = 0.02 * self._surface.extent
            pos, cols = [], []
            for i, t in enumerate(self.trails):
                if i >= len(model.runs):
                    t.hide()
                    continue
                run = model.runs[i]
                s = run.index(model.cursor)
                p = run.params[: s + 1]
                ok = np.all(np.isfinite(p), axis=1)
                p = p[ok]
                z = self._height(self._display(run.loss[: s + 1][ok])) + lift
                c = QColor(colors[i])
                rgba = (c.redF(), c.greenF(), c.blueF(), 1.0)
                if len(p) >= 2:
                    pts = np.column_stack([p, z]).astype(np.float32)
                    t.setData(pos=pts, color=rgba, width=max(2.0, style.line_width))
                    t.show()
                else:
                    t.hide()
                if len(p):
                    pos.append([p[-1, 0], p[-1, 1], z[-1] + lift])
                    cols.append(rgba)
            if pos:
                self.balls.setData(pos=np.array(pos, np.float32),
                                   color=np.array(cols, np.float32),
                                   size=style.marker_size * 1.7)
                self.balls.show()
            else:
                self.balls.hide()

        def apply_style(self) -> None:
            self.setBackgroundColor(style.background)
            if self._surface is not None:
                self.set_surface(self._surface)

    return _Surface3D


def Surface3D(parent=None):  # noqa: N802 (a factory that looks like the class it builds)
    global _CLASS
    if _CLASS is None:
        _CLASS = _make_class()
    return _CLASS(parent)
