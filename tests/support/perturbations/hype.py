"""For each exercise of "How loud is it?", a change to the data that must change its answer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from support.data_edits import replace_in_article, set_cell, set_reference


def article_file(folder: Path, article_id: str) -> str:
    """The file name of a seed article in the data folder (``000_....txt``)."""
    (path,) = folder.glob(f"{article_id}_*.txt")
    return path.name


def lexicon_row(folder: Path, form: str) -> str:
    """The ``phrase`` cell of the lexicon row that lists ``form``."""
    table = pd.read_csv(folder / "hype_lexicon.csv", dtype=str, keep_default_na=False)
    (phrase,) = [p for p in table["phrase"] if form in p.split("|")]
    return phrase


def set_lexicon_category(folder: Path, form: str, category: str) -> None:
    set_cell(folder, "hype_lexicon.csv", "phrase", lexicon_row(folder, form), "category", category)


def delete_lexicon_row(folder: Path, form: str) -> None:
    table = pd.read_csv(folder / "hype_lexicon.csv", dtype=str, keep_default_na=False)
    table = table[table["phrase"] != lexicon_row(folder, form)]
    table.to_csv(folder / "hype_lexicon.csv", index=False)


def change_figure(folder: Path, article_id: str, old: str, new: str) -> None:
    """Change a figure in an article's text and in the note that judges it, so the ledger still matches."""
    replace_in_article(folder, article_file(folder, article_id), old, new)
    set_cell(folder, "figure_notes.csv", "text", old, "text", new)


PERTURBATIONS = {
    # "supremacy" becomes a metaphor: the most frequent war-and-race phrase is now another one.
    "hype-categories": lambda d: set_lexicon_category(d, "supremacy", "metaphor"),
    # "a mere" leaves the list: article 000's "at a mere $6 million" is no longer flagged.
    "hype-flagged": lambda d: delete_lexicon_row(d, "a mere"),
    # Article 003 counted as longer: fewer loaded phrases per 1,000 words.
    "hype-per-thousand": lambda d: set_cell(d, "articles.csv", "id", "003", "word_count", "500"),
    # Article 004 loses its "seismic shift": with war words at 0 it no longer comes second.
    "hype-reweigh": lambda d: replace_in_article(d, article_file(d, "004"), "seismic shift", "sudden change"),
    # Article 001 counted as far longer: per word it now uses less of every kind than article 002, so the step
    # from 002 down to 001 holds whatever the weights.
    "hype-robust": lambda d: set_cell(d, "articles.csv", "id", "001", "word_count", "5000"),
    # The download figure in article 000 ¶7 changes: the rewrite must keep the new figure.
    "hype-rewrite": lambda d: change_figure(d, "000", "1.6 million", "1.7 million"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "hype-exit-ticket": lambda d: set_reference(d, "meta_capex_2025_low_usd", 50e9),
}
