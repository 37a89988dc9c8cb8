"""A corpus audited at once: documents told apart by their text, plans paired with the later
documents of the same government, the same result on one core, many, or a Dask cluster."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import cli
from targettrack.corpus import (
    CorpusDocument,
    DocumentEntry,
    audit_documents,
    corpus_entries,
    find_documents,
    load_manifest,
    pair_documents,
    read_corpus,
)
from targettrack.corpus_eval import corpus_dir, load_pairs
from targettrack.report import compare, terminal

AS_OF = dt.date(2026, 12, 31)
REGIONS = {"江苏": "jiangsu", "山东": "shandong", "湖北": "hubei"}


def work_report(region: str, year: int, growth: str, jobs: int) -> str:
    """A short 政府工作报告: the header, a review of the year before, the year's targets."""
    return (
        f"{year}年{region}省政府工作报告\n各位代表:\n一、{year - 1}年工作回顾\n"
        f"{year - 1}年地区生产总值增长{growth}%,城镇新增就业{jobs}万人。\n"
        f"二、{year}年主要目标\n今年地区生产总值增长5%以上,城镇新增就业120万人以上。\n"
    )


def write_corpus(folder: Path) -> Path:
    """Three governments, 2024–2026; 湖北 reports GDP growth below its target in 2026."""
    folder.mkdir(parents=True, exist_ok=True)
    for region, name in REGIONS.items():
        for year in (2024, 2025, 2026):
            growth = "4.1" if region == "湖北" and year == 2026 else f"5.{year % 7}"
            text = work_report(region, year, growth, 100 + year % 50)
            (folder / f"{name}_{year}.txt").write_text(text, encoding="utf-8")
    return folder


def read(folder: Path, **options: object) -> list[CorpusDocument]:
    return list(read_corpus(find_documents([folder]), **options))  # type: ignore[arg-type]


def rows(result: object) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(compare.to_corpus_csv(result))))  # type: ignore[arg-type]


# -- documents and pairs ------------------------------------------------------------------------


def test_documents_are_told_by_their_text_and_paired_by_government_and_year(
    tmp_path: Path,
) -> None:
    documents = read(write_corpus(tmp_path / "c"), jobs=1)
    assert [(d.government, d.year, d.role) for d in documents[:3]] == [
        ("湖北", 2024, "report"),
        ("湖北", 2025, "report"),
        ("湖北", 2026, "report"),
    ]
    pairs, unpaired = pair_documents(documents)
    # goals for the report's year: reviewed by the next year's report, not by later ones
    assert {(p.plan.name, tuple(r.name for r in p.reviews)) for p in pairs} == {
        (f"{n}_{year}.txt", (f"{n}_{year + 1}.txt",))
        for n in REGIONS.values()
        for year in (2024, 2025)
    }
    assert [u.document.name for u in unpaired] == [
        f"{n}_2026.txt" for n in sorted(REGIONS.values())
    ]
    assert all(u.awaiting_review for u in unpaired)


def test_a_plan_is_paired_up_to_the_year_after_its_last_goal(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    (folder / "jiangsu_2024.txt").write_text(
        work_report("江苏", 2024, "5.1", 120) + "到2025年,城镇新增就业累计达到300万人。\n",
        encoding="utf-8",
    )
    pairs, _ = pair_documents(read(folder, jobs=1))
    reviews = {p.plan.name: [r.name for r in p.reviews] for p in pairs}
    assert reviews["jiangsu_2024.txt"] == ["jiangsu_2025.txt", "jiangsu_2026.txt"]
    assert reviews["shandong_2024.txt"] == ["shandong_2025.txt"]


def test_every_goal_is_judged_once_against_its_own_government(tmp_path: Path) -> None:
    documents = read(write_corpus(tmp_path / "c"), jobs=1)
    result = audit_documents(documents, AS_OF)
    goals = [g.id for d in documents for g in d.goals]
    assert [v.goal.id for v in result.audit.verdicts] == goals
    table = rows(result)
    hubei = {
        (r["year"], r["indicator"], r["figure"]): r["status"]
        for r in table
        if r["government"] == "湖北"
    }
    assert hubei[("2025", "gdp", "growth")] == "missed"
    assert hubei[("2024", "gdp", "growth")] == "met"
    assert hubei[("2026", "gdp", "growth")] == "unreported"
    evidence = {
        v.goal.source.doc: {o.source.doc for o in v.evidence}
        for v in result.audit.verdicts
        if v.evidence
    }
    for doc, cited in evidence.items():
        assert {c.split("_")[0] for c in cited} == {doc.split("_")[0]}


def test_the_project_corpus_pairs_every_plan_with_its_review() -> None:
    documents = list(read_corpus(find_documents([corpus_dir()]), jobs=2))
    pairs, unpaired = pair_documents(documents)
    found = {p.plan.name: tuple(r.name for r in p.reviews) for p in pairs}
    # every gold pair, the plan with the work report that reviews it first
    assert {(g.plan, g.review) for g in load_pairs()} == {
        (plan, reviews[0]) for plan, reviews in found.items()
    }
    readme = (corpus_dir() / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| \S+ \| `(\S+)` \| `(\S+)` \| \d{4} \|$", readme, re.MULTILINE))
    assert listed <= {(plan, reviews[0]) for plan, reviews in found.items()} and len(listed) == 9
    # a budget-execution report reviews its government's year too: it joins the work report
    for plan, budget in [
        ("beijing_2025_gov_work_report.txt", "genres/beijing_2025_budget_report.pdf"),
        ("chongqing_2025_gov_work_report.txt", "genres/chongqing_2025_budget_report.pdf"),
    ]:
        assert budget in found[plan]
    # the latest report of each government sets goals nobody has reviewed yet, and a city's
    # bulletin has no plan of its city here: listed, never dropped
    assert sorted(u.document.name for u in unpaired) == sorted(
        {d.name for d in documents} - set(found)
    )
    bulletins = [u for u in unpaired if u.document.genre == "statistical_bulletin"]
    assert len(bulletins) == 12 and all("no earlier plan" in u.reason for u in bulletins)
    result = audit_documents(documents, AS_OF)
    assert len(result.audit.verdicts) == sum(len(d.goals) for d in documents)


def test_documents_in_subfolders_keep_their_folder_in_names_and_ids(tmp_path: Path) -> None:
    for year in (2025, 2026):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "jiangsu.txt").write_text(
            work_report("江苏", year, "5.4", 120), encoding="utf-8"
        )
    documents = read(tmp_path, jobs=1)
    assert [d.name for d in documents] == ["2025/jiangsu.txt", "2026/jiangsu.txt"]
    ids = [g.id for d in documents for g in d.goals]
    assert len(ids) == len(set(ids)) and ids[0].startswith("2025/jiangsu-g")
    result = audit_documents(documents, AS_OF)
    assert result.audit.verdict(ids[0]).status is tt.Status.MET


def test_what_cannot_be_paired_is_listed_and_its_goals_kept(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    (folder / "note.txt").write_text("力争城镇新增就业120万人以上。\n", encoding="utf-8")
    documents = read(folder, jobs=1)
    note = next(d for d in documents if d.name == "note.txt")
    # without a government its statements have no region: listed as not placed, not dropped
    assert note.government is None and not note.goals and note.unplaced
    assert any(w.endswith("note.txt: no goal or outcome could be placed") for w in note.warnings())
    result = audit_documents(documents, AS_OF)
    reasons = {u.document.name: u.reason for u in result.unpaired}
    assert "government could not be told" in reasons["note.txt"]
    assert set(note.unplaced) <= set(result.audit.unplaced)


# -- manifests ----------------------------------------------------------------------------------


def test_a_manifest_names_government_year_and_role(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("今年城镇新增就业120万人以上。\n", encoding="utf-8")
    (folder / "b.txt").write_text("城镇新增就业125万人。\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,government,year,role\ndocs/a.txt,江苏,2025,plan\ndocs/b.txt,江苏,2026,review\n",
        encoding="utf-8",
    )
    documents = list(read_corpus(load_manifest(manifest), jobs=1))
    assert [(d.name, d.government, d.year, d.role) for d in documents] == [
        ("docs/a.txt", "江苏", 2025, "plan"),
        ("docs/b.txt", "江苏", 2026, "review"),
    ]
    result = audit_documents(documents, AS_OF)
    assert [(p.plan.name, [r.name for r in p.reviews]) for p in result.pairs] == [
        ("docs/a.txt", ["docs/b.txt"])
    ]
    yaml_manifest = tmp_path / "manifest.yaml"
    yaml_manifest.write_text(
        "- {path: docs/a.txt, government: 江苏, year: 2025, role: plan}\n"
        "- {path: docs/b.txt, government: 江苏, year: 2026, role: review}\n",
        encoding="utf-8",
    )
    assert load_manifest(yaml_manifest) == load_manifest(manifest)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("path,government,year,role\nnothere.txt,江苏,2025,plan\n", ":2: path: no such file"),
        ("path,government,year,role\na.txt,江苏,twenty,plan\n", ":2: year: expected a year"),
        ("path,government,year,role\na.txt,江苏,2025,summary\n", ":2: role: expected one of"),
        ("path,region\na.txt,江苏\n", ":1: expected columns among"),
        ("path,government,year,role\n", "the manifest is empty"),
    ],
)
def test_a_bad_manifest_is_one_line_naming_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, expected: str
) -> None:
    (tmp_path / "a.txt").write_text("城镇新增就业125万人。\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(body, encoding="utf-8")
    assert cli.main(["audit", "--manifest", str(manifest)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1 and expected in captured.err
    assert str(manifest) in captured.err


def test_two_documents_of_one_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for folder in ("x", "y"):
        (tmp_path / folder / "a.txt").write_text("城镇新增就业125万人。\n", encoding="utf-8")
    with pytest.raises(tt.DataError, match="expected one document named 'a'"):
        corpus_entries([tmp_path / "x", tmp_path / "y"])


def test_an_empty_folder_is_an_error_not_zero_goals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["audit", str(tmp_path / "empty")]) == 1
    assert "found none" in capsys.readouterr().err


# -- the same result however it runs -------------------------------------------------------------


def test_processes_give_the_serial_result_in_the_serial_order(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    serial = read(folder, jobs=1)
    parallel = read(folder, jobs=2)
    assert parallel == serial
    judged = audit_documents(serial, AS_OF)
    assert audit_documents(parallel, AS_OF, jobs=2).audit == judged.audit
    seen: list[str] = []
    read(folder, jobs=2, progress=lambda d: seen.append(d.name))
    assert sorted(seen) == sorted(d.name for d in serial)


def test_a_dask_cluster_gives_the_serial_result(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = write_corpus(tmp_path / "c")
    serial = audit_documents(read(folder, jobs=1), AS_OF)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = tt.audit_corpus([folder], client=client, as_of=AS_OF)
    assert on_dask.audit == serial.audit
    assert compare.to_corpus_csv(on_dask) == compare.to_corpus_csv(serial)


def test_the_command_gives_the_same_csv_on_one_core_and_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(write_corpus(tmp_path / "c"))
    outputs = []
    for jobs in ("1", "2"):
        status = cli.main(["audit", folder, "--as-of", "2026-12-31", "-f", "csv", "-j", jobs])
        captured = capsys.readouterr()
        assert status == 0
        outputs.append(captured.out)
        # nothing but the results on a pipe: no progress bar, only the unpaired plans named
        assert captured.err.count("\n") == 1 and "3 plans with no later document" in captured.err
    assert outputs[0] == outputs[1]
    assert outputs[0].splitlines()[0] == ",".join(compare.CORPUS_COLUMNS)


def test_jobs_must_be_a_positive_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", str(write_corpus(tmp_path / "c")), "-j", "0"]) == 1
    assert "--jobs: expected a number of processes >= 1, got 0" in capsys.readouterr().err


# -- what the report shows ----------------------------------------------------------------------


def test_summaries_are_recomputed_from_the_csv_with_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    result = audit_documents(read(write_corpus(tmp_path / "c"), jobs=1), AS_OF)
    frame = pd.read_csv(io.StringIO(compare.to_corpus_csv(result)))
    standard = frame[frame["standard"]]

    def one(statuses: object) -> str:
        return compare.combined_status(list(statuses))  # type: ignore[call-overload]

    cells = standard.groupby(["indicator", "figure", "year", "government"])["status"].agg(one)
    met = cells.eq("met").groupby(level=[0, 1, 2]).sum()
    total = cells.groupby(level=[0, 1, 2]).size()
    for summary in compare.indicator_summaries(compare.corpus_rows(result)):
        key = (summary.indicator, summary.figure, summary.year)
        assert (summary.met, summary.governments) == (met[key], total[key])
    [gdp] = [
        s
        for s in compare.indicator_summaries(compare.corpus_rows(result))
        if (s.indicator, s.figure, s.year) == ("gdp", "growth", 2025)
    ]
    assert gdp.sentence() == (
        "Gross regional product (GDP) growth, 2025: 2 of 3 governments met their target "
        "(1 missed, 0 unreported)"
    )


def test_the_page_has_the_heat_map_the_summaries_and_every_goal(tmp_path: Path) -> None:
    result = audit_documents(read(write_corpus(tmp_path / "c"), jobs=1), AS_OF)
    page = compare.to_corpus_html(result)
    assert page.count('<table class="heat">') == 3  # 2024, 2025, 2026
    assert 'class="cell missed" title="湖北 · 地区生产总值（增速） · 2025: missed"' in page
    assert "2 of 3 governments met their target" in page
    data = json.loads(re.search(r'id="goal-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert len(data["rows"]) == len(result.audit.verdicts)
    assert "</script" not in re.search(r'id="goal-data">(.*?)</script>', page, re.S).group(1)  # type: ignore[union-attr]


def test_json_lines_hold_one_verdict_a_line(tmp_path: Path) -> None:
    result = audit_documents(read(write_corpus(tmp_path / "c"), jobs=1), AS_OF)
    out = io.StringIO()
    assert compare.write_corpus_jsonl(result, out) == len(result.audit.verdicts)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["verdict"]["goal"]["id"] for line in lines] == [
        v.goal.id for v in result.audit.verdicts
    ]
    assert {line["government"] for line in lines} == set(REGIONS)


def test_the_screen_summary_fits_the_terminal(tmp_path: Path) -> None:
    result = audit_documents(read(write_corpus(tmp_path / "c"), jobs=1), AS_OF)
    for width, height in ((80, 24), (60, 12)):
        text = terminal.to_screen(result.audit, width=width, height=height)
        lines = text.splitlines()
        assert len(lines) <= height - 1
        assert all(sum(2 if ord(c) > 0x2E80 else 1 for c in line) <= width for line in lines)
        assert lines[0].startswith(f"{len(result.audit.verdicts)} goals as of 2026-12-31")
        assert "missed (1):" in lines
        assert lines[-1].startswith("every goal: add --long")


def test_a_corpus_on_a_pipe_lists_every_goal_and_the_unpaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(write_corpus(tmp_path / "c"))
    assert cli.main(["audit", folder, "--as-of", "2026-12-31"]) == 0
    out = capsys.readouterr().out
    result = audit_documents(read(Path(folder), jobs=1), AS_OF)
    assert all(v.goal.id in out for v in result.audit.verdicts)
    assert out.count("not paired: ") == 3


def test_audit_verdict_is_a_lookup(tmp_path: Path) -> None:
    result = audit_documents(read(write_corpus(tmp_path / "c"), jobs=1), AS_OF)
    for verdict in result.audit.verdicts:
        assert result.audit.verdict(verdict.goal.id) is verdict
    with pytest.raises(KeyError, match="no goal 'nothing'"):
        result.audit.verdict("nothing")


def test_an_entry_names_a_role_it_knows() -> None:
    with pytest.raises(tt.DataError, match="role: expected one of plan, review, report"):
        DocumentEntry("a.txt", "a.txt", role="summary")


def test_on_a_terminal_the_audit_fits_the_screen_and_long_lists_every_goal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    assert cli.main(["audit", "--as-of", "2026-01-15"]) == 0
    piped = capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "90")
    monkeypatch.setenv("LINES", "30")
    assert cli.main(["audit", "--as-of", "2026-01-15"]) == 0
    screen = capsys.readouterr().out.splitlines()
    assert len(screen) < 30 < len(piped.splitlines())
    assert screen[0] == piped.splitlines()[0][: len(screen[0])]
    assert any(line.startswith("missed (") for line in screen)
    assert cli.main(["audit", "--as-of", "2026-01-15", "--long"]) == 0
    assert capsys.readouterr().out == piped


def test_json_lines_from_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(write_corpus(tmp_path / "c"))
    target = tmp_path / "goals.jsonl"
    assert cli.main(["audit", folder, "--as-of", "2026-12-31", "-o", str(target)]) == 0
    assert "18 goals as of 2026-12-31" in capsys.readouterr().out
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 18 and all(json.loads(line)["government"] for line in lines)
    assert cli.main(["audit", "--format", "jsonl"]) == 1
    assert "--format jsonl: JSON lines are written for a corpus" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_streamed_corpus_writes_what_the_whole_audit_writes(tmp_path: Path, jobs: int) -> None:
    from targettrack.corpus import stream_corpus

    folder = write_corpus(tmp_path / "c")
    (folder / "note.txt").write_text("力争城镇新增就业120万人以上。\n", encoding="utf-8")
    whole = audit_documents(read(folder, jobs=1), AS_OF)
    entries = find_documents([folder])
    for writer in (compare.write_corpus_csv, compare.write_corpus_jsonl):
        expected = io.StringIO()
        writer(whole, expected)
        with stream_corpus(entries, AS_OF, jobs=jobs) as streamed:
            # the documents are kept without their records, which wait in a temporary folder
            assert all(not d.goals and d.spill for d in streamed.documents)
            assert [u.document.name for u in streamed.unpaired] == [
                u.document.name for u in whole.unpaired
            ]
            written = io.StringIO()
            writer(streamed, written)
            assert written.getvalue() == expected.getvalue()
            assert streamed.summary() == whole.summary()
        assert not Path(streamed.documents[0].spill or "").exists()  # removed afterwards


def test_on_a_terminal_a_progress_bar_is_drawn_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    folder = str(write_corpus(tmp_path / "c"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    for output in ("goals.csv", "goals.html"):
        target = tmp_path / output
        assert cli.main(["audit", folder, "--as-of", "2026-12-31", "-o", str(target)]) == 0
        captured = capsys.readouterr()
        # (the counts are redrawn ten times a second at most: the bars themselves are checked)
        assert "reading:" in captured.err and "/9 [" in captured.err and "doc/s" in captured.err
        assert "judging:" in captured.err and "plan/s" in captured.err
        assert "reading" not in captured.out and target.exists()


def test_the_command_on_a_dask_scheduler_gives_the_serial_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    distributed = pytest.importorskip("distributed")
    folder = str(write_corpus(tmp_path / "c"))
    assert cli.main(["audit", folder, "--as-of", "2026-12-31", "-f", "csv", "-j", "1"]) == 0
    serial = capsys.readouterr().out
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        argv = ["audit", folder, "--as-of", "2026-12-31", "-f", "csv"]
        assert cli.main([*argv, "--scheduler", cluster.scheduler_address]) == 0
    assert capsys.readouterr().out == serial


def test_region_and_year_are_what_to_assume_where_the_text_does_not_say(tmp_path: Path) -> None:
    from targettrack.corpus import read_corpus_document

    note = tmp_path / "note.txt"
    note.write_text("力争城镇新增就业120万人以上。\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(work_report("江苏", 2025, "5.4", 120), encoding="utf-8")
    read = read_corpus_document(DocumentEntry(str(note), "note.txt"), region="山东", year=2025)
    assert (read.government, read.year, read.goal_count) == ("山东", 2025, 1)
    told = read_corpus_document(DocumentEntry(str(report), "report.txt"), region="山东", year=2020)
    assert (told.government, told.year) == ("江苏", 2025)


def test_hidden_folders_are_passed_over(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "jiangsu_2025.txt").write_text("x", encoding="utf-8")
    assert [e.name for e in find_documents([folder])] == sorted(
        p.name for p in folder.glob("*.txt")
    )


@pytest.mark.parametrize("option", [["--jobs", "2"], ["--scheduler", "tcp://127.0.0.1:1"]])
def test_an_option_for_a_corpus_given_with_single_files_is_refused(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # without a folder or a manifest nothing is read in parallel: the option is not ignored
    seed = str(Path(__file__).resolve().parents[1] / "seeds" / "000_6faf6b9d7d4512a8.txt")
    assert cli.main(["audit", seed, *option]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ValueError: {option[0]}: documents are read on several cores")
    assert len(err.splitlines()) == 1
