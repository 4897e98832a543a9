"""The book's links to its evidence, built in a small fixture book: good links work, bad ones fail the build.

Pages cite facts and paragraphs with Markdown links to ``facts.md`` and ``articles.md`` (which JupyterLab
can follow); the Sphinx extension checks each one and points it at the HTML page. Links in a cell's HTML
output name ``.md`` pages too and are rewritten the same way.
"""

from __future__ import annotations

import json
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
TOC = """\
format: jb-book
root: book/page
chapters:
  - file: book/facts
  - file: book/articles
  - file: book/output
"""


def _notebook_with_html_output(html: str) -> str:
    """A notebook whose one code cell has already printed ``html``, as an executed exercise page has."""
    cell = {"cell_type": "code", "execution_count": 1, "id": "shows-html", "metadata": {}, "source": "show()",
            "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": html}}]}
    title = {"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# Output"}
    return json.dumps({"cells": [title, cell], "nbformat": 4, "nbformat_minor": 5,
                       "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}})


def build_fixture(tmp_path, body: str, output_html: str = "<p>No links.</p>") -> subprocess.CompletedProcess:
    book = tmp_path / "book"
    book.mkdir()
    (tmp_path / "_config.yml").write_text(CONFIG)
    (tmp_path / "_toc.yml").write_text(TOC)
    (book / "page.md").write_text(f"# Page\n\n{body}\n")
    (book / "facts.md").write_text("# Facts\n\nThe cards.\n")
    (book / "articles.md").write_text("# Articles\n\nThe texts.\n")
    (book / "output.ipynb").write_text(_notebook_with_html_output(output_html))
    return subprocess.run([jupyter_book_command(), "build", str(tmp_path), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)


def test_good_links_point_at_the_html_pages(tmp_path):
    body = ("See [COST-01](facts.md#fact-cost-01), [003 ¶7](articles.md#a003-p7), [](articles.md#a000-p8), "
            "[article 002](articles.md#article-002) and [the articles page](articles.md).")
    output = ('<a href="facts.md#fact-mkt-03">MKT-03</a> <a href="articles.md#a003-p7">003 ¶7</a> '
              '<a href="page.md">back</a> <a href="https://example.org/x.md">elsewhere</a>')
    result = build_fixture(tmp_path, body, output)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "_build" / "html" / "book" / "page.html").read_text()
    assert ('class="fact-ref reference internal" href="facts.html#fact-cost-01" '
            'title="Fact COST-01: misattributed (also conflated, rounded)">COST-01</a>') in html
    assert 'href="articles.html#a003-p7">003 ¶7</a>' in html
    assert 'href="articles.html#a000-p8">000 ¶8</a>' in html
    assert 'href="articles.html#article-002">article 002</a>' in html
    assert 'href="articles.html"><span class="std std-doc">the articles page</span></a>' in html
    outputs = (tmp_path / "_build" / "html" / "book" / "output.html").read_text()
    assert '<a href="facts.html#fact-mkt-03">MKT-03</a>' in outputs
    assert '<a href="articles.html#a003-p7">003 ¶7</a>' in outputs
    assert '<a href="page.html">back</a>' in outputs
    assert '<a href="https://example.org/x.md">elsewhere</a>' in outputs
    assert 'href="facts.md' not in outputs + html


@pytest.mark.parametrize("body, message", [
    ("[COST-99](facts.md#fact-cost-99)", "there is no fact 'COST-99' in seeds/facts.csv"),
    ("[INV-01](facts.md#fact-inv-01)", "fact INV-01 was split into INV-01a, INV-01b"),
    ("[COST-02](facts.md#fact-cost-01)", "the link says 'COST-02' but points at fact COST-01"),
    ("[003 ¶99](articles.md#a003-p99)", "article 003 has paragraphs 1 to"),
    ("[003 ¶8](articles.md#a003-p7)", "the link says '003 ¶8' but points at paragraph 003 ¶7"),
    ("[009 ¶1](articles.md#a009-p1)", "No seed article with id '009'"),
    ("[009](articles.md#article-009)", "there is no article '009'"),
    ("[the cost chapter](cost.md)", "cross-reference target not found: 'cost.md'"),
    ("{fact}`cost-01`", "Write {fact}`cost-01` as [cost-01](facts.md#fact-cost-01)"),
    ("{para}`003 ¶7`", "Write {para}`003 ¶7` as [003 ¶7](articles.md#a003-p7)"),
])
def test_bad_links_fail_the_build(tmp_path, body, message):
    result = build_fixture(tmp_path, body)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


@pytest.mark.parametrize("output, message", [
    ('<a href="cost.md#exercise-cost-1">the exercise</a>', "links to cost.md, which is not a page of the book"),
    ('<a href="facts.md#fact-cost-99">COST-99</a>', "there is no fact 'COST-99'"),
])
def test_bad_output_links_fail_the_build(tmp_path, output, message):
    result = build_fixture(tmp_path, "Nothing cited.", output)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
