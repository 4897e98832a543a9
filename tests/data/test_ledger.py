"""The seed ledger: every figure in the five articles, pinned by a golden table (tests/goldens/seed_ledger.csv)."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd

from solutions import article_text
from solutions.data.facts import load_facts
from solutions.data.ledger import load_figure_notes, seed_figures, seed_ledger

LEDGER_COLUMNS = ["article_id", "paragraph", "text", "value", "value_high", "unit", "kind", "claim_id", "verdict",
                  "also"]


def _number(value: float) -> str:
    if value is None or math.isnan(value):
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def ledger_csv(ledger: pd.DataFrame) -> str:
    """The ledger's figures and verdicts as CSV text: whole numbers without ``.0``, ``also`` joined with ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LEDGER_COLUMNS)
    for row in ledger.itertuples():
        writer.writerow([row.article_id, row.paragraph, row.text, _number(row.value), _number(row.value_high),
                         row.unit, row.kind, row.claim_id, row.verdict, ";".join(row.also)])
    return out.getvalue()


def test_ledger_matches_the_golden_table(golden):
    golden("seed_ledger.csv", ledger_csv(seed_ledger()))


def test_every_seed_figure_has_a_note_a_fact_and_a_source():
    ledger = seed_ledger()
    assert ledger["claim_id"].notna().all() and ledger["note"].notna().all()
    assert (ledger["note"].str.len() > 40).all()
    assert ledger["source_title"].notna().all()


def test_every_note_belongs_to_a_figure_that_exists():
    notes = load_figure_notes()
    figures = seed_figures()
    keys = set(zip(figures["article_id"], figures["text"], figures["occurrence"]))
    assert set(zip(notes["article_id"], notes["text"], notes["occurrence"])) == keys


def test_ledger_offsets_point_at_the_figure_text():
    for row in seed_ledger().itertuples():
        assert article_text(row.article_id)[row.start:row.end] == row.text
        assert row.text in row.sentence


def test_verdicts_follow_the_fact_sheet():
    facts = load_facts()
    facts["verdict"] = facts["verdict"].cat.set_categories([*facts["verdict"].cat.categories])
    facts.loc[facts["claim_id"] == "GPU-04", "verdict"] = "accurate"
    ledger = seed_ledger(facts=facts).set_index("claim_id")
    assert ledger.loc["GPU-04", "verdict"] == "accurate"


def test_also_verdicts_follow_the_fact_sheet():
    facts = load_facts()
    facts.loc[facts["claim_id"] == "GPU-02", "also"] = pd.Series([("conflated",)], index=facts.index[facts["claim_id"] == "GPU-02"])
    ledger = seed_ledger(facts=facts).set_index("claim_id")
    assert ledger.loc["GPU-02", "also"] == ("conflated",)
    assert seed_ledger().set_index("claim_id").loc["GPU-02", "also"] == ()


def test_no_note_cites_a_version_1_id_that_was_split():
    facts = load_facts()
    ids = set(facts["claim_id"])
    notes = load_figure_notes()
    assert set(notes["claim_id"]) <= ids
    for old in set(facts["part_of"].dropna()):
        assert not notes["note"].str.contains(rf"\b{old}\b(?![a-z])", regex=True).any(), old


def test_notes_follow_their_data():
    notes = load_figure_notes()
    notes.loc[notes["claim_id"] == "GPU-02", "claim_id"] = "GPU-01"
    ledger = seed_ledger(notes=notes)
    row = ledger[(ledger["article_id"] == "004") & (ledger["text"] == "2,000")].iloc[0]
    assert row["claim_id"] == "GPU-01" and row["verdict"] == "accurate"
