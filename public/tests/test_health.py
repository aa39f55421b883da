"""/healthz: 200 when the database and the cache answer, 503 naming the part that failed,
and never the error itself."""

import pytest
from django.db import OperationalError

from public import health

pytestmark = pytest.mark.django_db

SECRET_LOOKING_ERROR = "could not connect to db.internal as newsroom with password hunter2"


def test_healthy_server_answers_200(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "queue": {"depth": 0, "oldest_wait_seconds": 0},
    }
    assert "no-store" in response["Cache-Control"]


def test_unreachable_database_answers_503_naming_it(client, monkeypatch):
    class DownDatabase:
        def cursor(self):
            raise OperationalError(SECRET_LOOKING_ERROR)

    monkeypatch.setattr(health, "connection", DownDatabase())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() | {"queue": None} == {
        "status": "failed",
        "database": "failed",
        "cache": "ok",
        "queue": None,
    }
    assert "hunter2" not in response.text


def test_unreachable_cache_answers_503_naming_it(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError(SECRET_LOOKING_ERROR)

    monkeypatch.setattr(health.cache, "set", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() | {"queue": None} == {
        "status": "failed",
        "database": "ok",
        "cache": "failed",
        "queue": None,
    }
    assert "hunter2" not in response.text


def test_health_check_is_answered_over_plain_http_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production, behind a TLS proxy

    assert client.get("/healthz").status_code == 200
    assert client.get("/news/").status_code == 301  # everything else goes to HTTPS


def test_a_database_outage_during_a_page_is_a_503_that_says_when_to_retry(client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError(SECRET_LOOKING_ERROR)

    monkeypatch.setattr("public.views.Article.objects.published", down)

    response = client.get("/news/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "private" in response["Cache-Control"]
    assert "hunter2" not in response.text
    assert "try again" in response.text


def test_other_errors_are_not_hidden_as_outages(client, monkeypatch):
    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("public.views.Article.objects.published", bug)
    client.raise_request_exception = False

    assert client.get("/news/").status_code == 500
