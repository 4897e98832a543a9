"""Two clean builds of the same sources write the same bytes: every HTML page and every notebook offered
for download. The session's book is one build; this test makes a second one in its own folder (a minute
or two). Nondeterminism it has caught: ipywidget state with random model ids in the pages, and random
cell and model ids in the downloadable notebooks (see exercises/page_assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.building import build_book

pytestmark = pytest.mark.book

#: Build outputs that must not change between builds, as glob patterns under the HTML folder.
COMPARED = ("**/*.html", "_sources/**/*.ipynb")


def _outputs(html_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(html_dir).as_posix(): path.read_bytes()
            for pattern in COMPARED for path in html_dir.glob(pattern)}


def test_two_clean_builds_write_identical_pages(book_html, tmp_path):
    second = build_book(tmp_path / "second")
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
    first_outputs, second_outputs = _outputs(book_html), _outputs(tmp_path / "second" / "_build" / "html")
    assert sorted(first_outputs) == sorted(second_outputs)
    assert any(name.endswith(".ipynb") for name in first_outputs), "no downloadable notebooks were compared"
    differing = [name for name in sorted(first_outputs) if first_outputs[name] != second_outputs[name]]
    assert differing == [], f"{len(differing)} files differ between two clean builds: {differing}"
