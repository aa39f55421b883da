from django.conf import settings


def site(request):
    """The newspaper's name and address, for the masthead and absolute links."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_URL": settings.SITE_URL,
    }
