"""The newspaper's editions: one a language, each under its own address prefix.

The default language's edition is at the root (`/news/…`), every other under its code
(`/uk/news/…`), as Django's `i18n_patterns(prefix_default_language=False)` reverses them.
The edition a request reads is decided by its path alone (`middleware.py`), never by a
cookie or `Accept-Language`, so one address is one page and every cache can keep it.

This app knows no model: what a story's counterparts are is the articles' business
(`Article.translations`); this module says which editions there are, which one is being
drawn, and where each one's pages live.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation

# The country a language without one in its code is written for (`Edition.locale`).
_REGIONS = {"uk": "UA"}


@dataclass(frozen=True)
class Edition:
    language: str  # Django's language code, also stored on each story ("en-gb", "uk")
    name: str  # in its own language, for the language switch ("English", "Українська")

    @property
    def is_default(self) -> bool:
        return self.language == settings.LANGUAGE_CODE

    @property
    def prefix(self) -> str:
        """Its pages' address prefix: "" for the default edition, "/uk" for Ukrainian."""
        return "" if self.is_default else f"/{self.language}"

    @property
    def iso639(self) -> str:
        """The language alone, as ISO 639 writes it ("en", "uk"): Google News' language."""
        return self.language.partition("-")[0]

    @property
    def locale(self) -> str:
        """The language as Open Graph's `og:locale` writes it ("en_GB", "uk_UA")."""
        code, _, region = self.language.partition("-")
        return f"{code}_{(region or _REGIONS.get(code, code)).upper()}"

    @property
    def hreflang(self) -> str:
        """The language as `hreflang`, `inLanguage` and `lang` write it ("en-GB", "uk")."""
        code, _, region = self.language.partition("-")
        return f"{code}-{region.upper()}" if region else code

    def __str__(self):
        return self.name


def all_editions() -> list[Edition]:
    """Every edition, the default first."""
    editions = [Edition(code, name) for code, name in settings.LANGUAGES]
    return sorted(editions, key=lambda edition: not edition.is_default)


def get(language: str) -> Edition:
    for edition in all_editions():
        if edition.language == language:
            return edition
    raise LookupError(f"no edition in {language!r}")


def current() -> Edition:
    """The edition being drawn: the active language's (the default outside a request)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return get(language)
    except LookupError:
        return get(settings.LANGUAGE_CODE)


def default() -> Edition:
    return get(settings.LANGUAGE_CODE)


def from_path(path: str) -> Edition:
    """The edition an address belongs to: by its first segment alone."""
    first = path.lstrip("/").split("/", 1)[0]
    for edition in all_editions():
        if not edition.is_default and first == edition.language:
            return edition
    return default()


def site_name(language: str | None = None) -> str:
    """The newspaper's name in `language`'s edition (the one being drawn by default)."""
    language = language or current().language
    return settings.SITE_NAMES.get(language, settings.SITE_NAME)


def site_tagline(language: str | None = None) -> str:
    language = language or current().language
    return settings.SITE_TAGLINES.get(language, settings.SITE_TAGLINE)


def other_editions() -> list[Edition]:
    here = current()
    return [edition for edition in all_editions() if edition != here]


def translated(obj, field: str, fallback: bool = True):
    """`obj.<field>` in the edition being drawn: `<field>_<language>` where the object
    has one and it is filled in ("name_uk"); else the default language's `<field>`, or
    "" without `fallback`.

    A model of another library's (taggit's `Tag`) keeps its translations in a row beside
    it, `obj.translation` (`articles.TagTranslation`): looked for there too.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return getattr(obj, field)
    name = f"{field}_{language.replace('-', '_')}"
    for holder in (obj, getattr(obj, "translation", None)):
        value = getattr(holder, name, None) if holder is not None else None
        if value:
            return value
    return getattr(obj, field) if fallback else ""


def listed(names) -> str:
    """Names read naturally in the active language: "A, B and C" ("А, Б та В")."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    # Translators: the end of a list of several names, "A, B and C".
    ending = translation.gettext("{names} and {last}")
    return ending.format(names=", ".join(names[:-1]), last=names[-1])


# --- A page's counterparts in the other editions ------------------------------------------


def everywhere(path: str) -> dict[str, str]:
    """The address of the page at `path` in every edition, for pages each edition has
    (the front page, the news feed, search): its path under each edition's prefix."""
    here = from_path(path)
    rest = path[len(here.prefix) :] or "/"
    return {edition.language: f"{edition.prefix}{rest}" for edition in all_editions()}


def set_counterparts(request, addresses: dict[str, str]) -> None:
    """Name the page being drawn in each edition that has it (language -> address): its
    `hreflang` links and language switch say so ({% edition_links %}, {% edition_switch %}).
    A page that names none has only itself; the switch then goes to the other edition's
    front page, never to a page that is not there."""
    request.counterparts = addresses


def counterparts(request) -> dict[str, str]:
    """What `set_counterparts` named, always with the page itself."""
    named = dict(getattr(request, "counterparts", None) or {})
    named.setdefault(current().language, request.path)
    return named


def language_field(help_text: str):
    """The column that says which edition a row belongs to (a story, a front page
    layout, a banner): one of `LANGUAGES`, the default edition's unless told."""
    return models.CharField(
        "edition",
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=help_text,
    )
