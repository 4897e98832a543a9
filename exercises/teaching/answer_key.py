"""The answer key: every exercise in the book with its prompt, correct answer, explanation and source."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from exercises.book import SECTIONS, section_named
from exercises.static_html import source_links


def answer_key() -> pd.DataFrame:
    """One row per exercise, the checks before and after the chapters included: chapter, id, title, kind, prompt,
    answer, explanation and sources."""
    rows = []
    for chapter in SECTIONS:
        for exercise in chapter.exercises():
            rows.append({
                "chapter": chapter.chapter, "chapter_title": chapter.title, "id": exercise.id,
                "title": exercise.title, "kind": exercise.kind, "prompt": exercise.prompt,
                "answer": exercise.answer_text(), "explanation": exercise.explanation,
                "sources": "; ".join(source.label() for source in exercise.sources),
            })
    return pd.DataFrame(rows).astype("string")


def answer_key_html(chapter_name: str) -> HTML:
    """One chapter's answer key as cards, each linking its exercise and its sources; each card shows the answer as
    the exercise's "Show answer" does (a table for matching and ordering)."""
    parts = []
    for chapter in [section_named(chapter_name)]:
        cards = []
        for exercise in chapter.exercises():
            cards.append(
                f'<section class="key-card" id="key-{escape(exercise.id)}" aria-label="Answer to {escape(exercise.title)}">'
                f'<p class="key-title"><a href="{escape(chapter.chapter)}.md#exercise-{escape(exercise.id)}">'
                f"{escape(exercise.title)}</a> <span class=\"key-kind\">{escape(exercise.kind)}</span></p>"
                f'<dl class="article-facts"><dt>Question</dt><dd>{escape(exercise.prompt)}</dd></dl>'
                f'<div class="key-answer">{exercise.answer_html()}</div>'
                f'<dl class="article-facts"><dt>Why</dt><dd>{escape(exercise.explanation)}</dd>'
                f"<dt>Source</dt><dd>{source_links(exercise.sources)}</dd></dl></section>"
            )
        parts.append(f'<div class="key-chapter tex2jax_ignore mathjax_ignore" data-chapter="{escape(chapter.chapter)}">{"".join(cards)}</div>')
    return HTML("".join(parts))
