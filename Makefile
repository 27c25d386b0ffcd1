# The whole set-up is two commands: `make run` and `make test` (README).
VENV := .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint gates bandit deploy-check migrations-check bench soak messages clean

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

# Gates, after lint and before the suite (README "Tests"; docs/security.md), a few seconds each:
# bandit's medium and high findings, Django's deployment checks under the production
# environment deploy/env.example gives, and no model change without its migration.
gates: bandit deploy-check migrations-check

bandit: $(VENV)/.dev-installed
	$(VENV)/bin/bandit --quiet --configfile pyproject.toml --recursive . --severity-level medium

# deploy/env.example as production reads it, with a real secret key in place of its placeholder;
# any warning fails. No database or Redis is reached: these checks read settings only.
deploy-check: $(VENV)/.runtime-installed
	set -a && . deploy/env.example && set +a && \
	SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	$(PYTHON) manage.py check --deploy --fail-level WARNING

# The test settings install every app (the demo's and the benchmark's too).
migrations-check: $(VENV)/.runtime-installed
	DJANGO_SETTINGS_MODULE=tests.settings $(PYTHON) manage.py makemigrations --check --dry-run

test: lint gates messages
	$(PYTHON) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed messages
	$(PYTHON) -m bench

# Mixed traffic against the production server for SOAK_MINUTES (docs/soak.md).
SOAK_MINUTES ?= 5
soak: $(VENV)/.dev-installed messages
	SOAK_MINUTES=$(SOAK_MINUTES) $(PYTHON) -m soak

clean:
	rm -rf $(VENV) db.sqlite3* media staticfiles
