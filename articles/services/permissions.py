"""Who may do what to an article: the roles' permissions, read here and nowhere else."""

from ..models import Article
from .errors import NotAllowed

Status = Article.Status


def is_own(user, article):
    """The user created the article, or their author profile is on its byline."""
    if user.is_authenticated and article.created_by_id == user.pk:
        return True
    return Article.objects.owned_by(user).filter(pk=article.pk).exists()


def can_edit(user, article=None):
    """Editors edit any article; writers their own drafts, and Authors all their own.

    With no article: whether the user may edit some article (the admin's list, add form).
    An unsaved article is the new one the user is writing.
    """
    if user.has_perm("articles.change_article"):
        return True
    if not user.has_perm("articles.change_own_article"):
        return False
    if article is None or article.pk is None:
        return True
    return is_own(user, article) and (article.status == Status.DRAFT or can_publish(user, article))


def can_view(user, article=None):
    """See the article in the admin: those who may view every article, or edit this one.

    With no article: whether the user may see some article (the admin's lists).
    """
    return user.has_perm("articles.view_article") or can_edit(user, article)


def publishes_any(user):
    """Publish, schedule or unpublish any story, not only one's own (Editors): whoever
    does is answerable for the whole desk, its review queue included."""
    return user.has_perm("articles.publish_article")


def can_publish(user, article=None):
    """Publish, schedule or unpublish: Editors any article, Authors their own."""
    if publishes_any(user):
        return True
    if not user.has_perm("articles.publish_own_article"):
        return False
    return article is None or article.pk is None or is_own(user, article)


def can_translate(user):
    """Create translations of stories: whoever may write stories, and Translators."""
    return user.has_perm("articles.add_article") or user.has_perm("articles.translate_article")


def can_preview(user, article):
    """Staff who may see or edit the article in the admin may preview it on the site."""
    return user.is_active and user.is_staff and can_view(user, article)


def _refusal(user, article, to):
    """Why `user` may not move `article` (as saved) to status `to`, or None if they may."""
    current = article.status
    if to == Status.PUBLISHED or (current == Status.PUBLISHED and to == Status.DRAFT):
        if not can_publish(user, article):
            return "Your role may not publish, schedule or unpublish this article."
    elif not can_edit(user, article):
        return "Your role may not edit this article in its current state."
    if current == Status.PUBLISHED and to == Status.REVIEW:
        return "A published article goes back to draft (unpublish it) before review."
    return None


def allowed_statuses(user, article):
    """The statuses the user may give the article: its own, and those they may move it to."""
    return [status for status in Status if not _refusal(user, article, status)]


def check_transition(*, user, article, to):
    """Raise NotAllowed unless `user` may move `article` (as saved) to status `to`."""
    if reason := _refusal(user, article, to):
        raise NotAllowed(reason)


def can_delete(user):
    """Delete a story for good (its revisions stay, for a recovery)."""
    return user.has_perm("articles.delete_article")


def can_recover(user):
    """Bring back a deleted story: those who may delete stories (and write new ones)."""
    return can_delete(user) and user.has_perm("articles.add_article")
