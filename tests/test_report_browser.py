"""The seed audit's HTML in a real headless Chromium: no console errors, the script runs.

Needs Debian's ``chromium`` (``apt-get install chromium``); skipped where it is missing.
With ``TARGETTRACK_WRITE_SCREENSHOT=1`` the screenshot is written to ``docs/img/audit.png``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import report

pytestmark = pytest.mark.browser

AS_OF = dt.date(2026, 1, 15)
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "img" / "audit.png"
WIDTH, HEIGHT = 1280, 2000


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            fonts = shutil.which("fc-list")
            if fonts and not subprocess.run([fonts], capture_output=True, text=True).stdout.strip():
                # Chromium aborts drawing a page when the machine has no font at all
                pytest.skip("no font here at all: install Debian's fonts-liberation to run it")
            return found
    pytest.skip("no headless Chromium here: install Debian's chromium to run the browser check")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = tt.load_dataset()
    path = tmp_path_factory.mktemp("browser") / "audit.html"
    path.write_text(report.to_html(tt.audit_dataset(dataset, AS_OF), dataset.texts()), "utf-8")
    return path


def browse(page: Path, *options: str, fragment: str = "") -> subprocess.CompletedProcess[str]:
    profile = page.parent / f"profile-{os.getpid()}-{len(options)}"
    done = subprocess.run(
        [
            chromium(),
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *options,
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_messages(stderr: str) -> list[str]:
    """Lines the page wrote to the console: logs, errors and uncaught exceptions."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def test_the_page_runs_its_script_without_console_errors(page: Path) -> None:
    done = browse(page, "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = done.stdout
    goals = len(tt.load_dataset().goals)
    assert re.search(r'<form id="controls" class="controls">', dom), "the script shows the controls"
    assert f"{goals} of {goals} goals shown" in dom


def test_a_filter_in_the_address_is_applied(page: Path) -> None:
    done = browse(page, "--dump-dom", fragment="#status=missed&sort=ratio")
    assert console_messages(done.stderr) == []
    rows = re.findall(r'<tbody class="goal (\w+)"[^>]*?( hidden="")?>', done.stdout)
    shown = [status for status, hidden in rows if not hidden]
    assert shown and set(shown) == {"missed"}
    assert f"{len(shown)} of {len(rows)} goals shown" in done.stdout


def test_the_screenshot(page: Path) -> None:
    shot = page.parent / "audit.png"
    # sorted by status, so that the goals met and missed come first
    done = browse(
        page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", fragment="#sort=status"
    )
    assert console_messages(done.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    if os.environ.get("TARGETTRACK_WRITE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
