"""A story's lead photo: a photo of the library, chosen or uploaded on the story's form.

How images are checked, cleaned and resized is imaging's (imaging/tests), and the library's
own uploads are test_photo_library.py's; these tests check that the story's form reaches
the library through articles/photos.py, and that the photo's words are the story's.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import workflow
from articles.models import Article, Photo
from articles.roles import EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    add_lead_image,
    make_article,
    make_photo,
    make_user,
    sign_in,
)
from authors.tests.factories import make_author
from imaging.tests.factories import exif_with, image_bytes, png_bomb, stored_files

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def editor(client):
    user = make_user(EDITOR)
    sign_in(client, user)
    return user


def post_story(client, article, **data):
    """The story's change form as a browser sends it, with `data` changed or added."""
    return client.post(change_url(article), {**form_data(client.get(change_url(article))), **data})


def jpeg_upload(data=None, name="view.jpg"):
    return SimpleUploadedFile(name, data or image_bytes("JPEG", (1000, 500)), "image/jpeg")


def test_a_photo_uploaded_on_the_story_joins_the_library_and_leads_the_story(client, editor, media):
    article = make_article(authors=[make_author()])
    jpeg = image_bytes("JPEG", (1000, 500), exif=exif_with(artist="Jo Field", gps=True))

    response = post_story(
        client,
        article,
        new_photo=jpeg_upload(jpeg),
        new_photo_alt="The quay at dawn",
        new_photo_caption="Low tide.",
    )

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert Article.objects.get().lead_photo == photo
    assert (photo.alt_text, photo.caption, photo.uploaded_by) == (
        "The quay at dawn",
        "Low tide.",
        editor,
    )
    assert photo.credit == "Jo Field"  # read from the photo's metadata, as any upload's
    assert [r["width"] for r in photo.renditions["jpeg"]] == [320, 640, 960, 1000]
    assert photo.image.name in stored_files(media)


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
def test_a_bad_upload_on_the_story_is_a_form_error_and_nothing_is_stored(
    client, editor, media, data
):
    article = make_article(authors=[make_author()])

    response = post_story(
        client, article, new_photo=jpeg_upload(data, "photo.jpg"), new_photo_alt="A view"
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["new_photo"]
    assert stored_files(media) == []
    assert not Photo.objects.exists()


def test_an_upload_on_the_story_needs_its_alt_text(client, editor, media):
    article = make_article(authors=[make_author()])

    response = post_story(client, article, new_photo=jpeg_upload(), new_photo_alt="  ")

    assert response.status_code == 200
    assert "Describe the photo" in str(response.context["adminform"].form.errors["new_photo_alt"])
    assert stored_files(media) == []
    assert Article.objects.get().lead_photo is None


def test_a_library_photo_is_chosen_as_the_lead_photo_by_its_number(client, editor):
    article = make_article(authors=[make_author()])
    photo = make_photo(credit="Kim Lee/Northern Wire")

    response = post_story(client, article, lead_photo=str(photo.pk))

    assert response.status_code == 302
    assert Article.objects.get().lead_photo == photo
    assert Photo.objects.count() == 1  # chosen, not copied


def test_the_admin_saves_a_story_whose_photo_file_is_missing(client, editor):
    # Storage lost the file: the desk can still correct the story (and remove the photo).
    article = add_lead_image(make_article(authors=[make_author()]))
    Photo.objects.update(image="photos/2024/01/gone.jpg", width=8, height=6)

    response = post_story(client, article, title="Corrected headline")

    assert response.status_code == 302
    saved = Article.objects.select_related("lead_photo").get()
    assert (saved.title, saved.lead_photo.image.name) == (
        "Corrected headline",
        "photos/2024/01/gone.jpg",
    )


def test_a_lead_photo_without_alt_text_keeps_a_story_from_being_published():
    # A photo carried over from before the library may have none.
    article = add_lead_image(make_article(status=Article.Status.DRAFT, authors=[make_author()]))
    Photo.objects.update(alt_text="")
    article.refresh_from_db()

    assert "alt text for the lead image" in workflow.missing_for_publication(article)
    with pytest.raises(workflow.Incomplete):
        workflow.check_complete(article)
