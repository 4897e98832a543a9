"""Standing check: every quotation the kit attributes to an article paragraph is in that paragraph.

A sentence that names a paragraph ("003 ¶5") or an article ("article 003") and quotes words (“…” or "…")
must quote them exactly: each quoted fragment is found, in order, in one of the places the sentence names
(letters, digits and punctuation compared after folding quotation marks, dashes and spaces). The only cuts
allowed are marked ones: "…" or "..." for words left out, square brackets for words added. A quotation the
sentence credits to a fact row instead (a source's words) may be found in that row.
"""

from __future__ import annotations

import re

import pytest

from solutions import article_paragraphs, article_text
from solutions.data.facts import fact_text, find_fragments
from support.kit_text import BOOK, exercise_strings, page_prose, sentences

PARAGRAPH = re.compile(r"\b(\d{3})\s*¶\s*(\d+)")
ARTICLE = re.compile(r"\b[Aa]rticles?\s+(\d{3})\b")
FACT_ID = re.compile(r"\b[A-Z]{2,4}-\d{2}[a-z]?\b")
QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
LABEL_BEFORE = re.compile(r"\b(\d{3})\s*¶\s*(\d+)\s*[:,]?\s*$")
GLOSS = re.compile(r"\b(?:for|means|meaning)\s*$")
PARAGRAPH_ARTICLE = re.compile(r"\b(\d{3})\s*¶")
CUT = re.compile(r"\s*(?:\.\.\.|…|\[[^\]]*\])\s*")


def quoted_fragments(sentence: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in QUOTE.finditer(sentence)]


def places(sentence: str) -> list[str]:
    """The texts a sentence points to: named paragraphs, else whole named articles."""
    texts = []
    for article_id, number in PARAGRAPH.findall(sentence):
        paragraphs = article_paragraphs(article_id)
        if 1 <= int(number) <= len(paragraphs):
            texts.append(paragraphs["text"].iloc[int(number) - 1])
    if not texts:
        texts = [article_text(article_id) for article_id in ARTICLE.findall(sentence)]
    return texts


def _paragraph(article_id: str, number: str) -> list[str]:
    paragraphs = article_paragraphs(article_id)
    return [paragraphs["text"].iloc[int(number) - 1]] if 1 <= int(number) <= len(paragraphs) else []


def misquotes(sentence: str, context: str = "") -> list[str]:
    """The quoted fragments of a sentence that are not found where it says they are.

    A quote right after a paragraph label ("000 ¶10: “…”") must be in that paragraph, and so must a quote
    followed within 60 characters by a paragraph reference. Any other quote
    must be in a place the sentence names, or in an article the surrounding ``context`` names, or in a fact
    row the sentence cites, or in the fact sheet or hype tables (which the kit quotes too). A single quoted word
    that no paragraph reference pins down is taken as a term being named, not a quotation. A quote after "for" or "means" is a gloss ("Bronnen", Dutch for "sources").
    """
    where = places(sentence)
    if not where:
        return []
    rows = [fact_text(claim_id) for claim_id in FACT_ID.findall(sentence) if _is_fact(claim_id)]
    nearby = [article_text(article_id) for article_id in set(ARTICLE.findall(context) + PARAGRAPH_ARTICLE.findall(context))]
    wrong = []
    for match in QUOTE.finditer(sentence):
        quote = match.group(1) or match.group(2)
        if GLOSS.search(sentence[:match.start()]):
            continue
        fragments = [f.strip(" ,.;:") for f in CUT.split(quote) if f.strip(" ,.;:")]
        if not fragments:
            continue
        preceding = LABEL_BEFORE.search(sentence[:match.start()])
        following = PARAGRAPH.search(sentence, match.end())
        if preceding:  # "000 ¶10: “…”"
            candidates = _paragraph(*preceding.groups()) + rows + [reference_text()]
        elif following and following.start() - match.end() <= 60:
            candidates = _paragraph(*following.groups()) + rows + [reference_text()]
        elif len(fragments) == 1 and " " not in fragments[0]:
            continue  # a single word not pinned to a paragraph is a term being named ("surely", "maybe")
        else:  # not pinned to a paragraph: the articles named, or the kit's reference tables
            candidates = where + nearby + rows + [reference_text()]
        if not any(find_fragments(fragments, text) is not None for text in candidates):
            wrong.append(quote)
    return wrong


def reference_text() -> str:
    """The fact sheet and the hype tables, which the kit may quote without a paragraph reference."""
    from solutions.data.paths import data_dir

    return "\n".join((data_dir() / name).read_text(encoding="utf-8").replace("**", "")
                     for name in ("facts.md", "facts.csv", "hype_categories.csv", "hype_lexicon.csv"))


def _is_fact(claim_id: str) -> bool:
    from solutions import fact

    try:
        fact(claim_id)
    except KeyError:
        return False
    return True


def test_page_quotations_are_exact():
    problems = []
    for page in sorted(BOOK.glob("*.md")):
        if page.stem in ("articles", "facts"):
            continue
        for block in re.split(r"\n\s*\n", page_prose(page)):
            for sentence in sentences(block):
                problems += [f"{page.name}: “{q}” in: {sentence[:160]}" for q in misquotes(sentence, block)]
    assert problems == [], "\n".join(problems)


@pytest.mark.slow  # every exercise quotation (about 5 s)
def test_exercise_quotations_are_exact():
    from exercises.book import all_exercises

    problems = []
    for exercise in all_exercises():
        for where, text in exercise_strings(exercise):
            problems += [f"{where}: “{q}” in: {text[:160]}" for q in misquotes(text, text)]
    assert problems == [], "\n".join(sorted(set(problems)))


@pytest.mark.book
def test_built_page_quotations_are_exact(book_html):
    """Tables, captions and alt text, as the built pages show them."""
    from bs4 import BeautifulSoup

    problems = []
    for page in sorted((book_html / "book").glob("*.html")):
        if page.stem in ("articles", "facts"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup
        texts = [img.get("alt", "") for img in main.find_all("img")]
        texts += [element.get_text("") for element in main.find_all(["td", "th", "caption", "figcaption", "li", "p"])]
        for text in texts:
            problems += [f"{page.name}: “{q}” in: {text[:160]}" for q in misquotes(" ".join(text.split()))]
    assert problems == [], "\n".join(sorted(set(problems)))


def test_the_check_catches_a_misquote():
    assert misquotes("Article 003 ¶5 says it cost “$6 million to build”.") == []
    assert misquotes("003 ¶5 says it cost “exactly $6 million”.") == ["exactly $6 million"]
