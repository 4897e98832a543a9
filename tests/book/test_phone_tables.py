"""Every page on a phone (390 CSS px), light and dark: no table column out of reach, nothing cut off.

A header cell may lie beyond the screen's edge only inside a box that scrolls sideways, shows that it does (a
shadow at the edge where columns are hidden, gone once the reader has scrolled to the end) and keeps the
row names (the first column) and the caption in view while it scrolls. Nothing is clipped by a box that
hides its overflow, and the page itself never scrolls sideways. With ``KIT_SCREENSHOTS=1``, a full-page
screenshot of every page in both schemes is saved under tests/artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import io

import pytest

from support.screenshots import save_screenshot
from page_weight import book_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: How much darker or lighter (0-255, mean over a pixel column) a scroll shadow makes the edge of its box where
#: columns are hidden, how little of it may be left where none are, and how wide a strip is looked at.
VISIBLE_SHADE = 25
FAINT_SHADE = 6
EDGE_PIXELS = 32

#: Each visible table: its caption, the header cells out of reach, the clipping boxes around it, and (when it
#: scrolls) the index of its scrolling box among the page's scrolling boxes.
TABLES = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollers = [];
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1;
  return [...document.querySelectorAll('table')].filter(t => t.getClientRects().length).map(table => {
    let scroller = null;
    const clipped = [];
    for (let el = table.parentElement; el && el !== document.documentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (!scroller && scrolls(el)) { scroller = el; }
      if (['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        clipped.push(el.tagName + '.' + el.className);
      }
    }
    const unreachable = [...table.querySelectorAll('th')].filter(th => {
      const r = th.getBoundingClientRect();
      return r.width > 0 && (r.left < -1 || r.right > width + 1) && !scroller;
    }).map(th => th.innerText.trim().slice(0, 40));
    if (scroller) { scroller.dataset.testScroller = scrollers.length; scrollers.push(scroller); }
    else if (table.parentElement.matches('.table-scroll, .pst-scrollable-table-container')) {
      table.parentElement.dataset.testFits = '';
    }
    return {caption: (table.caption ? table.caption.innerText : table.className).slice(0, 60), unreachable, clipped,
            scroller: scroller ? scrollers.length - 1 : null};
  });
}
"""

#: After scrolling a box to its end: row names (first cells) and the caption that are not fully inside it.
OUT_OF_VIEW_WHEN_SCROLLED = """
(index) => {
  const box = document.querySelector(`[data-test-scroller="${index}"]`);
  box.scrollLeft = box.scrollWidth;
  const inner = box.getBoundingClientRect();
  const left = inner.left + box.clientLeft, right = left + box.clientWidth;
  const table = box.querySelector('table');
  const cells = [...table.rows].map(row => row.cells[0]).filter(Boolean);
  if (table.caption) { cells.push(table.caption); }
  return cells.filter(cell => {
    const r = cell.getBoundingClientRect();
    return r.left < left - 1 || r.right > right + 1;
  }).map(cell => cell.innerText.trim().slice(0, 40));
}
"""


def edge_shade(box, scrolled_to_end: bool) -> float:
    """How far the strip along the right edge of a table's box differs from the box's middle, with the table
    hidden (only the box's own background, where the cue is drawn, is left): the largest mean absolute
    difference of one pixel column of the strip, per channel, 0-255."""
    from PIL import Image, ImageChops, ImageStat

    # The page's sticky header is hidden too: it lies over the top of a box taller than the screen.
    box.evaluate("(el, end) => { el.scrollLeft = end ? el.scrollWidth : 0;"
                 " el.querySelector('table').style.visibility = 'hidden';"
                 " document.querySelectorAll('.bd-header, .bd-header-article').forEach(h => { h.style.visibility = 'hidden'; }); }",
                 scrolled_to_end)
    try:
        shot = Image.open(io.BytesIO(box.screenshot())).convert("RGB")
    finally:
        box.evaluate("el => { el.querySelector('table').style.visibility = ''; el.scrollLeft = 0;"
                     " document.querySelectorAll('.bd-header, .bd-header-article').forEach(h => { h.style.visibility = ''; }); }")
    width, height = shot.size
    middle = shot.crop((width // 2, 0, width // 2 + 1, height))
    columns = [shot.crop((x, 0, x + 1, height)) for x in range(max(0, width - EDGE_PIXELS), width)]
    return max(sum(ImageStat.Stat(ImageChops.difference(column, middle)).mean) / 3 for column in columns)


def phone_problems(page) -> list[str]:
    """Everything on the open page that a phone reader could not reach or would not know to scroll to."""
    problems = []
    overflow = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if overflow[0] > overflow[1] + 1:
        problems.append(f"the page scrolls sideways ({overflow[0]} px wide on a {overflow[1]} px screen)")
    for table in page.evaluate(TABLES):
        name = table["caption"]
        if table["unreachable"]:
            problems.append(f"{name}: columns beyond the screen with no way to scroll to them: {table['unreachable']}")
        if table["clipped"]:
            problems.append(f"{name}: cut off by {table['clipped']}")
        if table["scroller"] is None:
            continue
        box = page.locator(f'[data-test-scroller="{table["scroller"]}"]')
        at_start, at_end = edge_shade(box, False), edge_shade(box, True)
        if at_start < VISIBLE_SHADE:
            problems.append(f"{name}: scrolls sideways with no visible cue (edge shade {at_start:.0f})")
        if at_end > FAINT_SHADE:
            problems.append(f"{name}: the scroll cue stays after scrolling to the end (edge shade {at_end:.0f})")
        hidden = page.evaluate(OUT_OF_VIEW_WHEN_SCROLLED, table["scroller"])
        if hidden:
            problems.append(f"{name}: row names or caption scroll out of view: {hidden}")
    for index in range(page.locator("[data-test-fits]").count()):
        shade = edge_shade(page.locator("[data-test-fits]").nth(index), False)
        if shade > FAINT_SHADE:
            problems.append(f"a table that fits its box shows a scroll cue all the same (edge shade {shade:.0f})")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_table_is_reachable_on_a_phone(browser, book_server, book_html, scheme):
    report = {}
    page = browser.new_page(viewport=PHONE, color_scheme=scheme)
    for relative in book_pages(book_html):
        if not relative.startswith("book/"):
            continue
        page.goto(book_server + relative, wait_until="load")
        save_screenshot(page, f"phone-{scheme}-" + relative.replace("/", "__").removesuffix(".html"))
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        problems = phone_problems(page)
        if problems:
            report[relative] = problems
    page.close()
    assert report == {}, f"Tables a phone reader cannot reach: {report}"
