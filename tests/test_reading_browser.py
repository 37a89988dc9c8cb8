"""A PDF as a real layout engine makes it: the corpus plan printed by headless Chromium.

Chromium justifies the lines, embeds a subset of a CJK font, and adds its own running header
(the date and the title) and footer (the file's address and ``1/9``) to every page: the PDF
reader gives back the text the page was made from, paragraph for paragraph. Needs Debian's
``chromium`` and a CJK font (``fonts-noto-cjk``, which .ci/run installs with it); skipped
where either is missing. The PDFs are made at test time, since a CJK font embedded by Chromium
makes them too large to keep in the repository.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

import targettrack as tt

pytest.importorskip("pypdfium2")
pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLAN = CORPUS / "hebei_2025_gov_work_report.txt"

#: Paragraphs marked by an indented first line, or by space between them and no indent.
STYLES = {
    "indented": "p { text-indent: 2em; margin: 0; }",
    "spaced": "p { text-indent: 0; margin: 0 0 0.8em 0; }",
}


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium here: install Debian's chromium to run this check")


def cjk_font() -> None:
    fc_list = shutil.which("fc-list")
    listed = (
        ""
        if fc_list is None
        else subprocess.run(
            [fc_list, ":lang=zh"], capture_output=True, text=True, check=False
        ).stdout
    )
    if not listed.strip():
        pytest.skip("no CJK font here: install Debian's fonts-noto-cjk to run this check")


def printed(tmp_path: Path, style: str) -> Path:
    cjk_font()
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line)
    page = tmp_path / "plan.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(lines[0])}</title><style>"
        "@page { size: A4; margin: 25mm; } "
        "body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 12pt; "
        "line-height: 1.6; text-align: justify; } "
        "h1 { text-align: center; font-size: 18pt; } "
        f"{STYLES[style]}</style></head><body><h1>{html.escape(lines[0])}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "plan.pdf"
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return pdf


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_pdf_printed_by_chromium_reads_as_its_text(tmp_path: Path, style: str) -> None:
    document = tt.read_document(printed(tmp_path, style))
    text = PLAN.read_text(encoding="utf-8")
    assert len(document.pages) >= 8
    assert document.text == text
    assert document.sha256 == tt.read_document(PLAN).sha256
