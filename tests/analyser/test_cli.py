"""The command line: ``python -m solutions analyze FILE [--json]``, including every way a file can be bad.

The cases that need the operating system (named pipes, devices, permissions, output encodings, a reader that closes
the pipe, the exit status the shell sees) run the command as a subprocess with a generous ``timeout``: a guard
against hanging, not a measurement. The rest call the same ``main`` in this process (:func:`run_here`), which is
what ``python -m solutions`` runs (``sys.exit(main())``), and read its status and both outputs from pytest's
``capsys``.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys

import pytest

from solutions import article_text
from solutions.analyser import cli
from solutions.analyser.cli import MAX_BYTES, main
from solutions.analyser.figures import COLUMNS

#: Seconds after which a run counts as hung; every run here ends in well under one.
HANG_GUARD = 60


def run(*args, cwd=None, **options):
    options.setdefault("timeout", HANG_GUARD)
    return subprocess.run([sys.executable, "-m", "solutions", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, **options)


def run_bytes(*args, **options):
    """Run the command and keep its output as bytes, for checks of the output encoding."""
    return subprocess.run([sys.executable, "-m", "solutions", *map(str, args)], capture_output=True,
                          timeout=HANG_GUARD, **options)


def run_here(capsys, *args) -> subprocess.CompletedProcess:
    """Run the command's ``main`` in this process; return its status and outputs as :func:`run` does."""
    capsys.readouterr()
    status = main([*map(str, args)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), status, out, err)


def one_error_line(result, status=2) -> str:
    """The single ``error:`` line a refused input gets, after checking the status and that nothing else printed."""
    assert result.returncode == status, result.stderr
    assert result.stdout in ("", b"")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(article_text("003"), encoding="utf-8")
    return path


def test_json_output_has_the_four_sections(article):
    result = run("analyze", article, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["figures", "quotes", "vague_attributions", "hype_phrases"]
    text = article.read_text(encoding="utf-8")
    for section in ("quotes", "vague_attributions", "hype_phrases"):
        assert data[section], section
        for item in data[section]:
            assert text[item["start"]:item["end"]] == (item["quote"] if section == "quotes" else item["text"])
    assert [(q["quote"], q["speaker"]) for q in data["quotes"]][1:] == [
        ("very, very seriously", "Satya Nadella"), ("change everything", "Alexander Wang")]
    assert {"reportedly", "Analysts project"} <= {v["text"] for v in data["vague_attributions"]}
    assert ("sent shockwaves", "metaphor") in {(h["text"], h["category"]) for h in data["hype_phrases"]}


def test_json_figures_have_the_dataframe_columns(article, capsys):
    data = json.loads(run_here(capsys, "analyze", article, "--json").stdout)
    assert [f["text"] for f in data["figures"]][:3] == ["$6 million", "2%", "3.12%"]
    assert all(list(f) == COLUMNS for f in data["figures"])
    ranged = [f for f in data["figures"] if f["value_high"] is not None]
    assert [(f["value"], f["value_high"]) for f in ranged] == [(60e9, 65e9)]


def test_readable_output_lists_each_figure_with_its_sentence(article, capsys):
    result = run_here(capsys, "analyze", article)
    assert result.returncode == 0
    assert result.stdout.startswith("Figures: 9\n")
    assert "$60-65 billion" in result.stdout and "60,000,000,000 to 65,000,000,000" in result.stdout
    assert "Meta CEO Mark Zuckerberg" in result.stdout


def test_readable_output_has_a_section_for_quotes_vague_attributions_and_hype(article, capsys):
    out = run_here(capsys, "analyze", article).stdout
    sections = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert [line.split(":")[0] for line in sections] == ["Figures", "Quotes", "Vague attributions", "Hype phrases"]
    assert "Satya Nadella, Microsoft CEO" in out and "\u201cvery, very seriously\u201d" in out
    assert "[vague attribution]" in out and "reportedly" in out and "sent shockwaves" in out


def test_pasted_markup_is_printed_as_plain_text(tmp_path, capsys):
    path = _write(tmp_path / "markup.txt", 'Insiders say "<script>alert(1)</script>" cost $5 million. A STAGGERING sum!'.encode())
    result = run_here(capsys, "analyze", path)
    assert result.returncode == 0 and "<script>alert(1)</script>" in result.stdout
    data = json.loads(run_here(capsys, "analyze", path, "--json").stdout)
    assert data["quotes"][0]["quote"] == "<script>alert(1)</script>"


def test_control_characters_cannot_reach_the_terminal(tmp_path, capsys):
    path = tmp_path / "escape.txt"
    path.write_text("Costs \x1b[31mrose\x1b[0m to $5 million.", encoding="utf-8")
    result = run_here(capsys, "analyze", path)
    assert "\x1b" not in result.stdout and "\\x1b[31m" in result.stdout


BIDI_AND_C1 = "It cost $5 million \u202eevil\u202c and \u2066more\u2069 \x85 \x9b31m \x7f in total."


def test_bidirectional_and_c1_characters_are_escaped_in_both_outputs(tmp_path):
    path = _write(tmp_path / "bidi.txt", BIDI_AND_C1.encode("utf-8"))
    report = run_bytes("analyze", path)
    as_json = run_bytes("analyze", path, "--json")
    assert report.returncode == 0 and as_json.returncode == 0
    for raw in ("\u202e", "\u202c", "\u2066", "\u2069", "\x85", "\x9b", "\x7f"):
        assert raw.encode("utf-8") not in report.stdout + as_json.stdout
    assert b"\\u202eevil\\u202c" in report.stdout and b"\\x85" in report.stdout and b"\\x9b31m" in report.stdout
    assert b"\\u202eevil\\u202c" in as_json.stdout and b"\\u0085" in as_json.stdout and b"\\u009b31m" in as_json.stdout
    sentence = json.loads(as_json.stdout)["figures"][0]["sentence"]
    assert "\u202eevil" in sentence and "\x85" in sentence, "the escapes decode back to the text"


def test_the_report_and_the_json_escape_the_same_characters():
    characters = [chr(code) for code in range(0x3000)] + list("\ud800\udfff\ufeff\U0001f600\U000e0001")
    for character in characters:
        escaped_in_report = cli.printable(character) != character
        escaped_in_json = character not in cli.to_json({"text": character})
        assert escaped_in_report == escaped_in_json, hex(ord(character))
        for ascii_only in (False, True):
            encoded = cli.to_json({"text": character}, ascii_only=ascii_only)
            assert json.loads(encoded) == {"text": character}
            assert not (escaped_in_report and character in encoded), hex(ord(character))
    assert cli.printable("\u202e\u2066\u200f\u061c\u2028\x85\x7f\x00") == \
        "\\u202e\\u2066\\u200f\\u061c\\u2028\\x85\\x7f\\x00"
    assert cli.printable("\U0001f468\u200d\U0001f469 caf\u00e9\u00a0\u4e2d") == \
        "\U0001f468\u200d\U0001f469 caf\u00e9\u00a0\u4e2d", "joiners and no-break spaces are shown as they are"


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: _write(d / "empty.txt", b""), "is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\t\n"), "is empty"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "not a text file"),
    (lambda d: _write(d / "stray-nul.txt", b"It cost $5 million.\x00 Then more."), "not a text file"),
    (lambda d: _write(d / "latin.txt", "Caf\u00e9 costs \u20ac5".encode("cp1252")), "not UTF-8 text"),
    (lambda d: _write(d / "le.txt", "It cost $5 million.".encode("utf-16")), "is UTF-16 text: save it as UTF-8"),
    (lambda d: _write(d / "be.txt", b"\xfe\xff" + "It cost \u20ac5.".encode("utf-16-be")), "is UTF-16 text"),
    (lambda d: _write(d / "bare.txt", "It cost $5 million.\n".encode("utf-16-le")), "is UTF-16 text"),
    (lambda d: _write(d / "cjk.txt", "\u4e2d\u6587\u7684 \u6587\u5b57\n".encode("utf-16-be")), "is UTF-16 text"),
    (lambda d: _write(d / "wide.txt", "It cost $5 million.".encode("utf-32")), "is UTF-32 text: save it as UTF-8"),
    (lambda d: _write(d / "bare32.txt", "It cost $5.".encode("utf-32-be")), "is UTF-32 text"),
])
def test_bad_files_get_one_line_and_status_2(tmp_path, capsys, make, message):
    assert message in one_error_line(run_here(capsys, "analyze", make(tmp_path)))


def test_path_errors_are_one_line(tmp_path, capsys):
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    plain = _write(tmp_path / "plain.txt", b"17%")
    cases = {
        tmp_path / "loop-a": "symbolic link loop",
        tmp_path / "dangling": "is a symbolic link to",
        plain / "inside.txt": "is a file, not a folder",
        tmp_path / ("n" * 300 + ".txt"): "the file name is too long",
    }
    for path, message in cases.items():
        line = one_error_line(run_here(capsys, "analyze", path))
        assert message in line and "no such file" not in line, line
        assert len(line) < 300, "a very long name is shortened in the message"


def test_a_name_with_a_newline_and_an_override_stays_on_one_line(tmp_path):
    line = one_error_line(run("analyze", tmp_path / "bad\nname\u202e.txt"))
    assert "bad\\nname\\u202e.txt" in line


def _as_a_user_that_permissions_bind() -> list[str]:
    """A command prefix under which file permissions apply: none for a user, root without its override otherwise."""
    if not hasattr(os, "geteuid"):
        pytest.skip("POSIX permissions only")
    if os.geteuid() != 0:
        return []
    drop = "-dac_override,-dac_read_search"
    prefix = [shutil.which("setpriv") or "setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}"]
    try:
        usable = subprocess.run([*prefix, "true"], capture_output=True, timeout=HANG_GUARD).returncode == 0
    except OSError:
        usable = False
    if not usable:
        pytest.skip("running as root, which reads whatever the permissions say, and setpriv cannot drop that")
    return prefix


def test_a_folder_without_search_permission_and_an_unreadable_file(tmp_path):
    prefix = _as_a_user_that_permissions_bind()
    folder = tmp_path / "locked"
    folder.mkdir()
    _write(folder / "secret.txt", b"17%")
    _write(tmp_path / "unreadable.txt", b"17%").chmod(0)
    folder.chmod(0)
    try:
        results = [subprocess.run([*prefix, sys.executable, "-m", "solutions", "analyze", str(path)],
                                  capture_output=True, text=True, timeout=HANG_GUARD)
                   for path in (folder / "secret.txt", tmp_path / "unreadable.txt", folder)]
    finally:
        folder.chmod(0o755)
    assert "permission denied" in one_error_line(results[0])
    assert "permission denied" in one_error_line(results[1])
    assert "is a folder" in one_error_line(results[2])


@pytest.mark.parametrize("code, message", [
    (errno.EACCES, "permission denied"), (errno.ELOOP, "symbolic link loop"),
    (errno.ENAMETOOLONG, "too long"), (errno.EIO, "Input/output error"),
])
def test_open_errors_become_one_line(tmp_path, monkeypatch, capsys, code, message):
    path = _write(tmp_path / "secret.txt", b"17%")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(cli.os, "open", refuse)
    assert main(["analyze", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"error: cannot read {path}: ") and message in error


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    path = _write(tmp_path / "secret.txt", b"17%")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli.os, "read", refuse)
    assert main(["analyze", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"error: cannot read {path}: Permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_without_a_writer_does_not_hang(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "is a named pipe with nothing written to it" in one_error_line(run("analyze", pipe))


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="needs /dev/stdin")
def test_a_pipe_with_a_writer_is_read(tmp_path):
    """``/dev/stdin`` fed by a pipe is what ``analyze <(command)`` gives: a pipe whose writer is already there."""
    result = run("analyze", "/dev/stdin", "--json", input="It cost $5 million.\n")
    assert result.returncode == 0, result.stderr
    assert [figure["text"] for figure in json.loads(result.stdout)["figures"]] == ["$5 million"]


@pytest.mark.slow  # reads 10 MB
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit():
    line = one_error_line(run("analyze", "/dev/zero"))
    assert "/dev/zero holds more than 10.0 MB; the analyser reads files up to 10.0 MB" in line


def test_standard_input(tmp_path):
    result = run("analyze", "-", input="Shares fell 17%.\n")
    assert result.returncode == 0 and "Figures: 1" in result.stdout
    assert "standard input is empty" in one_error_line(run("analyze", "-", input=""))


@pytest.mark.slow  # reads 10 MB
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_standard_input_is_read_only_up_to_the_limit():
    with open("/dev/zero", "rb") as zeros:
        line = one_error_line(run("analyze", "-", stdin=zeros))
    assert "standard input holds more than 10.0 MB" in line


@pytest.mark.parametrize("size, shown", [(MAX_BYTES + 1, "is 10.000001 MB"), (12_300_000, "is 12.3 MB")])
def test_oversized_file_is_refused_quickly(tmp_path, capsys, size, shown):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(size)
    assert main(["analyze", str(path)]) == 2
    error = capsys.readouterr().err
    assert f"{shown}; the analyser reads files up to 10.0 MB, so split it into smaller files" in error
    assert "MiB" not in error


def test_the_limit_is_ten_million_bytes():
    assert MAX_BYTES == 10 * cli.MEGABYTE == 10_000_000


NEWS_IN_MANY_SCRIPTS = "Shares fell 17% \U0001f4c9 \u4e2d\u6587\u65b0\u95fb \u0645\u0631\u062d\u0628\u0627 caf\u00e9 " \
                       "\u2014 it cost $5 million.\n"


def test_any_output_encoding_works(tmp_path):
    path = _write(tmp_path / "mixed.txt", NEWS_IN_MANY_SCRIPTS.encode("utf-8"))
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    report = run_bytes("analyze", path, env=environment)
    assert report.returncode == 0 and report.stderr == b""
    assert b"\\U0001f4c9" in report.stdout and b"\\u4e2d\\u6587" in report.stdout
    assert "caf\u00e9".encode("cp1252") in report.stdout
    as_json = run_bytes("analyze", path, "--json", env=environment)
    assert as_json.returncode == 0 and as_json.stderr == b""
    assert max(as_json.stdout) < 128, "pure ASCII JSON when the encoding cannot hold every character"
    assert NEWS_IN_MANY_SCRIPTS.strip()[:40] in json.loads(as_json.stdout)["figures"][0]["sentence"]


def test_a_reader_that_closes_the_pipe_early(tmp_path):
    """Like ``| head -1``: the command stops quietly, with no traceback and no message at exit."""
    path = _write(tmp_path / "many.txt", b"5% " * 3000)
    for extra in ([], ["--json"]):
        process = subprocess.Popen([sys.executable, "-m", "solutions", "analyze", str(path), *extra],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        start = process.stdout.read(1000)
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=HANG_GUARD) == cli.EXIT_PIPE_CLOSED
        process.stderr.close()
        assert len(start) == 1000 and error == b"", error.decode(errors="replace")


def test_json_is_strict_when_a_value_is_too_large(tmp_path, capsys):
    path = _write(tmp_path / "nines.txt", ("The deal was worth $" + "9" * 400 + " million.").encode())

    def refuse_constant(name):
        raise ValueError(f"not strict JSON: {name}")

    result = run_here(capsys, "analyze", path, "--json")
    assert result.returncode == 0, result.stderr
    figure = json.loads(result.stdout, parse_constant=refuse_constant)["figures"][0]
    assert figure["value"] is None and figure["text"].startswith("$999")
    assert "too large" in run_here(capsys, "analyze", path).stdout


def test_json_safe_replaces_every_value_too_large_to_represent():
    data = {"a": [float("inf"), -float("inf"), float("nan"), 1.5, 10 ** 400, 10 ** 300, True, None, "x"]}
    assert cli.json_safe(data) == {"a": [None, None, None, 1.5, None, 10 ** 300, True, None, "x"]}


def test_report_size_is_bounded_by_the_input(tmp_path):
    """The review's reproduction: many figures in one long sentence must not give output growing with its square."""
    text = "it cost $5 million and " * 2000
    report = cli.format_report(cli.analyze_text(text))
    assert len(report) <= 20 * len(text)


@pytest.mark.skipif(sys.flags.dev_mode, reason="python -X dev shows the traceback instead")
def test_an_analyser_failure_is_one_line_with_status_1(tmp_path, monkeypatch, capsys):
    path = _write(tmp_path / "fine.txt", b"Shares fell 17%.")

    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no message")

    def fail(text):
        raise Unprintable()

    monkeypatch.setattr(cli, "analyze_text", fail)
    assert main(["analyze", str(path)]) == 1
    error = capsys.readouterr().err
    assert error == "error: internal error (Unprintable: no message); please report it\n"


def test_usage_errors_exit_2(capsys):
    assert run().returncode == 2
    with pytest.raises(SystemExit) as exit_:
        main(["analyse", "x"])
    assert exit_.value.code == 2


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.slow  # a 10 MB input
def test_a_file_just_under_the_limit_is_analysed(tmp_path):
    """Ten megabytes of news text with markup in it: analysed in one go and printed as text (no hang, no crash)."""
    chunk = (article_text("003") + '\nInsiders say "<script>alert(1)</script>" STAGGERING!\n').encode("utf-8")
    path = _write(tmp_path / "big.txt", chunk * (MAX_BYTES // len(chunk) - 1))
    result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(path), "--json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-500:]
    data = json.loads(result.stdout)
    assert len(data["quotes"]) >= MAX_BYTES // len(chunk) - 1
