"""Photos on the public pages: built from the stored renditions, never from the files."""

import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, Storage
from django.utils import timezone
from PIL import Image

from articles.models import Article
from articles.tests.factories import make_article, make_photo
from authors.tests.factories import make_author
from imaging.tests.factories import image_bytes, upload
from imaging.tests.markup import Tags

pytestmark = pytest.mark.django_db


def refuse(*args, **kwargs):
    raise AssertionError("a page render opened or inspected an image file")


def test_pages_render_without_opening_any_image(client, monkeypatch):
    author = make_author(avatar=upload(image_bytes("JPEG", (400, 400)), "ada.jpg"))
    story = make_article(
        lead_photo=make_photo(
            image=upload(image_bytes("JPEG", (1400, 900)), "flood.jpg"), alt_text="A flooded street"
        ),
        authors=[author],
    )
    make_article(
        slug="older",
        is_featured=False,
        published_at=story.published_at - timezone.timedelta(hours=1),
        lead_photo=make_photo(image=upload(image_bytes("PNG", (600, 400)), "older.png")),
        authors=[author],
    )
    Article.objects.filter(pk=story.pk).update(is_featured=True)
    cache.clear()
    monkeypatch.setattr(Image, "open", refuse)
    for method in ("open", "exists", "size"):
        monkeypatch.setattr(Storage, method, refuse, raising=False)
        monkeypatch.setattr(FileSystemStorage, method, refuse, raising=False)

    page = client.get(story.get_absolute_url()).content.decode()
    home = client.get("/").content.decode()
    author_page = client.get(author.get_absolute_url()).content.decode()

    lead = Tags(page).named("img")[0]
    assert lead["alt"] == "A flooded street"
    assert lead["fetchpriority"] == "high"
    assert 'type="image/webp"' in page
    avatar = next(img for img in Tags(page).named("img") if "avatar" in img.get("class", ""))
    assert avatar["loading"] == "lazy"
    assert avatar["sizes"] == "4.5rem"
    assert (avatar["width"], avatar["height"]) == ("384", "384")
    (home_lead,) = [img for img in Tags(home).named("img") if "lead-story__image" in img["class"]]
    assert home_lead["fetchpriority"] == "high"
    assert home_lead["alt"] == ""
    (card,) = [img for img in Tags(home).named("img") if "card__image" in img["class"]]
    assert card["loading"] == "lazy"
    assert card["width"] == "600"
    assert 'class="avatar avatar--large"' in author_page
