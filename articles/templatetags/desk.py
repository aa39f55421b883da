"""`{% desk_overview %}`: the admin home's view of the desk (articles/desk.py)."""

from django import template

from articles import desk

register = template.Library()


@register.inclusion_tag("admin/desk_overview.html", takes_context=True)
def desk_overview(context):
    return {"lists": desk.overview(context["request"].user)}
