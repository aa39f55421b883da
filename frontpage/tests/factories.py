"""Layouts, zones and slots for tests, with keyword defaults."""

from django.utils import timezone

from frontpage.models import Banner, Layout, Slot, Zone


def make_layout(*, name="Today", live_from="now", zones=()):
    """A layout (live from now unless told) with `zones`: (kind, heading, slots) each,
    where a slot is a dict of Slot's fields (an empty dict: the latest story)."""
    layout = Layout.objects.create(
        name=name, live_from=timezone.now() if live_from == "now" else live_from
    )
    for position, (kind, heading, slots) in enumerate(zones):
        zone = Zone.objects.create(layout=layout, kind=kind, heading=heading, position=position)
        for number, fields in enumerate(slots):
            Slot.objects.create(zone=zone, position=number, **fields)
    return layout


def make_banner(*, text="Polls have closed", shown_from="now", **fields):
    return Banner.objects.create(
        text=text, shown_from=timezone.now() if shown_from == "now" else shown_from, **fields
    )
