"""Who must sign in with a second factor: one rule, asked by the sign-in and by every request."""

from django.conf import settings

from articles import workflow


def second_factor_required(user):
    """Editors and Administrators must; others may (TWO_FACTOR_REQUIRED_FOR_ALL: everyone).

    Judged by what the account can do rather than by group name, so a superuser, or
    anyone handed an Editor's powers one permission at a time, counts too: whoever may
    publish any article or manage accounts.
    """
    if not user.is_authenticated:
        return False
    if settings.TWO_FACTOR_REQUIRED_FOR_ALL:
        return True
    return workflow.publishes_any(user) or user.has_perm("auth.change_user")
