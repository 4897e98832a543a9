"""The report page (``page.py``): self-contained and offline, everything from a file escaped, charts with alt text
and captions, tables in labelled scrolling regions, and a dark mode."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from report_samples import HOSTILE_NAME


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of every ``<caption>``."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.captions: dict[str, str] = {}
        self._caption: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "caption":
            self._caption = dict(attrs).get("id", "")
            self.captions[self._caption] = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._caption = None

    def handle_data(self, data):
        if self._caption is not None:
            self.captions[self._caption] += data

    def all(self, name: str) -> list[dict]:
        return [attributes for tag, attributes in self.tags if tag == name]


@pytest.fixture(scope="module")
def page(class_report) -> str:
    return class_report.html


@pytest.fixture(scope="module")
def elements(page) -> Elements:
    return Elements(page)


def test_a_hostile_learner_name_is_shown_as_text(page, elements):
    assert HOSTILE_NAME not in page
    assert escape(HOSTILE_NAME) in page
    assert not elements.all("script") and "onerror" not in {name for _, attributes in elements.tags
                                                            for name in attributes}


def test_every_problem_file_and_reason_is_on_the_page(page, class_report):
    problems = class_report.table("problems.csv")
    for file, reason in zip(problems["file"], problems["reason"]):
        assert f'<th scope="row">{escape(file)}</th><td>{escape(reason)}</td>' in page


def test_the_page_loads_nothing_from_another_host(page, elements):
    addresses = [value for _, attributes in elements.tags for name, value in attributes.items()
                 if name in ("src", "href", "srcset", "action", "data", "poster")]
    assert addresses and all(value.startswith("data:image/svg+xml;base64,") for value in addresses)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(|@import", page)
    policy = next(attributes["content"] for attributes in elements.all("meta")
                  if attributes.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none'") and "script-src" not in policy


def test_both_charts_have_alt_text_and_a_visible_caption(page, elements):
    images = elements.all("img")
    assert len(images) == 2
    assert all(len(image["alt"]) > 60 for image in images)
    assert page.count("<figure") == page.count("<figcaption>") == 2
    assert "Horizontal bar chart of" in images[0]["alt"] and "Slope chart of" in images[1]["alt"]


def test_every_table_scrolls_in_a_region_named_by_its_caption(page, elements):
    regions = [attributes for attributes in elements.all("div") if attributes.get("role") == "region"]
    assert len(regions) == len(elements.all("table")) == 3
    for region in regions:
        assert region["tabindex"] == "0"
        assert elements.captions[region["aria-labelledby"]].strip()
    assert ".table-region { overflow-x: auto;" in page


def test_the_page_follows_dark_mode_and_fits_a_phone(page, elements):
    assert "@media (prefers-color-scheme: dark)" in page and "color-scheme: light dark" in page
    assert any(attributes.get("name") == "viewport" for attributes in elements.all("meta"))
    assert elements.all("html")[0]["lang"] == "en"


def test_the_summary_counts_the_files(page):
    assert "<li><strong>30</strong> files read</li>" in page
    assert "<li><strong>21</strong> learners&#x27; files used</li>" in page
    assert "<li><strong>9</strong> files not used</li>" in page


def test_the_exercise_table_lists_every_exercise(page, class_report):
    for title in class_report.table("exercises.csv")["exercise_title"]:
        assert f'<th scope="row">{escape(title)}<br>' in page


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_passes_accessibility_checks_and_fits_a_phone(chromium, class_report, scheme):
    """In Chromium 390 px wide: axe-core finds no violation, only the page itself is requested, and the page does
    not scroll sideways (the tables scroll inside their regions)."""
    from axe_playwright_python.sync_playwright import Axe

    page = chromium.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto((class_report.report_folder / "report.html").as_uri())
        assert requests == [(class_report.report_folder / "report.html").as_uri()]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.evaluate("[...document.querySelectorAll('.table-region')]"
                             ".some(region => region.scrollWidth > region.clientWidth)")
        result = Axe().run(page).response
        assert len(result["passes"]) > 10  # axe ran, despite the page's Content-Security-Policy
        violations = result["violations"]
        assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    finally:
        page.close()
