import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from frontpage import beacon  # noqa: E402  (Django must be set up first)

# The reading beacon is answered before Django's middleware (frontpage/beacon.py).
application = beacon.wsgi(django_application)
