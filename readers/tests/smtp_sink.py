"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, for the tests
and the newsletter benchmark.

Run as a script, in a process of its own: `python readers/tests/smtp_sink.py PORT FOLDER
[--keep-messages] [--delay SECONDS]`. It is never imported by the project: aiosmtpd
imports a module named `public` (atpublic), which inside the project is our app.

Every accepted mail adds a line to FOLDER/received.log: each recipient, a tab, and the
mail's Message-ID; with --keep-messages the mail itself is kept as FOLDER/NNNNNNN.eml.
"""

import argparse
import asyncio
import os
import signal
import sys
from email.parser import BytesHeaderParser
from pathlib import Path

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, folder: Path, keep: bool, delay: float):
        self.folder, self.keep, self.delay = folder, keep, delay
        self.count = 0
        self.log = open(folder / "received.log", "a", buffering=1)  # noqa: SIM115

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content
        self.count += 1
        if self.keep:
            partial = self.folder / f".{self.count:07d}.part"
            partial.write_bytes(content)
            os.replace(partial, self.folder / f"{self.count:07d}.eml")
        message_id = BytesHeaderParser().parsebytes(content)["Message-ID"]
        self.log.write("".join(f"{rcpt}\t{message_id}\n" for rcpt in envelope.rcpt_tos))
        if self.delay:
            # A slow reply, after the mail is kept (as a real server queues it before it
            # answers): a worker may be killed while it waits.
            await asyncio.sleep(self.delay)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--keep-messages", action="store_true")
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    keeper = Keeper(args.folder, args.keep_messages, args.delay)
    controller = Controller(keeper, hostname="127.0.0.1", port=args.port)
    controller.start()
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()
    keeper.log.close()
    return 0


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    sys.exit(main())
