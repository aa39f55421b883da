"""Markdown to safe stored HTML, and the reading time shown as "N min read"."""

import pytest

from articles import text
from articles.models import Article
from articles.tests.factories import make_article
from articles.text import reading_minutes, render_markdown, word_count


def words(n):
    return " ".join(f"word{i}" for i in range(n))


@pytest.mark.parametrize(
    ("count", "minutes"),
    [(0, 1), (1, 1), (229, 1), (230, 1), (231, 2), (460, 2), (461, 3), (1000, 5)],
)
def test_reading_time_is_words_over_230_rounded_up_and_never_zero(count, minutes):
    html = render_markdown(words(count))

    assert word_count(html) == count
    assert reading_minutes(html) == minutes


def test_markup_is_not_counted_as_words():
    html = render_markdown(
        f"## {words(100)}\n\n> {words(100)}\n\n[{words(31)}](https://example.com/a-b-c)"
    )

    assert word_count(html) == 231
    assert reading_minutes(html) == 2


def test_ampersands_are_not_counted_as_words():
    # "&" is stored as "&amp;"; the entity's name is not a word the reader reads.
    html = render_markdown(" ".join(["fish & chips"] * 115))  # 230 words

    assert word_count(html) == 230
    assert reading_minutes(html) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "minutes"), [(0, 1), (230, 1), (231, 2), (1000, 5)])
def test_saving_an_article_stores_its_reading_time(count, minutes):
    article = make_article(body=words(count))

    article.refresh_from_db()
    assert article.reading_minutes == minutes


def test_quotation_lines_become_a_blockquote():
    html = render_markdown("Before.\n\n> We will not back down.\n\nAfter.")

    assert "<blockquote>\n<p>We will not back down.</p>\n</blockquote>" in html


def test_script_elements_are_removed_with_their_contents():
    html = render_markdown("Hello.\n\n<script>alert('owned')</script>\n\nBye.")

    assert "<script" not in html
    assert "alert" not in html
    assert "Hello." in html
    assert "Bye." in html


def test_event_handler_attributes_are_removed():
    html = render_markdown(
        '<p onclick="steal()">Click me</p>\n\n<a href="https://a.example" onmouseover="x()">a</a>'
    )

    assert "onclick" not in html
    assert "onmouseover" not in html
    assert "steal" not in html
    assert "Click me" in html


@pytest.mark.parametrize(
    "source",
    [
        "[Click](javascript:alert(1))",
        '<a href="javascript:alert(1)">Click</a>',
        '<a href="JaVaScRiPt:alert(1)">Click</a>',
    ],
)
def test_javascript_links_lose_their_address(source):
    html = render_markdown(source)

    assert "javascript" not in html.lower()
    assert "Click" in html


def test_ordinary_links_are_kept_and_open_safely():
    html = render_markdown("Read [the report](https://example.com/report).")

    assert 'href="https://example.com/report"' in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_body_html_is_rendered_and_stored_when_the_article_is_saved():
    article = make_article(body="> A quote.\n\n<script>bad()</script>")

    stored = Article.objects.values_list("body_html", flat=True).get(pk=article.pk)
    assert "<blockquote>" in stored
    assert "<script" not in stored


@pytest.mark.django_db
def test_saving_only_the_body_field_still_refreshes_the_stored_html():
    article = make_article(body="Old words.")

    article.body = "> New quote " + words(300)
    article.save(update_fields=["body"])

    article.refresh_from_db()
    assert "<blockquote>" in article.body_html
    assert "Old words" not in article.body_html
    assert article.reading_minutes == 2


@pytest.mark.django_db
def test_article_page_shows_the_stored_html_without_rendering_markdown(client, monkeypatch):
    article = make_article(body="> The original quote.")
    Article.objects.filter(pk=article.pk).update(body_html="<p>Stored copy, as saved.</p>")

    def fail(*args, **kwargs):
        raise AssertionError("Markdown was rendered during a request")

    monkeypatch.setattr(text, "render_markdown", fail)
    monkeypatch.setattr("articles.body.render_markdown", fail)
    monkeypatch.setattr("articles.body.clean_html", fail)
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Stored copy, as saved." in response.text
    assert "The original quote." not in response.text
