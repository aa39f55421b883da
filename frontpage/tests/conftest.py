import pytest

from frontpage import most_read


@pytest.fixture(autouse=True)
def _no_waiting_counts():
    """Each test starts with no beacon counts waiting in this process."""
    most_read._pending.clear()
    yield
    most_read._pending.clear()
