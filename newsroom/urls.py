from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from desk import urls as desk_urls
from public import urls as public_urls

admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    # Providers' bounce and complaint webhooks, signed (django-anymail).
    path("webhooks/mail/", include("anymail.urls")),
    path("api/v1/", include("api.urls")),
    # Served once for every edition: robots, the reading beacon, the health check.
    path("", include(public_urls.site_patterns)),
]

# Every edition's pages: the default language's at the root, each other's under its code
# (`/uk/news/…`). The path alone decides the edition (editions/middleware.py).
urlpatterns += i18n_patterns(
    # A story's pages, the reader's and the desk's previews of it, in one namespace.
    path("", include((public_urls.article_patterns + desk_urls.article_patterns, "articles"))),
    path("account/", include("readers.urls")),
    path("newsletters/", include("newsletters.urls")),
    path("", include(public_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
