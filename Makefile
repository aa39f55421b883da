# Newsroom: `make run` serves the demo newsroom, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The port `make run` and `make serve` listen on; the site's absolute links follow it.
export PORT ?= 8000

.PHONY: run serve test lint format install install-dev browser-deps lighthouse clean \
	cluster cluster-stop drills backup restore messages

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

# A laptop's settings, made once: debug pages on and a random key of its own. Edit freely;
# it is never committed. Production sets its variables in the environment instead.
.env:
	@printf '%s\n' '# Local development settings (see .env.example for every variable).' \
	  'DEBUG=true' "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "wrote .env for local development"

run: export DEMO = true
run: install .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@# The queue's worker runs beside the server and stops with it (docs/queue.md).
	$(BIN)/python manage.py run_worker --worker-id local & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production-style serving: collected static files and gunicorn (settings from the environment;
# workers, timeouts and logging in deploy/gunicorn.conf.py).
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn newsroom.wsgi -c deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

# The whole production stack on 127.0.0.1 (PostgreSQL, Redis, two app servers, nginx,
# Varnish), each process with its own PID file in .cluster/; and the drills run against it.
cluster: install
	deploy/local-cluster.sh start

cluster-stop:
	deploy/local-cluster.sh stop

drills: cluster
	$(BIN)/python bench/cluster_drills.py

# A consistent backup of the database and media files (settings from the environment), and
# its restore into an empty database and media folder: make restore BACKUP=backups/<name>
backup: install
	$(BIN)/python deploy/backup.py make

restore: install
	$(BIN)/python deploy/backup.py restore $(BACKUP)

# The browser tests (e2e/) need Debian's Chromium and, for axe-core, node's npm; without
# them those tests skip and say why. npm ci runs only when the lock file changed.
CHROMIUM := /usr/bin/chromium

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser-deps:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) -s --no-print-directory node_modules/.installed; \
	else echo "npm not found: the accessibility tests (axe-core) will be SKIPPED"; fi

test: install-dev browser-deps
	@test -x $(CHROMIUM) || echo "Chromium not found at $(CHROMIUM): the browser tests (e2e/) will be SKIPPED"
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=newsroom.test_settings
	$(BIN)/pytest

# Lighthouse on the home and article pages, by hand (a few minutes; see docs/performance.md).
lighthouse: install-dev
	LIGHTHOUSE=1 $(BIN)/pytest e2e/test_lighthouse.py -q -s

# The site's own words in Ukrainian (locale/uk/LC_MESSAGES/), for maintainers: gathers every
# marked string into django.po (translate the new entries, leave none fuzzy), then compiles
# django.mo. Both are committed, so `make run` needs no gettext tools. Needs gettext
# (xgettext, msgmerge, msgfmt). The admin's words are Django's own: not gathered here.
MESSAGES_IGNORE := --ignore=templates/admin --ignore=e2e --ignore=bench --ignore=node_modules \
	--ignore=staticfiles --ignore=media --ignore=artifacts

messages: install
	$(BIN)/python manage.py makemessages --locale=uk --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages --locale=uk --ignore='.*' --ignore=node_modules

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules artifacts
