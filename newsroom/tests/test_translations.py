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
from django.core.management import call_command
from django.db import OperationalError
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from articles.models import Article
from articles.templatetags.times import FORMATS
from articles.tests.factories import (
    NOW,
    bulk_articles,
    make_article,
    make_entry,
    make_live_story,
    make_tag,
)
from authors.tests.factories import make_author
from newsletters.tests.factories import make_newsletter

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


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def story(clock):
    """A Ukrainian edition's story, with a byline of two, a correction and an update."""
    politics = make_tag("Politics")
    article = make_article(
        title="Підрахунок голосів триває вночі",
        slug="vote-count",
        language="uk",
        standfirst="Результати очікують до світанку.",
        body="слово " * 700,
        published_at=NOW - timedelta(minutes=55),
        authors=[make_author(name="Ann Lee"), make_author(name="Ben Okri")],
        primary_tag=politics,
        tags=[politics],
        corrections=["У попередній версії була помилка в назві округу."],
    )
    # Updated a day later: the dateline says so.
    Article.objects.filter(pk=article.pk).update(updated_at=NOW + timedelta(days=1))
    return article


@pytest.mark.django_db
def test_a_story_page_in_ukrainian(client, story):
    # An English page drawn first: what the cache keeps of it (the news feed column, the
    # masthead's links) is not what the Ukrainian page shows.
    english = page(client, "/")
    assert "News Feed" in english
    html = page(client, "/uk/news/vote-count/")
    assert english_left(html) == []
    assert '<html lang="uk">' in html
    assert "1 липня 2025, 09:05" in html  # day and genitive month, 24-hour time
    assert "Оновлено: <time" in html
    assert "2 липня 2025" in html
    assert "4 хвилини читання" in html
    assert "Автори:" in html
    assert "Ann Lee</a> та <a" in html
    for words in ("Стрічка новин", "Виправлення", "Читати більше", "Наші журналісти"):
        assert words in html


@pytest.mark.django_db
def test_minutes_of_reading_take_ukrainian_plurals(client, clock):
    for words, expected in [(180, "1 хвилина читання"), (1000, "5 хвилин читання")]:
        article = make_article(body="слово " * words, language="uk")
        assert expected in page(client, f"/uk/news/{article.slug}/"), article.reading_minutes


@pytest.mark.django_db
def test_the_news_feed_in_ukrainian_offers_more(client, clock):
    bulk_articles(40, newest=NOW - timedelta(minutes=5))
    Article.objects.update(language="uk")
    html = page(client, "/uk/news/")
    assert english_left(html) == []
    assert ">Показати більше</a>" in html
    assert 'data-loading="Завантаження…"' in html
    assert "1 липня, 09:55" in html  # the feed's short time: day and genitive month


@pytest.mark.django_db
def test_the_search_page_in_ukrainian(client, story):
    empty = page(client, "/uk/search/")
    found = page(client, "/uk/search/?q=голосів&from=nonsense")
    for html in (empty, found):
        assert english_left(html) == []
        assert ">Шукати</button>" in html
    assert "<h1>Пошук</h1>" in empty
    assert "Матеріали за запитом «голосів»" in found
    assert "Знайдено 1 матеріал" in found
    assert "Не вдалося прочитати дату «від»" in found


@pytest.mark.django_db
def test_a_live_page_in_ukrainian_gives_its_script_ukrainian_words(client, clock):
    story = make_live_story(title="Вибори: наживо", language="uk")
    make_entry(story, body="Дільниці відкрилися.", is_key_event=True, headline="Початок")
    html = page(client, f"/uk/news/{story.slug}/")
    assert english_left(html) == []
    assert '<span class="live-label">Наживо</span>' in html
    assert "Ключові події" in html
    # live.js writes only what the page gives it (no script catalog).
    assert 'data-live-one="Нових оновлень: 1"' in html
    assert 'data-live-many="Нових оновлень: {count}"' in html
    assert 'data-live-too-many="Нових оновлень: {count}+ — перезавантажте сторінку"' in html
    english = page(client, "/news/")
    assert "Наживо" not in english


@pytest.mark.django_db
def test_the_readers_and_newsletters_pages_in_ukrainian(client):
    make_newsletter(name="Ранковий брифінг", slug="ranok", language="uk")
    for path, words in [
        ("/uk/account/", "Надіслати посилання для входу"),
        ("/uk/newsletters/", "Розсилки"),
        ("/uk/newsletters/ranok/", "Попередні випуски"),
    ]:
        html = page(client, path)
        assert english_left(html) == [], path
        assert words in html, path
    # A form's errors are Django's own words, in the page's language.
    refused = client.post("/uk/account/sign-in/", {"email": "not an address"}).content.decode()
    assert "Електронна пошта" in refused
    assert "Введіть коректну адресу електронної пошти." in refused


@pytest.mark.django_db
def test_a_missing_page_in_ukrainian(client):
    response = client.get("/uk/news/nowhere/")
    assert response.status_code == 404
    html = response.content.decode()
    assert english_left(html) == []
    assert "Ми не знайшли цієї сторінки" in html


@pytest.mark.django_db
def test_a_database_outage_is_told_in_ukrainian(client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("unreachable")

    monkeypatch.setattr("public.views.Article.objects.published", down)
    response = client.get("/uk/news/")
    assert response.status_code == 503
    assert '<html lang="uk">' in response.text
    assert "Спробуйте ще раз за кілька секунд." in response.text
    assert "try again" not in response.text


@pytest.mark.django_db
def test_the_error_pages_in_ukrainian():
    request = RequestFactory().get("/uk/")
    with translation.override("uk"):
        for name in ("404.html", "400.html", "500.html"):
            html = render_to_string(name, request=request)
            assert english_left(html) == [], name
            assert "головн" in html, name


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
