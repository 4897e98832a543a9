"""Every page of the book runs as a notebook, the way Binder or a classroom Jupyter opens it."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbclient
import pytest

from conftest import REPO_ROOT

PAGES = sorted((REPO_ROOT / "book").glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_runs_as_a_notebook(page: Path):
    notebook = jupytext.read(page)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(page.parent)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    display_cells = [c for c in notebook.cells
                     if c.cell_type == "code" and "remove-input" in c.metadata.get("tags", [])]
    assert all(cell.outputs for cell in display_cells), "a cell that exists to show something showed nothing"
