"""Readers: people who sign in by email link, kept apart from staff accounts.

A reader is not a `django.contrib.auth` user: no password, no admin access, no place in
the staff session. Sign-in and confirmation links are `Token` rows holding only a hash of
the secret the mail carries; each is spent once, by a POST, before it expires.
"""

from django.db import models


class Reader(models.Model):
    email = models.EmailField(unique=True, help_text="Stored lower-cased: one reader per address.")
    name = models.CharField(max_length=100, blank=True, help_text="Shown on the reader's pages.")
    created_at = models.DateTimeField(auto_now_add=True)
    signed_in_at = models.DateTimeField(null=True, blank=True)
    # Part of every session cookie: moving it signs the reader out everywhere.
    session_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def display_name(self):
        return self.name or self.email


class Token(models.Model):
    class Purpose(models.TextChoices):
        SIGN_IN = "sign-in", "sign in"
        SUBSCRIBE = "subscribe", "confirm a subscription"

    # SHA-256 of the secret in the link: a copy of this table signs no one in.
    digest = models.CharField(max_length=64, unique=True)
    email = models.EmailField()
    purpose = models.CharField(max_length=20, choices=Purpose)
    # What the link is for beyond its purpose (the newsletter to confirm), as text.
    subject = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"], name="readers_token_expiry")]

    def __str__(self):
        return f"{self.get_purpose_display()} link for {self.email}"


class Attempt(models.Model):
    """One request counted against a throttle; the key is a hash of the address or IP."""

    scope = models.CharField(max_length=30)
    key = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="readers_attempt_window")]

    def __str__(self):
        return f"{self.scope} at {self.at:%Y-%m-%d %H:%M}"
