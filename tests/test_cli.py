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


def test_json_output_has_the_figures_with_the_dataframe_columns(article):
    result = run("analyze", article, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["figures"]
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
