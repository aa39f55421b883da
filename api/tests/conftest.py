"""Calling the content API in tests: a key (`api`), and GETs that send it."""

import pytest

from api.keys import issue_key


class ApiClient:
    def __init__(self, client, raw):
        self.client, self.raw = client, raw

    def get(self, url, **headers):
        return self.client.get(url, HTTP_AUTHORIZATION=f"Bearer {self.raw}", **headers)


@pytest.fixture
def api(client, db):
    _, raw = issue_key(name="Partner", requests_per_minute=1000)
    return ApiClient(client, raw)
