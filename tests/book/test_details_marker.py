"""Every collapsible section a notebook shows has a disclosure marker, in JupyterLab and in the book.

jupyterlab-myst's stylesheet, loaded on every JupyterLab page, has the unscoped rule
``details > summary { list-style: none }``: the triangle that tells a reader a section opens disappears
from every ``<details>`` in a cell's output. The kit's sections carry ``style="list-style: revert"`` on
their ``<summary>``, which beats that rule and gives back the browser's own marker (the same one the book
shows, so the book never gets a second one).

Each page's code cells are run here in one namespace, as a notebook runs them; every output that JupyterLab
shows as HTML (live widgets show their own controls instead) is searched for ``<summary>`` elements.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import re

import jupytext
import matplotlib
import pytest

from support.paths import REPO_ROOT

PAGES = sorted((REPO_ROOT / "book").glob("*.md"))
SUMMARY = re.compile(r"<summary\b[^>]*>")
MARKER = 'style="list-style: revert"'


@functools.cache
def html_outputs(page) -> list[str]:
    """The HTML each code cell's last expression shows in JupyterLab (not live widgets, which show controls)."""
    matplotlib.use("Agg")
    namespace: dict = {}
    shown = []
    for cell in jupytext.read(page).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, str(page), "exec"), namespace)  # noqa: S102 - the kit's own pages
            expression = compile(ast.Expression(last.value), str(page), "eval") if last else None
            value = eval(expression, namespace) if expression else None  # noqa: S307 - the kit's own pages
        bundle = value._repr_mimebundle_() if hasattr(value, "_repr_mimebundle_") else None
        if isinstance(bundle, dict) and "application/vnd.jupyter.widget-view+json" in bundle:
            continue
        if hasattr(value, "_repr_html_") and value._repr_html_():
            shown.append(value._repr_html_())
    return shown


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_every_summary_in_a_notebook_output_keeps_its_marker(page):
    summaries = [tag for html in html_outputs(page) for tag in SUMMARY.findall(html)]
    assert [tag for tag in summaries if MARKER not in tag] == []


def test_the_pages_with_collapsible_sections_are_searched():
    with_sections = {page.stem for page in PAGES if any("<summary" in html for html in html_outputs(page))}
    assert {"attribution", "hype"} <= with_sections
