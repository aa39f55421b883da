"""A story's body: the editor's HTML sanitised, placed photos rendered once on save."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import body
from articles.models import Article
from articles.tests.factories import DRAFT, make_article, make_photo, placed
from articles.tests.xss_payloads import PAYLOADS, dangerous
from articles.text import render_markdown


@pytest.mark.django_db
def test_a_placed_photo_is_rendered_with_srcset_caption_and_credit():
    photo = make_photo(alt_text="Boats at the quay", caption="Low tide.", credit="Ann Lens")
    article = make_article(
        body=f"<p>Before.</p>{placed(photo)}<p>After.</p>", body_format=body.HTML
    )

    html = article.body_html
    figure = re.search(r'<figure class="story-photo".*?</figure>', html, re.S).group(0)
    assert 'alt="Boats at the quay"' in figure
    assert re.search(r'srcset="[^"]*\b320w', figure)
    assert "image/webp" in figure
    assert "Low tide." in figure
    assert '<span class="credit">(Ann Lens)</span>' in figure
    assert html.index("Before.") < html.index("story-photo") < html.index("After.")


@pytest.mark.django_db
def test_reading_time_counts_the_journalists_words_not_the_captions():
    photo = make_photo(caption=" ".join(["caption"] * 60))  # 230 + 60 would be 2 minutes
    words = " ".join(["word"] * 230)
    article = make_article(body=f"<p>{words}</p>{placed(photo)}", body_format=body.HTML)

    assert article.reading_minutes == 1


@pytest.mark.django_db
def test_a_photo_gone_from_the_library_or_a_bad_id_is_left_out():
    photo = make_photo()
    source = f'{placed(photo)}<figure data-photo="999999"></figure><figure data-photo="x"></figure>'
    photo_id = photo.pk
    photo.delete()

    article = make_article(body=f"<p>Text.</p>{source}", body_format=body.HTML)

    assert article.body_html == "<p>Text.</p>"
    assert f'data-photo="{photo_id}"' in article.body  # still placed: it may come back


@pytest.mark.django_db
@pytest.mark.parametrize("photo_id", ["²", "99999999999999999999", "9" * 5000])
def test_a_placeholder_naming_a_number_no_photo_can_have_is_left_out(photo_id):
    source = f'<p>Text.</p><figure data-photo="{photo_id}"></figure>'

    article = make_article(body=source, body_format=body.HTML)

    assert article.body_html == "<p>Text.</p>"
    assert body.photo_ids(article.body) == []


@pytest.mark.django_db
def test_photos_are_looked_up_once_on_save_and_never_when_the_page_is_served(client):
    photos = [make_photo() for _ in range(3)]
    source = "".join(placed(photo) for photo in photos)
    with CaptureQueriesContext(connection) as queries:
        article = make_article(body=source, body_format=body.HTML, title="Three photos")
    photo_queries = [q for q in queries.captured_queries if "articles_photo" in q["sql"]]
    assert len(photo_queries) == 1

    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count('class="story-photo"') == 3
    # The lead photo comes joined to the story; no query reads the placed photos.
    assert not [q for q in queries.captured_queries if 'FROM "articles_photo"' in q["sql"]]


@pytest.mark.django_db
def test_markdown_bodies_render_exactly_as_before():
    source = "Para one.\n\n> A quote.\n\n## Next\n\n[link](https://example.com) & more"
    article = make_article(body=source)

    assert article.body_format == body.MARKDOWN
    assert article.body_html == render_markdown(source)


def test_a_markdown_body_opens_in_the_editor_as_the_html_it_renders_to():
    source = "Para one.\n\n## Next"

    assert body.editable_html(source, body.MARKDOWN) == "<p>Para one.</p>\n<h2>Next</h2>"
    assert body.editable_html("<p>Ok</p><script>x</script>", body.HTML) == "<p>Ok</p>"


@pytest.mark.parametrize(
    ("html", "empty"),
    [("", True), ("<p></p>", True), ("<p> &nbsp; </p><p><br></p>", True), ("<p>x</p>", False)],
)
def test_a_body_of_empty_paragraphs_is_empty(html, empty):
    assert body.is_empty(html) is empty


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_the_body_in_either_format(payload):
    photo = make_photo()
    html_article = make_article(
        body=f"<p>Lead.</p>{payload}{placed(photo)}", body_format=body.HTML, status=DRAFT
    )
    markdown_article = make_article(body=f"Lead.\n\n{payload}", status=DRAFT)

    assert dangerous(html_article.body_html) == []
    assert dangerous(markdown_article.body_html) == []
    assert dangerous(body.editable_html(html_article.body, body.HTML)) == []


@pytest.mark.django_db
def test_the_article_model_keeps_both_formats_apart():
    article = make_article(body="<p>Hello</p>", body_format=body.HTML)
    article.refresh_from_db()

    assert Article.objects.get(pk=article.pk).body_format == body.HTML
    assert article.body_html == "<p>Hello</p>"
