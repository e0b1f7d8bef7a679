# Neuralab: two commands on a fresh machine -- `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.stamp-installed
TESTSTAMP := $(VENV)/.stamp-test
APPSTAMP  := $(VENV)/.stamp-app
# the suite runs on every core (pytest-xdist), at most 4 processes; PYTEST_JOBS= runs it in one
PYTEST_JOBS ?= -n auto --maxprocesses=4

.PHONY: run test test-gl lint bench app translations screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade --quiet pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP) $@

$(APPSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,app]"
	touch $(STAMP) $(TESTSTAMP) $@

## Set up (once) and launch the app.
run: $(STAMP)
	$(PY) -m desktop.app $(ARGS)

## Set up (once) and run the linters and the whole test suite (Qt offscreen).
test: $(TESTSTAMP)
	$(PY) -m ruff check core desktop tests bench tools
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_JOBS) $(PYTEST_ARGS)

## The OpenGL tests (3-D views) on a virtual screen: needs Debian's xvfb and xauth.
test-gl: $(TESTSTAMP)
	xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb $(PY) -m pytest -m gl $(PYTEST_ARGS)

lint: $(TESTSTAMP)
	$(PY) -m ruff check core desktop tests bench tools

## Benchmarks: ratios measured side by side in one run (PyTorch CPU when installed).
bench: $(TESTSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(ARGS)

## One-folder PyInstaller build in dist/neuralab, then its offscreen self-test.
app: $(APPSTAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/neuralab/neuralab --self-test

## Regenerate the .ts sources from the code and compile them to .qm.
translations: $(TESTSTAMP)
	$(PY) tools/i18n.py update

## Render every tab to screenshots/ (projector mode, both languages, both themes).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

clean:
	rm -rf build dist .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
