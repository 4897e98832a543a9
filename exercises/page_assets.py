"""What each page of the book loads: only what it shows, and the same bytes on every build.

Sphinx hooks, registered by :mod:`exercises.sphinx`:

- **No icon script or icon fonts.** The theme's Font Awesome script (1.5 MB, loaded by every page) is left
  out by the kit's copy of the theme's ``static/webpack-macros.html`` (in ``templates/``), which drops that
  one ``<script>`` and the preload hints of two scripts the page loads anyway; ``book/_static/kit-icons.css``
  draws the few icons the book shows and stops the browser from fetching the icon fonts.
- **No search index on reading pages.** The theme loads Sphinx's search scripts and the whole search index
  (about 100 KB) on every page for a search-as-you-type box this book does not use (``search_as_you_type``
  is off: the search box opens ``search.html``). The kit's ``templates/layout.html`` leaves them to the
  search page, which loads its own.
- **No ipywidget state.** myst-nb writes the state of every widget the notebook made into the page as
  ``application/vnd.jupyter.widget-state+json`` (up to 230 KB a page, and the model ids in it differ on
  every build). The static pages never run a widget: each exercise's output also holds the static quiz
  HTML, which the book shows instead. :func:`drop_unused_assets` removes that script from the page.
- **The same notebook on every build.** The ``.ipynb`` a page offers for download (copied into ``_sources``
  by the theme) carries random cell ids and random widget model ids. :func:`stable_notebook` renames them
  in a fixed order, so that two builds of one commit write the same bytes.
- **Extensions' assets only where used.** sphinx-design, sphinx-togglebutton and sphinx-copybutton add
  their scripts and styles to every page; a page keeps them only if its body has something they act on. The
  kit's own page-only scripts (the weight explorer's and the My progress page's) follow the same rule.
  sphinx-thebe's scripts and stylesheet go from every page.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat

from . import quiz_script

TEMPLATES = Path(__file__).parent / "templates"

#: Script types that a static page never runs.
UNUSED_SCRIPT_TYPES = {"application/vnd.jupyter.widget-state+json"}

#: Styles of features the book does not use: thebe (the kit launches notebooks on Binder).
UNUSED_FILES = {"sphinx-thebe.css"}

#: An extension's asset file (by name) and what a page's body must contain for the page to load it.
_USES_DESIGN = re.compile(r'class="[^"]*\bsd-')
_USES_TOGGLE = re.compile(r'class="[^"]*\b(?:toggle|dropdown)\b')
_USES_COPY = re.compile(r'class="[^"]*\bhighlight\b')
OPTIONAL_ASSETS = {
    "sphinx-design.min.css": _USES_DESIGN,
    "design-tabs.js": _USES_DESIGN,
    "togglebutton.css": _USES_TOGGLE,
    "togglebutton.js": _USES_TOGGLE,
    "copybutton.css": _USES_COPY,
    "copybutton.js": _USES_COPY,
    "clipboard.min.js": _USES_COPY,
    **quiz_script.USED_BY,
}


def _file_name(asset) -> str:
    return str(getattr(asset, "filename", "") or "").rsplit("/", 1)[-1]


def _is_thebe_script(asset) -> bool:
    """Jupyter Book 1 always loads sphinx-thebe, which declares ``THEBE_JS_URL`` twice (a console error on
    every page) and points at a third-party CDN; the kit launches notebooks on Binder instead."""
    inline = str(getattr(asset, "attributes", {}).get("body", ""))
    return "thebe" in _file_name(asset) or "THEBE_JS_URL" in inline


def _needed(asset, body: str) -> bool:
    """Whether a page whose body is ``body`` needs this script or stylesheet."""
    if str(getattr(asset, "attributes", {}).get("type", "")) in UNUSED_SCRIPT_TYPES or _is_thebe_script(asset):
        return False
    if _file_name(asset) in UNUSED_FILES:
        return False
    uses = OPTIONAL_ASSETS.get(_file_name(asset))
    return uses is None or bool(uses.search(body))


def drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    """Remove from one page the scripts and styles it never uses.

    The lists are changed in place and this handler runs after the other ``html-page-context`` handlers
    (priority 900), so that assets they add for the page, such as myst-nb's widget state, are seen too."""
    body = str(context.get("body", ""))
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            assets[:] = [asset for asset in assets if _needed(asset, body)]


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REFERENCE = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
_MODEL_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def _widget_order(notebook) -> list[str]:
    """Every widget model id of a notebook in an order that does not depend on the ids themselves: the models
    its outputs show, in cell order, each followed by the models it refers to; then any others, by content."""
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    roots = [output["data"][WIDGET_VIEW]["model_id"] for cell in notebook.cells for output in cell.get("outputs", [])
             if WIDGET_VIEW in output.get("data", {})]
    order, pending = [], list(reversed(roots))
    while pending:
        model_id = pending.pop()
        if model_id in order:
            continue
        order.append(model_id)
        references = _MODEL_REFERENCE.findall(json.dumps(state.get(model_id, {}), sort_keys=True))
        pending.extend(reversed(references))
    unreached = [model_id for model_id in state if model_id not in order]
    masked = {model_id: _MODEL_REFERENCE.sub("IPY_MODEL_", json.dumps(state[model_id], sort_keys=True))
              for model_id in unreached}
    return order + sorted(unreached, key=lambda model_id: masked[model_id])


def stable_notebook(text: str, salt: str) -> str:
    """A notebook's JSON with cell ids numbered and widget model ids renamed, both in a fixed order."""
    notebook = nbformat.reads(text, as_version=4)
    for number, cell in enumerate(notebook.cells):
        if "id" in cell:
            cell["id"] = f"cell-{number}"
    new_ids = {old: hashlib.sha1(f"{salt}:{number}".encode()).hexdigest()[:32]
               for number, old in enumerate(_widget_order(notebook))}
    renamed = _MODEL_ID.sub(lambda match: new_ids.get(match.group(0), match.group(0)), nbformat.writes(notebook))
    return nbformat.writes(nbformat.reads(renamed, as_version=4))  # sorted again, by the new ids


def stabilise_download(app, pagename, templatename, context, doctree) -> None:
    """Rewrite the page's downloadable notebook (if the theme wrote one) with :func:`stable_notebook`."""
    source = context.get("ipynb_source")
    path = Path(app.outdir) / "_sources" / source if source else None
    if path is not None and path.is_file():
        text = path.read_text(encoding="utf-8")
        stable = stable_notebook(text, pagename)
        if stable != text:
            path.write_text(stable, encoding="utf-8")


def _add_templates(app, config) -> None:
    config.templates_path.insert(0, str(TEMPLATES))


def setup(app) -> None:
    """Register the hooks (called from :func:`exercises.sphinx.setup`)."""
    app.connect("config-inited", _add_templates)
    app.connect("html-page-context", drop_unused_assets, priority=900)
    app.connect("html-page-context", stabilise_download, priority=900)
