"""The kit's Sphinx extension (:mod:`exercises.sphinx`), built into the fixture books in ``tests/books/``.

``kit_extension`` uses everything the extension offers and must build cleanly with ``-W``; each test checks one
promise on its HTML. ``broken_evidence`` holds one of each broken use (a bad evidence link, an old role, a bad link
in a cell's output): its ``-W`` build must fail and name each one. Each book is built once, from a copy, with
``jupyter-book build -W -n --keep-going`` and no kernel (about 7 s each).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.building import jupyter_book_command
from support.paths import TESTS

pytestmark = pytest.mark.book

BOOKS = TESTS / "books"
READING_PAGES = ("book/index.html", "book/exercise.html", "book/facts.html", "book/articles.html")


def build_fixture_book(name: str, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """Build a copy of ``tests/books/<name>`` with the project's gate; return the result and its HTML folder."""
    book = tmp_path_factory.mktemp(name) / name
    shutil.copytree(BOOKS / name, book)
    result = subprocess.run([jupyter_book_command(), "build", str(book), "-W", "-n", "--keep-going"],
                            capture_output=True, text=True, cwd=book, timeout=600)
    return result, book / "_build" / "html"


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> Path:
    result, html_dir = build_fixture_book("kit_extension", tmp_path_factory)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return html_dir


@pytest.fixture(scope="module")
def broken_build_log(tmp_path_factory) -> str:
    result, _ = build_fixture_book("broken_evidence", tmp_path_factory)
    assert result.returncode != 0, "the broken fixture book built without a warning"
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # without the terminal colours


def page(html: Path, name: str) -> str:
    return (html / name).read_text(encoding="utf-8")


def assets(page_html: str) -> list[str]:
    """The file names of the scripts and stylesheets a page loads, without their ``?v=`` checksums."""
    sources = re.findall(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"?]+)(?:\?[^"]*)?"', page_html)
    return [source.rsplit("/", 1)[-1] for source in sources if not source.endswith(".html")]


# Evidence links in a page's Markdown

def test_a_fact_link_points_at_its_card_with_its_verdicts_as_tooltip(html):
    index = page(html, "book/index.html")
    assert ('<a class="fact-ref reference internal" href="facts.html#fact-cost-01" '
            'title="Fact COST-01: misattributed (also conflated, rounded)">COST-01</a>') in index


def test_paragraph_and_article_links_point_at_the_articles_page(html):
    index = page(html, "book/index.html")
    assert '<a class="para-ref reference internal" href="articles.html#a003-p7">003 ¶7</a>' in index
    assert '<a class="para-ref reference internal" href="articles.html#a000-p8">000 ¶8</a>' in index  # text filled in
    assert '<a class="article-ref reference internal" href="articles.html#article-002">article 002</a>' in index
    assert '<a class="reference internal" href="facts.html">' in index  # a plain page link is left to Sphinx


# Links and the launch link in a cell's stored HTML output

def test_links_in_an_output_point_at_the_html_pages(html):
    exercise = page(html, "book/exercise.html")
    assert '<a href="facts.html#fact-mkt-03">MKT-03</a>' in exercise
    assert '<a href="articles.html#a003-p7">003 ¶7</a>' in exercise
    assert '<a href="index.html">back</a>' in exercise
    assert '<a href="https://example.org/notes.md">elsewhere</a>' in exercise  # another site's page is left alone
    assert not re.search(r'href="[^":]*\.md', exercise)


def test_the_launch_link_opens_the_page_on_binder(html):
    assert ('<a class="kit-launch" href="https://mybinder.org/v2/gh/example-org/fixture-book/main'
            '?urlpath=lab/tree/book/exercise.ipynb">') in page(html, "book/exercise.html")
    assert "#kit-launch-notebook" not in page(html, "book/exercise.html")


# What the extension ships, and what each page loads

@pytest.mark.parametrize("name", ["kit-quiz.js", "kit-quiz.css", "kit-hype.css"])
def test_the_quiz_script_and_styles_are_shipped(html, name):
    assert (html / "_static" / name).stat().st_size > 0


@pytest.mark.parametrize("name", [*READING_PAGES, "search.html"])
def test_every_page_loads_the_quiz_script_deferred_and_its_styles(html, name):
    text = page(html, name)
    assert re.search(r'<script defer="defer" src="(\.\./)?_static/kit-quiz\.js(\?v=[0-9a-f]+)?"></script>', text)
    assert {"kit-quiz.css", "kit-hype.css"} <= set(assets(text))


@pytest.mark.parametrize("name", [*READING_PAGES, "search.html"])
def test_no_page_loads_thebe_or_the_icon_script(html, name):
    text = page(html, name)
    loaded = assets(text)
    assert not [asset for asset in loaded if "thebe" in asset], loaded
    assert "THEBE_JS_URL" not in text
    assert "fontawesome.js" not in loaded


@pytest.mark.parametrize("name", READING_PAGES)
def test_reading_pages_leave_search_to_the_search_page(html, name):
    assert not {"searchindex.js", "searchtools.js"} & set(assets(page(html, name)))


def test_the_search_page_loads_its_index(html):
    assert {"searchindex.js", "searchtools.js"} <= set(assets(page(html, "search.html")))


def test_a_page_keeps_an_extensions_assets_only_if_it_uses_them(html):
    with_code, without_code = assets(page(html, "book/index.html")), assets(page(html, "book/facts.html"))
    assert "copybutton.js" in with_code and "copybutton.js" not in without_code
    for name in READING_PAGES:  # no page has a dropdown or a sphinx-design element
        assert not {"togglebutton.js", "design-tabs.js", "sphinx-design.min.css"} & set(assets(page(html, name)))


def test_the_widget_state_of_a_notebook_is_left_out_of_its_page(html):
    source = (BOOKS / "kit_extension" / "book" / "exercise.ipynb").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-state+json" in source
    assert "widget-state" not in page(html, "book/exercise.html")


def test_the_downloadable_notebook_has_numbered_cell_ids(html):
    notebook = (html / "_sources" / "book" / "index.ipynb").read_text(encoding="utf-8")
    assert re.findall(r'"id": "([^"]*)"', notebook) == ["cell-0", "cell-1"]


# Broken uses fail the -W build, each with a message that says what to fix

@pytest.mark.parametrize("location, message", [
    ("index.md:3", "facts.md#fact-cost-99: there is no fact 'COST-99' in seeds/facts.csv."),
    ("index.md:4", "facts.md#fact-inv-01: fact INV-01 was split into INV-01a, INV-01b in version 2 of the fact "
                   "sheet: link to the part that holds the claim."),
    ("index.md:5", "facts.md#fact-cost-01: the link says 'COST-02' but points at fact COST-01."),
    ("index.md:6", "articles.md#a003-p99: article 003 has paragraphs 1 to"),
    ("index.md:7", "articles.md#a003-p7: the link says '003 ¶8' but points at paragraph 003 ¶7."),
    ("index.md:8", "articles.md#a009-p1: No seed article with id '009'"),
    ("index.md:9", "articles.md#article-009: there is no article '009' among the seed articles."),
    ("index.md:10", "Write {fact}`cost-01` as [cost-01](facts.md#fact-cost-01): a Markdown link also works"),
    ("index.md:10", "Write {para}`003 ¶7` as [003 ¶7](articles.md#a003-p7): a Markdown link also works"),
    ("output.ipynb", "An output on this page links to cost.md, which is not a page of the book."),
    ("output.ipynb", "An output on this page links to a missing target: facts.md#fact-cost-99: there is no fact"),
])
def test_each_broken_use_fails_the_build_with_its_place_and_fix(broken_build_log, location, message):
    lines = [line for line in broken_build_log.splitlines() if message in line]
    assert lines, f"{message!r} not in the build log:\n{broken_build_log[-3000:]}"
    assert any(f"/book/{location}" in line for line in lines), lines
