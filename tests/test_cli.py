"""The command line: ``python -m solutions analyze FILE [--json]``, including every way a file can be bad."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from solutions import article_text
from solutions.cli import MAX_BYTES, main
from solutions.figures import COLUMNS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "solutions", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


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


def test_json_figures_have_the_dataframe_columns(article):
    data = json.loads(run("analyze", article, "--json").stdout)
    assert [f["text"] for f in data["figures"]][:3] == ["$6 million", "2%", "3.12%"]
    assert all(list(f) == COLUMNS for f in data["figures"])
    ranged = [f for f in data["figures"] if f["value_high"] is not None]
    assert [(f["value"], f["value_high"]) for f in ranged] == [(60e9, 65e9)]


def test_readable_output_lists_each_figure_with_its_sentence(article):
    result = run("analyze", article)
    assert result.returncode == 0
    assert result.stdout.startswith("Figures: 9\n")
    assert "$60-65 billion" in result.stdout and "60,000,000,000 to 65,000,000,000" in result.stdout
    assert "Meta CEO Mark Zuckerberg" in result.stdout


def test_readable_output_has_a_section_for_quotes_vague_attributions_and_hype(article):
    out = run("analyze", article).stdout
    sections = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert [line.split(":")[0] for line in sections] == ["Figures", "Quotes", "Vague attributions", "Hype phrases"]
    assert "Satya Nadella, Microsoft CEO" in out and "\u201cvery, very seriously\u201d" in out
    assert "[vague attribution]" in out and "reportedly" in out and "sent shockwaves" in out


def test_pasted_markup_is_printed_as_plain_text(tmp_path):
    path = _write(tmp_path / "markup.txt", 'Insiders say "<script>alert(1)</script>" cost $5 million. A STAGGERING sum!'.encode())
    result = run("analyze", path)
    assert result.returncode == 0 and "<script>alert(1)</script>" in result.stdout
    data = json.loads(run("analyze", path, "--json").stdout)
    assert data["quotes"][0]["quote"] == "<script>alert(1)</script>"


def test_control_characters_cannot_reach_the_terminal(tmp_path):
    path = tmp_path / "escape.txt"
    path.write_text("Costs \x1b[31mrose\x1b[0m to $5 million.", encoding="utf-8")
    result = run("analyze", path)
    assert "\x1b" not in result.stdout and "\\x1b[31m" in result.stdout


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: _write(d / "empty.txt", b""), "is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\t\n"), "is empty"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "not a text file"),
    (lambda d: _write(d / "latin.txt", "Caf\u00e9 costs \u20ac5".encode("cp1252")), "not UTF-8 text"),
])
def test_bad_files_get_one_line_and_status_2(tmp_path, make, message):
    result = run("analyze", make(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    path = _write(tmp_path / "secret.txt", b"17%")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    assert main(["analyze", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"error: cannot read {path}: permission denied"


def test_oversized_file_is_refused_quickly(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert main(["analyze", str(path)]) == 2
    assert "split it into smaller files" in capsys.readouterr().err


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("analyse", "x").returncode == 2


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_a_file_just_under_the_limit_is_analysed(tmp_path):
    """Ten megabytes of news text with markup in it: analysed in one go and printed as text (no hang, no crash)."""
    chunk = (article_text("003") + '\nInsiders say "<script>alert(1)</script>" STAGGERING!\n').encode("utf-8")
    path = _write(tmp_path / "big.txt", chunk * (MAX_BYTES // len(chunk) - 1))
    result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(path), "--json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-500:]
    data = json.loads(result.stdout)
    assert len(data["quotes"]) >= MAX_BYTES // len(chunk) - 1
