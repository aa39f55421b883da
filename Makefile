# Newsroom: `make run` serves the demo newsroom, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` is for a laptop: debug pages on, no HTTPS redirect.
DEV_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run serve test lint format install install-dev browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production-style serving: collected static files and gunicorn (settings from the environment).
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn newsroom.wsgi --bind 127.0.0.1:$(PORT) --workers 3

test: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=newsroom.test_settings
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
