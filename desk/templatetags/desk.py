"""`{% desk_overview %}`: the admin home's view of the desk (desk/overview.py)."""

from django import template

from desk import overview

register = template.Library()


@register.inclusion_tag("admin/desk_overview.html", takes_context=True)
def desk_overview(context):
    return {"lists": overview.overview(context["request"].user)}
