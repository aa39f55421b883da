"""An article's lead photo: checked in its form, described for readers, cleaned, credited.

How images are checked, cleaned and resized is imaging's (imaging/tests); these tests
check that `Article.lead_image` is wired to all of it.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.forms import modelform_factory

from articles.models import Article
from articles.roles import EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import make_article, make_user, sign_in
from authors.tests.factories import make_author
from imaging.models import PhotoCredit
from imaging.tests.factories import exif_with, image_bytes, png_bomb, stored_files, upload

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

ArticleForm = modelform_factory(
    Article, fields=["title", "slug", "body", "lead_image", "lead_image_alt", "lead_image_credit"]
)


def article_form(file, **data):
    fields = {"title": "A story", "slug": "a-story", "body": "Text.", "lead_image_alt": "A view"}
    return ArticleForm(data={**fields, **data}, files={"lead_image": file})


# The form


@pytest.mark.parametrize(
    "data",
    [
        b"not an image at all",
        SVG,
        png_bomb(),
        image_bytes("JPEG", (1200, 800), quality=95)[:3000],
    ],
    ids=["text", "svg", "bomb", "truncated"],
)
def test_a_bad_lead_image_is_a_form_error_and_nothing_is_stored(data, media):
    form = article_form(upload(data, "photo.jpg"))

    assert not form.is_valid()
    assert form.errors["lead_image"]
    assert stored_files(media) == []
    assert not Article.objects.exists()


def test_a_truncated_lead_image_gets_imagings_message_in_the_form(media):
    jpeg = image_bytes("JPEG", (1200, 800), quality=95)
    form = article_form(upload(jpeg[: len(jpeg) // 2]))

    assert not form.is_valid()
    assert "damaged or incomplete" in str(form.errors["lead_image"])
    assert stored_files(media) == []


def test_an_oversized_lead_image_says_the_limit(settings, media):
    settings.IMAGE_MAX_BYTES = 1024
    form = article_form(upload(image_bytes("PNG", (300, 300), color="red") + b"\0" * 2000))

    assert not form.is_valid()
    assert "images may be at most 1.0\xa0KB" in str(form.errors["lead_image"])
    assert stored_files(media) == []


def test_a_good_lead_image_through_the_form_is_stored_with_renditions(media):
    form = article_form(upload(image_bytes("JPEG", (1000, 500)), "view.jpeg"))

    assert form.is_valid(), form.errors
    article = form.save()

    assert article.lead_image.name.startswith("lead/")
    assert article.lead_image.name.endswith("view.jpg")
    assert (article.lead_image_width, article.lead_image_height) == (1000, 500)
    widths = [item["width"] for item in article.lead_image_renditions["jpeg"]]
    assert widths == [320, 640, 960, 1000]
    assert article.lead_image.name in stored_files(media)


def test_alt_text_is_required_with_a_lead_image(media):
    form = article_form(upload(image_bytes("JPEG")), lead_image_alt="  ")

    assert not form.is_valid()
    assert "Describe the photo" in str(form.errors["lead_image_alt"])
    assert stored_files(media) == []


def test_alt_text_is_not_required_without_an_image():
    form = ArticleForm(data={"title": "A story", "slug": "a-story", "body": "Text."})

    assert form.is_valid(), form.errors


def test_an_article_whose_stored_photo_is_missing_still_validates():
    # Checked when it arrived: editing the article again must not fetch the photo.
    pk = make_article(lead_image_alt="A view").pk
    Article.objects.filter(pk=pk).update(
        lead_image="lead/2024/01/gone.jpg", lead_image_width=8, lead_image_height=6
    )
    article = Article.objects.get(pk=pk)  # no such file: opening it would fail

    article.full_clean()
    assert (article.lead_image_width, article.lead_image_height) == (8, 6)


def test_the_admin_saves_an_article_whose_photo_file_is_missing(client):
    # Storage lost the file: the desk can still correct the story (and remove the photo).
    sign_in(client, make_user(EDITOR))
    article = make_article(lead_image_alt="A view", authors=[make_author()])
    Article.objects.filter(pk=article.pk).update(
        lead_image="lead/2024/01/gone.jpg", lead_image_width=8, lead_image_height=6
    )
    data = form_data(client.get(change_url(article)))

    response = client.post(change_url(article), {**data, "title": "Corrected headline"})

    assert response.status_code == 302
    saved = Article.objects.get()
    assert (saved.title, saved.lead_image.name) == ("Corrected headline", "lead/2024/01/gone.jpg")
    assert (saved.lead_image_width, saved.lead_image_height) == (8, 6)


# Saving


def test_the_lead_image_is_cleaned_and_its_credit_read_on_save():
    photo = image_bytes("JPEG", (900, 600), exif=exif_with(artist="Jo Field", gps=True))

    article = make_article(lead_image=upload(photo), lead_image_credit="")

    assert article.lead_image_credit == "Jo Field"
    assert Article.objects.get().lead_image_credit == "Jo Field"
    with default_storage.open(article.lead_image.name) as file:
        assert b"GPS" not in file.read()
    assert [r["width"] for r in article.lead_image_renditions["jpeg"]] == [320, 640, 900]


def test_a_photos_credit_travels_from_one_article_to_the_next():
    photo = image_bytes("JPEG", (900, 600), color="#8a5a2b")  # no metadata at all
    author = make_author()
    make_article(
        lead_image=upload(photo), lead_image_credit="Kim Lee/Northern Wire", authors=[author]
    )

    again = make_article(
        slug="second-story",
        lead_image=upload(photo, "same.jpg"),
        lead_image_credit="",
        authors=[author],
    )

    assert again.lead_image_credit == "Kim Lee/Northern Wire"


def test_the_stored_copy_of_an_articles_photo_brings_the_credit_too():
    first = make_article(
        lead_image=upload(image_bytes("JPEG")), lead_image_credit="Kim Lee", authors=[make_author()]
    )
    with default_storage.open(first.lead_image.name) as file:
        downloaded = file.read()  # the clean file the site serves, saved and uploaded again

    again = make_article(slug="again", lead_image=upload(downloaded), authors=[first.byline[0]])

    assert again.lead_image_credit == "Kim Lee"


def test_a_credit_added_later_to_an_article_follows_the_photo():
    photo = image_bytes("JPEG", color="#225522")
    article = make_article(lead_image=upload(photo), authors=[make_author()])
    assert article.lead_image_credit == ""

    article.lead_image_credit = "Ravi Patel"
    article.save()

    assert set(PhotoCredit.objects.values_list("credit", flat=True)) == {"Ravi Patel"}
    again = make_article(slug="again", lead_image=upload(photo), authors=[article.byline[0]])
    assert again.lead_image_credit == "Ravi Patel"


def test_saving_an_article_again_without_a_new_photo_stores_nothing(media):
    article = make_article(lead_image=upload(image_bytes("JPEG")))
    before = stored_files(media)

    article.title = "A new headline"
    article.save()

    assert stored_files(media) == before


def test_a_new_lead_image_replaces_the_renditions():
    article = make_article(lead_image=upload(image_bytes("JPEG", (480, 320)), "one.jpg"))

    article.lead_image = upload(image_bytes("JPEG", (400, 400)), "two.jpg")
    article.save()

    assert article.lead_image.name.endswith("two.jpg")
    assert article.lead_image_renditions["jpeg"][-1]["width"] == 400
    assert "two" in article.lead_image_renditions["jpeg"][-1]["name"]


def test_removing_the_lead_image_forgets_its_renditions():
    article = make_article(lead_image=upload(image_bytes("JPEG")))

    article.lead_image = None
    article.save()

    assert Article.objects.get().lead_image_renditions == {}


# manage.py make_renditions


def test_make_renditions_handles_lead_images_stored_before(media):
    old = image_bytes("JPEG", (700, 400), exif=exif_with(gps=True, artist="Jo Field"))
    name = default_storage.save("lead/2023/05/old.jpg", ContentFile(old))
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        lead_image=name, lead_image_width=700, lead_image_height=400
    )
    edit_version = Article.objects.get().edit_version

    call_command("make_renditions", stdout=io.StringIO())

    article.refresh_from_db()
    assert [r["width"] for r in article.lead_image_renditions["jpeg"]] == [320, 640, 700]
    assert article.lead_image_credit == "Jo Field"
    with default_storage.open(article.lead_image.name) as file:
        assert b"GPS" not in file.read()  # the old original was cleaned in place
    assert article.lead_image.name == name
    assert article.edit_version == edit_version + 1  # saved through Article.save

    # Run again: nothing left to do, and --all remakes the same files.
    before = stored_files(media)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "for 0 image(s)" in out.getvalue()
    call_command("make_renditions", "--all", stdout=io.StringIO())
    assert stored_files(media) == before


def test_make_renditions_reports_an_articles_missing_photo():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        lead_image="lead/2020/01/lost.jpg", lead_image_width=10, lead_image_height=10
    )
    err = io.StringIO()

    call_command("make_renditions", stdout=io.StringIO(), stderr=err)

    assert f"articles.Article {article.pk} (lead/2020/01/lost.jpg)" in err.getvalue()
