"""One page's drawing: what `kept` gave while it is drawn, so a value asked for again
(the deadline, by the sidebar, the masthead and the page itself) is neither read from the
cache nor computed twice within one request."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_kept_values: ContextVar[dict | None] = ContextVar("kept_this_page", default=None)


def kept_values() -> dict | None:
    """The values kept so far for the page being drawn; None outside a page."""
    return _kept_values.get()


@contextmanager
def one_drawing():
    token = _kept_values.set({})
    try:
        yield
    finally:
        _kept_values.reset(token)


def drawn_once(view):
    """`view`, with each kept value looked up once per request."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with one_drawing():
            return view(request, *args, **kwargs)

    return wrapped
