"""Hostile input to the command line, round 3: outputs that replaced what they should not,
file names that reached the terminal or a CSV reader raw, corpus folders and manifests that
led outside themselves, signals, schedulers and worker counts.

Each test here failed before the fix it stands for (a replaced file, a leak, a traceback, a
hang or a silent wrong).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from targettrack import cli


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def work_report(region: str, year: int, growth: str) -> str:
    """A short 政府工作报告: the header, a review of the year before, the year's targets."""
    return (
        f"{year}年{region}省政府工作报告\n各位代表:\n一、{year - 1}年工作回顾\n"
        f"{year - 1}年地区生产总值增长{growth}%,城镇新增就业100万人。\n"
        f"二、{year}年主要目标\n今年地区生产总值增长5%以上,城镇新增就业120万人以上。\n"
    )


def write_pair(folder: Path, region: str = "江苏") -> Path:
    """A plan (the 2025 report) and its review (the 2026 report) of one government."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.txt").write_text(work_report(region, 2025, "5.8"), encoding="utf-8")
    (folder / "review.txt").write_text(work_report(region, 2026, "5.6"), encoding="utf-8")
    return folder


def write_manifest(folder: Path) -> Path:
    manifest = folder / "m.csv"
    manifest.write_text(
        "path,government,year,role\nplan.txt,江苏,2025,report\nreview.txt,江苏,2026,report\n",
        encoding="utf-8",
    )
    return manifest


def command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "targettrack", *argv]


# -- outputs: what -o may replace -------------------------------------------------------------


@pytest.mark.parametrize("format", ["csv", "html", "text"])
def test_o_never_replaces_the_manifest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, format: str
) -> None:
    manifest = write_manifest(write_pair(tmp_path))
    before = manifest.read_bytes()
    status, out, err = run(
        capsys, "audit", "--manifest", str(manifest), "-f", format, "-o", str(manifest)
    )
    assert (status, out) == (1, "")
    assert one_error_line(err) == (
        f"OSError: {manifest}: an input of this command; the report would replace it"
    )
    assert manifest.read_bytes() == before


def test_o_keeps_the_mode_of_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    private = tmp_path / "private.txt"
    private.write_text("secret\n", encoding="utf-8")
    private.chmod(0o600)
    status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "-o", str(private))
    assert status == 0, err
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "secret" not in private.read_text(encoding="utf-8")


def test_o_creates_a_new_file_with_the_umask(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    target = tmp_path / "new.txt"
    umask = os.umask(0o027)
    try:
        status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "-o", str(target))
    finally:
        os.umask(umask)
    assert status == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another group needs root")
def test_o_keeps_the_owner_and_group_of_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    target = tmp_path / "shared.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 1, 1)
    target.chmod(0o640)
    status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "-o", str(target))
    assert status == 0, err
    status_after = target.stat()
    assert (status_after.st_uid, status_after.st_gid) == (1, 1)
    assert stat.S_IMODE(status_after.st_mode) == 0o640


@pytest.mark.parametrize("corpus", [False, True])
def test_o_with_standard_output_closed_replaces_nothing(tmp_path: Path, corpus: bool) -> None:
    folder = write_pair(tmp_path / "c")
    target = tmp_path / ("out.csv" if corpus else "out.html")
    target.write_text("kept\n", encoding="utf-8")
    given = [str(folder)] if corpus else [str(folder / "plan.txt")]
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *command("audit", *given, "-o", str(target))],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "OSError: <stdout>: standard output is closed\n"
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", target.name]


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "{c}", "-f", "csv", "-j", "1"],
        ["audit", "{c}", "-f", "jsonl", "-j", "1"],
        ["extract", "{c}/plan.txt"],
    ],
    ids=["corpus csv", "corpus jsonl", "extract"],
)
def test_streaming_outputs_with_standard_output_closed_are_one_line(
    tmp_path: Path, argv: list[str]
) -> None:
    folder = write_pair(tmp_path / "c")
    given = [part.replace("{c}", str(folder)) for part in argv]
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *command(*given)],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "OSError: <stdout>: standard output is closed\n"


# -- file names: in CSV cells and on the terminal ----------------------------------------------

CR_NAME = "x\r=1+1\r.txt"


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "{plan}", "--as-of", "2026-12-31"],
        ["audit", "{folder}", "--as-of", "2026-12-31", "-j", "1"],
        ["history", "{plan}", "--as-of", "2026-12-31"],
    ],
    ids=["audit", "corpus", "history"],
)
def test_a_carriage_return_in_a_file_name_stays_inside_its_csv_cell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    import pandas as pd

    def table(folder: Path, name: str) -> list[list[str]]:
        plan = folder / name
        plan.write_text(work_report("江苏", 2025, "5.8"), encoding="utf-8")
        output = tmp_path / f"{folder.name}.csv"
        given = [a.replace("{plan}", str(plan)).replace("{folder}", str(folder)) for a in argv]
        status, _, err = run(capsys, *given, "-f", "csv", "-o", str(output))
        assert status == 0, err
        assert len(pd.read_csv(output)) == len(csv_rows(output)) - 1
        return csv_rows(output)

    (tmp_path / "plain").mkdir()
    (tmp_path / "hostile").mkdir()
    plain, hostile = table(tmp_path / "plain", "x.txt"), table(tmp_path / "hostile", CR_NAME)
    assert len(hostile) == len(plain) > 1
    assert all(len(row) == len(hostile[0]) for row in hostile)
    assert not any(cell.startswith("=") for row in hostile for cell in row)
    assert any(CR_NAME[:-4] in cell for row in hostile for cell in row)


HOSTILE_NAMES = {
    "newline": "a\nFAKE: 100 goals met\n.txt",
    "escape": "b\x1b[2J\x1b[31mRED\x1b[0m.txt",
    "carriage return": "d\rOVERWRITE.txt",
    "bell": "f\x07\x08\x08.txt",
    "hyperlink": "g\x1b]8;;evil\x1b\\LINK\x1b]8;;\x1b\\.txt",
    "C1 CSI": "h\u009b31m.txt",
    "right-to-left override": "c\u202etxt.exe\u202c.txt",
}
#: What no line for the terminal may hold raw: C0 and C1 controls but the line feed ending a
#: line, and the bidi controls.
RAW = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"


def assert_terminal_safe(text: str) -> None:
    assert not re.search(RAW, text), repr(text)
    assert not any(line.startswith(("FAKE", "OVERWRITE")) for line in text.splitlines())


@pytest.mark.parametrize("name", list(HOSTILE_NAMES.values()), ids=list(HOSTILE_NAMES))
def test_a_hostile_file_name_never_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    # a plan alone: not paired, named in a warning and in the corpus report's last lines
    (folder / name).write_text(work_report("江苏", 2025, "5.8"), encoding="utf-8")
    for argv in (
        ["audit", str(folder), "--as-of", "2026-12-31", "-j", "1"],
        ["audit", str(folder / name), "--as-of", "2026-12-31", "--issued", f"{name}=2025-01-01"],
        ["text", str(folder / name)],
        ["audit", str(folder / name), "-o", str(tmp_path / "out.txt")],
    ):
        status, out, err = run(capsys, *argv)
        assert status == 0, err
        assert_terminal_safe(err)
        assert_terminal_safe(out if argv[0] == "audit" else "")
    status, out, err = run(capsys, "audit", str(tmp_path / f"missing-{name}"))
    assert status == 1
    assert one_error_line(err).startswith("DataError: ")
    assert_terminal_safe(err)


def test_a_line_break_in_a_file_name_is_shown_as_an_escape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "audit", str(tmp_path / "a\nb.txt"))
    assert status == 1
    assert err == f"DataError: {tmp_path}/a\\nb.txt: no such file\n"


def test_warnings_with_standard_error_closed_stay_out_of_the_report(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "plan.txt").write_text(work_report("江苏", 2025, "5.8"), encoding="utf-8")
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", *command("audit", str(folder), "-f", "json")],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "warning" not in done.stdout  # print(file=None) wrote them to standard output
    json.loads(done.stdout)


# -- what a corpus folder or a manifest may read ----------------------------------------------


def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SECRET-TITLE 机密\n" + work_report("河北", 2025, "5.1"), encoding="utf-8")
    return secret


def test_a_link_out_of_a_corpus_folder_is_not_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    secret = secret_file(tmp_path)
    (folder / "passwd.txt").symlink_to(secret)
    for format in ("json", "csv", "text"):
        status, out, err = run(capsys, "audit", str(folder), "-j", "1", "-f", format)
        assert (status, out) == (1, "")
        assert one_error_line(err) == (
            f"DataError: {folder / 'passwd.txt'}: a link to {secret}, outside the folder "
            f"{folder}: not read (a folder's documents are the files inside it; give that file "
            "itself instead)"
        )
    # the file itself, named on the command line, is read
    status, out, err = run(capsys, "audit", str(secret), "-f", "json")
    assert status == 0, err
    assert "SECRET-TITLE" in out


def test_a_corpus_folder_given_through_a_link_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    (folder / "kept").mkdir()
    (folder / "kept" / "hubei.text").write_text(work_report("湖北", 2025, "5.8"), encoding="utf-8")
    (folder / "hubei.txt").symlink_to(folder / "kept" / "hubei.text")  # inside: read
    link = tmp_path / "link"
    link.symlink_to(folder)
    status, out, err = run(capsys, "audit", str(link), "-j", "1", "-f", "json")
    assert status == 0, err
    assert '"hubei.txt"' in out


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("{secret},江苏,2025,report", "2: path: must be a path inside the folder of the manifest"),
        ("../elsewhere/secret.txt,,,", "2: path: must be a path inside the folder of the manifest"),
        ("link.txt,,,", "2: path: 'link.txt' is a link to {secret}, outside the folder of the "),
        ("plan.txt,,,\nplan.txt,,,", "3: path: 'plan.txt' is listed twice (first on line 2)"),
        ("plan.txt,,99999999999999999999,", "2: year: expected a year from 1 to 9999 such as"),
        ("plan.txt,,0,", "2: year: expected a year from 1 to 9999 such as 2025, got '0'"),
        ("plan.txt,,-2025,", "2: year: expected a year from 1 to 9999 such as 2025, got '-2025'"),
        ("plan.txt,江苏,2025,report,review.txt", "2: 5 cells, more than the 4 columns of the"),
    ],
    ids=[
        "absolute",
        "dot-dot",
        "link out",
        "a row twice",
        "huge year",
        "year 0",
        "year -2025",
        "extra cell",
    ],
)
def test_a_manifest_row_is_checked_where_it_stands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: str, message: str
) -> None:
    folder = write_pair(tmp_path / "c")
    secret = secret_file(tmp_path)
    (folder / "link.txt").symlink_to(secret)
    manifest = folder / "m.csv"
    manifest.write_text(
        "path,government,year,role\n" + rows.format(secret=secret) + "\n", encoding="utf-8"
    )
    status, out, err = run(capsys, "audit", "--manifest", str(manifest), "-f", "json")
    assert (status, out) == (1, "")
    line = one_error_line(err)
    assert line.startswith(f"DataError: {manifest}:" + message.format(secret=secret)), line
    assert "SECRET" not in err


def test_a_manifest_column_given_twice_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    manifest = folder / "m.csv"
    manifest.write_text("path,government,year,role,path\nplan.txt,,,,review.txt\n", "utf-8")
    status, _, err = run(capsys, "audit", "--manifest", str(manifest))
    assert status == 1
    assert one_error_line(err) == f"DataError: {manifest}:1: the column 'path' is given twice"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("government: [a, b]", "3: government: expected a text, got ['a', 'b']"),
        ("role: {a: 1}", "3: role: expected a text, got {'a': 1}"),
        ("year: -2025", "3: year: expected a year from 1 to 9999 such as 2025, got -2025"),
        ("year: 0", "3: year: expected a year from 1 to 9999 such as 2025, got 0"),
        ("year: 2025.0", "3: year: expected a year from 1 to 9999 such as 2025, got 2025.0"),
        ("year: true", "3: year: expected a year from 1 to 9999 such as 2025, got True"),
    ],
)
def test_a_yaml_manifest_field_of_the_wrong_type_is_refused_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str, message: str
) -> None:
    folder = write_pair(tmp_path / "c")
    manifest = folder / "m.yaml"
    manifest.write_text(f"- path: review.txt\n- path: plan.txt\n  {field}\n", encoding="utf-8")
    status, _, err = run(capsys, "audit", "--manifest", str(manifest))
    assert status == 1
    assert one_error_line(err) == f"DataError: {manifest}:{message}"


def test_a_manifest_inside_its_folder_still_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    (folder / "sub").mkdir()
    (folder / "plan.txt").rename(folder / "sub" / "plan.txt")
    manifest = folder / "m.csv"
    manifest.write_text(
        "path,government,year,role\nsub/plan.txt,江苏,2025,\n./review.txt,,2026,\n", "utf-8"
    )
    status, out, err = run(capsys, "audit", "--manifest", str(manifest), "-f", "json")
    assert status == 0, err
    assert '"sub/plan.txt"' in out


# -- one report saved twice -------------------------------------------------------------------


def write_twice(folder: Path) -> Path:
    """a.txt and b.txt: one 2025 report of 江苏 saved twice; c.txt: the 2026 report."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(work_report("江苏", 2025, "5.8"), encoding="utf-8")
    (folder / "c.txt").write_text(work_report("江苏", 2026, "5.6"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("format", ["json", "csv"])
def test_a_report_saved_twice_in_a_corpus_is_counted_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, format: str
) -> None:
    twice = write_twice(tmp_path / "twice")
    once = tmp_path / "once"
    once.mkdir()
    for name in ("a.txt", "c.txt"):
        (once / name).write_text((twice / name).read_text(encoding="utf-8"), encoding="utf-8")
    outputs = []
    for folder in (once, twice):
        output = tmp_path / f"{folder.name}.{format}"
        status, summary, err = run(capsys, "audit", str(folder), "-j", "1", "-o", str(output))
        assert status == 0, err
        outputs.append((summary.split(" — ")[0], output.read_text(encoding="utf-8"), err))
    (summary_once, _, _), (summary_twice, text_twice, err_twice) = outputs
    assert summary_twice == summary_once
    assert (
        f"warning: {twice / 'b.txt'}: the same text as {twice / 'a.txt'} (江苏, 2025): "
        "counted once, as a.txt" in err_twice
    )
    assert "b.txt-g" not in text_twice  # no goal of the copy


def test_a_report_given_twice_as_files_is_counted_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_twice(tmp_path / "twice")
    files = [str(folder / name) for name in ("a.txt", "b.txt", "c.txt")]
    status, out, err = run(capsys, "audit", *files, "--as-of", "2026-12-31", "-f", "json")
    assert status == 0, err
    once = run(capsys, "audit", files[0], files[2], "--as-of", "2026-12-31", "-f", "json")
    assert out == once[1]
    assert f"warning: {files[1]}: the same text as {files[0]}: counted once, as a.txt" in err


def test_two_texts_of_one_report_are_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_twice(tmp_path / "twice")
    (folder / "b.txt").write_text(work_report("江苏", 2025, "6.1"), encoding="utf-8")
    status, _, err = run(capsys, "audit", str(folder), "-j", "1")
    assert status == 0, err
    assert (
        "warning: a.txt, b.txt: 2 different texts of one report of 江苏 for 2025; the goals of "
        "each are judged"
    ) in err


def test_pairing_lists_a_copy_with_the_document_it_repeats(tmp_path: Path) -> None:
    from targettrack.corpus import find_documents, pair_documents, read_corpus

    documents = list(read_corpus(find_documents([write_twice(tmp_path / "t")]), jobs=1))
    pairs, unpaired = pair_documents(documents)
    assert [(p.plan.name, [r.name for r in p.reviews]) for p in pairs] == [("a.txt", ["c.txt"])]
    assert [(u.document.name, u.copy_of) for u in unpaired] == [("b.txt", "a.txt"), ("c.txt", None)]


# -- --scheduler ------------------------------------------------------------------------------


@pytest.fixture
def fake_server() -> Iterator[Callable[[bytes | None], str]]:
    """A TCP server on localhost that sends ``banner`` to whoever connects (None: nothing,
    ever); returns its address."""
    import socket
    import threading

    servers: list[socket.socket] = []
    stop = threading.Event()

    def start(banner: bytes | None) -> str:
        server = socket.create_server(("127.0.0.1", 0))
        servers.append(server)

        def serve() -> None:
            with contextlib.suppress(OSError):
                while not stop.is_set():
                    connection, _ = server.accept()
                    if banner is not None:
                        connection.sendall(banner)
                    stop.wait(5)
                    connection.close()

        threading.Thread(target=serve, daemon=True).start()
        return f"tcp://127.0.0.1:{server.getsockname()[1]}"

    yield start
    stop.set()
    for server in servers:
        server.close()


@pytest.mark.parametrize(
    ("banner", "answer"),
    [
        (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", "b'HTTP/1.1'"),
        (b"SSH-2.0-OpenSSH_9.6\r\n", "b'SSH-2.0-'"),
        (b"\xff" * 64, "b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff'"),
    ],
    ids=["http", "ssh", "0xff"],
)
def test_a_scheduler_address_that_is_no_dask_scheduler_is_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_server: Callable[[bytes | None], str],
    banner: bytes,
    answer: str,
) -> None:
    pytest.importorskip("distributed")
    address = fake_server(banner)
    folder = write_pair(tmp_path / "c")
    status, out, err = run(capsys, "audit", str(folder), "--scheduler", address)
    assert (status, out) == (1, "")
    assert one_error_line(err) == (
        f"ValueError: --scheduler: {address!r} is no Dask scheduler (it answered {answer}, not "
        "the length of a handshake)"
    )


def test_a_scheduler_that_never_answers_is_given_up(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_server: Callable[[bytes | None], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    pytest.importorskip("distributed")
    monkeypatch.setattr(cli, "SCHEDULER_TIMEOUT", 0.5)
    address = fake_server(None)
    folder = write_pair(tmp_path / "c")
    started = time.monotonic()
    status, _, err = run(capsys, "audit", str(folder), "--scheduler", address)
    assert status == 1
    assert time.monotonic() - started < 5
    assert one_error_line(err) == (
        f"ValueError: --scheduler: {address!r} did not answer within 0.5 s, as a Dask scheduler "
        "does at once"
    )


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786, got ''"),
        ("bogus", "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786, got 'bogus'"),
        ("tcp://[::1", "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786, got 'tcp://[::1'"),
        ("tcp://h:99999", "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786, got"),
        ("ucx://127.0.0.1:8786", "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786, got"),
        ("tls://127.0.0.1:1", "'tls://127.0.0.1:1': tls:// needs the client's certificates"),
        ("inproc://x", "no Dask scheduler at 'inproc://x' (inproc:// reaches only a scheduler"),
        ("tcp://127.0.0.1:1", "no Dask scheduler at 'tcp://127.0.0.1:1' (Connection refused)"),
    ],
)
def test_a_bad_scheduler_address_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, address: str, message: str
) -> None:
    pytest.importorskip("distributed")
    folder = write_pair(tmp_path / "c")
    status, out, err = run(capsys, "audit", str(folder), "--scheduler", address, "-f", "csv")
    assert (status, out) == (1, "")
    assert one_error_line(err).startswith(f"ValueError: --scheduler: {message}")


def test_a_dask_scheduler_over_tcp_passes_the_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    folder = write_pair(tmp_path / "c")
    status, serial, err = run(capsys, "audit", str(folder), "-f", "csv", "-j", "1")
    assert status == 0, err
    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp://", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        status, out, err = run(
            capsys, "audit", str(folder), "-f", "csv", "--scheduler", cluster.scheduler_address
        )
    assert status == 0, err
    assert out == serial


# -- signals and worker processes -------------------------------------------------------------


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, waiting to be reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


#: The command in a process whose documents take a minute each to read, and whose workers
#: each leave a file named by their process id in MARKS when they start reading.
SLOW_READER = """
import os, sys, time
from targettrack import cli, corpus
marks = os.environ["MARKS"]
def slow(entry, **options):
    open(os.path.join(marks, str(os.getpid())), "w").close()
    time.sleep(60)
corpus.read_corpus_document = slow
corpus._cores = lambda: 2  # two workers, even on a machine of one core
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.fixture
def slow_audit(
    tmp_path: Path,
) -> Iterator[Callable[..., tuple[subprocess.Popen[str], list[int], Path, Path]]]:
    """Start the audit of a corpus of four documents in two workers, and wait until both are
    reading; gives its process, the workers' ids, the -o file (holding 'kept') and the
    temporary folder. Whatever the test finds, the command's process group is ended after it."""
    import signal
    import time

    started: list[subprocess.Popen[str]] = []

    def start(*argv: str) -> tuple[subprocess.Popen[str], list[int], Path, Path]:
        folder = write_pair(tmp_path / "c")
        write_pair(folder / "more", region="山东")
        marks, temporary = tmp_path / "marks", tmp_path / "tmp"
        marks.mkdir()
        temporary.mkdir()
        output = tmp_path / "out.csv"
        output.write_text("kept\n", encoding="utf-8")
        environment = {**os.environ, "MARKS": str(marks), "TMPDIR": str(temporary)}
        command = [sys.executable, "-c", SLOW_READER, "audit", str(folder), "-j", "2"]
        process = subprocess.Popen(
            [*command, "-o", str(output), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            start_new_session=True,
        )
        started.append(process)
        deadline = time.monotonic() + 60
        while len(list(marks.iterdir())) < 2:
            assert time.monotonic() < deadline and process.poll() is None, process.communicate()
            time.sleep(0.05)
        return process, [int(p.name) for p in marks.iterdir()], output, temporary

    yield start
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=5)


@pytest.mark.parametrize(
    ("signal_name", "group", "status"),
    [
        ("SIGINT", True, 130),
        ("SIGINT", False, 130),
        ("SIGTERM", False, 143),
        ("SIGTERM", True, 143),
        ("SIGHUP", False, 129),
    ],
    ids=["ctrl-c", "sigint to the command", "sigterm", "sigterm to the group", "sighup"],
)
@pytest.mark.parametrize("format", ["csv", "html"])
def test_a_signal_ends_a_corpus_audit_and_its_workers_cleanly(
    tmp_path: Path,
    slow_audit: Callable[..., tuple[subprocess.Popen[str], list[int], Path, Path]],
    signal_name: str,
    group: bool,
    status: int,
    format: str,
) -> None:
    import signal
    import time

    process, workers, output, temporary = slow_audit("-f", format)
    number = getattr(signal, signal_name)
    if group:
        os.killpg(process.pid, number)
    else:
        process.send_signal(number)
    started = time.monotonic()
    out, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert process.returncode == status, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err == ("interrupted\n" if number == signal.SIGINT else "")
    assert out == ""
    assert not any(alive(pid) for pid in workers)
    assert output.read_text(encoding="utf-8") == "kept\n"
    assert list(temporary.iterdir()) == []  # no folder of records set aside left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "marks", "out.csv", "tmp"]


def test_workers_end_when_their_parent_is_killed(
    slow_audit: Callable[..., tuple[subprocess.Popen[str], list[int], Path, Path]],
) -> None:
    import signal
    import time

    process, workers, _, _ = slow_audit()
    process.send_signal(signal.SIGKILL)
    # the workers hold the command's standard output and error: a caller reading them waited
    # for ever on orphans
    process.communicate(timeout=15)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers):  # orphans used to wait for work for ever
        assert time.monotonic() < deadline, [pid for pid in workers if alive(pid)]
        time.sleep(0.1)


def test_a_signal_during_the_rename_lets_it_end(tmp_path: Path) -> None:
    # the report is complete when the signal comes: it is written, and the command says so
    folder = write_pair(tmp_path / "c")
    target = tmp_path / "out.txt"
    target.write_text("kept", encoding="utf-8")
    code = (
        "import os, signal, sys\n"
        "from targettrack import cli\n"
        "real = os.replace\n"
        "def replace(*args):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    real(*args)\n"
        "cli.os.replace = replace\n"
        f"sys.exit(cli.main(['audit', {str(folder / 'plan.txt')!r}, '-o', {str(target)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "interrupted" not in done.stderr and "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8").startswith("2 goals as of")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "out.txt"]


def test_the_number_of_workers_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from targettrack import corpus

    started: list[int] = []
    real = corpus.ProcessPoolExecutor

    def pool(max_workers: int, **options: object) -> object:
        started.append(max_workers)
        return real(max_workers=max_workers, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(corpus, "_cores", lambda: 2)
    folder = write_pair(tmp_path / "c")
    write_pair(folder / "more", region="山东")
    entries = corpus.find_documents([folder])
    assert len(list(corpus.read_corpus(entries, jobs=100_000))) == 4
    assert len(list(corpus.read_corpus(entries[:3], jobs=100_000))) == 3
    monkeypatch.setattr(corpus, "_cores", lambda: 8)
    assert len(list(corpus.read_corpus(entries[:3], jobs=100_000))) == 3
    assert started == [2, 2, 3]


# -- line ends --------------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\u2028"], ids=["CR", "CRLF", "U+2028"])
def test_line_ends_never_change_a_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line_end: str
) -> None:
    tables = []
    for shape, end in (("lf", "\n"), ("other", line_end)):
        folder = tmp_path / shape
        folder.mkdir()
        for year in (2025, 2026):
            name = f"hebei_{year}_gov_work_report.txt"
            text = (CORPUS / name).read_text(encoding="utf-8").replace("\n", end)
            (folder / name).write_text(text, encoding="utf-8", newline="")
        status, out, err = run(
            capsys, "audit", str(folder), "--as-of", "2026-12-31", "-j", "1", "-f", "csv"
        )
        assert status == 0, err
        # the verdicts, without what counts characters (ids and spans: \r\n is two)
        rows = csv.DictReader(io.StringIO(out, newline=""))
        kept = ("government", "year", "indicator", "status", "target", "achieved", "period")
        tables.append([tuple(row[column] for column in kept) for row in rows])
    assert tables[1] == tables[0]
    assert sum(row[3] == "met" for row in tables[0]) >= 4


# -- file names that are not UTF-8 ------------------------------------------------------------


@pytest.fixture
def gbk_named(tmp_path: Path) -> Path:
    """A folder holding one report whose file name is GBK bytes (as unzip leaves them)."""
    folder = tmp_path / "gbk"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + "江苏2025报告.txt".encode("gbk")
    try:
        with open(name, "wb") as handle:
            handle.write(work_report("江苏", 2025, "5.8").encode("utf-8"))
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    return folder


@pytest.mark.parametrize("format", ["text", "html", "md", "json", "csv"])
@pytest.mark.parametrize("corpus", [False, True], ids=["file", "corpus"])
def test_a_file_name_that_is_not_utf8_is_audited(
    capsys: pytest.CaptureFixture[str], gbk_named: Path, format: str, corpus: bool
) -> None:
    given = [str(gbk_named), "-j", "1"] if corpus else [str(next(gbk_named.iterdir()))]
    status, out, err = run(capsys, "audit", *given, "--as-of", "2026-12-31", "-f", format)
    assert status == 0, err
    shown = "\\xbd\\xad\\xcb\\xd52025\\xb1\\xa8\\xb8\\xe6"  # 江苏2025报告 in GBK
    assert shown in out.replace("\\\\", "\\")  # JSON writes the backslash twice
    out.encode("utf-8")


@pytest.mark.parametrize("command", ["extract", "text"])
def test_a_file_name_that_is_not_utf8_is_read(
    capsys: pytest.CaptureFixture[str], gbk_named: Path, command: str
) -> None:
    status, out, err = run(capsys, command, str(next(gbk_named.iterdir())))
    assert status == 0, err
    (out + err).encode("utf-8")
    assert "\\xbd\\xad\\xcb\\xd52025" in (err if command == "text" else out.replace("\\\\", "\\"))


# -- catalogs, gold files, empty folders, -o paths ---------------------------------------------

METRIC = "- id: my_metric\n  zh: 测试指标\n  en: test\n  kind: level\n  unit: 亿元\n"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("id: [1, 2]", "1: 'id' must be a text (got [1, 2])"),
        ("aliases: 数字经济", "6: 'aliases' must be a list of texts (got '数字经济')"),
        ("classifiers: [1]", "6: 'classifiers' must be a list of texts (got [1])"),
        ("stock: [a]", "6: 'stock' must be a text (got ['a'])"),
        ("unit: [亿元]", "5: 'unit' must be a unit (a text; '' for a plain number) (got ['亿元'])"),
    ],
)
def test_a_catalog_field_of_the_wrong_type_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str, message: str
) -> None:
    folder = write_pair(tmp_path / "c")
    catalog = tmp_path / "mine.yaml"
    key = field.split(":")[0]
    own = re.search(f"{key}: .*", METRIC)
    text = METRIC.replace(own.group(), field) if own else METRIC + f"  {field}\n"
    catalog.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "--catalog", str(catalog))
    assert status == 1
    assert one_error_line(err) == f"DataError: {catalog}:{message}"


def test_an_empty_folder_with_jobs_is_named_as_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "audit", str(tmp_path), "-j", "2")
    assert status == 1
    assert one_error_line(err) == (
        f"DataError: {tmp_path}: expected curated datasets (.yaml) or raw documents, found none"
    )


def test_o_in_a_missing_folder_is_refused_before_the_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pair(tmp_path / "c")
    read: list[object] = []
    monkeypatch.setattr(cli, "load_inputs", lambda *a: read.append(a))
    target = tmp_path / "missing" / "out.html"
    status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "-o", str(target))
    assert (status, read) == (1, [])
    assert one_error_line(err) == (f"FileNotFoundError: {target}: No such file or directory")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_o_where_no_file_can_be_made_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    status, _, err = run(capsys, "audit", str(folder / "plan.txt"), "-o", "/proc/self/mem")
    assert status == 1
    assert err.splitlines()[-1] == (
        "FileNotFoundError: /proc/self/mem: No such file or directory (a temporary file for "
        "the report cannot be made in /proc/self)"
    )


def test_a_gold_item_without_its_value_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    gold = tmp_path / "plan.gold.yaml"
    gold.write_text(
        "document: plan.txt\nitems:\n- kind: goal\n  quote: 2025\n  start: 0\n  end: 4\n",
        encoding="utf-8",
    )
    status, _, err = run(capsys, "evaluate", str(folder / "plan.txt"), "--gold", str(gold))
    assert status == 1
    assert one_error_line(err) == f"DataError: {gold}:3: a gold item needs 'value'"


def test_a_report_written_into_its_corpus_folder_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "c")
    output = folder / "report.txt"
    status, _, err = run(capsys, "audit", str(folder), "-j", "1", "-o", str(output))
    assert status == 0, err
    assert (
        f"warning: {output}: written inside the corpus folder {folder}, it will be read as one "
        "of its documents by the next audit of the folder"
    ) in err
    output.unlink()
    status, _, err = run(capsys, "audit", str(folder), "-j", "1", "-o", str(folder / "r.csv"))
    assert status == 0, err
    assert "written inside" not in err  # a CSV file is no document


def test_a_metric_is_placed_the_same_whatever_the_hash_seed() -> None:
    # two catalog wordings of one length in one text (服务业增加值, 国内生产总值): which won
    # depended on the order of a set, so on PYTHONHASHSEED, and a corpus CSV changed by a row
    code = (
        "import targettrack as tt\n"
        "text = '2011年政府工作报告\\n今后五年，服务业增加值在国内生产总值中的比重提高4个百分点。'\n"
        "print([s.metric for s in tt.extract_statements(text, region='全国', year=2011)])\n"
    )
    placed = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(4)
    }
    assert len(placed) == 1, placed
    assert "'" in placed.pop()  # a metric was placed


def test_a_fifo_or_a_device_as_a_csv_manifest_is_refused_before_it_is_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "manifest.csv"
    os.mkfifo(fifo)
    assert cli.main(["audit", "--manifest", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "not a regular file" in err
