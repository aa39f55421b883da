"""How much work SQLite did: the measure the deep-page tests compare, repeatable where a
time is not."""

from django.db import connection


def sqlite_steps(work):
    """`work()`'s result, and how many steps (of 100 virtual-machine instructions) SQLite
    took while it ran."""
    counted = [0]

    def count():
        counted[0] += 1

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 100)
    try:
        result = work()
    finally:
        connection.connection.set_progress_handler(None, 0)
    return result, counted[0]
