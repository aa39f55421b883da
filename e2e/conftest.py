"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every test builds its own newsroom with the ORM (the live server needs committed data, so
these tests run with `transactional_db`). Pages are served with DEBUG off, as in
production; e2e/urls.py adds the uploaded media the live server must serve.
"""

import io
import os
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Photo
from articles.tests.factories import make_article, make_tag
from authors.tests.factories import make_author

from .browser import AXE_JS, CHROMIUM, VIEWPORTS, watch_for_problems

ARTICLE_COUNT = 30  # more than any list shows at once, so each has a "Show More"
SEARCH_WORD = "harbour"  # in every title, so the search page has results


# Launched once for all of e2e/, and closed after its last test rather than at the end of
# the session: while Playwright runs, its asyncio loop would break any later test that
# starts one of its own (asyncio.run, async_to_sync).
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    from playwright.sync_api import sync_playwright

    # That loop also makes Django refuse ORM calls from the tests themselves; none of
    # them runs inside a coroutine, so the check can be turned off meanwhile.
    with (
        mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    """Each test that takes it runs on a phone and on a desktop screen."""
    return request.param


@pytest.fixture
def site(live_server, settings, tmp_path):
    """The live server's base URL, serving media from a folder of this test's own."""
    settings.ROOT_URLCONF = "e2e.urls"
    settings.MEDIA_ROOT = tmp_path / "media"
    return live_server.url


@pytest.fixture
def new_page(browser, viewport):
    """`new_page(**context_options)`: a page in a fresh context at the test's viewport.

    What goes wrong on it is listed in `page.problems`, for the test to check.
    """
    contexts = []

    def open_page(**options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], **options)
        contexts.append(context)
        page = context.new_page()
        watch_for_problems(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


# --- The newsroom the reader walks through ---------------------------------------------------


def image_file(name, size, colour, fmt="JPEG"):
    """A real image made with Pillow: a colour field with a band, so it is not blank."""
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle([0, size[1] * 2 // 3, size[0], size[1]], fill=(240, 236, 226))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return ContentFile(buffer.getvalue(), name=name)


BODY = """The harbour board met on Tuesday evening to settle the future of the old quay.

> We have waited long enough for a decision, said one trader who has worked there since 1998.

## What happens next

Councillors will vote on the plan next month. """ + " ".join(["The quay matters to the town."] * 60)


@pytest.fixture
def newsroom(site):
    """Two tags, two authors with avatars and ARTICLE_COUNT published stories by the first.

    Returns a dict of what was made, newest article first.
    """
    tags = [make_tag(name) for name in ("Politics", "Economy")]
    authors = [
        make_author(
            name=name,
            slug=name.lower().replace(" ", "-"),
            role=role,
            short_bio=f"{name} reports on the coast and its towns.",
            bio=f"{name} has written for the paper since 2015.\n\nBefore that, local radio.",
            avatar=image_file(f"{name.split()[0].lower()}.png", (240, 240), colour, "PNG"),
        )
        for name, role, colour in (
            ("Maren Holt", "Coastal affairs editor", (40, 70, 110)),
            ("Idris Vane", "Economics correspondent", (110, 60, 40)),
        )
    ]
    now = timezone.now()
    articles = []
    for i in range(ARTICLE_COUNT):
        if i < 3:
            photo = Photo.objects.create(
                image=image_file(f"lead-{i}.jpg", (640, 360), (30 + 40 * i, 90, 120)),
                alt_text=f"Fishing boats moored at the quay, picture {i + 1}",
                caption="The old quay at low tide.",
                credit="Newsroom staff",
            )
        else:  # making renditions takes time: later stories reuse the first three photos
            photo = articles[i % 3].lead_photo
        article = make_article(
            title=f"Story {i + 1}: the {SEARCH_WORD} board decides on the quay",
            standfirst="Traders and councillors disagree about what the old quay is for.",
            body=BODY,
            lead_photo=photo,
            primary_tag=tags[0],
            tags=tags,
            # One co-authored story, to show two author boxes.
            authors=authors if i == 0 else authors[:1],
            published_at=now - timedelta(hours=i + 1),
        )
        articles.append(article)
    return {"tags": tags, "authors": authors, "articles": articles}


@pytest.fixture
def page_urls(newsroom):
    """One address of each public page type, by name (the 404 page included)."""
    article = newsroom["articles"][0]
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "tag": f"/tags/{newsroom['tags'][0].slug}/",
        "author": newsroom["authors"][0].get_absolute_url(),
        "author-list": "/authors/",
        "news-feed": "/news/",
        "search": f"/search/?q={SEARCH_WORD}",
        "404": "/news/no-such-story/",
    }


@pytest.fixture
def axe_page(new_page):
    if not AXE_JS.exists():
        pytest.skip(f"axe-core not installed at {AXE_JS}: run `make browser-deps`")
    # The site's CSP allows no inline script; axe is injected as one, by the test only.
    return new_page(bypass_csp=True)
