"""Standing check: the kit's own sentences pass its own hype finder (quotations of others excluded)."""

from __future__ import annotations

import re

import pytest

from solutions.analyser.hype import find_hype
from solutions.data.datafiles import read_table
from support.kit_text import exercise_texts, page_texts, without_quotations

#: Wording that is fair in the kit's voice although the hype finder flags it, each with the reason. Keep it short.
ALLOWED = {
    r"\bREADME\b": "the name of a file, not shouting",
    r"\b[Dd]ramatic metaphors\b": "the name of one of the hype lexicon's categories (seeds/hype_categories.csv)",
    r"\b[Ss]ensational market verbs\b": "the name of another of the lexicon's categories",
}


def hype_in(sentence: str) -> list[str]:
    text = without_quotations(sentence)
    for pattern in ALLOWED:
        text = re.sub(pattern, "(allowed)", text)
    return [find["text"] for find in find_hype(text)]


def test_page_prose_passes_the_hype_finder():
    problems = [(where, hits, sentence) for where, sentence in page_texts() if (hits := hype_in(sentence))]
    assert problems == [], "\n".join(f"{w}: {h} in: {s}" for w, h, s in problems)


#: The data tables whose ``rationale`` column is the kit's own prose, shown to learners beside each find.
RATIONALE_TABLES = ["hype_lexicon.csv", "hype_patterns.csv", "hype_literal_senses.csv", "vague_attribution_phrases.csv",
                    "figure_cues.csv"]


@pytest.mark.parametrize("table", RATIONALE_TABLES)
def test_data_rationales_pass_the_hype_finder(table):
    rows = read_table(table)
    assert len(rows) > 0
    problems = [(hits, rationale) for rationale in rows["rationale"] if (hits := hype_in(rationale))]
    assert problems == [], "\n".join(f"{h} in: {r}" for h, r in problems)


@pytest.mark.slow  # every exercise text (about 8 s)
def test_exercise_texts_pass_the_hype_finder():
    problems = [(where, hits, sentence) for where, sentence, _ in exercise_texts() if (hits := hype_in(sentence))]
    assert problems == [], "\n".join(f"{w}: {h} in: {s}" for w, h, s in problems)


@pytest.mark.book
def test_built_pages_pass_the_hype_finder(book_html):
    from support.kit_text import built_page_text, sentences

    problems = []
    for page in sorted((book_html / "book").glob("*.html")):
        for sentence in sentences(built_page_text(page)):
            if hits := hype_in(sentence):
                problems.append((page.name, hits, sentence[:200]))
    assert problems == [], "\n".join(f"{w}: {h} in: {s}" for w, h, s in problems)


def test_the_checker_would_catch_loaded_wording():
    assert hype_in("DeepSeek sent shockwaves through Silicon Valley.")
    assert hype_in("Some of the most dramatic claims had no source.")
    assert not hype_in("Dramatic metaphors are the most common kind.")
    assert not hype_in("The article says DeepSeek “sent shockwaves” through Silicon Valley.")
