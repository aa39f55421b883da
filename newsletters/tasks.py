"""The newsletters' work on the one task queue (docs/queue.md)."""

from jobs.compat import task

from .services import editions, sending


@task(takes_context=True)
def send_edition(context, edition_id):
    """Send an edition's pending mail; safe to run twice, and alongside other jobs."""
    return sending.run(edition_id=edition_id, job_id=str(context.task_result.id))


@task()
def make_due_editions():
    """Every minute: today's briefings whose time has come, made and their sends started."""
    made = [editions.make_daily(newsletter=n) for n in editions.due_daily()]
    return [e.pk for e in made if e is not None]
