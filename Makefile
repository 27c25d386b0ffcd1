# The whole set-up is two commands: `make run` and `make test` (README).
VENV := .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench soak messages clean

$(PYTHON):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PYTHON)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PYTHON)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# The Armenian catalogue is committed compiled too; recompile where gettext is installed.
messages: $(VENV)/.runtime-installed
	@if command -v msgfmt >/dev/null; then DEBUG=true $(PYTHON) manage.py compilemessages --ignore=.venv -v0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

run: $(VENV)/.runtime-installed messages
	DEBUG=true $(PYTHON) manage.py migrate --no-input
	DEBUG=true $(PYTHON) manage.py seed_demo
	@# The task worker sends the mail the site queues; it stops with the server.
	DEBUG=true $(PYTHON) manage.py db_worker -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(PYTHON) manage.py runserver $(HOST):$(PORT)

# Style first: a newcomer's first `make test` tells them about it in seconds.
lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint messages
	$(PYTHON) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed messages
	$(PYTHON) -m bench

# Mixed traffic against the production server for SOAK_MINUTES (docs/soak.md).
SOAK_MINUTES ?= 5
soak: $(VENV)/.dev-installed messages
	SOAK_MINUTES=$(SOAK_MINUTES) $(PYTHON) -m soak

clean:
	rm -rf $(VENV) db.sqlite3* media staticfiles
