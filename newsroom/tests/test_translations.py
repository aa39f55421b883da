"""The site's own words in Ukrainian: the catalog is whole and compiled as committed, it holds
every string the code marks, and reader pages drawn in Ukrainian carry no English words of
ours, with dates in Ukrainian (day and genitive month)."""

import gettext
import re
import shutil
from datetime import timedelta
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from articles.templatetags.times import FORMATS
from articles.tests.factories import NOW, bulk_articles, make_article, make_tag
from authors.tests.factories import make_author
from public import search_views, views

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
PO = LOCALE / "uk" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "uk" / "LC_MESSAGES" / "django.mo"
# As `make messages` runs makemessages: the admin's words are Django's own.
IGNORED = ["templates/admin", "e2e", "bench", "node_modules", "staticfiles", "media", "artifacts"]

# English words of the site's that a Ukrainian page must not show.
ENGLISH = [
    "min read",
    "Show More",
    "Updated",
    "Read more",
    "Search",
    "News Feed",
    "Latest stories",
    "Related stories",
    "Corrections",
    "Our journalists",
    "Newsletters",
    "Your account",
    "Sign up",
    "Skip to content",
    "Email address",
    "Topic",
    "We couldn",
    "front page",
    ">By ",
    "Independent news, every hour",
]


def catalog_entries(po):
    """{(context, message): translation}, a plural's translations as a tuple."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in po
    }


# --- The catalog --------------------------------------------------------------------------


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 150
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1, 2, 3], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_the_plural_forms_are_djangos_own_for_ukrainian():
    django_uk = Path(django.__file__).parent / "conf/locale/uk/LC_MESSAGES/django.po"
    ours = polib.pofile(str(PO)).metadata["Plural-Forms"]
    assert ours == polib.pofile(str(django_uk)).metadata["Plural-Forms"]
    assert ours.startswith("nplurals=4;")


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>")


def test_translations_keep_the_placeholders_and_markup_of_their_message():
    for entry in polib.pofile(str(PO)):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert sorted(PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)
            # Some messages are written into attributes: a straight quote would end one.
            assert '"' not in PLACEHOLDER.sub("", text), text


def test_the_committed_mo_is_the_compiled_po(tmp_path):
    compiled = tmp_path / "django.mo"
    polib.pofile(str(PO)).save_as_mofile(str(compiled))

    def read(path):
        """Every translation, and the header's fields but the catalog's making date (which
        msgfmt leaves out of a compiled catalog)."""
        with open(path, "rb") as file:
            translations = gettext.GNUTranslations(file)
        header = translations.info()
        header.pop("pot-creation-date", None)
        return {key: text for key, text in translations._catalog.items() if key != ""}, header

    assert read(MO) == read(compiled)


@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="gettext's xgettext and msgmerge are not installed (CI installs them: .ci/run)",
)
def test_the_catalog_holds_every_marked_string_and_no_other(tmp_path, monkeypatch, settings):
    copy = tmp_path / "site"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".*", "__pycache__", "node_modules", "media", "staticfiles", "artifacts", "*.mo"
        ),
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["uk"],
        ignore_patterns=IGNORED,
        add_location="file",
        no_obsolete=True,
        verbosity=0,
    )
    made = polib.pofile(str(copy / "locale/uk/LC_MESSAGES/django.po"))
    committed = polib.pofile(str(PO))
    assert set(catalog_entries(made)) == set(catalog_entries(committed))
    assert [e.msgid for e in made.untranslated_entries()] == []


def test_every_written_format_in_reader_templates_is_translatable():
    with translation.override("en-gb"):
        formats = {str(name) for name in FORMATS}
    used = set()
    for path in (ROOT / "templates").rglob("*.html"):
        if "admin" in path.parts:
            continue
        text = path.read_text()
        used.update(re.findall(r'\|written:"([^"]+)"', text))
        # `|date:` only for what machines read (and staff's previews' seconds).
        assert set(re.findall(r"\|date:[\"']([^\"']+)[\"']", text)) <= {"c", "Y-m-d", "H:i:s"}, path
    assert used
    assert used <= formats


# --- Pages in Ukrainian -------------------------------------------------------------------


def english_left(html):
    return [words for words in ENGLISH if words in html]


def draw(view, path, **kwargs):
    """The page `view` answers, drawn in the active language: without the middleware, which
    would choose a language by the address (English for these)."""
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return view(request, **kwargs).content.decode()


@pytest.fixture
def story(clock):
    politics = make_tag("Politics")
    article = make_article(
        title="Vote count goes into the night",
        slug="vote-count",
        standfirst="Results are expected by dawn.",
        body="word " * 700,
        published_at=NOW - timedelta(minutes=55),
        authors=[make_author(name="Ann Lee"), make_author(name="Ben Okri")],
        primary_tag=politics,
        tags=[politics],
        corrections=["An earlier version misspelt a constituency."],
    )
    # Updated a day later: the dateline says so.
    type(article).objects.filter(pk=article.pk).update(updated_at=NOW + timedelta(days=1))
    return article


@pytest.mark.django_db
def test_a_story_page_in_ukrainian(story, clock):
    # Drawn in English first: what the cache keeps of it (the news feed column, the
    # masthead's links, the author boxes) is not what the Ukrainian page shows.
    english = draw(views.article_detail, "/news/vote-count/", slug="vote-count")
    assert "News Feed" in english
    assert "4 min read" in english
    with translation.override("uk"):  # the Ukrainian edition's address: a page of its own
        page = draw(views.article_detail, "/uk/news/vote-count/", slug="vote-count")
    assert english_left(page) == []
    assert '<html lang="uk">' in page
    assert "1 липня 2025, 09:05" in page  # day and genitive month, 24-hour time
    assert "Оновлено: <time" in page
    assert "2 липня 2025" in page
    assert "4 хвилини читання" in page
    assert "Автори:" in page
    assert "Ann Lee</a> та <a" in page
    for words in ("Стрічка новин", "Виправлення", "Читати більше"):
        assert words in page
    assert "Показати більше" not in english


@pytest.mark.django_db
def test_minutes_of_reading_take_ukrainian_plurals(clock):
    for words, expected in [(180, "1 хвилина читання"), (1000, "5 хвилин читання")]:
        article = make_article(body="word " * words)
        with translation.override("uk"):
            page = draw(views.article_detail, f"/uk/news/{article.slug}/", slug=article.slug)
        assert expected in page, article.reading_minutes


@pytest.mark.django_db
def test_the_news_feed_in_ukrainian_offers_more(clock):
    bulk_articles(40, newest=NOW - timedelta(minutes=5))
    with translation.override("uk"):
        page = draw(views.news_feed, "/uk/news/")
    assert english_left(page) == []
    assert ">Показати більше</a>" in page
    assert 'data-loading="Завантаження…"' in page
    assert "1 липня, 09:55" in page  # the feed's short time: day and genitive month


@pytest.mark.django_db
def test_the_search_page_in_ukrainian(story, clock):
    with translation.override("uk"):
        empty = draw(search_views.search, "/uk/search/")
        found = draw(search_views.search, "/uk/search/?q=vote&from=nonsense")
    for page in (empty, found):
        assert english_left(page) == []
        assert ">Шукати</button>" in page
    assert "<h1>Пошук</h1>" in empty
    assert "Матеріали за запитом «vote»" in found
    assert "Знайдено 1 матеріал" in found
    assert "Не вдалося прочитати дату «від»" in found


@pytest.mark.django_db
def test_the_error_pages_in_ukrainian():
    with translation.override("uk"):
        for name in ("404.html", "400.html", "500.html"):
            page = render_to_string(name, {"SITE_NAME": "The Northern Ledger"})
            assert english_left(page) == [], name
            assert "головн" in page, name


def test_english_dates_and_words_are_as_before(clock):
    template = Template(
        '{% load i18n times %}{{ moment|written:"j F Y, H:i" }} {{ moment|written:"j M" }} '
        '{% translate "Show More" %}'
    )
    assert template.render(Context({"moment": NOW})) == "1 July 2025, 10:00 1 Jul Show More"
    with translation.override("uk"):
        assert (
            template.render(Context({"moment": NOW}))
            == "1 липня 2025, 10:00 1 липня Показати більше"
        )
