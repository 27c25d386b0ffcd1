"""
`make soak` in miniature: a few seconds of the same mixed traffic against the
production server on SQLite. It proves the machinery (the server starts, each
kind of visitor gets real answers, the report counts them and reads the
workers' memory), not the memory bar, which needs minutes: docs/soak.md.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.servers import PROJECT

pytestmark = pytest.mark.slow


def test_a_short_soak_reports_reads_comments_approvals_and_memory_with_no_5xx():
    if shutil.which("redis-server") is None:
        pytest.skip("the soak starts its own redis-server (apt-get install redis-server)")
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    env |= {"SOAK_MINUTES": "0.15", "SOAK_DATABASE": "sqlite", "SOAK_READERS": "1", "SOAK_GROWTH_LIMIT": "1"}

    result = subprocess.run(
        [sys.executable, "-m", "soak"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )

    report = result.stdout
    assert result.returncode == 0, report + result.stderr[-3000:]
    assert re.search(r"\| read \| 200 \| [\d,]+ \|", report)
    assert re.search(r"\| comment post \| 302 \| [\d,]+ \|", report)
    assert re.search(r"\| moderator \| 200 \| [\d,]+ \|", report)
    assert "5xx or unanswered: 0. Verdict: PASS." in report
    assert re.search(r"\| all workers \| \d+\.\d MB \| \d+\.\d MB \|", report)
    assert not re.search(r"^\| [a-z ]+ \| 5\d\d \|", report, re.MULTILINE)
    # Every comment is new, from an address of its own: none is refused as a flood or a duplicate.
    assert not re.search(r"^\| comment post \| 4\d\d \|", report, re.MULTILINE)
