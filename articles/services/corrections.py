"""Corrections printed under a story."""

from django.db import transaction

from .publishing import mark_updated


def save_corrections(*, article, previous, added=(), edited=(), removed=()):
    """Write the corrections edited beside an article (saved first, so it has a key).

    A new correction to a story readers could already see (`previous`, the article as
    saved before this edit, was public) is news to them: it counts as an update.
    """
    with transaction.atomic():
        for correction in removed:
            correction.delete()
        for correction in [*added, *edited]:
            correction.article = article
            correction.save()
        if added and previous is not None and previous.is_published:
            mark_updated(article=article)
            article.save(update_fields=["updated_at"])
