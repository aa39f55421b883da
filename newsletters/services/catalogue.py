"""The newsletters themselves: editors define them in the admin."""

from articles import workflow


class NotAllowed(Exception):
    pass


def can_manage(user) -> bool:
    """Editors (who publish any story) run the newsletters: they decide what goes out."""
    return workflow.publishes_any(user)


def save_newsletter(*, newsletter, user) -> None:
    if not can_manage(user):
        raise NotAllowed("Only editors change newsletters.")
    newsletter.full_clean()
    newsletter.save()
