"""Staff accounts that sign in for real: passwords, authenticator apps, codes, audit entries."""

import time

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.tests.factories import make_user
from staff.models import AuditEntry

PASSWORD = "a long passphrase for tests"


def make_staff(role=None, *, password=PASSWORD, **fields):
    """A staff account in `role` whose password is `password`."""
    user = make_user(role, **fields)
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def give_app(user):
    """An authenticator app already set up for `user`: its device."""
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def code_for(device, *, steps_ahead=0):
    """The six digits `device`'s app shows now (or `steps_ahead` periods of 30 s later),
    computed from its key as the phone does."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def login_url():
    return reverse("admin:login")


def give_password(client, username, password=PASSWORD, **extra):
    """The first step of signing in, as a browser posts it; the response."""
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    return client.post(login_url(), data, **extra)


def give_code(client, code, **extra):
    return client.post(reverse("admin:login_code"), {"code": code}, **extra)


def entries(action=None, **lookups):
    """Audit entries, oldest first, of `action` if given."""
    found = AuditEntry.objects.filter(**lookups).order_by("at", "pk")
    return list(found.filter(action=action) if action else found)
