from django.conf import settings
from django.utils.translation import get_language


def site(request):
    """The newspaper's name in the edition being drawn, and its address, for the
    masthead and absolute links."""
    language = get_language()
    return {
        "SITE_NAME": settings.SITE_NAMES.get(language, settings.SITE_NAME),
        "SITE_TAGLINE": settings.SITE_TAGLINES.get(language, settings.SITE_TAGLINE),
        "SITE_URL": settings.SITE_URL,
    }
