"""The story an admin view's address names, for the views the story admin adds."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404


def seen_story(model_admin, request, object_id):
    """The story at `object_id` if the user may at least see it: a 404 if there is
    none, a 403 if it is not theirs to see."""
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    return article
