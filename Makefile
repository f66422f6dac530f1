# Fieldapp developer tasks. `make test` on a bare Debian 12 machine (as root) installs everything it needs.

PYTHON ?= python3
VENV = .venv
ARGS ?=
PYTEST_ARGS ?=

# Qt runtime for a real window (offscreen needs the first line only).
RUN_PKGS = libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
	libgssapi-krb5-2 fonts-dejavu-core \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0 libxcb-glx0 libxkbcommon-x11-0 \
	libx11-xcb1
# Tests also need a virtual display, a real Secret Service (gnome-keyring on a private D-Bus),
# the PDF/database command line tools, and PostgreSQL (the sync server's tests start private clusters).
# icu-devtools (icupkg) for the test of installer/slim_icu.py.
TEST_PKGS = $(RUN_PKGS) xvfb xauth gnome-keyring dbus dbus-x11 poppler-utils qpdf sqlite3 postgresql binutils \
	icu-devtools
# The installer bundle: PyInstaller needs objdump (binutils) on Linux, installer/slim_icu.py icupkg
# (icu-devtools) and binutils; installer/check_bundle.sh runs the built program against a real Secret
# Service (gnome-keyring on a private D-Bus).
BUNDLE_PKGS = $(RUN_PKGS) binutils icu-devtools gnome-keyring dbus

# Prerequisites are made in the order written (system packages before the venv, and so on).
.NOTPARALLEL:
.PHONY: system-deps system-deps-run system-deps-test system-deps-bundle venv translations ts-update run lint test bench \
	icons bundle bundle-check bundle-tar clean distclean

# $(call ensure_debs,<packages>): install what is missing when root, else print the command and fail.
# python3-venv is added when this Python cannot make a venv with pip (Debian ships ensurepip separately).
define ensure_debs
	@missing=""; \
	for p in $(1); do \
		dpkg -s "$$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
	done; \
	if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c 'import ensurepip' >/dev/null 2>&1; then \
		missing="$$missing python3-venv"; \
	fi; \
	if [ -z "$$missing" ]; then \
		echo "system-deps: all Debian packages present"; \
	elif [ "$$(id -u)" -eq 0 ]; then \
		echo "system-deps: installing$$missing"; \
		apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "system-deps: missing Debian packages:$$missing" >&2; \
		echo "Install them with:" >&2; \
		echo "  sudo apt-get install -y --no-install-recommends$$missing" >&2; \
		exit 1; \
	fi
endef

system-deps: system-deps-test

system-deps-run:
	$(call ensure_debs,$(RUN_PKGS))

system-deps-test:
	$(call ensure_debs,$(TEST_PKGS))

system-deps-bundle:
	$(call ensure_debs,$(BUNDLE_PKGS))

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Re-run pip only when pyproject.toml changed since the last install.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# Qt translations: the bokmål texts and the English plural forms live in .ts files (kept in git); the app loads the compiled .qm.
TS_DIR = src/fieldapp/resources/translations
TS_FILES = $(wildcard $(TS_DIR)/*_nb.ts $(TS_DIR)/*_en.ts)
UI_SOURCES = $(shell find src/fieldapp/ui -name '*.py')

translations: venv
	@for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done
	@echo "translations: compiled $(words $(TS_FILES)) file(s)"

# For developers after changing UI texts: add new source strings to the .ts (then translate them).
ts-update: venv
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -locations none -no-obsolete -ts $(TS_DIR)/fieldapp_nb.ts

run: system-deps-run venv translations
	$(VENV)/bin/fieldapp $(ARGS)

# Style and bug patterns (ruff), types (mypy: strict for domain, storage, sync and server), layering (import-linter).
lint: venv
	$(VENV)/bin/ruff check
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: system-deps-test venv translations lint
	rm -f build/alembic-dev.db && mkdir -p build && $(VENV)/bin/alembic upgrade head
	$(VENV)/bin/alembic check
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: venv
	$(VENV)/bin/python benchmarks/run_all.py

# Installer bundle (installer/fieldapp.spec, PyInstaller one-folder) from a separate venv that holds only
# the app's runtime dependencies and PyInstaller: no test tools, no editable install. The venv is made
# afresh when pyproject.toml changes; the app itself is reinstalled from the source tree on every build.
BUNDLE_VENV = build/bundle-venv
PYINSTALLER_SPEC = pyinstaller==6.22.*

$(BUNDLE_VENV)/.installed: pyproject.toml
	rm -rf $(BUNDLE_VENV)
	$(PYTHON) -m venv $(BUNDLE_VENV)
	rm -rf build/lib build/bdist.*  # setuptools' build folder can hold stale files from an earlier build
	$(BUNDLE_VENV)/bin/python -m pip install . '$(PYINSTALLER_SPEC)'
	touch $@

# build/icons: PNG sizes 16…1024, a Windows .ico, a macOS .icns and .iconset, all from resources/icons/fieldapp.svg.
icons: system-deps-bundle $(BUNDLE_VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BUNDLE_VENV)/bin/python installer/make_icons.py --out build/icons

bundle: system-deps-bundle translations $(BUNDLE_VENV)/.installed icons
	rm -rf build/lib build/bdist.*
	$(BUNDLE_VENV)/bin/python -m pip install --no-deps --force-reinstall .
	rm -rf dist/fieldapp
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
		installer/fieldapp.spec
	@du -sh dist/fieldapp

# Runs the built program: demo data, smoke test, agreement PDF and seal check (needs `make bundle` first).
bundle-check: system-deps-bundle
	bash installer/check_bundle.sh dist/fieldapp

# Linux tarball: dist/fieldapp-<version>-linux-x86_64.tar.gz with the bundle, .desktop file, icons and installer script.
bundle-tar: bundle
	bash installer/linux/make_tarball.sh dist/fieldapp

clean:
	rm -rf build .pytest_cache .hypothesis .mypy_cache .ruff_cache src/*.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) dist
