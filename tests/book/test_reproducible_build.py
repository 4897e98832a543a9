"""Two builds of the same sources write the same pages, and every notebook offered for download is the same from
run to run.

Randomness can enter in two places, and each has its test:

- when Sphinx writes the pages (an order that depends on iterating a set of strings, ids made while writing): a
  second build of the whole book, starting from the session build's cache of executed pages as the student
  edition's build does, must write every HTML page byte for byte as the first did. It runs in a process of its
  own, so with a string-hash seed of its own. About 40 s instead of the four minutes of a second build that runs
  every page again. (A build from the cache offers its notebooks without their outputs, so the downloads are
  compared in the next test, not here; here each is checked to be in the stable form the build gives it.)
- when a page runs (ipywidget model ids are random in every kernel, cell ids in every reading of a page): the GPUs
  chapter, which shows exercise widgets, is run twice as a notebook; the two runs differ, and the download the
  build makes of each (:func:`exercises.page_assets.stable_notebook`) is the same.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbclient
import nbformat
import pytest

from exercises.page_assets import stable_notebook
from support.building import build_from_cache
from support.paths import REPO_ROOT

pytestmark = pytest.mark.book

#: The downloadable notebooks, under the HTML folder.
DOWNLOADS = "_sources/**/*.ipynb"
#: A chapter with exercise widgets, whose download carries their model ids.
WIDGET_PAGE = REPO_ROOT / "book" / "gpus.md"


def _pages(html_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(html_dir).as_posix(): path.read_bytes() for path in html_dir.glob("**/*.html")}


def test_a_second_build_writes_identical_pages(book_html, tmp_path):
    second = build_from_cache(tmp_path / "second", book_html)
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
    first_pages, second_pages = _pages(book_html), _pages(tmp_path / "second" / "_build" / "html")
    assert sorted(first_pages) == sorted(second_pages) and "book/gpus.html" in first_pages
    differing = [name for name in sorted(first_pages) if first_pages[name] != second_pages[name]]
    assert differing == [], f"{len(differing)} pages differ between two builds: {differing}"


def test_every_download_is_in_its_stable_form(book_html):
    downloads = {path.relative_to(book_html / "_sources").with_suffix("").as_posix(): path.read_text("utf-8")
                 for path in book_html.glob(DOWNLOADS)}
    assert "book/gpus" in downloads
    unstable = [page for page, text in downloads.items() if stable_notebook(text, page) != text]
    assert unstable == [], f"downloads the build did not make stable: {unstable}"


def _run(page: Path) -> str:
    notebook = jupytext.read(page)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(page.parent)}}).execute()
    return nbformat.writes(notebook)


def test_a_page_run_twice_offers_the_same_notebook():
    first, second = _run(WIDGET_PAGE), _run(WIDGET_PAGE)
    assert first != second, "two runs gave the same notebook: there is no randomness left to test"
    assert "application/vnd.jupyter.widget-view+json" in first, "the page shows no widget"
    assert stable_notebook(first, "book/gpus") == stable_notebook(second, "book/gpus")
