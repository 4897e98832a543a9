"""A small Sphinx extension for the kit's book.

- Checks and points the book's links to its evidence. Pages cite a fact card as ``[COST-01](facts.md#fact-cost-01)``
  and a numbered paragraph as ``[003 ¶7](articles.md#a003-p7)``: standard Markdown links that JupyterLab
  follows to the page. Here each one is checked (an unknown or split fact, an unknown article or a paragraph
  out of range fails the ``-W`` build, as does a link whose text names another fact) and becomes a link to
  the HTML page, a fact link with its verdicts in its tooltip. Links in the exercises' HTML output name
  ``.md`` pages the same way and are checked and pointed at ``.html`` pages too.
- The old ``{fact}`` and ``{para}`` roles (plain text in JupyterLab) fail the build with the link to write.
- Ships the static quiz and weight explorer (``kit-quiz.js``, bundled by :mod:`exercises.quiz_script` from
  ``static/quiz/``, and ``static/kit-quiz.css``) and the highlighting of loaded wording (``static/kit-hype.css``),
  and points each code exercise's launch link at the page's notebook on Binder.
- Registers :mod:`exercises.page_assets`, which keeps each page to what it uses (sphinx-thebe's scripts and
  style among what it drops).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import page_assets, quiz_script
from .display import fact_href, paragraph_href
from .evidence_links import PARAGRAPH_REFERENCE, EvidenceLinkError, check_evidence_link, check_link_text
from .static_html import LAUNCH_PLACEHOLDER

STATIC = Path(__file__).parent / "static"
LOGGER = logging.getLogger(__name__)

# The pages that hold the evidence, as Sphinx document names.
EVIDENCE_PAGES = {"book/facts": "facts", "book/articles": "articles"}
_LINK_CLASSES = {"fact": "fact-ref", "paragraph": "para-ref", "article": "article-ref"}
# A relative link to a page's source file in an output's HTML: href="facts.md#fact-cost-01".
_OUTPUT_PAGE_LINK = re.compile(r'href="(?P<path>[^"#:?/][^"#:?]*)\.md(?:#(?P<anchor>[^"]*))?"')


def _warn(message: str, node: nodes.Node) -> None:
    LOGGER.warning(message, location=node, type="kit", subtype="evidence_link")


class EvidenceLinks(SphinxPostTransform):
    """Markdown links to fact cards and paragraphs: checked, then pointed at the HTML page.

    Runs before myst-parser's resolver (priority 9), which knows only the headings of a page and would
    report ``#fact-cost-01`` (a card drawn by a code cell) as a missing target.
    """

    default_priority = 6

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst" or node.get("refdomain") != "doc":
                continue
            page, anchor = EVIDENCE_PAGES.get(node["reftarget"]), node.get("reftargetid")
            if page is None or not anchor:
                continue
            try:
                target = check_evidence_link(page, anchor)
                if target is None:
                    continue
                if node.get("refexplicit"):
                    check_link_text(node.astext(), target, f"{page}.md#{anchor}")
            except EvidenceLinkError as error:
                _warn(str(error), node)
                node.replace_self(node[0].deepcopy() if node.children else nodes.Text(anchor))
                continue
            uri = f"{self.app.builder.get_relative_uri(self.env.docname, node['reftarget'])}#{anchor}"
            reference = nodes.reference("", "", internal=True, refuri=uri, classes=[_LINK_CLASSES[target.kind]])
            if target.title:
                reference["reftitle"] = target.title
            if node.get("refexplicit") and node.children:
                reference.extend(child.deepcopy() for child in node[0].children)
            else:
                reference.append(nodes.Text(target.label))
            node.replace_self(reference)


class OutputPageLinks(SphinxPostTransform):
    """Links in the HTML an exercise or table prints (``facts.md#fact-cost-01``) point at the HTML page.

    Runs after myst-nb has chosen which output to show (priority 4), so it sees the HTML that the page
    will carry. A link to a page that is not in the book, or to a fact or paragraph that does not
    exist, fails the ``-W`` build.
    """

    default_priority = 7

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.raw)):
            if "html" not in node.get("format", "").split() or ".md" not in node.astext():
                continue
            html = _OUTPUT_PAGE_LINK.sub(lambda match: self._html_link(match, node), node.astext())
            if html != node.astext():
                node.replace_self(nodes.raw(html, html, format=node["format"]))

    def _html_link(self, match: re.Match, node: nodes.raw) -> str:
        current = self.env.docname
        docname = posixpath.normpath(posixpath.join(posixpath.dirname(current), match["path"]))
        if docname not in self.env.found_docs:
            _warn(f"An output on this page links to {match['path']}.md, which is not a page of the book.", node)
            return match.group(0)
        anchor = match["anchor"]
        if anchor and docname in EVIDENCE_PAGES:
            try:
                check_evidence_link(EVIDENCE_PAGES[docname], anchor)
            except EvidenceLinkError as error:
                _warn(f"An output on this page links to a missing target: {error}", node)
        uri = self.app.builder.get_relative_uri(current, docname)
        return f'href="{uri}#{anchor}"' if anchor else f'href="{uri}"'


def _old_role_error(inliner, lineno, rawtext, message):
    problem = inliner.reporter.error(message, line=lineno)
    return [inliner.problematic(rawtext, rawtext, problem)], [problem]


def fact_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{fact}`COST-01```: fails with the Markdown link to write instead, which JupyterLab can follow."""
    claim_id = text.strip()
    return _old_role_error(inliner, lineno, rawtext, f"Write {{fact}}`{text}` as [{claim_id}]({fact_href(claim_id)}): "
                                                     "a Markdown link also works when the page is a notebook.")


def para_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{para}`003 ¶7```: fails with the Markdown link to write instead, which JupyterLab can follow."""
    match = PARAGRAPH_REFERENCE.match(text)
    if match is None:
        return _old_role_error(inliner, lineno, rawtext, f"Write a paragraph link as [003 ¶7]({paragraph_href('003', 7)}).")
    article_id, number = match.group(1), int(match.group(2))
    return _old_role_error(inliner, lineno, rawtext,
                           f"Write {{para}}`{text}` as [{article_id} ¶{number}]({paragraph_href(article_id, number)}): "
                           "a Markdown link also works when the page is a notebook.")


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
    """Copy the files directly in ``static/`` (the stylesheets) with the other static files, and write the quiz
    script's bundle into ``_static/``; the script's modules in ``static/quiz/`` ship only inside the bundle.

    The bundle is written before Sphinx copies the static files and writes the pages, so each page's
    ``kit-quiz.js?v=`` checksum is that of the bundle (the same on every build of the same sources)."""
    app.config.html_static_path.extend(str(path) for path in sorted(STATIC.iterdir()) if path.is_file())
    if app.builder.format == "html":
        quiz_script.write_bundle(Path(app.outdir) / "_static")


def setup(app):
    app.add_role("fact", fact_role)
    app.add_role("para", para_role)
    app.add_post_transform(EvidenceLinks)
    app.add_post_transform(OutputPageLinks)
    app.connect("builder-inited", _add_static)
    app.add_js_file(quiz_script.SCRIPT_NAME, loading_method="defer")
    app.add_css_file("kit-quiz.css")
    app.add_css_file("kit-hype.css")
    app.connect("html-page-context", _fill_launch_links)
    page_assets.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
