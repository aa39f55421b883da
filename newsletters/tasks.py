"""The newsletters' work on the one task queue (docs/queue.md). An edition's send job is
`newsletters.services.sending.send_edition`, beside the loop it runs."""

from jobs.compat import task

from .services import editions


@task()
def make_due_editions():
    """Every minute: today's briefings whose time has come, made and their sends started."""
    made = [editions.make_daily(newsletter=n) for n in editions.due_daily()]
    return [e.pk for e in made if e is not None]
