"""A page's cost in instructions, which a shared machine's other work does not move. Run
by hand (never in the test suite); needs valgrind (Debian's package).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database of generated stories> \
        .venv/bin/python bench/instructions.py [--path /news/] [--requests 40] \
        [--root <a worktree of other code>]

The rates and CPU times of bench/cold_pages.py swing by a third from one run to the next
on a machine other work shares. valgrind's callgrind counts the instructions a process
runs instead: the same code, database and requests give the same count whatever else
the machine does, so two versions of the code compare to a fraction of a percent.

The page is drawn with no cache at all (Django's dummy backend), in cold_pages.py's settings,
through Django's test client: the Django process's own instructions, not the database's.
The script runs itself under callgrind twice, once drawing `--requests` pages after ten
to warm up and once the ten alone; the difference over `--requests` is one page's count.
Without `--path`, each request is a different random story page (with `--seed`).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from cold_pages import environment

HERE = Path(__file__).resolve().parent.parent
WARM = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", help="One page, asked for every time (default: stories).")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--root", type=Path, default=HERE, help="The code to measure.")
    # Internal: draw the pages, in the process callgrind counts.
    parser.add_argument("--draw", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def paths(args):
    """The addresses to draw: `--path` every time, or random public stories."""
    if args.path:
        return [args.path] * (WARM + args.requests)
    from articles.models import Article

    slugs = list(Article.objects.published().order_by("pk").values_list("slug", flat=True))
    # The same sample for both counts: the warm-up's pages are the first of the full run's.
    chosen = random.Random(args.seed).sample(slugs, min(WARM + args.requests, len(slugs)))
    return [f"/news/{slug}/" for slug in chosen]


def draw(args):
    sys.path.insert(0, str(args.root))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths(args)[: WARM + args.draw]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)


def counted(args, requests):
    """Instructions the drawing process ran, with `requests` pages after the warm-up."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
            sys.executable, __file__, "--draw", str(requests), "--requests", str(args.requests),
            "--seed", str(args.seed), "--root", str(args.root),
            *(["--path", args.path] if args.path else []),
        ]  # fmt: skip
        run = subprocess.run(
            command,
            cwd=args.root,
            env=environment(args.root, port=0),
            capture_output=True,
            text=True,
        )
    if run.returncode != 0:
        sys.exit(run.stderr[-2000:])
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main():
    args = parse_args()
    if args.draw is not None:
        return draw(args)
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL must name a database of generated stories.")
    warm = counted(args, 0)
    full = counted(args, args.requests)
    page = (full - warm) / args.requests
    print(f"{args.path or 'story pages'} ({args.root}): {page / 1e6:.1f} M instructions a page")
    return None


if __name__ == "__main__":
    main()
