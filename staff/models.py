"""The staff app's records: the audit trail, signed-in sessions, hashed backup codes, lockouts."""

import hashlib

from axes.models import AccessAttempt
from django.conf import settings
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin, TimestampMixin


class AuditEntry(models.Model):
    """One thing someone did that a newsroom under attack must be able to trace.

    Written once and never changed: save() refuses an existing row and delete() refuses
    always, the admin offers neither, and the model has only the "view" permission. No
    foreign key points out of it with a database constraint, so deleting an account or
    a story never touches the entries about them (the names are kept as text).
    """

    class Action(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_REFUSED = "sign_in_refused", "Sign-in refused"
        SIGNED_OUT = "signed_out", "Signed out"
        SESSIONS_ENDED = "sessions_ended", "Sessions ended"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        UNPUBLISHED = "unpublished", "Unpublished"
        RESTORED = "restored", "Restored a revision"
        DELETED = "deleted", "Deleted"
        RECOVERED = "recovered", "Recovered (deleted)"
        PREVIEW_LINK_CREATED = "preview_link_created", "Preview link made"
        PREVIEW_LINK_REVOKED = "preview_link_revoked", "Preview link revoked"
        PREVIEW_LINK_EXPIRY_CHANGED = "preview_link_expiry_changed", "Preview link expiry changed"
        ROLES_CHANGED = "roles_changed", "Roles changed"
        PERMISSIONS_CHANGED = "permissions_changed", "Permissions changed"
        USER_CREATED = "user_created", "Account created"
        USER_DEACTIVATED = "user_deactivated", "Account deactivated"
        USER_REACTIVATED = "user_reactivated", "Account reactivated"
        TWO_FACTOR_ENABLED = "two_factor_enabled", "Two-factor turned on"
        TWO_FACTOR_RESET = "two_factor_reset", "Two-factor reset"
        TWO_FACTOR_DISABLED = "two_factor_disabled", "Two-factor turned off"
        BACKUP_CODES_RENEWED = "backup_codes_renewed", "Backup codes renewed"
        LOCKOUT_LIFTED = "lockout_lifted", "Sign-in lockout lifted"

    at = models.DateTimeField("when", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name="who",
    )
    actor_name = models.CharField("who", max_length=150, blank=True)
    action = models.CharField("what", max_length=40, choices=Action)
    target_type = models.CharField("kind of object", max_length=100, blank=True)
    target_id = models.CharField("object id", max_length=64, blank=True)
    target_repr = models.CharField("object", max_length=200, blank=True)
    detail = models.TextField(blank=True)
    address = models.GenericIPAddressField("from address", null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        get_latest_by = "at"
        default_permissions = ("view",)
        verbose_name = "audit trail entry"
        verbose_name_plural = "audit trail entries"
        indexes = [
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
        ]

    def __str__(self):
        who = self.actor_name or "System"
        return f"{who}: {self.get_action_display()} {self.target_repr}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("An audit entry is never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("An audit entry is never deleted.")


class StaffSession(models.Model):
    """A signed-in session, so that "sign out my other sessions" can find and end them.

    The session holds this row's id; a session whose row is gone (ended elsewhere) or
    past its end is treated as signed out on its next request (staff/middleware.py).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_sessions"
    )
    session_key = models.CharField(max_length=40, blank=True)
    signed_in_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-signed_in_at"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.user} since {self.signed_in_at:%Y-%m-%d %H:%M}"

    @property
    def is_live(self):
        return self.ends_at > timezone.now()


def backup_code_digest(code):
    """What is stored of a backup code: its SHA-256. A code is 80 random bits, far beyond
    guessing from a stolen digest, so a slow password hash (which a sign-in would have to
    run once per stored code) buys nothing here."""
    return hashlib.sha256(code.encode()).hexdigest()


class BackupCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """One-time backup codes, for a lost phone: django-otp's own static tokens are stored
    in clear, these only as digests. Each code works once."""

    class Meta(Device.Meta):
        verbose_name = "backup code set"

    def get_throttle_factor(self):
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token):
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        used, _ = self.codes.filter(digest=backup_code_digest(str(token))).delete()
        if used:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return bool(used)


class BackupCode(models.Model):
    device = models.ForeignKey(BackupCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "digest"], name="backup_code_once"),
        ]

    def __str__(self):
        return f"Backup code of {self.device.user}"


class SignInLockout(AccessAttempt):
    """django-axes' record of failed sign-ins, shown to Administrators as lockouts to lift."""

    class Meta:
        proxy = True
        default_permissions = ("view", "delete")
        verbose_name = "failed sign-in"
        verbose_name_plural = "failed sign-ins and lockouts"
