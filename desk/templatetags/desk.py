"""`{% desk_overview %}`: the admin home's view of the desk (desk/overview.py)."""

from django import template

from desk import overview

register = template.Library()


@register.inclusion_tag("admin/desk_overview.html", takes_context=True)
def desk_overview(context):
    user = context["request"].user
    # A Translator writes no story of their own: no "Write a new story" for them.
    return {"lists": overview.overview(user), "can_write": user.has_perm("articles.add_article")}
