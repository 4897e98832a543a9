"""The seed ledger: every figure in the five seed articles, read, located and judged against its fact row."""

from __future__ import annotations

import pandas as pd

from solutions.data.articles import article_ids, article_text, paragraph_at
from solutions.data.facts import load_facts
from solutions.analyser.figures import extract_figures
from solutions.data.datafiles import cached, read_table

LEDGER_COLUMNS = ["article_id", "paragraph", "occurrence", "text", "value", "value_high", "unit", "kind",
                  "claim_id", "verdict", "also", "source_title", "source_url", "source_date", "note", "sentence",
                  "start", "end"]


@cached
def _notes() -> pd.DataFrame:
    notes = read_table("figure_notes.csv", numbers=("occurrence",))
    notes["occurrence"] = notes["occurrence"].astype("int64")
    return notes


def load_figure_notes() -> pd.DataFrame:
    """Return the kit's notes on the seed figures: which fact row judges each, and what it measures."""
    return _notes().copy()


def seed_figures() -> pd.DataFrame:
    """Every figure :func:`extract_figures` finds in the seeds, with article, paragraph and occurrence."""
    return _seed_figures().copy()


@cached
def _seed_figures() -> pd.DataFrame:
    tables = []
    for article_id in article_ids():
        text = article_text(article_id)
        figures = extract_figures(text)
        figures.insert(0, "article_id", article_id)
        figures.insert(1, "paragraph", pd.Series([paragraph_at(text, start) for start in figures["start"]],
                                                 dtype="int64", index=figures.index))
        figures.insert(2, "occurrence", figures.groupby("text").cumcount() + 1)
        tables.append(figures)
    return pd.concat(tables, ignore_index=True)


def seed_ledger(notes: pd.DataFrame | None = None, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every figure in the seeds with its reading, fact row, verdict, source and a plain note.

    A figure is matched to its note by article, text and occurrence (the second "$6 million" in an
    article is occurrence 2). A figure without a note keeps empty ``claim_id``, ``verdict`` and ``note``.
    ``verdict`` is the fact sheet's main verdict and ``also`` the tuple of other verdicts it accepts for the
    same wording (version 2 of the fact sheet); a figure without a fact row has ``also == ()``.
    """
    if notes is None and facts is None:
        return _default_ledger().copy()
    return _ledger(notes, facts)


@cached
def _default_ledger() -> pd.DataFrame:
    """The ledger from the kit's own notes and fact sheet, worked out once until the data caches are cleared."""
    return _ledger(None, None)


def _ledger(notes: pd.DataFrame | None, facts: pd.DataFrame | None) -> pd.DataFrame:
    notes = load_figure_notes() if notes is None else notes
    facts = load_facts() if facts is None else facts
    ledger = _seed_figures().merge(notes, on=["article_id", "text", "occurrence"], how="left", validate="1:1")
    if "also" not in facts:
        facts = facts.assign(also=[()] * len(facts))
    sources = facts[["claim_id", "verdict", "also", "source_title", "source_url", "source_date"]]
    ledger = ledger.merge(sources, on="claim_id", how="left", validate="m:1")
    ledger["also"] = pd.Series([value if isinstance(value, tuple) else () for value in ledger["also"]],
                               index=ledger.index, dtype=object)
    ledger["article_id"] = ledger["article_id"].astype("string")
    for column in ("text", "claim_id", "source_title", "source_url", "source_date", "note"):
        ledger[column] = ledger[column].astype("string")
    return ledger[LEDGER_COLUMNS]
