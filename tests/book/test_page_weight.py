"""A light book: what each page loads, and the header, icons, favicon and charts that come with it.

- Every page loads at most ``MAX_BYTES`` uncompressed and ``MAX_GZIP_BYTES`` as a static host sends it (HTML
  and everything Chromium requests for it), weighed by ``benchmarks/page_weight.py``'s ``measure_page``.
- No page embeds ipywidget state; every page names a favicon that exists; the kit's own script (the bundle of
  ``exercises/static/quiz/``) stays small, and the book ships that bundle alone, not its modules.
- No icon font or icon script is requested; every icon the theme shows is drawn (no blank glyph box).
- One header bar and one search box at 1280 and 390 px; each header button has a name and a visible icon.
- The theme's light/dark switch, search, the launch menu and the phone's two sidebars work (with the theme's
  second header bar, the phone's sidebar buttons did nothing).
- Each chart is an SVG whose smallest text is at least 11 CSS px on a phone.
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from support.paths import REPO_ROOT
from exercises.charts import PHONE_MIN_TEXT_PX, phone_text_px
from exercises.quiz_script import SCRIPT_NAME, bundle

from page_weight import book_pages, measure_page, table

MAX_BYTES = 1_000_000
MAX_GZIP_BYTES = 250_000
#: The most the kit's own quiz script (one bundled file, served to every page) may weigh.
MAX_KIT_SCRIPT_BYTES = 30_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

HEADER = """
() => {
  const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > 0 && r.left < innerWidth
      && r.bottom > 0 && !el.closest('dialog:not([open])'); };
  const outermost = list => list.filter(el => !list.some(other => other !== el && other.contains(el)));
  const bars = [...document.querySelectorAll('#pst-header, .bd-header-article')].filter(shown);
  const searches = outermost([...document.querySelectorAll(
      '.search-button__button, .search-button-field, form.bd-search, input[type=search]')]
    .filter(el => !el.closest('article.bd-article, .bd-search-container'))).filter(shown);  // not the search page's own form
  const describe = el => el.id || el.className;
  const buttons = [...document.querySelectorAll('.bd-header-article button, .bd-header-article a')].filter(shown)
    .map(el => ({what: describe(el), name: (el.getAttribute('aria-label') || el.getAttribute('title')
                   || el.innerText || '').trim(),
                 focusable: el.tabIndex >= 0 && !el.disabled,
                 drawn: el.innerText.trim() !== '' || [...el.querySelectorAll('img, svg, .fa-solid, .fa-brands, .fas, .fab')]
                   .some(icon => icon.tagName !== 'I' && icon.tagName !== 'SPAN'
                     || getComputedStyle(icon, '::before').maskImage !== 'none')}));
  return {bars: bars.map(describe), searches: searches.map(describe), buttons};
}
"""

UNDRAWN_ICONS = """
() => {
  const privateUse = /[\\uE000-\\uF8FF]/;
  const problems = [];
  for (const el of document.querySelectorAll('body *')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (privateUse.test(style.content)) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo}: an icon-font glyph in ${style.fontFamily}`);
      }
    }
  }
  for (const icon of document.querySelectorAll('.fa, .fas, .far, .fab, .fa-solid, .fa-regular, .fa-brands')) {
    const box = icon.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const before = getComputedStyle(icon, '::before');
    if (before.maskImage === 'none' || parseFloat(before.width) === 0) {
      problems.push(`${icon.className}: no shape for this icon in kit-icons.css`);
    }
  }
  return problems;
}
"""


def html_pages(html_dir: Path) -> list[str]:
    """The pages the limits apply to: the chapters, search and the index (not the root's redirect)."""
    return [page for page in book_pages(html_dir) if page != "index.html"]


def test_kit_script_stays_small():
    size = len(bundle().encode("utf-8"))
    assert size < MAX_KIT_SCRIPT_BYTES, f"{SCRIPT_NAME} is {size:,} bytes"


@pytest.mark.book
def test_the_book_ships_the_bundled_quiz_script_and_not_its_modules(book_html):
    assert (book_html / "_static" / SCRIPT_NAME).read_text("utf-8") == bundle()
    assert not (book_html / "_static" / "quiz").exists(), "the script's modules are shipped beside the bundle"
    page = (book_html / "book" / "cost.html").read_text("utf-8")
    assert len(re.findall(rf'<script defer="defer" src="[^"]*{re.escape(SCRIPT_NAME)}', page)) == 1


def test_page_weight_script_explains_a_missing_build(tmp_path):
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "page_weight.py"), str(tmp_path / "nothing")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "No built book" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.book
def test_no_page_embeds_widget_state(book_html):
    embedding = [page for page in book_pages(book_html) if WIDGET_STATE in (book_html / page).read_text("utf-8")]
    assert embedding == [], f"ipywidget state in {embedding}"


@pytest.mark.book
def test_every_page_names_a_favicon_that_exists(book_html):
    missing = {}
    for page in book_pages(book_html):
        html = (book_html / page).read_text("utf-8")
        match = re.search(r'<link rel="icon" href="([^"]+)"', html)
        target = (book_html / page).parent / unquote(match.group(1)) if match else None
        if page != "index.html" and (target is None or not target.is_file()):
            missing[page] = match.group(1) if match else "no <link rel=icon>"
    assert missing == {}
    assert (book_html / "favicon.ico").is_file(), "browsers ask the site's root for /favicon.ico"


@pytest.mark.browser
def test_every_page_is_within_the_weight_limits(browser, book_server, book_html):
    weights = []
    for page in html_pages(book_html):
        weight = measure_page(browser, book_server + page)
        weight.page = page
        weights.append(weight)
    heavy = [w.page for w in weights if w.size > MAX_BYTES or w.gzip_size > MAX_GZIP_BYTES]
    icon_assets = [r.url for w in weights for r in w.resources if "fontawesome" in r.url]
    assert heavy == [], f"Over {MAX_BYTES:,} bytes or {MAX_GZIP_BYTES:,} gzip bytes:\n{table(weights)}"
    assert icon_assets == [], f"the theme's icon script or fonts were requested: {sorted(set(icon_assets))}"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_one_header_bar_with_one_search_box_and_named_buttons(browser, book_server, book_html, viewport):
    problems = {}
    page = browser.new_page(viewport=viewport)
    for relative in html_pages(book_html):
        page.goto(book_server + relative, wait_until="load")
        header = page.evaluate(HEADER)
        found = []
        if len(header["bars"]) != 1:
            found.append(f"header bars: {header['bars']}")
        if len(header["searches"]) != 1:
            found.append(f"search boxes: {header['searches']}")
        found += [f"button without a name, focus or visible icon: {b}" for b in header["buttons"]
                  if not (b["name"] and b["focusable"] and b["drawn"])]
        if found:
            problems[relative] = found
    page.close()
    assert problems == {}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_icon_is_drawn_without_an_icon_font(browser, book_server, book_html, scheme):
    problems = {}
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    for relative in html_pages(book_html):
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            page.goto(book_server + relative, wait_until="load")
            found = page.evaluate(UNDRAWN_ICONS)
            if found:
                problems[f"{relative} at {viewport['width']} px"] = found[:5]
    context.close()
    assert problems == {}


@pytest.mark.browser
def test_favicon_is_served(browser, book_server):
    page = browser.new_page()
    page.goto(book_server + "book/index.html")
    href = page.eval_on_selector('link[rel="icon"]', "link => link.href")
    assert page.request.get(href).status == 200
    assert page.request.get(urljoin(book_server, "favicon.ico")).status == 200
    page.close()


@pytest.mark.browser
def test_theme_switch_search_launch_menu_and_phone_sidebars_work(browser, book_server):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(book_server + "book/cost.html", wait_until="networkidle")
    before = page.evaluate("document.documentElement.dataset.mode")
    page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.mode") != before
    assert page.evaluate("document.documentElement.dataset.theme") in ("light", "dark")

    page.locator(".dropdown-launch-buttons button").first.click()
    binder = page.locator('.dropdown-launch-buttons a[href^="https://mybinder.org/v2/gh/"]')
    assert binder.is_visible() and binder.locator("img").count() == 1

    page.locator(".search-button-field").first.click()
    search = page.locator("#pst-search-dialog input[type=search]")
    search.fill("GPU-hours")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=GPU-hours*")
    page.wait_for_selector("#search-results ul.search li", timeout=15_000)

    page.set_viewport_size(PHONE)
    page.goto(book_server + "book/cost.html", wait_until="networkidle")
    page.locator(".bd-header-article .primary-toggle").first.click()
    sidebar = page.locator("#pst-primary-sidebar-modal")
    sidebar.wait_for(state="visible")
    assert sidebar.locator('a[href="gpus.html"]').is_visible()
    page.keyboard.press("Escape")
    page.locator(".bd-header-article .secondary-toggle").first.click()
    contents = page.locator("#pst-secondary-sidebar-modal")
    contents.wait_for(state="visible")
    assert contents.locator("nav a").count() >= 3
    page.close()


@pytest.mark.browser
def test_chart_text_is_at_least_11_px_on_a_phone(browser, book_server, book_html):
    problems, seen = {}, 0
    page = browser.new_page(viewport=PHONE)
    for relative in html_pages(book_html):
        page.goto(book_server + relative, wait_until="load")
        for source, shown_px in page.eval_on_selector_all(
                "figure.kit-figure img", "images => images.map(image => [image.src, image.clientWidth])"):
            seen += 1
            if not source.startswith("data:image/svg+xml;base64,"):
                problems.setdefault(relative, []).append(f"not an SVG: {source[:40]}")
                continue
            svg = base64.b64decode(source.split(",", 1)[1]).decode("utf-8")
            if phone_text_px(svg, shown_px) < PHONE_MIN_TEXT_PX:
                problems.setdefault(relative, []).append(f"text {phone_text_px(svg, shown_px):.1f} px at {shown_px} px")
    page.close()
    assert seen >= 7, "the book has seven charts"
    assert problems == {}


@pytest.mark.browser
def test_page_weight_script_prints_its_table(book_html):
    """Every page is weighed by the test above with the script's own function; here the script runs on two."""
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "page_weight.py"), str(book_html),
                             "--page", "book/cost.html", "--page", "book/index.html"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for column in ("page", "bytes", "gzip bytes", "requests", "scripts", "biggest resource"):
        assert column in result.stdout
    assert "(2 pages;" in result.stdout
    assert "book/cost.html" in result.stdout and "book/index.html" in result.stdout
    assert "book/attribution.html" not in result.stdout


def test_page_weight_script_names_a_page_it_cannot_find(book_html):
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "page_weight.py"), str(book_html),
                             "--page", "book/nowhere.html"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "No such page" in result.stdout and "book/nowhere.html" in result.stdout
