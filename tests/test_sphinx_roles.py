"""The book's citation roles, built in a small fixture book: good references link, bad ones fail the build."""

from __future__ import annotations

import subprocess

import pytest

from conftest import jupyter_book_command

pytestmark = pytest.mark.book

CONFIG = """\
title: Fixture
only_build_toc_files: true
execute:
  execute_notebooks: "off"
sphinx:
  extra_extensions: [exercises.sphinx]
"""
TOC = "format: jb-book\nroot: book/page\n"


def build_fixture(tmp_path, body: str) -> subprocess.CompletedProcess:
    (tmp_path / "book").mkdir()
    (tmp_path / "_config.yml").write_text(CONFIG)
    (tmp_path / "_toc.yml").write_text(TOC)
    (tmp_path / "book" / "page.md").write_text(f"# Page\n\n{body}\n")
    return subprocess.run([jupyter_book_command(), "build", str(tmp_path), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)


def test_good_references_become_links(tmp_path):
    result = build_fixture(tmp_path, "See {fact}`cost-01` and {para}`003 ¶7` and {para}`000/8`.")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "_build" / "html" / "book" / "page.html").read_text()
    assert 'href="facts.html#fact-cost-01"' in html and 'title="Fact COST-01: misattributed (also conflated, rounded)"' in html
    assert 'href="articles.html#a003-p7">003 ¶7</a>' in html
    assert 'href="articles.html#a000-p8">000 ¶8</a>' in html


@pytest.mark.parametrize("body, message", [
    ("{fact}`COST-99`", "Unknown fact id 'COST-99'"),
    ("{para}`003 ¶99`", "Article 003 has paragraphs 1 to"),
    ("{para}`009 ¶1`", "No seed article with id '009'"),
    ("{para}`paragraph seven`", "Write a paragraph reference as '003 ¶7'"),
])
def test_bad_references_fail_the_build(tmp_path, body, message):
    result = build_fixture(tmp_path, body)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
