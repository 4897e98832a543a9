"""The highlighted articles of "How loud is it?" in Chromium: why a phrase is loaded, on a tap and from the keyboard,
and tints per kind as the key shows them, in the book and in an output that carries its own styles (JupyterLab).

Each highlight takes one tab stop, like the paragraph links beside it: the highlights are what the page asks
readers to look at, and only the open article's are in the tab order (the others are in closed boxes). Focus
shows the explanation under the phrase's line and screen readers hear it as the phrase's description.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FIRST_ARTICLE_MARKS = ".hype-article[open] .hype-text mark.hype"

#: The explanation drawn for the focused element, its colours, and whether it is shown.
EXPLANATION = """
(el) => {
  const after = getComputedStyle(el, '::after');
  // the computed content is a CSS string: quotation marks inside it come back escaped
  return {shown: after.display !== 'none' && after.content !== 'none', content: after.content.replace(/\\\\(.)/g, '$1'),
          color: after.color, background: after.backgroundColor,
          describedBy: (document.getElementById(el.getAttribute('aria-describedby')) || {}).textContent,
          why: el.title};
}
"""

#: WCAG contrast of text in CSS colour ``text`` on ``layers`` of background colours, top first (translucent
#: ones are blended onto those below them).
CONTRAST = """
([text, ...layers]) => {
  const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, base) => [0, 1, 2].map(i => top[i] * top[3] + base[i] * (1 - top[3]));
  const base = layers.map(rgba).reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  const lum = c => { const [r, g, b] = c.map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [x, y] = [lum(over(rgba(text), base)), lum(base)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
"""


def accessible_node(page, selector: str) -> dict:
    """Chromium's accessibility node (role, name, description) for the first element matching ``selector``."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    found = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    cdp.detach()
    return {key: (found.get(key) or {}).get("value", "") for key in ("name", "description")}


@pytest.fixture
def hype_page(browser, book_server, request):
    scheme = getattr(request, "param", "light")
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(book_server + "book/hype.html", wait_until="networkidle")
    yield page
    context.close()


def test_every_highlight_can_take_focus_and_carries_its_explanation(hype_page):
    marks = hype_page.evaluate("() => [...document.querySelectorAll('.hype-text mark.hype')].map(m => ({"
                               "tab: m.tabIndex, why: m.title,"
                               "described: (document.getElementById(m.getAttribute('aria-describedby')) || {})"
                               ".textContent}))")
    assert len(marks) > 20
    for mark in marks:
        assert mark["tab"] == 0 and ": " in mark["why"] and mark["described"] == mark["why"], mark


@pytest.mark.parametrize("hype_page", ["light", "dark"], indirect=True)
def test_keyboard_focus_shows_and_announces_why_a_phrase_is_loaded(hype_page):
    page = hype_page
    marks = page.locator(FIRST_ARTICLE_MARKS)
    page.locator(".hype-article[open] > summary").focus()
    for _ in range(10):  # past the paragraph's number link to the first highlight
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hype')"):
            break
    first = page.evaluate_handle("document.activeElement")
    assert page.evaluate(f"(el) => el === document.querySelector('{FIRST_ARTICLE_MARKS}')", first)
    shown = page.evaluate(EXPLANATION, first)
    assert shown["shown"] and shown["why"] in shown["content"], shown
    assert page.evaluate(CONTRAST, [shown["color"], shown["background"]]) >= 4.5, shown
    spoken = accessible_node(page, f"{FIRST_ARTICLE_MARKS}:focus")
    assert spoken["description"] == shown["why"], spoken
    assert shown["why"] not in spoken["name"], "the explanation would be read twice"
    # Not a trap: Tab moves on to the next highlight (past a paragraph's number), and past the open article's
    # last one out of the box; Shift+Tab comes back.
    count = marks.count()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hype')"):
            break
    assert page.evaluate(EXPLANATION, page.evaluate_handle("document.activeElement"))["shown"]
    assert not page.evaluate(EXPLANATION, first)["shown"], "the first explanation closes when focus moves on"
    for _ in range(3 * count):
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.closest('.hype-article[open] .hype-text')"):
            break
    assert not page.evaluate("document.activeElement.closest('.hype-article[open] .hype-text')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('.hype-article[open] .hype-text') !== null")


@pytest.mark.parametrize("hype_page", ["light", "dark"], indirect=True)
def test_a_tap_shows_why_a_phrase_is_loaded_on_a_phone(hype_page):
    page = hype_page
    mark = page.locator(FIRST_ARTICLE_MARKS).nth(4)
    mark.scroll_into_view_if_needed()
    paragraph = mark.locator("xpath=ancestor::p[1]")
    before = paragraph.bounding_box()["height"]
    mark.tap()
    shown = mark.evaluate(EXPLANATION)
    assert shown["shown"] and mark.evaluate("el => el === document.activeElement"), shown
    assert paragraph.bounding_box()["height"] > before + 20, "the explanation takes room under the line"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.locator(".hype-legend-title").tap()
    assert not mark.evaluate(EXPLANATION)["shown"], "a tap elsewhere closes it"


TINTS = """
() => {
  const kinds = [...document.querySelectorAll('.hype-legend mark.hype')].map(m => [...m.classList].find(c => c.startsWith('hype-')));
  const tint = m => getComputedStyle(m).backgroundColor;
  return kinds.map(kind => ({kind, legend: tint(document.querySelector(`.hype-legend mark.${kind}`)),
    text: [...new Set([...document.querySelectorAll(`.hype-text mark.${kind}, .hype-articles mark.${kind}`)].map(tint))]}));
}
"""


def check_tints(page) -> None:
    """Seven kinds, seven different tints, and every highlight of a kind tinted as the key shows it."""
    tints = page.evaluate(TINTS)
    assert len(tints) == 7
    assert len({row["legend"] for row in tints}) == 7, tints
    for row in tints:
        assert row["legend"] not in ("rgba(0, 0, 0, 0)", "transparent"), row
        assert row["text"] in ([], [row["legend"]]), row


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_kinds_are_tinted_as_the_key_shows_in_the_book(browser, book_server, scheme):
    page = browser.new_page(viewport=PHONE, color_scheme=scheme)
    page.goto(book_server + "book/hype.html", wait_until="networkidle")
    check_tints(page)
    page.close()


@pytest.mark.parametrize("dark", [False, True])
def test_the_outputs_carry_their_own_tints_for_jupyterlab(browser, dark):
    """In JupyterLab the book's stylesheets are not loaded: the chapter's outputs alone, on a page like
    JupyterLab's (its theme attribute and colour variables), still tint each kind as the key shows, in its
    light and dark themes, with the text readable on every tint."""
    from exercises.chapters.hype import categories_table_html, highlighted_articles_html, legend_html

    colours = ("--jp-layout-color0: #111111; --jp-content-font-color1: rgba(255, 255, 255, 1);" if dark
               else "--jp-layout-color0: #ffffff; --jp-content-font-color1: rgba(0, 0, 0, 0.87);")
    html = "".join(output().data for output in (categories_table_html, legend_html, highlighted_articles_html))
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.set_content(f'<html><body data-jp-theme-light="{str(not dark).lower()}" style="{colours} '
                     f'background: var(--jp-layout-color0); color: var(--jp-content-font-color1)">{html}</body></html>')
    check_tints(page)
    layers = page.evaluate("() => [...document.querySelectorAll('.hype-text mark.hype')].map(m => "
                           "[getComputedStyle(m).color, getComputedStyle(m).backgroundColor,"
                           " getComputedStyle(document.body).backgroundColor])")
    contrasts = [page.evaluate(CONTRAST, colours) for colours in layers]
    assert contrasts and min(contrasts) >= 4.5, min(contrasts)
    page.close()
