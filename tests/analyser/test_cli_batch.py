"""``python -m solutions analyze FOLDER --csv OUT.csv``: a folder of good and bad files, the rows, the summary, the
cores, formula injection and every way the command can refuse.

Most cases call the command's ``main`` in this process and read its outputs from ``capsys``; the comparison of one
job with two runs the real command, so its process pool is the one a learner gets.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from solutions.analyser import batch_run
from solutions.analyser.batch import ITEM_COLUMNS, SUMMARY_COLUMNS, article_rows
from solutions.analyser.batch_csv import safe_cell
from solutions.analyser.batch_run import chunks, text_files
from solutions.analyser.cli import MAX_BYTES, main
from solutions.analyser.cli_batch import summary_path_for
from solutions.analyser.cli_progress import Progress

#: Seconds after which a run counts as hung; every run here ends in a few seconds.
HANG_GUARD = 120

MARKETS = ("Shares in Harbour Foods fell 12% on Monday, wiping $3.5 billion off its value. \u201cWe expected a "
           "dip,\u201d said Maria Okafor, the chief executive. Analysts say the worst is over.\n")
COUNCIL = ("The council approved a budget of \u00a312 million. \u201cEvery pound has been argued over,\u201d said "
           "Daniel Brooks, the council leader. It was a truly jaw-dropping meeting.\n")
FORMULA = ('=HYPERLINK("http://example.invalid","click") cost $5 million. "@SUM(A1:A9) is wrong," said Tom '
           'Reyes, finance director.\n')


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def run_here(capsys, *args):
    """Run ``main`` in this process with one job (``--jobs 1`` unless given): forking pytest's process, which runs
    threads, is not safe, so the tests of the process pool run the command as a subprocess."""
    if "--csv" in args and "--jobs" not in args:
        args = (*args, "--jobs", 1)
    capsys.readouterr()
    status = main([*map(str, args)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), status, out, err)


@pytest.fixture
def mixed_folder(tmp_path):
    """Two good articles and one of each kind of bad file, plus entries the batch must pass over."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "markets.txt").write_text(MARKETS, encoding="utf-8")
    (folder / "Council.TXT").write_text(COUNCIL, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"It cost $5 million.\x00\x01\x02 more")
    (folder / "latin.txt").write_bytes("Caf\u00e9 prices rose 5%".encode("cp1252"))
    with (folder / "huge.txt").open("wb") as handle:  # sparse: refused on its size before anything is read
        handle.truncate(MAX_BYTES + 1)
    (folder / "gone.txt").symlink_to(folder / "missing-target.txt")
    (folder / "folder.txt").mkdir()
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(MARKETS, encoding="utf-8")
    (folder / ".hidden.txt").write_text(MARKETS, encoding="utf-8")
    (folder / "notes.md").write_text(MARKETS, encoding="utf-8")
    return folder


BAD_FILES = {
    "binary.txt": "binary.txt is not a text file (it contains binary data)",
    "empty.txt": "empty.txt is empty",
    "folder.txt": "folder.txt is a folder, not a text file",
    "gone.txt": "gone.txt is a symbolic link to",
    "huge.txt": "huge.txt is 10.000001 MB; the analyser reads files up to 10.0 MB",
    "latin.txt": "latin.txt is not UTF-8 text",
}


def test_rows_only_for_the_good_files_and_the_bad_ones_listed_with_reasons(mixed_folder, tmp_path, capsys):
    out = tmp_path / "out.csv"
    result = run_here(capsys, "analyze", mixed_folder, "--csv", out, "--jobs", 1)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    assert list(rows[0]) == list(ITEM_COLUMNS)
    assert {row["article"] for row in rows} == {"Council.TXT", "markets.txt"}
    texts = {(row["article"], row["section"], row["text"]) for row in rows}
    assert {("markets.txt", "figures", "12%"), ("markets.txt", "figures", "$3.5 billion"),
            ("markets.txt", "vague_attributions", "Analysts say"),
            ("Council.TXT", "figures", "\u00a312 million")} <= texts
    assert any(row["article"] == "Council.TXT" and row["section"] == "hype_phrases" and "jaw-dropping" in row["text"]
               for row in rows)
    figure = next(row for row in rows if row["text"] == "$3.5 billion")
    assert (figure["value"], figure["unit"], MARKETS[int(figure["start"]):int(figure["end"])]) == \
        ("3500000000", "USD", "$3.5 billion")
    quote = next(row for row in rows if row["section"] == "quotes" and row["article"] == "markets.txt")
    assert quote["text"].startswith("We expected a dip") and quote["speaker"] == "Maria Okafor"

    summary = {row["article"]: row for row in read_csv(tmp_path / "out.summary.csv")}
    assert list(next(iter(summary.values()))) == list(SUMMARY_COLUMNS)
    assert sorted(summary) == sorted(["Council.TXT", "markets.txt", *BAD_FILES]), "no subfolder, hidden or .md file"
    assert summary["markets.txt"]["status"] == "analysed" and summary["markets.txt"]["error"] == ""
    assert summary["markets.txt"]["characters"] == str(len(MARKETS))
    assert summary["markets.txt"]["words"] == str(len(MARKETS.split()))
    assert summary["markets.txt"]["quotes_with_named_speaker"] == "1"
    assert float(summary["Council.TXT"]["hype_per_1000_words"]) > 0 and summary["markets.txt"]["hype_phrases"] == "0"
    for name, reason in BAD_FILES.items():
        assert summary[name]["status"] == "skipped" and summary[name]["error"].startswith(reason), name
        assert f"skipped: {reason}" in result.stderr, name
    assert "\r" not in result.stderr, "no progress line when standard error is not a terminal"
    assert result.stdout.strip() == (f"wrote {len(rows)} rows for 2 articles to {out} and the summary to "
                                     f"{tmp_path / 'out.summary.csv'}; 6 files skipped (see the summary's status "
                                     f"column)")


def test_one_job_and_two_jobs_write_the_same_bytes(tmp_path):
    """Enough files for several chunks, so two jobs really run in a process pool; bad files among them."""
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [MARKETS, COUNCIL, FORMULA]
    for number in range(batch_run.CHUNK_FILES * 2 + 5):
        (folder / f"a{number:03d}.txt").write_text(texts[number % 3].replace("12%", f"{number}%"), encoding="utf-8")
    (folder / "a010.txt").write_bytes(b"")
    (folder / "a020.txt").write_bytes(b"\x00\x00binary")
    assert len(chunks(text_files(str(folder))[0])) == 3
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}.csv"
        result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(folder), "--csv", str(out),
                                 "--jobs", str(jobs)], capture_output=True, text=True, timeout=HANG_GUARD)
        assert result.returncode == 0, result.stderr
        assert result.stderr.count("skipped: ") == 2
        outputs[jobs] = (out.read_bytes(), (tmp_path / f"jobs{jobs}.summary.csv").read_bytes())
    assert outputs[1] == outputs[2]
    assert outputs[1][0].count(b"\r\n") > 200


POOL_SCRIPT = """
import json, sys
from solutions.analyser.batch import files_rows
from solutions.analyser.batch_run import chunk_results
work = json.loads(sys.argv[1])
pooled, alone = list(chunk_results(work, jobs=2)), [files_rows(chunk) for chunk in work]
print(json.dumps([pooled == alone, [len(chunk) for chunk in pooled], [row[0] for c in pooled for _, row in c]]))
"""


def test_workers_started_by_spawning_as_on_windows_and_macos(tmp_path):
    """Where workers are fresh interpreters (spawned, not forked), the command runs once and gives the same rows."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text("import multiprocessing\nmultiprocessing.set_start_method('spawn')\n",
                                           encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(batch_run.CHUNK_FILES + 3):
        (folder / f"a{number:02d}.txt").write_text(MARKETS.replace("12%", f"{number}%"), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site),
                                                                           os.environ.get("PYTHONPATH")]))}
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}.csv"
        result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(folder), "--csv", str(out),
                                 "--jobs", str(jobs)], capture_output=True, text=True, timeout=HANG_GUARD,
                                env=environment)
        assert result.returncode == 0 and result.stdout.count("wrote ") == 1, result.stdout + result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_the_pool_gives_the_chunks_in_order(tmp_path):
    """Uneven chunks through a real pool, in a fresh process (forking pytest's own process is not safe)."""
    paths = []
    for number in range(7):
        path = tmp_path / f"{number}.txt"
        path.write_text(f"Shares fell {number + 1}% and then {'rose 2%' * number}.", encoding="utf-8")
        paths.append([str(path), path.name])
    work = [paths[:2], paths[2:3], paths[3:7]]
    result = subprocess.run([sys.executable, "-c", POOL_SCRIPT, json.dumps(work)], capture_output=True, text=True,
                            timeout=HANG_GUARD)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, [2, 1, 4], [f"{number}.txt" for number in range(7)]]


def test_chunks_group_small_files_and_give_a_large_file_its_own():
    small = [(f"/x/{n}.txt", f"{n}.txt", 2_000) for n in range(100)]
    assert [len(chunk) for chunk in chunks(small)] == [32, 32, 32, 4]
    mixed = [("/x/a.txt", "a.txt", 1_000), ("/x/big.txt", "big.txt", 5_000_000), ("/x/c.txt", "c.txt", 1_000)]
    assert [len(chunk) for chunk in chunks(mixed)] == [1, 1, 1]


def test_the_per_article_function_is_pure():
    first = article_rows("a.txt", MARKETS)
    assert article_rows("a.txt", MARKETS) == first
    rows, summary = first
    assert all(len(row) == len(ITEM_COLUMNS) and row[0] == "a.txt" for row in rows)
    assert summary[0] == "a.txt" and summary[SUMMARY_COLUMNS.index("status")] == "analysed"
    assert {row[1] for row in rows} == {"figures", "quotes", "vague_attributions"}


def test_formula_injection_is_prevented(tmp_path, capsys):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "=cmd.txt").write_text(FORMULA, encoding="utf-8")
    (folder / "@empty.txt").write_bytes(b" \n")
    out = tmp_path / "out.csv"
    assert run_here(capsys, "analyze", folder, "--csv", out).returncode == 0
    rows = read_csv(out)
    summary = read_csv(tmp_path / "out.summary.csv")
    cells = [cell for row in rows + summary for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], cells
    assert {row["article"] for row in rows} == {"'=cmd.txt"}
    assert "'@SUM(A1:A9) is wrong" in {row["text"] for row in rows}
    assert [row["article"] for row in summary] == ["'=cmd.txt", "'@empty.txt"]
    figure = next(row for row in rows if row["section"] == "figures")
    assert figure["value"] == "5000000", "numbers are written as numbers"


def test_names_with_control_characters_or_bytes_that_are_not_utf8(tmp_path, capsys):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "bad\nname\u202e.txt").write_text(MARKETS, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"")
    out = tmp_path / "out.csv"
    result = run_here(capsys, "analyze", folder, "--csv", out)
    assert result.returncode == 0, result.stderr
    assert {row["article"] for row in read_csv(out)} == {"bad\\nname\\u202e.txt"}
    summary = {row["article"]: row["error"] for row in read_csv(tmp_path / "out.summary.csv")}
    assert summary == {"bad\\nname\\u202e.txt": "", "caf\\udce9.txt": "caf\\udce9.txt is empty"}
    assert "skipped: caf\\udce9.txt is empty\n" in result.stderr


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-3%", "'-3%"), ("@user", "'@user"), ("\t=1", "'\t=1"),
    ("\uff1d1", "'\uff1d1"), ("plain", "plain"), ("a=b", "a=b"), (-3.0, -3), (2.5, 2.5), (7, 7), (None, ""),
    (float("inf"), ""), (True, "true"),
])
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_a_folder_with_no_good_file_exits_1_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "out.csv"
    out.write_text("earlier results\n", encoding="utf-8")
    result = run_here(capsys, "analyze", folder, "--csv", out)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (f"error: none of the 2 .txt files in {folder} could be analysed "
                                              f"(the reasons are above); nothing was written")
    assert out.read_text(encoding="utf-8") == "earlier results\n", "the earlier file is left as it was"
    assert sorted(os.listdir(tmp_path)) == ["bad", "out.csv"], "no temporary file is left behind"


def test_a_folder_without_text_files_exits_1(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("hi", encoding="utf-8")
    result = run_here(capsys, "analyze", tmp_path, "--csv", tmp_path / "out.csv")
    assert result.returncode == 1
    assert result.stderr == f"error: no *.txt files in {tmp_path} (and 1 other entry); save each article there as " \
                            f"a UTF-8 .txt file\n"


@pytest.mark.parametrize("make_folder, status, message", [
    (lambda d: d / "missing", 2, "error: no such folder: "),
    (lambda d: d / "markets.txt", 2, "is a file, not a folder; --csv analyses every *.txt file in a folder"),
])
def test_a_folder_that_cannot_be_listed(tmp_path, capsys, make_folder, status, message):
    (tmp_path / "markets.txt").write_text(MARKETS, encoding="utf-8")
    result = run_here(capsys, "analyze", make_folder(tmp_path), "--csv", tmp_path / "out.csv")
    assert result.returncode == status and message in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("output, message", [
    (lambda d: d, "is a folder"),
    (lambda d: d / "no-such-folder" / "out.csv", "does not exist"),
])
def test_an_output_that_cannot_be_written_is_one_line_with_status_1(mixed_folder, tmp_path, capsys, output, message):
    result = run_here(capsys, "analyze", mixed_folder, "--csv", output(tmp_path))
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot write ") and message in lines[0], result.stderr


def test_the_summary_path_and_its_default(mixed_folder, tmp_path, capsys):
    assert summary_path_for("out.csv") == "out.summary.csv" and summary_path_for("out.CSV") == "out.summary.csv"
    assert summary_path_for("results") == "results.summary.csv"
    elsewhere = tmp_path / "per-file.csv"
    assert run_here(capsys, "analyze", mixed_folder, "--csv", tmp_path / "o.csv", "--summary", elsewhere,
                    "--jobs", 1).returncode == 0
    assert len(read_csv(elsewhere)) == 8 and not (tmp_path / "o.summary.csv").exists()
    result = run_here(capsys, "analyze", mixed_folder, "--csv", elsewhere, "--summary", elsewhere)
    assert result.returncode == 2 and "the summary would overwrite the CSV" in result.stderr


def test_outputs_inside_the_folder_are_not_read_as_articles(tmp_path, capsys):
    (tmp_path / "markets.txt").write_text(MARKETS, encoding="utf-8")
    for _ in range(2):
        assert run_here(capsys, "analyze", tmp_path, "--csv", tmp_path / "out.txt").returncode == 0
        assert {row["article"] for row in read_csv(tmp_path / "out.txt.summary.csv")} == {"markets.txt"}


def test_the_progress_line(mixed_folder, tmp_path, capsys):
    result = run_here(capsys, "analyze", mixed_folder, "--csv", tmp_path / "out.csv", "--progress")
    assert result.returncode == 0
    assert "\r8/8 files [########################] 100%" in result.stderr
    assert result.stderr.endswith("\n") and "\rskipped: empty.txt is empty\n" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads a pseudo-terminal as Linux does")
def test_the_progress_line_shows_by_itself_on_a_terminal(mixed_folder, tmp_path):
    import pty

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(mixed_folder), "--csv",
                                 str(tmp_path / "out.csv")], stdout=subprocess.PIPE, stderr=terminal,
                                timeout=HANG_GUARD)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed: everything has been read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    assert b"\r8/8 files [########################] 100%" in shown and b"skipped: empty.txt is empty" in shown


def test_the_progress_line_is_redrawn_at_most_ten_times_a_second_and_notes_go_above_it():
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(1000, shown=True, stream=stream, clock=lambda: now[0])
    progress.start()
    for _ in range(500):
        progress.advance(1)
    assert stream.getvalue().count("\r") == 1, "500 files done at once: drawn only at the start"
    now[0] = 0.2
    progress.advance(1)
    assert stream.getvalue().count("\r") == 2, "redrawn once 0.1 s have passed"
    now[0] = 10.0
    progress.note("skipped: x.txt is empty")
    assert stream.getvalue().endswith("\rskipped: x.txt is empty\n\r501/1,000 files [############............]  50%"
                                      "  50 files/s, 10 s left")
    progress.finish()
    assert stream.getvalue().endswith("\n") and not Progress(3, shown=False, stream=stream).shown


@pytest.mark.parametrize("options", [
    ["--csv", "o.csv", "--jobs", "0"], ["--csv", "o.csv", "--jobs", "two"], ["--csv", "o.csv", "--json"],
    ["--csv", "o.csv", "--html", "o.html"],
])
def test_usage_errors_exit_2(tmp_path, capsys, options):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(tmp_path), *options])
    assert exit_.value.code == 2 and "error:" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--jobs", "2"], ["--summary", "s.csv"], ["--progress"]])
def test_batch_options_need_csv(tmp_path, capsys, option):
    path = tmp_path / "markets.txt"
    path.write_text(MARKETS, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(path), *option])
    assert exit_.value.code == 2 and "only with --csv" in capsys.readouterr().err


def test_a_folder_without_csv_gets_a_hint(tmp_path, capsys):
    result = run_here(capsys, "analyze", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path} is a folder, not a text file; to analyse every *.txt file in it, " \
                            f"add --csv OUT.csv\n"
