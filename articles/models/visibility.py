"""What readers may see of articles: the one visibility rule, and the statuses it reads."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    """An article's status (`Article.Status`); the workflow moves it, by the roles' rules."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


def published_rule(path=""):
    """The one visibility rule: published, and its publication time has come.

    `now` is read on every call, so a scheduled article appears by itself. `path` reaches
    the article from a row that points at it ("article__" from a byline).
    """
    return Q(**{f"{path}status": Status.PUBLISHED, f"{path}published_at__lte": timezone.now()})


def is_public(status, published_at):
    """The same rule for one row in hand (a story, a live entry): `is_published`."""
    return (
        status == Status.PUBLISHED and published_at is not None and published_at <= timezone.now()
    )
