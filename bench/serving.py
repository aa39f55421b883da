"""What the served benchmarks share: waiting for a server to answer."""

import time
import urllib.request


def wait_for(url, seconds=60):
    """Return once `url` answers 200; RuntimeError if it has not within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")
