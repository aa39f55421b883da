"""Autosaved copies of the work a journalist has not saved yet."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Autosave(models.Model):
    """The copy of an article's form a journalist was writing, saved every few seconds.

    Never a revision and never shown to readers: it is offered back when the form is
    opened again (articles/autosave.py). One per article and user; `article` is empty
    for a story not saved yet (one per user).
    """

    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.CASCADE, related_name="autosaves"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The article's edit_version when the form was opened: recovering this copy over a
    # later save shows the differences instead of overwriting it (workflow.check_fresh).
    based_on = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_autosave_per_editor"),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="one_new_story_autosave_per_editor",
            ),
        ]

    def __str__(self):
        return f"Autosave of {self.article or 'a new story'} by {self.user}"
