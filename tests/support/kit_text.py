"""The sentences the kit writes in its own voice, gathered for the standing checks.

Three sources: the prose of every page (``book/*.md`` without code, front matter or markup), every
exercise's texts (prompt, options, feedback, hints, explanation, answer), and the text of the built pages
(tables, captions and alt text that the display functions write). Quotations are set apart: a quoted span
(“…”, "…", ‘…’ or '…' used as quotation marks, ``<q>``, ``<blockquote>``) is the articles' or a source's
voice, not the kit's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from support.paths import REPO_ROOT

BOOK = REPO_ROOT / "book"

_QUOTED = re.compile(r"“[^”]*?”|\"(?:[^\"\n]|\n(?!\s*\n))*?\"|‘[^’]*?’|(?<![A-Za-z0-9])'(?:[^'\n]|\n(?!\s*\n))*?'(?![A-Za-z0-9])")
_ROLE = re.compile(r"\{(?:fact|para|doc|ref|numref|download)\}`([^`]*)`")
#: A page's link to a fact card, ``[COST-01](facts.md#fact-cost-01)``: group 1 is the fact id.
FACT_LINK = re.compile(r"\[([A-Za-z0-9-]+)\]\(facts\.md#fact-[a-z0-9-]+\)")
#: A page's link to a numbered paragraph, ``[003 ¶7](articles.md#a003-p7)``: groups are the article and paragraph.
PARAGRAPH_LINK = re.compile(r"\[(\d{3}) ¶(\d+)\]\(articles\.md#a\d{3}-p\d+\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
_CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)
_FENCE = re.compile(r"```.*?```", re.S)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+|^\s*(?:[-*+]|\d+\.)\s+|\n(?=\s*#)", re.M)


def fact_citation(claim_id: str) -> str:
    """How a page cites a fact-sheet row in its Markdown: ``[COST-01](facts.md#fact-cost-01)``."""
    from exercises.display import fact_href
    return f"[{claim_id}]({fact_href(claim_id)})"


def paragraph_citation(article_id: str, paragraph: int) -> str:
    """How a page cites a numbered paragraph in its Markdown: ``[003 ¶7](articles.md#a003-p7)``."""
    from exercises.display import paragraph_href
    return f"[{article_id} ¶{paragraph}]({paragraph_href(article_id, paragraph)})"


def without_quotations(text: str) -> str:
    """The text with every quoted span replaced by a placeholder word (so sentences keep their shape)."""
    return _QUOTED.sub(" (quoted) ", text)


def sentences(text: str) -> list[str]:
    """Split prose into sentences (roughly: after . ! ? before a capital, and at blank lines)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def page_prose(page: Path) -> str:
    """A page's Markdown prose: no front matter, code cells, fences, HTML tags; roles and links as their text."""
    text = _FRONT.sub("", page.read_text(encoding="utf-8"))
    text = _FENCE.sub("\n\n", _CODE_CELL.sub("\n\n", text))
    text = re.sub(r"^\(.*\)=\s*$", "", text, flags=re.M)  # MyST targets
    text = re.sub(r"^:[a-z-]+:.*$", "", text, flags=re.M)  # directive options
    text = _ROLE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub(" ", text).replace("\\$", "$")
    return re.sub(r"[*_`]", "", text)


def page_texts() -> Iterator[tuple[str, str]]:
    """``(where, sentence)`` for every sentence of every page's prose, quotations already replaced."""
    for page in sorted(BOOK.glob("*.md")):
        for sentence in sentences(without_quotations(page_prose(page))):
            yield page.name, sentence


def exercise_strings(exercise) -> Iterator[tuple[str, str]]:
    """``(field, text)`` for every text an exercise shows: everything in its spec, answer and explanation."""
    def walk(value, path):
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in ("messages", "key", "correct", "id", "kind", "keys", "function_words", "any_of", "none_of",
                           "watch_words", "watch_pattern", "months", "scales", "unit_words", "month", "either",
                           "also_keys"):
                    continue
                yield from walk(item, f"{path}.{key}")
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")

    yield from walk(exercise.spec(), exercise.id)
    yield f"{exercise.id}.answer", exercise.answer_text()
    yield f"{exercise.id}.explanation", exercise.explanation
    for index, hint in enumerate(exercise.hints):
        yield f"{exercise.id}.hints[{index}]", hint


def exercise_texts() -> Iterator[tuple[str, str, object]]:
    """``(where, sentence, exercise)`` for every sentence every exercise shows, quotations already replaced."""
    from exercises.book import all_exercises

    for exercise in all_exercises():
        for where, text in exercise_strings(exercise):
            for sentence in sentences(without_quotations(text)):
                yield where, sentence, exercise


def built_page_text(page: Path) -> str:
    """The visible text of a built page, without scripts, styles, navigation, articles, citations or quotations."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for element in main.select("script, style, nav, q, cite, blockquote, .article-text, .article-headline, .kit-exercise, "
                               ".fact-card, .kit-original, .hype-highlighted, .hype-reasons, pre, code, .headerlink"):
        element.decompose()
    for image in main.find_all("img"):
        image.replace_with(f" {image.get('alt', '')} ")
    for block in main.find_all(["p", "li", "td", "th", "caption", "figcaption", "dd", "dt", "h1", "h2", "h3"]):
        block.append(" ")  # blocks end with a space; inline elements join without one
    return without_quotations(" ".join(html.unescape(main.get_text("")).split()))
