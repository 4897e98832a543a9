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
    # Article 003 loses its "sent shockwaves": with praise at 0 it no longer comes second (004 does).
    "hype-reweigh": lambda d: replace_in_article(d, article_file(d, "003"), "sent shockwaves", "caused concern"),
    # Article 004 counted as longer than article 001 (900 words against 872): with the same counts of each kind,
    # 001 now comes above 004 whatever the weights, and the step that holds is 001 over 004.
    "hype-robust": lambda d: set_cell(d, "articles.csv", "id", "004", "word_count", "900"),
    # The download figure in article 000 ¶7 changes: the rewrite must keep the new figure.
    "hype-rewrite": lambda d: change_figure(d, "000", "1.6 million", "1.7 million"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "hype-exit-ticket": lambda d: set_reference(d, "meta_capex_2025_low_usd", 50e9),
}
