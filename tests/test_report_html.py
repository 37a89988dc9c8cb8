"""The HTML report, parsed: one self-contained page, every document text escaped, a row per goal."""

from __future__ import annotations

import re

import attrs
import pytest

import report_cases as rc
import targettrack as tt
from report_cases import Node, parse
from targettrack import report


@pytest.fixture(scope="module")
def page() -> str:
    return report.to_html(rc.build_audit(), rc.TEXTS)


@pytest.fixture(scope="module")
def tree(page: str) -> Node:
    return parse(page)


def test_the_page_is_well_formed(page: str, tree: Node) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert [n.tag for n in tree.children if isinstance(n, Node)] == ["html"]
    assert tree.find_all("meta")[0].attrs == {"charset": "utf-8"}


def test_a_document_s_script_is_shown_as_text_and_never_runs(page: str, tree: Node) -> None:
    scripts = tree.find_all("script")
    assert len(scripts) == 1  # the page's own filter script, and nothing else
    assert "alert" not in scripts[0].text()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    quoted = [n for n in tree.find_all("span", "quoted") if rc.SCRIPT in n.text()]
    assert quoted, "the quote shows the script as text"
    notes = [n for n in tree.find_all("p", "note") if rc.SCRIPT in n.text()]
    assert notes, "the curator's note shows it as text too"


def test_text_in_attributes_cannot_open_new_attributes() -> None:
    audit = rc.build_audit()
    hostile = '浙江" onmouseover="alert(1)'
    goal = attrs.evolve(audit.verdicts[0].goal, region=hostile)
    verdict = attrs.evolve(audit.verdicts[0], goal=goal)
    audit = attrs.evolve(audit, verdicts=[verdict, *audit.verdicts[1:]])
    tree = parse(report.to_html(audit, rc.TEXTS))
    for node in tree.iter():
        assert not any(name.startswith("on") for name in node.attrs), node
    rows = tree.find_all("tbody", "goal")
    assert rows[0].attrs["data-region"] == hostile


def test_one_row_per_goal_in_order(tree: Node) -> None:
    rows = tree.find_all("tbody", "goal")
    assert [r.attrs["data-status"] for r in rows] == list(rc.EXPECTED.values())
    assert [r.attrs["id"] for r in rows] == [f"goal-{goal_id}" for goal_id in rc.EXPECTED]
    for row in rows:
        badges = row.find_all("span", "badge")
        assert [b.text() for b in badges] == [row.attrs["data-status"]]


def test_each_row_shows_metric_target_period_evidence_bar_reason_and_quotes(tree: Node) -> None:
    row = tree.find_all("tbody", "goal")[1]  # the missed digital-economy share
    assert row.attrs["data-region"] == "浙江"
    assert row.attrs["data-theme"] == "digital"
    assert float(row.attrs["data-ratio"] or "nan") == pytest.approx(13.6 / 15)
    metric = row.find_all("td", "metric")[0]
    assert "数字经济核心产业增加值占生产总值比重" in metric.text()
    assert "Digital-economy core industries" in metric.text()
    target = row.find_all("td", "target")[0].text()
    assert "≥ 15%" in target and "2025年" in target
    assert "13.6%" in row.find_all("td", "achieved")[0].text()
    bars = row.find_all("svg", "bar")
    assert len(bars) == 1 and bars[0].find_all("line", "target")
    assert "90.7% of target" in row.find_all("td", "bar")[0].text()
    assert "13.6% < 15%" in row.find_all("p", "reason")[0].text()
    quotes = row.find_all("figure", "q")
    assert [q.attrs["class"] for q in quotes] == ["q goal", "q evidence"]
    goal_quote, evidence_quote = quotes
    assert "plan.txt [" in goal_quote.find_all("cite")[0].text()
    assert "report.txt [40:64]" in evidence_quote.find_all("cite")[0].text()
    assert [m.text() for m in goal_quote.find_all("mark")] == ["15%"]
    assert [m.text() for m in evidence_quote.find_all("mark")] == ["13.6%"]
    # the sentence around the quote is shown as context
    assert evidence_quote.find_all("span", "ctx")[-1].text() == "。"


def test_the_header_and_summary(tree: Node) -> None:
    header = tree.find_all("header")[0].text()
    assert "2026-03-01" in header
    assert "浙江" in header
    assert "plan.txt" in header and "某省制造业发展规划" in header
    cards = {
        n.attrs["class"]: n.find_all("span", "count")[0].text()
        for n in tree.find_all("div", "card")
    }
    assert cards == {
        "card met": "2",
        "card missed": "1",
        "card unreported": "1",
        "card judged": "75%",
    }
    charts = tree.find_all("svg", "chart")
    assert len(charts) == 2  # by region, by theme
    labels = [t.text() for t in charts[1].find_all("text", "label")]
    assert sorted(labels) == ["digital", "enterprises", "industry"]


def test_the_page_fetches_nothing(page: str, tree: Node) -> None:
    for node in tree.iter():
        assert node.tag not in {"link", "img", "iframe", "object", "embed"}
        for name in ("src", "href", "srcset", "data", "action"):
            assert name not in node.attrs, (node.tag, name)
    assert not re.search(r"url\(|@import|https?://", page)


def test_the_controls_need_the_script_and_the_print_css_is_there(tree: Node, page: str) -> None:
    form = tree.find_all("form", "controls")[0]
    assert "hidden" in form.attrs
    assert "@media print" in page


def test_without_texts_the_quotes_stand_alone() -> None:
    tree = parse(report.to_html(rc.build_audit()))
    assert not tree.find_all("span", "ctx")
    assert len(tree.find_all("span", "quoted")) == 4 + 3


def test_the_notebook_summary_is_escaped_and_has_no_script() -> None:
    fragment = report.summary_html(rc.build_audit())
    tree = parse(fragment)
    assert not tree.find_all("script")
    assert len(tree.find_all("tr")) == 1 + 4
    assert "4 goals as of 2026-03-01: 2 met, 1 missed, 1 unreported" in fragment


def test_an_empty_audit_renders() -> None:
    tree = parse(report.to_html(tt.audit([], [], rc.AS_OF)))
    assert not tree.find_all("tbody", "goal")
