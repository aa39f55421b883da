"""Background work: the one task queue every app shares.

Tasks are written with Django's tasks API (the django-tasks backport: `@task`, `.enqueue()`)
and stored by django-tasks-db in the site's own database, so `make run` needs no server
and a task enqueued inside a transaction exists only if that transaction commits.
This app adds what the library leaves out: a worker that takes back the jobs its previous
life held when it was killed (`recovery`), tasks that run every so often (`periodic`), and
the queue's depth for /healthz (`status`). It knows no model of ours.
"""
