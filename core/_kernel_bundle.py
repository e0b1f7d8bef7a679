"""Compiled kernels shipped inside the packaged app, so that its first start compiles nothing.

A cold compile of every kernel takes numba 10-20 s (``make bench``). The packaged app
(``make app``) therefore carries a numba cache built at packaging time, and on its first
start copies it into the user's cache folder, where numba loads it like any cache it wrote
itself.

numba's cached code is tied to the CPU it was compiled for: the cache index keys each entry
by (target triple, CPU name, CPU features), and the default is the building machine's own
CPU. The shipped cache is therefore compiled for a *portable* target, ``x86-64-v3`` (AVX2
and FMA: Intel since Haswell, 2013; AMD since Excavator, 2015), named through
``NUMBA_CPU_NAME`` / ``NUMBA_CPU_FEATURES``. On this machine the kernels run as fast as with
the host's own name: LLVM prefers 256-bit vectors there either way (``bench/``). The app
selects that target only on a CPU that has every one of its features, and only when the
user has not chosen a CPU for numba; on any other machine the target stays numba's default,
no shipped entry matches, and numba compiles at the first start as it always did.

Every entry is stamped with :func:`stamp` (the kernel sources and the numba and Python
versions), through ``core._numba_cache.FrozenCacheLocator``: a rebuilt app with other
kernels never loads an older app's code.

Nothing here imports numba: :func:`configure_frozen` must run before numba is imported,
because numba reads its environment once, at import.

    python -m core._kernel_bundle build OUT_DIR   # packaging: OUT_DIR/numba and OUT_DIR/STAMP
"""
from __future__ import annotations

import functools
import hashlib
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

#: the CPU the shipped kernels are compiled for, and the host features it needs
PORTABLE_CPU = "x86-64-v3"
PORTABLE_NEEDS = ("avx", "avx2", "bmi", "bmi2", "cx16", "f16c", "fma", "lzcnt", "movbe",
                  "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3", "xsave")
STAMP_FILE = "STAMP"
CACHE_DIR = "numba"
#: written into the user's cache folder once the shipped cache has been copied there
SEEDED_FILE = "shipped-cache-stamp"

KERNELS_DIR = Path(__file__).resolve().parent / "_kernels"
_stamp: str | None = None  # set by use_stamp(): the stamp FrozenCacheLocator gives entries


def user_cache_dir() -> Path:
    """``$NEURALAB_CACHE_DIR``, else the platform's per-user cache folder + neuralab/numba
    (where ``core._numba_cache.FrozenCacheLocator`` keeps the packaged app's kernels)."""
    override = os.environ.get("NEURALAB_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "neuralab" / "numba"


def kernels_stamp() -> str:
    """A digest of every kernel file's contents (cheap: re-hashed only when one changes)."""
    digest = hashlib.sha256()
    for path in sorted(KERNELS_DIR.glob("*.py")):
        st = path.stat()
        digest.update(path.name.encode())
        digest.update(_file_hash(str(path), st.st_mtime_ns, st.st_size))
    return digest.hexdigest()


@functools.cache
def _file_hash(path: str, mtime_ns: int, size: int) -> bytes:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).digest()


def stamp() -> str:
    """:func:`kernels_stamp` and the Python, numba and llvmlite versions: what the shipped
    cache was compiled from."""
    versions = ";".join(f"{name}={metadata.version(name)}" for name in ("numba", "llvmlite"))
    return hashlib.sha256(f"{versions};python={sys.version_info[:3]};{kernels_stamp()}"
                          .encode()).hexdigest()


def use_stamp(value: str | None) -> None:
    """Stamp (and accept) cache entries with ``value`` from now on (None: numba's rule)."""
    global _stamp
    _stamp = value


def current_stamp() -> str | None:
    return _stamp


def portable_env() -> dict[str, str]:
    """The environment that makes numba compile for (and look up) :data:`PORTABLE_CPU`."""
    return {"NUMBA_CPU_NAME": PORTABLE_CPU, "NUMBA_CPU_FEATURES": ""}


def host_runs_portable(features: dict[str, bool] | None = None) -> bool:
    """Whether this CPU can run code compiled for :data:`PORTABLE_CPU` (``features``: the
    host's, as llvmlite reports them; read here when None)."""
    if features is None:
        if platform.machine().lower() not in ("x86_64", "amd64"):
            return False
        try:
            from llvmlite import binding

            features = dict(binding.get_host_cpu_features())
        except Exception:  # noqa: BLE001 - any failure: no shipped cache, compile as usual
            return False
    return all(features.get(name, False) for name in PORTABLE_NEEDS)


def seed(bundle: Path, user_cache: Path) -> bool:
    """Copy the shipped cache (``bundle``/numba) into ``user_cache``, unless that was done
    for this stamp already; each file is written beside its target and renamed over it, so
    numba never reads a half-copied file. Returns whether the shipped cache is in place."""
    source = bundle / CACHE_DIR
    try:
        value = (bundle / STAMP_FILE).read_text(encoding="ascii").strip()
        marker = user_cache / SEEDED_FILE
        if marker.exists() and marker.read_text(errors="replace").strip() == value:
            return True
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            target = user_cache / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(path, partial)
            os.replace(partial, target)
        marker.parent.mkdir(parents=True, exist_ok=True)
        partial = marker.with_name(marker.name + ".part")
        partial.write_text(value)
        os.replace(partial, marker)
        return True
    except (OSError, ValueError):  # a read-only or full disk, a damaged app folder:
        return False               # numba compiles (and may not cache) instead


def configure_frozen(bundle: Path, environ=os.environ) -> str:
    """Set up numba for the packaged app, before numba is imported: our cache locator, the
    stamp the app was built with, and, on a CPU that runs the portable target, that target
    and the shipped cache copied to the user's cache folder. Returns what was done
    ("shipped cache", "compile: …")."""
    environ.setdefault("NUMBA_CACHE_LOCATOR_CLASSES", "core._numba_cache.FrozenCacheLocator")
    try:
        value = (bundle / STAMP_FILE).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return "compile: no stamp in the app"
    use_stamp(value)
    if not (bundle / CACHE_DIR).is_dir():
        return "compile: no shipped cache"
    if "NUMBA_CPU_NAME" in environ or "NUMBA_CPU_FEATURES" in environ:
        return "compile: NUMBA_CPU_NAME/NUMBA_CPU_FEATURES set by the user"
    if not host_runs_portable():
        return f"compile: this CPU cannot run {PORTABLE_CPU} code"
    environ.update(portable_env())  # even if the copy fails: that target runs here
    if not seed(bundle, user_cache_dir()):
        return "compile: the user's cache folder is not writable"
    return "shipped cache"


_BUILD = """
import importlib, sys
from core import _kernel_bundle
_kernel_bundle.use_stamp(sys.argv[1])
import core.warmup
for name in sys.argv[2:] or core.warmup.MODULES:
    getattr(importlib.import_module(name), "warmup", lambda: None)()
"""


def build(out: Path, env=None, modules=()) -> bool:
    """Write ``out``/STAMP and, when this machine runs the portable target, ``out``/numba:
    every kernel (or those of ``modules``) compiled for it, in a fresh process, so that
    numba starts with that target. Returns whether a cache was built."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    value = stamp()
    (out / STAMP_FILE).write_text(value + "\n")
    if not host_runs_portable():
        return False
    env = dict(os.environ if env is None else env)
    for name in ("NUMBA_CPU_NAME", "NUMBA_CPU_FEATURES", "NUMBA_CACHE_DIR", "NUMBA_DISABLE_JIT"):
        env.pop(name, None)
    env.update(portable_env(), NEURALAB_CACHE_DIR=str(out / CACHE_DIR),
               NUMBA_CACHE_LOCATOR_CLASSES="core._numba_cache.FrozenCacheLocator",
               PYTHONPATH=os.pathsep.join(filter(None, [str(KERNELS_DIR.parents[1]),
                                                        env.get("PYTHONPATH")])))
    subprocess.run([sys.executable, "-c", _BUILD, value, *modules], env=env, check=True)
    return True


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "build":
        raise SystemExit("usage: python -m core._kernel_bundle build OUT_DIR")
    built = build(Path(sys.argv[2]))
    print(f"{sys.argv[2]}: " + ("kernels compiled for " + PORTABLE_CPU if built else
                                "stamp only (this CPU cannot run " + PORTABLE_CPU + " code)"))
