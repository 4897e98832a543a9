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
  and points each code exercise's launch link at the page's notebook on Binder. The weight explorer's script
  (``kit-explorer.js``) and the My progress page's (``kit-progress.js``) reach only the pages that use them.
- Registers :mod:`exercises.page_assets`, which keeps each page to what it uses (sphinx-thebe's scripts and
  style among what it drops).
- Builds the edition ``KIT_EDITION`` names (:mod:`exercises.editions`): the teacher edition (the default) is the
  complete book; the student edition leaves the teachers' pages out of the site map, the sources and the search
  index, drops each paragraph that links to one, encodes every exercise's spec and answer in the pages, and clears
  the outputs of the notebooks offered for download.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import editions, page_assets, quiz_script
from .display import fact_href, paragraph_href
from .progress import store as progress_store
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


class StudentExercises(SphinxPostTransform):
    """In the student edition, each exercise's spec and answer in the page are encoded (:func:`editions.student_html`).

    Runs after :class:`OutputPageLinks` (priority 7), so the encoded answer carries its links to the HTML pages. The
    outputs are encoded here, when the page is written, and not in the kernel: the executed notebooks are cached by
    their code alone, and the same cache serves both editions.
    """

    default_priority = 8

    def run(self, **kwargs) -> None:
        if self.config.kit_edition != editions.STUDENT:
            return
        for node in list(self.document.findall(nodes.raw)):
            if "html" in node.get("format", "").split():
                html = editions.student_html(node.astext())
                if html != node.astext():
                    node.replace_self(nodes.raw(html, html, format=node["format"]))


class TeachersPageLinks(SphinxPostTransform):
    """In the student edition, which has no teachers' pages, a paragraph that links to one is left out (and a list
    item it leaves empty with it); a link outside any paragraph becomes its plain text.

    Runs before :class:`EvidenceLinks` and myst-parser's resolver, which would report the missing page.
    """

    default_priority = 5

    def run(self, **kwargs) -> None:
        if self.config.kit_edition != editions.STUDENT:
            return
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") == "doc" or node.get("reftype") == "doc":
                if editions.is_teachers_page(node.get("reftarget", "")) and node.parent is not None:
                    _leave_out_link(node)


def _leave_out_link(link: nodes.Node) -> None:
    """Remove the paragraph that holds the link (and a list item it leaves empty), or else the link's markup."""
    paragraph = next((ancestor for ancestor in _ancestors(link) if isinstance(ancestor, nodes.paragraph)), None)
    if paragraph is None:
        link.replace_self(nodes.Text(link.astext()))
        return
    container = paragraph.parent
    if container is None or paragraph not in container.children:
        return  # the paragraph went with an earlier link to a teachers' page
    container.remove(paragraph)
    if isinstance(container, nodes.list_item) and not container.children:
        container.parent.remove(container)


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def _choose_edition(app, config) -> None:
    """Set ``kit_edition`` from ``KIT_EDITION``; for the student edition, take the teachers' pages out of
    sphinx-external-toc's site map (parsed from ``_toc.yml`` at priority 900) and out of the documents read."""
    try:
        config.kit_edition = editions.edition()
    except editions.EditionError as error:
        raise ConfigError(str(error)) from None
    if config.kit_edition == editions.STUDENT:
        site_map = getattr(config, "external_site_map", None)
        if site_map is not None:
            editions.leave_out_teachers_pages(site_map)
        config.exclude_patterns = [*config.exclude_patterns, editions.TEACHERS_PAGES]


def _finish_student_edition(app, exception) -> None:
    """Clear the outputs of the notebooks offered for download, and remove any teachers' page an earlier teacher
    build left in the same folder."""
    if exception is not None or app.config.kit_edition != editions.STUDENT or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    editions.strip_notebooks(outdir / "_sources")
    for folder in (outdir, outdir / "_sources"):
        for path in folder.glob(f"{editions.TEACHERS_PAGES}.*"):
            path.unlink()


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
        quiz_script.write_bundles(Path(app.outdir) / "_static")


def setup(app):
    # The pages run for the book show no one's saved progress and save none (their kernels inherit this).
    os.environ[progress_store.ENVIRONMENT_VARIABLE] = progress_store.OFF
    app.add_role("fact", fact_role)
    app.add_role("para", para_role)
    app.add_post_transform(EvidenceLinks)
    app.add_post_transform(OutputPageLinks)
    app.add_post_transform(StudentExercises)
    app.add_post_transform(TeachersPageLinks)
    # Set from KIT_EDITION when the configuration is read (not in _config.yml); "env": a change re-reads every page.
    app.add_config_value("kit_edition", editions.TEACHER, "env")
    app.connect("config-inited", _choose_edition, priority=950)
    app.connect("build-finished", _finish_student_edition)
    app.connect("builder-inited", _add_static)
    app.add_js_file(quiz_script.SCRIPT_NAME, loading_method="defer")
    # The page-only scripts come after it (they use KitQuiz); page_assets drops them where they are not used.
    for name in quiz_script.USED_BY:
        app.add_js_file(name, loading_method="defer", priority=501)
    app.add_css_file("kit-quiz.css")
    app.add_css_file("kit-hype.css")
    app.add_css_file("kit-print.css", media="print")
    app.connect("html-page-context", _fill_launch_links)
    page_assets.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
