"""Activates the language of the edition a request's path belongs to.

Django's `LocaleMiddleware` would also read the language cookie and `Accept-Language`,
and then vary every page on them: one address would be several pages, which no shared
cache could keep. Here the path alone decides, so `/news/…` is always English and
`/uk/news/…` always Ukrainian; a reader chooses with the language switch, which is a link.
"""

from django.utils import translation

from . import from_path


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        edition = from_path(request.path_info)
        request.LANGUAGE_CODE = edition.language
        request.edition = edition
        # For this request alone: the thread's language is given back after it, so
        # nothing the thread does next (another request's start, a task, a test) reads
        # the edition of the last page it drew.
        with translation.override(edition.language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", edition.hreflang)
        return response
