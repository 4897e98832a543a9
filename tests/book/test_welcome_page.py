"""The welcome page: "Start here" walks through every chapter in the book's order, and money reads as money."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from support.paths import REPO_ROOT


def _start_here() -> str:
    index = (REPO_ROOT / "book" / "index.md").read_text(encoding="utf-8")
    return index.split("\n## Start here\n", 1)[1].split("\n#", 1)[0]


def test_start_here_links_every_page_in_the_order_of_the_table_of_contents():
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text())
    pages = [chapter["file"].removeprefix("book/") for part in toc["parts"] for chapter in part["chapters"]]
    linked = re.findall(r"\]\(([a-z-]+)\.md\)", _start_here())
    assert linked == pages


class _VisibleText(HTMLParser):
    """The text of a page's article body, as a reader sees it."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


@pytest.mark.book
def test_welcome_page_shows_dollar_amounts_without_a_backslash(book_html):
    html = (book_html / "book" / "index.html").read_text(encoding="utf-8")
    body = html.split('<article class="bd-article"', 1)[1].split("</article>", 1)[0]
    reader = _VisibleText()
    reader.feed(body)
    text = "".join(reader.parts)
    assert "$5.6M" in text
    assert "\\$" not in text
