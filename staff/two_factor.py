"""Second factors: enrolling an authenticator app, backup codes, checking a code, resetting.

Every change is one function here and one audit entry. The authenticator app is
django-otp's TOTPDevice (RFC 6238: six digits, a new code every 30 seconds); backup codes
are our BackupCodeDevice, stored as digests and shown once.

A second factor already on an account is changed (replaced, renewed, turned off) only
with `proof`: the account's password or a current code. A session alone is not enough:
one left open, or a stolen cookie, must not be a way to move the account to a thief's
phone or to read out fresh backup codes.
"""

import secrets

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .models import BackupCode, BackupCodeDevice, backup_code_digest
from .policy import second_factor_required
from .sessions import end_all

Action = audit.Action

APP_NAME = "Authenticator app"
BACKUP_CODE_COUNT = 10
# Unambiguous on paper: no 0/o, 1/l/i.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_CODE_LENGTH = 16  # 16 characters of 31: about 79 bits each


class NotConfirmed(PermissionError):
    """The proof given is neither the account's password nor a current code."""


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _check_proof(user, proof):
    """Refuse unless `proof` is `user`'s password, or a code their second factor accepts
    now (the app's six digits, or an unused backup code, which is spent)."""
    if not proof or not (user.check_password(proof) or verify(user=user, code=proof)):
        raise NotConfirmed("That is neither your password nor a current code.")


def normalise(code):
    """What was typed, as compared: no spaces or dashes, lower case."""
    return "".join(code.split()).replace("-", "").casefold()


def _new_code():
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, _CODE_LENGTH, 4))


def _replace_backup_codes(user):
    """A fresh set of codes; the old set stops working. Returns the codes, in clear, once."""
    BackupCodeDevice.objects.filter(user=user).delete()
    device = BackupCodeDevice.objects.create(user=user, name="Backup codes")
    codes = [_new_code() for _ in range(BACKUP_CODE_COUNT)]
    BackupCode.objects.bulk_create(
        BackupCode(device=device, digest=backup_code_digest(normalise(code))) for code in codes
    )
    return codes


def backup_codes_left(user):
    return BackupCode.objects.filter(device__user=user, device__confirmed=True).count()


# Enrolment: a key to scan, then a code from the app before it counts.


def enrolment_device(user):
    """The authenticator key `user` is enrolling: made once, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def confirm_enrolment(*, user, code, proof=None):
    """Turn the app on if `code` is right: (the device, new backup codes), or None if wrong.

    The new app replaces any earlier one, and new backup codes replace the old. Replacing
    one takes `proof` (NotConfirmed otherwise, and nothing changes).
    """
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("-pk")
            .first()
        )
        if device is None:
            return None
        if not device.verify_token(normalise(code)):
            # No throttle while setting up: the key is on the screen, there is nothing to
            # guess, and a typo should not make the next right code wait.
            device.throttle_reset()
            return None
        replacing = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        if replacing:
            _check_proof(user, proof)  # raised inside the transaction: the new code unspent
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _replace_backup_codes(user)
        audit.record(
            Action.TWO_FACTOR_ENABLED,
            target=user,
            actor=user,
            detail="a new authenticator app replaced the old one" if replacing else "",
        )
    return device, codes


def renew_backup_codes(*, user, proof):
    with transaction.atomic():
        _check_proof(user, proof)
        codes = _replace_backup_codes(user)
        audit.record(Action.BACKUP_CODES_RENEWED, target=user, actor=user)
    return codes


def turn_off(*, user, proof):
    """Remove one's own second factor: only for those the rule does not require it of."""
    if second_factor_required(user):
        raise PermissionError("Your role requires two-factor sign-in.")
    with transaction.atomic():
        _check_proof(user, proof)
        _remove_devices(user)
        audit.record(Action.TWO_FACTOR_DISABLED, target=user, actor=user)


def reset(*, user, by):
    """An Administrator's reset of a colleague's second factor (a lost phone, a compromise).

    Their devices go, and so do their sessions: they sign in again with their password
    and enrol a new app before anything else.
    """
    with transaction.atomic():
        _remove_devices(user)
        end_all(user=user)
        audit.record(Action.TWO_FACTOR_RESET, target=user, actor=by)


def _remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    BackupCodeDevice.objects.filter(user=user).delete()


# Signing in.


def verify(*, user, code):
    """The device that accepts `code` (the app's six digits, or a backup code), or None."""
    code = normalise(code)
    devices = TOTPDevice if code.isdigit() else BackupCodeDevice
    with transaction.atomic():
        for device in devices.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
    return None
