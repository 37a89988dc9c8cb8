"""The corpus page in a real headless Chromium: the table is drawn a page at a time and
filtered, with no console errors. Skipped where Debian's ``chromium`` is missing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from targettrack.corpus import audit_documents, find_documents, read_corpus
from targettrack.report import compare
from test_report_browser import browse, console_messages

pytestmark = pytest.mark.browser


def many_goals(region: str, year: int) -> str:
    """A work report with twenty goals for its year and the outcomes of the year before."""
    goals = "".join(f"力争城镇新增就业{100 + i}万人以上。\n" for i in range(20))
    return (
        f"{year}年{region}省政府工作报告\n各位代表:\n一、{year - 1}年工作回顾\n"
        f"{year - 1}年城镇新增就业110万人。\n二、{year}年主要目标\n{goals}"
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("corpus")
    for region, name in (("江苏", "jiangsu"), ("山东", "shandong"), ("湖北", "hubei")):
        for year in (2025, 2026):
            text = many_goals(region, year)
            (folder / f"{name}_{year}.txt").write_text(text, encoding="utf-8")
    result = audit_documents(read_corpus(find_documents([folder]), jobs=1), dt.date(2026, 12, 31))
    assert len(result.audit.verdicts) > 100
    path = folder / "corpus.html"
    path.write_text(compare.to_corpus_html(result), encoding="utf-8")
    return path, len(result.audit.verdicts)


def rows(dom: str) -> list[str]:
    body = re.search(r'<tbody id="rows">(.*?)</tbody>', dom, re.S)
    assert body is not None
    return re.findall(r'<td class="status-(\w+)">', body.group(1))


def test_the_table_shows_a_page_of_every_goal(page: tuple[Path, int]) -> None:
    path, goals = page
    done = browse(path, "--dump-dom")
    assert console_messages(done.stderr) == []
    assert len(rows(done.stdout)) == 100 < goals
    assert f"{goals} of {goals} goals" in done.stdout
    assert f"page 1 of {-(-goals // 100)}" in done.stdout


def test_a_filter_in_the_address_is_applied(page: tuple[Path, int]) -> None:
    path, goals = page
    done = browse(path, "--dump-dom", fragment="#status=missed")
    assert console_messages(done.stderr) == []
    shown = rows(done.stdout)
    assert shown and set(shown) == {"missed"}
    assert f"{len(shown)} of {goals} goals" in done.stdout
