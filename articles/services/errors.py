"""The workflow's refusals: each carries a message fit for the editor who asked."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list


class WorkflowError(Exception):
    """A refused change, with a message fit for the editor who asked."""

    @property
    def message(self):
        return str(self)


class NotAllowed(WorkflowError, PermissionDenied):
    """The user's role does not allow it (a 403 if it escapes a view)."""


class Incomplete(WorkflowError):
    def __init__(self, missing):
        self.missing = missing
        super().__init__(f"Not ready to publish: it needs {get_text_list(missing, 'and')}.")


class AddressTaken(WorkflowError):
    """The slug was another story's: its old address leads to that story for good."""

    def __init__(self, slug):
        super().__init__(
            f"The address /news/{slug}/ belonged to another story and still leads to it: "
            "choose another slug."
        )


class EditConflict(WorkflowError):
    """Someone saved the article after the form being submitted was opened."""

    def __init__(self, saved):
        self.saved = saved
        user = saved.modified_by
        who = (user.get_full_name() or user.get_username()) if user else "Someone"
        when = date_format(timezone.localtime(saved.modified_at), "j M Y, H:i:s")
        super().__init__(f"{who} saved this article at {when}, after you opened it.")
