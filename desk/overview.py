"""The desk at a glance, for the admin's home: what the signed-in journalist has on.

Reads only, each through the QuerySet's own rules (`owned_by`, `scheduled`, `published`,
`stale_translations`).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article

SHOWN = 8  # per list; the link under it opens the whole list


@dataclass
class DeskList:
    key: str
    title: str
    empty: str
    articles: list = field(default_factory=list)
    more_url: str = ""
    total: int = 0
    # False: the list is not counted past what it shows ("more than 8").
    counted: bool = True


def _list(key, title, empty, queryset, filters, *, counted=True):
    rows = list(queryset.select_related("modified_by", "lead_photo")[: SHOWN + 1])
    total = len(rows) if len(rows) <= SHOWN or not counted else queryset.count()
    url = reverse("admin:articles_article_changelist")
    return DeskList(key, title, empty, rows[:SHOWN], f"{url}?{filters}", total, counted)


def overview(user):
    """The five lists of the desk, for `user`; empty if they may edit no article."""
    if not workflow.can_edit(user):
        return []
    now = timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    everyone = Article.objects.all()
    # What waits for review is the business of whoever may publish any story; a writer
    # (or an Author, who publishes their own) sees their own.
    publishes_any = workflow.publishes_any(user)
    reviewable = everyone if publishes_any else everyone.owned_by(user)
    return [
        _list(
            "drafts",
            "Your drafts",
            "No drafts of yours.",
            everyone.owned_by(user).filter(status=Article.Status.DRAFT).order_by("-modified_at"),
            "status=draft&mine=yes",
        ),
        _list(
            "review",
            "Waiting for review",
            "Nothing waits for review.",
            reviewable.filter(status=Article.Status.REVIEW).order_by("modified_at"),
            "status=review",
        ),
        _list(
            "scheduled",
            "Scheduled in the next 24 hours",
            "Nothing is scheduled in the next 24 hours.",
            everyone.scheduled()
            .filter(published_at__lte=now + timedelta(hours=24))
            .order_by("published_at"),
            "status=scheduled",
        ),
        _list(
            "today",
            "Published today",
            "Nothing published yet today.",
            everyone.published().filter(published_at__gte=today).order_by("-published_at"),
            "status=live",
        ),
        # Translations whose source's words changed since: the one whose source changed
        # last first; everyone's for those who publish any story, else one's own. Not
        # counted: a bounded list, with a link to the whole list.
        _list(
            "stale",
            "Stale translations",
            "Every translation matches its source.",
            reviewable.stale_translations().order_by("-source_changed_at", "-pk"),
            "translation=stale",
            counted=False,
        ),
    ]
