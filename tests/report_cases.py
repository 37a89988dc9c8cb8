"""A small hand-made audit for the report and command-line tests.

Two documents: a plan with four goals and a report with three outcomes. One goal is met, one
missed, one not yet due, and one quotes a sentence holding ``<script>alert(1)</script>``
and other characters markup would read (&, ", |, *), so that every format has to escape it.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import yaml

import targettrack as tt

AS_OF = dt.date(2026, 3, 1)
SCRIPT = "<script>alert(1)</script>"

PLAN = "plan.txt"
REPORT = "report.txt"

PLAN_SENTENCES = [
    "一、主要目标。",
    "到2025年，新增国家级专精特新“小巨人”企业50家以上。",
    "数字经济核心产业增加值占生产总值比重达到15%。",
    f'规模以上工业增加值达到3000亿元{SCRIPT}（含 A&B "测试" |表格| *强调*）。',
    "到2027年，新增国家级专精特新“小巨人”企业80家以上。",
]
PLAN_TEXT = "\n\n".join(PLAN_SENTENCES) + "\n"

REPORT_SENTENCES = [
    "2025年全省经济运行情况。",
    "全年新增国家级专精特新“小巨人”企业93家。",
    "数字经济核心产业增加值占生产总值比重为13.6%。",
    "规模以上工业增加值3100亿元。",
]
REPORT_TEXT = "\n\n".join(REPORT_SENTENCES) + "\n"


def span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


GOAL_RECORDS: list[dict[str, Any]] = [
    {
        "id": "g-giants-2025",
        "region": "浙江",
        "metric": "little_giants_national_new",
        "comparator": "at_least",
        "target": "50家",
        "period": "2025年",
        **span(PLAN_TEXT, "新增国家级专精特新“小巨人”企业50家以上"),
    },
    {
        "id": "g-digital-share-2025",
        "region": "浙江",
        "metric": "digital_core_value_added_share_gdp",
        "comparator": "at_least",
        "target": "15%",
        "period": "2025年",
        "strength": "aspirational",
        **span(PLAN_TEXT, "数字经济核心产业增加值占生产总值比重达到15%"),
    },
    {
        "id": "g-industry-2025",
        "region": "浙江",
        "metric": "industrial_value_added",
        "comparator": "at_least",
        "target": "3000亿元",
        "period": "2025年",
        "note": f"a note with {SCRIPT}",
        **span(PLAN_TEXT, f'规模以上工业增加值达到3000亿元{SCRIPT}（含 A&B "测试" |表格| *强调*）'),
    },
    {
        "id": "g-giants-2027",
        "region": "浙江",
        "metric": "little_giants_national_new",
        "comparator": "at_least",
        "target": "80家",
        "period": "2027年",
        **span(PLAN_TEXT, "新增国家级专精特新“小巨人”企业80家以上"),
    },
]

OUTCOME_RECORDS: list[dict[str, Any]] = [
    {
        "id": "o-giants-2025",
        "region": "浙江",
        "metric": "little_giants_national_new",
        "value": "93家",
        "period": "2025年",
        **span(REPORT_TEXT, "新增国家级专精特新“小巨人”企业93家"),
    },
    {
        "id": "o-digital-share-2025",
        "region": "浙江",
        "metric": "digital_core_value_added_share_gdp",
        "value": "13.6%",
        "period": "2025年",
        **span(REPORT_TEXT, "数字经济核心产业增加值占生产总值比重为13.6%"),
    },
    {
        "id": "o-industry-2025",
        "region": "浙江",
        "metric": "industrial_value_added",
        "value": "3100亿元",
        "period": "2025年",
        **span(REPORT_TEXT, "规模以上工业增加值3100亿元"),
    },
]

TEXTS = {PLAN: PLAN_TEXT, REPORT: REPORT_TEXT}

EXPECTED = {
    "g-giants-2025": "met",
    "g-digital-share-2025": "missed",
    "g-industry-2025": "met",
    "g-giants-2027": "unreported",
}


def build_audit(as_of: dt.date = AS_OF) -> tt.Audit:
    goals = [tt.Goal.from_record(r, doc=PLAN, text=PLAN_TEXT) for r in GOAL_RECORDS]
    outcomes = [tt.Outcome.from_record(r, doc=REPORT, text=REPORT_TEXT) for r in OUTCOME_RECORDS]
    documents = [
        tt.SourceDocument(PLAN, "某省制造业发展规划", dt.date(2022, 8, 30)),
        tt.SourceDocument(REPORT, "某省2025年经济运行情况", dt.date(2026, 1, 20)),
    ]
    return tt.audit(goals, outcomes, as_of, documents=documents)


def write_dataset(folder: Path) -> tuple[Path, Path]:
    """The two documents as dataset files in ``folder``: (plan.yaml, report.yaml)."""
    (folder / PLAN).write_text(PLAN_TEXT, encoding="utf-8")
    (folder / REPORT).write_text(REPORT_TEXT, encoding="utf-8")
    plan = folder / "plan.yaml"
    report = folder / "report.yaml"
    plan.write_text(
        yaml.safe_dump(
            {
                "document": PLAN,
                "title": "某省制造业发展规划",
                "issued": "2022-08-30",
                "goals": GOAL_RECORDS,
            },
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    report.write_text(
        yaml.safe_dump(
            {
                "document": REPORT,
                "title": "某省2025年经济运行情况",
                "issued": "2026-01-20",
                "outcomes": OUTCOME_RECORDS,
            },
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return plan, report


# -- a small HTML tree, to check pages structurally -------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@attrs.define
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = attrs.field(factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.iter()
        return found

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag and (cls is None or cls in (n.attrs.get("class") or "").split())
        ]


class TreeBuilder(HTMLParser):
    """A tree of the page; fails on a closing tag that does not close the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attributes))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attributes)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root
