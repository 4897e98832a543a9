"""A small Sphinx extension for the kit's book.

- Roles that cite the kit's evidence and are checked at build time (a bad id fails the ``-W`` build):
  ``{fact}`COST-01``` links to a card on the fact-sheet page, and ``{para}`003 ¶7``` links to a
  numbered paragraph of an article.
- Ships the static quiz and weight explorer (``static/kit-quiz.js`` and ``.css``) and the highlighting of
  loaded wording (``static/kit-hype.css``), and points each code exercise's launch link at the page's
  notebook on Binder.
- Keeps pages self-contained: Jupyter Book 1 always loads sphinx-thebe, which declares
  ``THEBE_JS_URL`` twice (a console error on every page) and points at a third-party CDN. The kit
  launches notebooks on Binder instead, so those scripts are dropped from every page.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes

from solutions import article_paragraphs, load_facts
from solutions.facts import fact_parts

from .display import fact_anchor, paragraph_anchor
from .static_html import LAUNCH_PLACEHOLDER

STATIC = Path(__file__).parent / "static"

FACTS_PAGE = "book/facts"
ARTICLES_PAGE = "book/articles"
_PARAGRAPH_REFERENCE = re.compile(r"^\s*(\d{3})\s*(?:¶|/|-)\s*(\d+)\s*$")


def _uri(inliner, target_doc: str, anchor: str) -> str:
    """Relative URI from the page being parsed to ``target_doc#anchor`` in the HTML build."""
    current = inliner.document.settings.env.docname
    relative = posixpath.relpath(target_doc, posixpath.dirname(current) or ".")
    return f"{relative}.html#{anchor}"


def _error(inliner, lineno, rawtext, message):
    problem = inliner.reporter.error(message, line=lineno)
    return [inliner.problematic(rawtext, rawtext, problem)], [problem]


def fact_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{fact}`MKT-03``: a link to a fact-sheet card, with the verdict in its tooltip."""
    facts = load_facts().set_index("claim_id")
    ids = {claim_id.upper(): claim_id for claim_id in facts.index}
    claim_id = ids.get(text.strip().upper(), text.strip())
    if claim_id not in facts.index:
        parts = fact_parts(claim_id.upper())
        if parts:
            return _error(inliner, lineno, rawtext, f"Fact {text!r} was split into {', '.join(parts)} in version 2 "
                                                    "of the fact sheet: cite the part that holds the claim.")
        return _error(inliner, lineno, rawtext, f"Unknown fact id {text!r}: it is not in seeds/facts.csv.")
    also = facts.loc[claim_id, "also"]
    verdicts = str(facts.loc[claim_id, "verdict"]) + (f" (also {', '.join(also)})" if also else "")
    node = nodes.reference(rawtext, claim_id, refuri=_uri(inliner, FACTS_PAGE, fact_anchor(claim_id)),
                           classes=["fact-ref"], reftitle=f"Fact {claim_id}: {verdicts}")
    return [node], []


def para_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{para}`003 ¶7``: a link to paragraph 7 of article 003 on the articles page."""
    match = _PARAGRAPH_REFERENCE.match(text)
    if match is None:
        return _error(inliner, lineno, rawtext, f"Write a paragraph reference as '003 ¶7', not {text!r}.")
    article_id, number = match.group(1), int(match.group(2))
    try:
        count = len(article_paragraphs(article_id))
    except KeyError as error:
        return _error(inliner, lineno, rawtext, str(error))
    if not 1 <= number <= count:
        return _error(inliner, lineno, rawtext, f"Article {article_id} has paragraphs 1 to {count}, not {number}.")
    node = nodes.reference(rawtext, f"{article_id} ¶{number}",
                           refuri=_uri(inliner, ARTICLES_PAGE, paragraph_anchor(article_id, number)),
                           classes=["para-ref"])
    return [node], []


def _is_thebe_script(script) -> bool:
    filename = str(getattr(script, "filename", "") or "")
    body = str(getattr(script, "attributes", {}).get("body", ""))
    return "thebe" in filename or "THEBE_JS_URL" in body


def _drop_thebe(app, pagename, templatename, context, doctree):
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe_script(s)]


def _binder_url(app, pagename: str) -> str | None:
    """The Binder launch URL of a page, built from the same settings as the theme's launch button."""
    options = app.config.html_theme_options or {}
    repository = str(options.get("repository_url", "")).rstrip("/")
    binderhub = str(options.get("launch_buttons", {}).get("binderhub_url", "")).rstrip("/")
    if not repository.startswith("https://github.com/") or not binderhub:
        return None
    org_repo = repository.removeprefix("https://github.com/")
    branch = options.get("repository_branch", "main")
    source = app.env.doc2path(pagename, base=False)
    return f"{binderhub}/v2/gh/{org_repo}/{branch}?urlpath={quote('lab/tree/' + str(source))}"


def _fill_launch_links(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if LAUNCH_PLACEHOLDER in body:
        url = _binder_url(app, pagename)
        context["body"] = body.replace(f'href="{LAUNCH_PLACEHOLDER}"', f'href="{url}"' if url else 'href="#"')


def _add_static(app):
    app.config.html_static_path.append(str(STATIC))


def setup(app):
    app.add_role("fact", fact_role)
    app.add_role("para", para_role)
    app.connect("builder-inited", _add_static)
    app.add_js_file("kit-quiz.js", loading_method="defer")
    app.add_css_file("kit-quiz.css")
    app.add_css_file("kit-hype.css")
    app.connect("html-page-context", _drop_thebe)
    app.connect("html-page-context", _fill_launch_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
