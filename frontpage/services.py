"""Every write to the front page and the banner, in the workflow's "check, then do" style.

Only Editors and Administrators hold the front page's permissions (migration 0002); each
function checks them before it writes, whatever the channel (the admin's forms, its
actions, a shell). What a change empties in the caches is public/freshness.py's business:
it listens to these models' saves.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .arrangement import live_layout
from .models import Banner, Layout, Slot, Zone


def can_arrange(user) -> bool:
    return user.is_active and user.has_perm("frontpage.change_layout")


def can_raise_banner(user) -> bool:
    return user.is_active and user.has_perm("frontpage.change_banner")


def _check(allowed: bool, what: str) -> None:
    if not allowed:
        raise PermissionDenied(f"Only editors may {what}.")


def save_part(*, obj: Layout | Zone | Slot, user) -> None:
    """Save a layout, a zone or a slot as an editor filled it in."""
    _check(can_arrange(user), "change the front page")
    if isinstance(obj, Layout) and obj.pk is None:
        obj.created_by = user
    obj.save()


def delete_part(*, obj: Layout | Zone | Slot, user) -> None:
    _check(can_arrange(user), "change the front page")
    obj.delete()


def schedule_layout(*, layout: Layout, user, live_from=None) -> Layout:
    """Make `layout` take over the front page at `live_from` (now if not given)."""
    _check(can_arrange(user), "change the front page")
    layout.live_from = live_from or timezone.now()
    layout.save(update_fields=["live_from"])
    return layout


@transaction.atomic
def copy_layout(*, layout: Layout, user, name: str = "", live_from=None) -> Layout:
    """A new layout with `layout`'s zones and slots (a draft unless `live_from` is given)."""
    _check(can_arrange(user), "change the front page")
    copy = Layout.objects.create(
        name=name or f"Copy of {layout.name}",
        language=layout.language,
        live_from=live_from,
        created_by=user,
    )
    for zone in layout.zones.prefetch_related("slots"):
        slots = list(zone.slots.all())
        zone.pk, zone.layout = None, copy
        zone.save()
        for slot in slots:
            slot.pk, slot.zone = None, zone
        Slot.objects.bulk_create(slots)
    return copy


def restore_previous(*, user, language=None) -> Layout:
    """Put back the layout that was live before the current one on `language`'s front
    page (the edition being drawn by default), as a copy live now (the history of what
    went live when is kept)."""
    _check(can_arrange(user), "change the front page")
    now = timezone.now()
    current = live_layout(now, language)
    if current is None:
        raise Layout.DoesNotExist("No layout is live.")
    previous = (
        Layout.objects.filter(language=current.language, live_from__lte=now)
        .exclude(pk=current.pk)
        .order_by("-live_from", "-pk")
        .first()
    )
    if previous is None:
        raise Layout.DoesNotExist("No layout was live before this one.")
    return copy_layout(
        layout=previous, user=user, name=f"{previous.name} (restored)", live_from=now
    )


def save_banner(*, banner: Banner, user) -> None:
    """Save a banner as an editor filled it in (raised when it has a start time)."""
    _check(can_raise_banner(user), "change the banner")
    banner.full_clean()
    banner.save()


def raise_banner(*, banner: Banner, user, until=None) -> Banner:
    """Show `banner` on every page from now (until `until`, if given)."""
    _check(can_raise_banner(user), "raise the banner")
    banner.shown_from = timezone.now()
    if until is not None:
        banner.shown_until = until
    banner.full_clean()
    banner.save()
    return banner


def lower_banner(*, banner: Banner, user) -> Banner:
    """End `banner` now; one not shown yet (to come, or raised this very instant) is
    simply not raised any more."""
    _check(can_raise_banner(user), "take the banner down")
    now = timezone.now()
    if banner.shown_from is None or banner.shown_from >= now:
        banner.shown_from = banner.shown_until = None
    else:
        banner.shown_until = now
    banner.save(update_fields=["shown_from", "shown_until"])
    return banner


def delete_banner(*, banner: Banner, user) -> None:
    _check(can_raise_banner(user), "delete the banner")
    banner.delete()
