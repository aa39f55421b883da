"""The beacon answered in front of Django (newsroom/wsgi.py): the same answers as the view."""

import io

import pytest

from articles.tests.factories import make_article
from frontpage import beacon, most_read
from frontpage.models import StoryViews

pytestmark = pytest.mark.django_db

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def call(body=b"", *, method="POST", path="/views/", agent=AGENT):
    passed = []

    def django_app(environ, start_response):
        passed.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"from Django"]

    answered = {}

    def start_response(status, headers):
        answered.update(status=status, headers=dict(headers))

    environ = {
        "PATH_INFO": path,
        "REQUEST_METHOD": method,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "HTTP_USER_AGENT": agent,
    }
    content = b"".join(beacon.wsgi(django_app)(environ, start_response))
    return answered["status"], content, passed


def test_a_beacon_is_counted_without_reaching_django(clock):
    story = make_article()
    status, _, passed = call(f"story={story.pk}".encode())
    most_read.flush()
    assert (status, passed) == ("204 No Content", [])
    assert StoryViews.objects.get().count == 1


@pytest.mark.parametrize("body", [b"", b"story=", b"story=x", b"id=1", b"story=1" + b"0" * 80])
def test_junk_is_refused(body):
    assert call(body)[0] == "400 Bad Request"


def test_a_bot_is_answered_and_not_counted(clock):
    story = make_article()
    assert call(f"story={story.pk}".encode(), agent="Googlebot/2.1")[0] == "204 No Content"
    most_read.flush()
    assert not StoryViews.objects.exists()


@pytest.mark.parametrize(("method", "path"), [("GET", "/views/"), ("POST", "/news/")])
def test_everything_else_goes_to_django(method, path):
    assert call(b"", method=method, path=path)[2] == [path]
