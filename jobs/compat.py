"""Django's tasks API: `django.tasks` from Django 6.0, the django-tasks backport before it."""

try:
    from django.tasks import TaskResultStatus, task
except ImportError:
    from django_tasks import TaskResultStatus, task

__all__ = ["TaskResultStatus", "task"]
