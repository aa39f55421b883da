from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, Storage
from django.template import Context, Template
from django.utils import timezone
from PIL import Image

from articles.models import Article
from articles.tests.factories import make_article
from authors.tests.factories import make_author
from imaging.admin_helpers import thumbnail_html
from imaging.tests.factories import image_bytes, upload

WIDTHS = [(320, 213), (640, 427), (960, 640), (1280, 853), (1920, 1280)]
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


def renditions(formats=("avif", "webp", "jpeg")):
    return {
        fmt: [
            {"width": w, "height": h, "name": f"renditions/lead/x-{w}x{h}.{EXTENSIONS[fmt]}"}
            for w, h in WIDTHS
        ]
        for fmt in formats
    }


def article(**kwargs):
    # Dimensions given, so Django has no reason to open the (missing) file either.
    defaults = {
        "lead_image": "lead/2024/05/x.jpg",
        "lead_image_width": 3000,
        "lead_image_height": 2000,
    }
    return Article(**{**defaults, **kwargs})


def render(source, **context):
    return Template("{% load pictures %}" + source).render(Context(context))


class Tags(HTMLParser):
    """The tags of a fragment with their attributes, in order."""

    def __init__(self, markup):
        super().__init__()
        self.tags = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def named(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


def srcset_widths(srcset):
    return [int(part.split()[-1].rstrip("w")) for part in srcset.split(", ")]


def test_picture_lists_modern_formats_then_a_jpeg_img():
    html = render(
        "{% picture a.lead_image a.lead_image_renditions alt='Flooded street' sizes=sizes %}",
        sizes="(min-width: 46rem) 42rem, 100vw",
        a=article(lead_image_renditions=renditions()),
    )
    tags = Tags(html)

    assert [tag for tag, _ in tags.tags] == ["picture", "source", "source", "img"]
    avif, webp = tags.named("source")
    assert avif["type"] == "image/avif"
    assert webp["type"] == "image/webp"
    assert srcset_widths(avif["srcset"]) == [320, 640, 960, 1280, 1920]
    assert avif["srcset"].startswith("/media/renditions/lead/x-320x213.avif 320w")
    assert avif["sizes"] == webp["sizes"] == "(min-width: 46rem) 42rem, 100vw"
    (img,) = tags.named("img")
    assert srcset_widths(img["srcset"]) == [320, 640, 960, 1280, 1920]
    assert ".jpg 320w" in img["srcset"]
    assert img["src"] == "/media/renditions/lead/x-960x640.jpg"
    assert img["sizes"] == "(min-width: 46rem) 42rem, 100vw"
    assert (img["width"], img["height"]) == ("1920", "1280")
    assert img["alt"] == "Flooded street"


def test_images_load_lazily_unless_eager():
    a = article(lead_image_renditions=renditions())
    (lazy,) = Tags(render("{% picture a.lead_image a.lead_image_renditions %}", a=a)).named("img")
    (eager,) = Tags(
        render('{% picture a.lead_image a.lead_image_renditions loading="eager" %}', a=a)
    ).named("img")

    assert lazy["loading"] == "lazy"
    assert lazy["decoding"] == "async"
    assert "fetchpriority" not in lazy
    assert eager["fetchpriority"] == "high"
    assert "loading" not in eager


def test_without_avif_only_webp_is_offered():
    a = article(lead_image_renditions=renditions(formats=("webp", "jpeg")))
    html = render("{% picture a.lead_image a.lead_image_renditions %}", a=a)

    sources = Tags(html).named("source")

    assert [s["type"] for s in sources] == ["image/webp"]


def test_without_renditions_the_original_is_shown_at_its_size():
    html = render('{% picture a.lead_image a.lead_image_renditions alt="A view" %}', a=article())
    tags = Tags(html)

    assert [tag for tag, _ in tags.tags] == ["img"]
    (img,) = tags.named("img")
    assert img["src"] == "/media/lead/2024/05/x.jpg"
    assert (img["width"], img["height"], img["alt"]) == ("3000", "2000", "A view")
    assert "srcset" not in img


def test_alt_text_and_classes_are_escaped_and_kept():
    html = render(
        '{% picture a.lead_image a.lead_image_renditions alt=alt class="card__image" %}',
        a=article(lead_image_renditions=renditions()),
        alt='A "quoted" <b>sign</b>',
    )
    (img,) = Tags(html).named("img")

    assert img["alt"] == 'A "quoted" <b>sign</b>'
    assert "&lt;b&gt;" in html
    assert img["class"] == "card__image"


def test_no_image_renders_nothing():
    html = render("{% picture a.lead_image a.lead_image_renditions %}", a=article(lead_image=""))

    assert html.strip() == ""


def test_admin_thumbnail_uses_a_small_rendition():
    a = article(lead_image_renditions=renditions())

    html = thumbnail_html(a.lead_image, a.lead_image_renditions, size=160, css_class="nr-thumb")

    (img,) = Tags(html).named("img")
    assert img["src"] == "/media/renditions/lead/x-320x213.jpg"
    assert (img["width"], img["height"], img["alt"]) == ("160", "106", "")
    assert img["class"] == "nr-thumb"
    assert thumbnail_html(article(lead_image="").lead_image, {}) == ""
    (original,) = Tags(thumbnail_html(article().lead_image, {}, size=90)).named("img")
    assert (original["src"], original["height"]) == ("/media/lead/2024/05/x.jpg", "60")


def refuse(*args, **kwargs):
    raise AssertionError("a page render opened or inspected an image file")


@pytest.mark.django_db
def test_pages_render_without_opening_any_image(client, monkeypatch):
    author = make_author(avatar=upload(image_bytes("JPEG", (400, 400)), "ada.jpg"))
    story = make_article(
        lead_image=upload(image_bytes("JPEG", (1400, 900)), "flood.jpg"),
        lead_image_alt="A flooded street",
        authors=[author],
    )
    make_article(
        slug="older",
        is_featured=False,
        published_at=story.published_at - timezone.timedelta(hours=1),
        lead_image=upload(image_bytes("PNG", (600, 400)), "older.png"),
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
