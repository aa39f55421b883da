"""The newsletter send benchmark, run by hand (never in the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_newsletters \\
        python bench/newsletter_send.py [--subscribers 100000] [--workers 2] [--kill-at 0.5]

One edition to N subscribers, sent by real queue workers (`manage.py run_worker`, one
send job each) through Django's SMTP backend into a local SMTP sink (aiosmtpd,
readers/tests/smtp_sink.py) that logs every recipient and Message-ID it accepts. When
the sink has `--kill-at` of the mail, every worker is killed with SIGKILL and started
again under its name; the run ends when the edition is marked sent. It then counts the
copies each subscriber received: the claim is exactly one each.

It needs PostgreSQL (the workers are other processes): the database is a throwaway made
from DATABASE_URL's name (test_<name>) and dropped at the end.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from django_setup import ROOT, throwaway_database

SINK = ROOT / "readers" / "tests" / "smtp_sink.py"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what, timeout=1800):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.2)


def received_lines(log):
    if not log.exists():
        return []
    return [line for line in log.read_text().splitlines() if line]


def seed(subscribers):
    from django.utils import timezone

    from articles.tests.factories import make_article
    from newsletters.models import Subscription
    from newsletters.services import editions
    from newsletters.tests.factories import make_newsletter
    from readers.models import Reader

    briefing = make_newsletter()
    for i in range(8):
        make_article(title=f"Story {i} for the briefing", standfirst="What happened, briefly.")
    now = timezone.now()
    chunk = 10_000
    for start in range(0, subscribers, chunk):
        readers = Reader.objects.bulk_create(
            [
                Reader(email=f"reader{i}@example.net")
                for i in range(start, min(subscribers, start + chunk))
            ]
        )
        Subscription.objects.bulk_create(
            [Subscription(reader=r, newsletter=briefing, confirmed_at=now) for r in readers]
        )
    return editions.make_daily(newsletter=briefing, send=False)


def start_worker(name, env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--worker-id", name, "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-at", type=float, default=0.5)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("DATABASE_URL must name a PostgreSQL database (the workers are processes)")
    os.environ["NEWSLETTER_SEND_JOBS"] = str(args.workers)

    with throwaway_database(), tempfile.TemporaryDirectory() as tmp:
        from django.db import connection

        from newsletters.models import Delivery, Edition
        from newsletters.services import sending

        folder = Path(tmp) / "sink"
        folder.mkdir()
        port = free_port()
        sink = subprocess.Popen([sys.executable, str(SINK), str(port), str(folder)], cwd=folder)
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        }
        log = folder / "received.log"
        try:
            t0 = time.monotonic()
            edition = seed(args.subscribers)
            seeded = time.monotonic() - t0
            t0 = time.monotonic()
            sending.start(edition=edition)
            ledger = time.monotonic() - t0
            connection.close()  # the workers lock rows; this process only reads from here

            names = [f"bench-{i + 1}" for i in range(args.workers)]
            started = time.monotonic()
            workers = [start_worker(name, env) for name in names]
            kill_at = int(args.subscribers * args.kill_at)
            wait_for(lambda: len(received_lines(log)) >= kill_at, f"{kill_at} mails")
            for worker in workers:
                worker.send_signal(signal.SIGKILL)
            for worker in workers:
                worker.wait()
            killed_after = time.monotonic() - started
            at_kill = len(received_lines(log))
            claimed = Delivery.objects.filter(status=Delivery.Status.CLAIMED).count()
            workers = [start_worker(name, env) for name in names]
            wait_for(
                lambda: Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT,
                "the edition to be sent",
            )
            total = time.monotonic() - started
            for worker in workers:
                worker.terminate()
                worker.wait()
        finally:
            sink.terminate()
            sink.wait()

        lines = received_lines(log)
        copies = Counter(line.split("\t")[0] for line in lines)
        expected = {f"reader{i}@example.net" for i in range(args.subscribers)}
        statuses = Counter(Delivery.objects.values_list("status", flat=True))
        print(f"subscribers: {args.subscribers}, workers: {args.workers}")
        print(f"seeding subscribers: {seeded:.1f} s; writing the ledger: {ledger:.1f} s")
        print(f"killed (SIGKILL) after {killed_after:.1f} s: {at_kill} mails in, {claimed} claimed")
        print(f"whole send, kill and restart included: {total:.1f} s ({len(lines) / total:.0f}/s)")
        print(
            f"mails received: {len(lines)}; subscribers with exactly one: "
            f"{sum(1 for a in expected if copies[a] == 1)}; with none: "
            f"{sum(1 for a in expected if copies[a] == 0)}; with more than one: "
            f"{sum(1 for a in expected if copies[a] > 1)}; "
            f"strangers: {len(set(copies) - expected)}"
        )
        print(f"ledger: {dict(statuses)}")


if __name__ == "__main__":
    main()
