"""Two clean builds of the same sources write the same bytes: every HTML page and every notebook offered
for download.

The two builds are of a part of the book (a fixture book made from the repository's own sources with a shorter
table of contents), so the check takes about 50 s instead of two full builds' four minutes. The part holds one
page of each way a page can vary between builds: a chapter with exercise widgets, the progress page and the answer
key (gathered from every chapter's exercise definitions). Nondeterminism this
test has caught: ipywidget state with random model ids in the pages, and random cell and model ids in the
downloadable notebooks (see exercises/page_assets.py). Each build runs in a process of its own, so with its own
string-hash seed: an order that depends on iterating a set of strings shows up too. The full book's gate build,
with warnings as errors, is tests/book/test_book.py's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.building import build_book
from support.paths import REPO_ROOT

pytestmark = pytest.mark.book

#: The pages of the part of the book built twice (the first is the root page).
PAGES = ("book/index", "book/gpus", "book/progress", "book/teachers-answer-key")
#: What the part's copy of the repository leaves out: earlier builds, version control and what no page reads.
NOT_COPIED = shutil.ignore_patterns("_build", ".git", ".jupyter_cache", "tests", "benchmarks", "*.egg-info",
                                    "__pycache__", ".pytest_cache")
#: Build outputs that must not change between builds, as glob patterns under the HTML folder.
COMPARED = ("**/*.html", "_sources/**/*.ipynb")


def part_of_the_book(folder: Path) -> Path:
    """Copy the book's sources into ``folder`` with a table of contents of :data:`PAGES` only; return it."""
    shutil.copytree(REPO_ROOT, folder, ignore=NOT_COPIED)
    root, *chapters = PAGES
    (folder / "_toc.yml").write_text("format: jb-book\nroot: " + root + "\nchapters:\n"
                                     + "".join(f"  - file: {page}\n" for page in chapters), encoding="utf-8")
    return folder


def _outputs(html_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(html_dir).as_posix(): path.read_bytes()
            for pattern in COMPARED for path in html_dir.glob(pattern)}


def test_two_clean_builds_write_identical_pages(tmp_path):
    outputs = []
    for name in ("first", "second"):
        source = part_of_the_book(tmp_path / name)
        result = build_book(source, source=source, strict=False)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        outputs.append(_outputs(source / "_build" / "html"))
    first_outputs, second_outputs = outputs
    assert sorted(first_outputs) == sorted(second_outputs)
    built = {name.removesuffix(".html") for name in first_outputs}
    assert set(PAGES) <= built, f"pages missing from the build: {set(PAGES) - built}"
    assert any(name.endswith(".ipynb") for name in first_outputs), "no downloadable notebooks were compared"
    differing = [name for name in sorted(first_outputs) if first_outputs[name] != second_outputs[name]]
    assert differing == [], f"{len(differing)} files differ between two clean builds: {differing}"
