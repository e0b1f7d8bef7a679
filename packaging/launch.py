"""PyInstaller's entry script: runs ``desktop.app.main`` (kept apart so that ``desktop.app``
is imported once, under its own name)."""
from desktop.app import main

raise SystemExit(main())
