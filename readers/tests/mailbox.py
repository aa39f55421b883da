"""A real SMTP server for tests: readers/tests/smtp_sink.py in a process of its own, on
127.0.0.1. Django's SMTP backend sends to it; tests read what arrived, headers and all."""

import email
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from email import policy
from pathlib import Path
from urllib.parse import urlsplit

SINK = Path(__file__).with_name("smtp_sink.py")
URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,]")
WAIT_SECONDS = 60  # each wait ends as soon as what it waits for is there


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Mailbox:
    """A running SMTP server and what it received."""

    def __init__(self, folder: Path, *, keep_messages=True, delay=0.0):
        self.folder = folder
        self.host, self.port = "127.0.0.1", free_port()
        command = [sys.executable, str(SINK), str(self.port), str(folder)]
        if keep_messages:
            command.append("--keep-messages")
        if delay:
            command += ["--delay", str(delay)]
        # Its own folder as the working directory: aiosmtpd must find atpublic's `public`.
        folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(command, cwd=folder)
        self._wait(lambda: _answers(self.port), "the SMTP server to answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=WAIT_SECONDS)

    def _wait(self, condition, what):
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if self.process.poll() is not None:
                raise AssertionError(f"the SMTP server stopped while waiting for {what}")
            if time.monotonic() > deadline:
                raise AssertionError(f"gave up waiting for {what}")
            time.sleep(0.02)

    @property
    def messages(self) -> list:
        return [
            email.message_from_bytes(path.read_bytes(), policy=policy.default)
            for path in sorted(self.folder.glob("*.eml"))
        ]

    def wait_for(self, count: int) -> list:
        """The first `count` messages, once they are all here."""
        self._wait(lambda: len(list(self.folder.glob("*.eml"))) >= count, f"{count} mails")
        return self.messages[:count]

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def received(self) -> Counter:
        """How many copies of each (recipient, Message-ID) arrived."""
        log = self.folder / "received.log"
        lines = log.read_text().splitlines() if log.exists() else []
        return Counter(tuple(line.split("\t")) for line in lines)


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def links(message) -> list[str]:
    """Every address in the mail's text and HTML parts."""
    found = URL.findall(text_of(message))
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        found += re.findall(r'href="([^"]+)"', html.get_content())
    return list(dict.fromkeys(found))


def path_of(url: str) -> str:
    """The path of one of the site's absolute addresses, for the test client."""
    return urlsplit(url).path or "/"
