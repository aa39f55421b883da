from django.template import Context, Template

from imaging.admin_helpers import thumbnail_html
from imaging.tests.markup import Tags, srcset_widths
from imaging.tests.testapp.models import Photo

WIDTHS = [(320, 213), (640, 427), (960, 640), (1280, 853), (1920, 1280)]
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


def renditions(formats=("avif", "webp", "jpeg")):
    return {
        fmt: [
            {"width": w, "height": h, "name": f"renditions/photos/x-{w}x{h}.{EXTENSIONS[fmt]}"}
            for w, h in WIDTHS
        ]
        for fmt in formats
    }


def photo(**kwargs):
    # Dimensions given, so Django has no reason to open the (missing) file either.
    defaults = {"image": "photos/2024/05/x.jpg", "width": 3000, "height": 2000}
    return Photo(**{**defaults, **kwargs})


def render(source, **context):
    return Template("{% load pictures %}" + source).render(Context(context))


def test_picture_lists_modern_formats_then_a_jpeg_img():
    html = render(
        "{% picture p.image p.renditions alt='Flooded street' sizes=sizes %}",
        sizes="(min-width: 46rem) 42rem, 100vw",
        p=photo(renditions=renditions()),
    )
    tags = Tags(html)

    assert [tag for tag, _ in tags.tags] == ["picture", "source", "source", "img"]
    avif, webp = tags.named("source")
    assert avif["type"] == "image/avif"
    assert webp["type"] == "image/webp"
    assert srcset_widths(avif["srcset"]) == [320, 640, 960, 1280, 1920]
    assert avif["srcset"].startswith("/media/renditions/photos/x-320x213.avif 320w")
    assert avif["sizes"] == webp["sizes"] == "(min-width: 46rem) 42rem, 100vw"
    (img,) = tags.named("img")
    assert srcset_widths(img["srcset"]) == [320, 640, 960, 1280, 1920]
    assert ".jpg 320w" in img["srcset"]
    assert img["src"] == "/media/renditions/photos/x-960x640.jpg"
    assert img["sizes"] == "(min-width: 46rem) 42rem, 100vw"
    assert (img["width"], img["height"]) == ("1920", "1280")
    assert img["alt"] == "Flooded street"


def test_images_load_lazily_unless_eager():
    p = photo(renditions=renditions())
    (lazy,) = Tags(render("{% picture p.image p.renditions %}", p=p)).named("img")
    (eager,) = Tags(render('{% picture p.image p.renditions loading="eager" %}', p=p)).named("img")

    assert lazy["loading"] == "lazy"
    assert lazy["decoding"] == "async"
    assert "fetchpriority" not in lazy
    assert eager["fetchpriority"] == "high"
    assert "loading" not in eager


def test_without_avif_only_webp_is_offered():
    p = photo(renditions=renditions(formats=("webp", "jpeg")))
    html = render("{% picture p.image p.renditions %}", p=p)

    sources = Tags(html).named("source")

    assert [s["type"] for s in sources] == ["image/webp"]


def test_without_renditions_the_original_is_shown_at_its_size():
    html = render('{% picture p.image p.renditions alt="A view" %}', p=photo())
    tags = Tags(html)

    assert [tag for tag, _ in tags.tags] == ["img"]
    (img,) = tags.named("img")
    assert img["src"] == "/media/photos/2024/05/x.jpg"
    assert (img["width"], img["height"], img["alt"]) == ("3000", "2000", "A view")
    assert "srcset" not in img


def test_alt_text_and_classes_are_escaped_and_kept():
    html = render(
        '{% picture p.image p.renditions alt=alt class="card__image" %}',
        p=photo(renditions=renditions()),
        alt='A "quoted" <b>sign</b>',
    )
    (img,) = Tags(html).named("img")

    assert img["alt"] == 'A "quoted" <b>sign</b>'
    assert "&lt;b&gt;" in html
    assert img["class"] == "card__image"


def test_no_image_renders_nothing():
    html = render("{% picture p.image p.renditions %}", p=photo(image=""))

    assert html.strip() == ""


def test_admin_thumbnail_uses_a_small_rendition():
    p = photo(renditions=renditions())

    html = thumbnail_html(p.image, p.renditions, size=160, css_class="nr-thumb")

    (img,) = Tags(html).named("img")
    assert img["src"] == "/media/renditions/photos/x-320x213.jpg"
    assert (img["width"], img["height"], img["alt"]) == ("160", "106", "")
    assert img["class"] == "nr-thumb"
    assert thumbnail_html(photo(image="").image, {}) == ""
    (original,) = Tags(thumbnail_html(photo().image, {}, size=90)).named("img")
    assert (original["src"], original["height"]) == ("/media/photos/2024/05/x.jpg", "60")
