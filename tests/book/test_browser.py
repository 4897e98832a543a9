"""Every page of the built book, opened in headless Chromium as a reader would see it.

A page fails when the browser logs an error, a request for one of the book's own files fails,
anything is requested from a host other than 127.0.0.1, or a cell's output area is empty.
With ``KIT_SCREENSHOTS=1``, a full-page screenshot of each page is saved under tests/artifacts/screenshots/ for
people to look at. Each page is a test of its own, so the test processes share the pages out.
axe-core finds no serious or critical problem on any page in light or dark mode (the book follows the
system's setting, and the theme's switch sets the mode too), with every collapsible box open and the
exercises in every state a learner can reach: unanswered, refused, wrong with hints and answer shown, right.
The light-mode accessibility check runs during the same visit as the loading check, so each page is opened
once for both.
"""

from __future__ import annotations

import functools
from urllib.parse import urlparse

import pytest

from support.paths import REPO_ROOT
from support.screenshots import save_screenshot
from exercises.book import SECTIONS
from page_weight import book_pages

pytestmark = pytest.mark.browser

#: Every page of the built book, known before it is built: one per page of book/, Sphinx's index and search
#: pages, and the root's redirect (a test below checks that these are the pages the build wrote).
PAGES = sorted([f"book/{source.stem}.html" for source in (REPO_ROOT / "book").glob("*.md")]
               + ["genindex.html", "index.html", "search.html"])
CHAPTERS = [relative for relative in PAGES if relative.startswith("book/")]
#: The chapters with exercises.
EXERCISE_CHAPTERS = sorted({f"book/{section.chapter}.html" for section in SECTIONS})

EMPTY_OUTPUTS = """
() => [...document.querySelectorAll('div.cell_output, div.output')]
  .filter(el => el.innerText.trim() === '' && !el.querySelector('img, svg, canvas, table, iframe, input, button'))
  .map(el => el.outerHTML.slice(0, 200))
"""


def visit(browser, url: str, screenshot: str, accessibility: bool = False) -> dict[str, list[str]]:
    """Open one page in light mode and report what went wrong on it; with ``accessibility``, also what axe finds
    once the page's screenshot is taken and every collapsible box is open (one visit serves both checks)."""
    problems = {"console errors": [], "failed requests": [], "third-party requests": [], "empty outputs": [],
                "accessibility (light mode)": []}
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")

    def only_local(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            problems["third-party requests"].append(route.request.url)
            route.abort()

    listeners = {
        "console": lambda msg: msg.type == "error" and problems["console errors"].append(msg.text),
        "pageerror": lambda error: problems["console errors"].append(str(error)),
        "requestfailed": lambda request: "127.0.0.1" in request.url
        and problems["failed requests"].append(f"{request.url} ({request.failure})"),
        "response": lambda response: response.status >= 400
        and problems["failed requests"].append(f"{response.url} (HTTP {response.status})"),
    }
    page.route("**/*", only_local)
    for event, listener in listeners.items():
        page.on(event, listener)
    page.goto(url, wait_until="networkidle")
    problems["empty outputs"] = page.evaluate(EMPTY_OUTPUTS)
    save_screenshot(page, screenshot)
    if accessibility:
        # axe re-reads the style sheets itself (and resolves an @import against the page, not the sheet): what it
        # requests is axe's work, not the page's, so the page's own requests stop being watched first
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
        problems["accessibility (light mode)"] = accessibility_problems(page, "light")
    page.close()
    # A request aborted for going off-host also shows up as a failed request; report it once.
    problems["failed requests"] = [r for r in problems["failed requests"]
                                   if not any(r.startswith(t) for t in problems["third-party requests"])]
    return {kind: found for kind, found in problems.items() if found}


def test_the_pages_visited_are_the_pages_built(book_html):
    assert PAGES == book_pages(book_html)
    assert "book/cost.html" in CHAPTERS and set(EXERCISE_CHAPTERS) < set(CHAPTERS)


@pytest.mark.parametrize("relative", PAGES)
def test_the_page_loads_cleanly_and_a_chapter_passes_accessibility_checks_in_light_mode(browser, book_server,
                                                                                        book_html, relative):
    problems = visit(browser, book_server + relative, relative.replace("/", "__").removesuffix(".html"),
                     accessibility=relative in CHAPTERS)
    assert problems == {}, f"Problems on {relative}: {problems}"


#: One axe-core run that also says, for each node it flags, whether the node is inside the page's article.
RUN_AXE = """async (context) => {
  const result = await axe.run(context === null ? document : context, {resultTypes: ['violations'], elementRef: true});
  return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => (
    {target: n.target, inArticle: Boolean(n.element && n.element.closest('article'))}))}));
}"""
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


@functools.cache
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(page, context=None, impacts=ALL_IMPACTS, article_impacts=()) -> list[str]:
    """Run axe-core (bundled with axe-playwright-python) once over ``context`` (a CSS selector; the whole page by
    default) and list the violations of ``impacts`` anywhere and of ``article_impacts`` inside the article."""
    page.evaluate(_axe_script())
    found = []
    for violation in page.evaluate(RUN_AXE, context):
        nodes = violation["nodes"] if violation["impact"] in impacts else [
            node for node in violation["nodes"] if node["inArticle"] and violation["impact"] in article_impacts]
        if nodes:
            found.append(f"{violation['id']} ({violation['impact']}): {[node['target'] for node in nodes[:3]]}")
    return found


def test_axe_reports_serious_problems_anywhere_and_any_problem_inside_the_article(chromium):
    """The one axe run per page tells the article's nodes from the rest, and a context limits it to a part."""
    page = chromium.new_page()
    page.set_content('<html lang="en"><head><title>t</title></head><body><header><img src="data:,"></header>'
                     '<div>Text outside every landmark</div><main><article><h1>Title</h1><h4>Skipped levels</h4>'
                     '<div class="kit-exercise"><img src="data:,"></div></article></main></body></html>')
    missing_alt = "image-alt (critical): [['header > img'], ['.kit-exercise > img']]"
    try:
        assert axe_violations(page, impacts=SERIOUS) == [missing_alt]
        assert axe_violations(page, impacts=SERIOUS, article_impacts=ALL_IMPACTS) == [
            "heading-order (moderate): [['h4']]", missing_alt]  # not the moderate "region" outside the article
        assert "region (moderate)" in " ".join(axe_violations(page))
        (in_the_exercise,) = axe_violations(page, EXERCISES, impacts=SERIOUS)
        assert in_the_exercise.startswith("image-alt (critical)") and in_the_exercise.count("img") == 1
    finally:
        page.close()


SERIOUS = ("serious", "critical")
#: The exercises of a page: what changes from state to state (the rest of the page is checked once, above).
EXERCISES = ".kit-exercise"
OPEN_ALL_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def accessibility_problems(page, scheme: str) -> list[str]:
    """No serious or critical axe violation anywhere on the open page, with every collapsible box open; none at all
    inside the kit's own article content; and the page's mode follows the system setting."""
    found = [] if page.evaluate("document.documentElement.dataset.theme") == scheme else [f"not in {scheme} mode"]
    page.evaluate(OPEN_ALL_DETAILS)
    return found + axe_violations(page, impacts=SERIOUS, article_impacts=ALL_IMPACTS)


@pytest.mark.parametrize("relative", CHAPTERS)
def test_the_chapter_passes_accessibility_checks_in_dark_mode(browser, book_server, book_html, relative):
    """The light-mode checks run during the visit of every page above; this is the same in dark mode."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(book_server + relative, wait_until="load")
    found = accessibility_problems(page, "dark")
    page.close()
    assert found == [], f"Accessibility violations (dark mode) on {relative}: {found}"


@pytest.mark.parametrize("relative", EXERCISE_CHAPTERS)
def test_the_exercises_in_every_state_pass_accessibility_checks_in_dark_mode(browser, book_server, book_html,
                                                                              relative):
    """Each quiz refused (Check with no answer), wrong (every hint unfolded, the answer shown) and right."""
    from support.quiz_driver import answer_every_quiz

    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(book_server + relative, wait_until="load")
    for button in page.locator(".kit-exercise button.kit-check").all():
        button.click()
    assert page.locator(".kit-feedback[data-verdict='invalid']").count(), relative
    found = {"refused": axe_violations(page, EXERCISES, impacts=SERIOUS)}
    assert answer_every_quiz(page, "wrong")
    assert page.locator(".kit-hints li:not([hidden])").count(), relative
    found["wrong, hints and answers open"] = axe_violations(page, EXERCISES, impacts=SERIOUS)
    answer_every_quiz(page, "right")
    assert page.locator(".kit-feedback[data-verdict='correct']").count(), relative
    found["right"] = axe_violations(page, EXERCISES, impacts=SERIOUS)
    page.close()
    found = {state: violations for state, violations in found.items() if violations}
    assert found == {}, f"Accessibility violations in dark mode on {relative}: {found}"


def test_the_theme_switch_turns_on_a_readable_dark_mode(browser, book_server, book_html):
    """A reader on a light system who picks dark mode with the theme's own switch gets html[data-theme=dark]
    on the pages visited after it (the first three chapters, the fact sheet and the loudness chapter), and pages
    that pass axe in it (the CSS is the same as for a dark system, so two pages with every kind of output are
    enough: the fact cards and the loudness chapter)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page.goto(book_server + "book/index.html", wait_until="load")
    for _ in range(3):
        if page.evaluate("document.documentElement.dataset.theme") == "dark":
            break
        page.locator("button.theme-switch-button:visible").first.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    report = {}
    for relative in [*CHAPTERS[:3], "book/facts.html", "book/hype.html"]:
        page.goto(book_server + relative, wait_until="load")  # the choice is kept from page to page
        assert page.evaluate("document.documentElement.dataset.theme") == "dark", relative
        if relative in ("book/facts.html", "book/hype.html"):
            page.evaluate(OPEN_ALL_DETAILS)
            found = axe_violations(page, impacts=SERIOUS)
            if found:
                report[relative] = found
    page.close()
    assert report == {}, f"Accessibility violations after switching to dark mode: {report}"
