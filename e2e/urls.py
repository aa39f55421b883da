"""The site's URLs plus uploaded media, for the browser tests only.

Tests run with DEBUG off, where newsroom.urls (rightly) serves no media; the live server
must, or every avatar and lead image would 404.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_patterns


def media(request, path):
    # MEDIA_ROOT is read per request: each test points it at its own tmp folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# The site's own list, not an include(): Django allows the editions' prefixed patterns
# (i18n_patterns) only at the top of a URLconf.
urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media),
    *site_patterns,
]
