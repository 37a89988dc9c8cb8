"""The JSON report: valid against its shipped schema, and the contract of issue 4 field by field."""

from __future__ import annotations

import json
import math
from typing import Any

import jsonschema
import pytest

import report_cases as rc
import targettrack as tt
from targettrack import report

CONTRACT_TOP = {"as_of", "sources", "verdicts"}
CONTRACT_VERDICT = {
    "goal",
    "status",
    "reason",
    "provisional",
    "not_yet_due",
    "achieved_ratio",
    "evidence",
}
CONTRACT_GOAL = {"id", "region", "metric", "text", "comparator", "target", "period", "source"}
CONTRACT_EVIDENCE = {"id", "value", "unit", "period", "source"}
CONTRACT_SOURCE = {"doc", "start", "end", "quote"}


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return report.to_json(rc.build_audit())


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(report.schema())


def test_the_report_validates_against_the_schema(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(report.schema()).validate(data)


def test_the_schema_rejects_a_verdict_without_a_contract_field(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(report.schema())
    for field in CONTRACT_VERDICT:
        broken = json.loads(json.dumps(data))
        del broken["verdicts"][0][field]
        assert not validator.is_valid(broken), field
    broken = json.loads(json.dumps(data))
    broken["verdicts"][0]["status"] = "done"
    assert not validator.is_valid(broken)


def test_every_contract_field_is_there(data: dict[str, Any]) -> None:
    assert set(data) >= CONTRACT_TOP
    for verdict in data["verdicts"]:
        assert set(verdict) >= CONTRACT_VERDICT
        assert set(verdict["goal"]) >= CONTRACT_GOAL
        assert set(verdict["goal"]["target"]) >= {"value", "unit"}
        assert set(verdict["goal"]["source"]) == CONTRACT_SOURCE
        for evidence in verdict["evidence"]:
            assert set(evidence) >= CONTRACT_EVIDENCE
            assert set(evidence["source"]) == CONTRACT_SOURCE


def test_one_verdict_per_goal_in_goal_order(data: dict[str, Any]) -> None:
    assert [v["goal"]["id"] for v in data["verdicts"]] == [r["id"] for r in rc.GOAL_RECORDS]
    assert {v["goal"]["id"]: v["status"] for v in data["verdicts"]} == rc.EXPECTED


def test_the_values(data: dict[str, Any]) -> None:
    assert data["as_of"] == "2026-03-01"
    assert data["sources"] == [
        {
            "doc": "plan.txt",
            "title": "某省制造业发展规划",
            "issued": "2022-08-30",
            "left_out": False,
        },
        {
            "doc": "report.txt",
            "title": "某省2025年经济运行情况",
            "issued": "2026-01-20",
            "left_out": False,
        },
    ]
    assert (data["left_out"], data["undated"]) == ([], [])
    missed = data["verdicts"][1]
    assert missed["goal"]["comparator"] == "at_least"
    assert missed["goal"]["target"] == {"value": 15.0, "unit": "%", "text": "15%"}
    assert missed["goal"]["period"] == "2025年"
    assert missed["goal"]["text"] == "浙江 数字经济核心产业增加值占生产总值比重 ≥ 15%（2025年）"
    assert missed["goal"]["strength"] == "aspirational"
    assert missed["achieved"] == {"value": 13.6, "unit": "%", "text": "13.6%"}
    assert missed["achieved_ratio"] == pytest.approx(13.6 / 15)
    assert missed["provisional"] is False
    assert [e["id"] for e in missed["evidence"]] == ["o-digital-share-2025"]
    evidence = missed["evidence"][0]
    assert (evidence["value"], evidence["unit"], evidence["period"]) == (13.6, "%", "2025年")
    pending = data["verdicts"][3]
    assert pending["status"] == "unreported"
    assert pending["not_yet_due"] is True
    assert pending["achieved"] is None
    assert pending["achieved_ratio"] is None
    assert pending["evidence"] == []
    assert data["summary"] == {
        "goals": 4,
        "met": 2,
        "missed": 1,
        "unreported": 1,
        "not_yet_due": 1,
        "provisional": 0,
        "judged_share": 0.75,
    }


def test_offsets_point_into_the_original_texts(data: dict[str, Any]) -> None:
    sources = [v["goal"]["source"] for v in data["verdicts"]]
    sources += [e["source"] for v in data["verdicts"] for e in v["evidence"]]
    assert sources
    for source in sources:
        assert rc.TEXTS[source["doc"]][source["start"] : source["end"]] == source["quote"]


def test_json_text_is_the_same_document_with_characters_kept() -> None:
    audit = rc.build_audit()
    text = report.json_text(audit)
    assert json.loads(text) == report.to_json(audit)
    assert "数字经济" in text and rc.SCRIPT in text  # JSON is data: not HTML-escaped
    assert text.endswith("}\n")


def test_no_number_is_nan_or_infinite(data: dict[str, Any]) -> None:
    def walk(value: Any) -> None:
        if isinstance(value, float):
            assert math.isfinite(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    json.dumps(data, allow_nan=False)


def test_a_recurring_goal_lists_its_years() -> None:
    text = "每年新增国家级专精特新“小巨人”企业10家。2024年新增12家。"
    goal = tt.Goal.from_record(
        {
            "id": "annual",
            "region": "浙江",
            "metric": "little_giants_national_new",
            "comparator": "at_least",
            "target": "10家",
            "period": "2025年",
            "recurrence": "annual",
            "span": "2024—2025年",
            **rc.span(text, "每年新增国家级专精特新“小巨人”企业10家"),
        },
        doc="a.txt",
        text=text,
    )
    outcome = tt.Outcome.from_record(
        {
            "id": "o2024",
            "region": "浙江",
            "metric": "little_giants_national_new",
            "value": "12家",
            "period": "2024年",
            **rc.span(text, "2024年新增12家"),
        },
        doc="a.txt",
        text=text,
    )
    data = report.to_json(tt.audit([goal], [outcome], rc.AS_OF))
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    years = data["verdicts"][0]["years"]
    assert [(y["year"], y["status"]) for y in years] == [(2024, "met"), (2025, "unreported")]
    assert years[0]["evidence"] == ["o2024"]
