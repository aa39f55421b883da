"""Lighthouse scores of the home and article pages, run by `make lighthouse` (not `make test`).

Lighthouse is fetched by npx at a pinned version the first time (about 200 MB; its own
dependencies ask for "latest" of some packages, which `npm ci` refuses, so it is not in
package.json). Reports land in artifacts/lighthouse/; docs/performance.md keeps the scores.
"""

import json
import os
import shutil
import statistics
import subprocess

import pytest

from .browser import CHROMIUM, ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
    pytest.mark.skipif(
        not os.environ.get("LIGHTHOUSE"), reason="Lighthouse runs with `make lighthouse`"
    ),
]

LIGHTHOUSE = "lighthouse@12.8.2"  # 13.x needs node 22; Debian 12 and CI have node 20
RUNS = 3  # total blocking time varies from run to run: the median of three is reported
REPORTS = ROOT / "artifacts" / "lighthouse"
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(url, name):
    """One Lighthouse run; returns its category scores (0-100) and the audits losing points."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"{name}.json"
    command = [
        "npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json",
        f"--output-path={report}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    if name.endswith("desktop"):
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    # Lighthouse 12 sometimes misses the start of a newer Chromium's trace (NO_NAVSTART).
    for _ in range(3):
        if subprocess.run(command, env=env, timeout=300, cwd=ROOT).returncode == 0:
            break
    else:
        pytest.fail(f"Lighthouse failed three times on {url}")
    result = json.loads(report.read_text())
    scores = {key: round(cat["score"] * 100) for key, cat in result["categories"].items()}
    losing = {
        audit["id"]
        for cat in result["categories"].values()
        for ref in cat["auditRefs"]
        if ref["weight"] and (audit := result["audits"][ref["id"]])["score"] not in (None, 1)
    }
    return scores, losing


@pytest.mark.parametrize("form_factor", ["mobile", "desktop"])
def test_lighthouse_scores(site, page_urls, form_factor):
    if not shutil.which("npx"):
        pytest.skip("Lighthouse needs npx (node and npm)")
    under_bars = {}
    for page in ("home", "article"):
        runs = [lighthouse(site + page_urls[page], f"{page}-{form_factor}") for _ in range(RUNS)]
        scores = {key: statistics.median(run[0][key] for run in runs) for key in BARS}
        losing = sorted(set().union(*(run[1] for run in runs)))
        print(f"\nLighthouse {form_factor} {page}: {scores}; audits losing points: {losing}")
        under_bars |= {(page, key): s for key, s in scores.items() if s < BARS[key]}
    assert under_bars == {}, f"under the bars {BARS}; reports in {REPORTS}"
