"""The kit's statements for the check (solutions.chapters.discernment.statements): what the file must keep, and
that a bad edit stops with a message naming the line."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from solutions.analyser.hype import find_hype
from solutions.chapters.discernment import ACCURATE, DISTORTIONS, kit_statements, load_statements
from solutions.chapters.discernment.statements import NUMBER, STATEMENTS_FILE
from solutions.data.datafiles import clear_caches
from solutions.data.facts import fact
from support.data_edits import set_cell, set_verdict


def test_every_row_has_an_accurate_statement_and_every_distortion_kind_is_used():
    statements = load_statements()
    assert set(statements["version"]) == {ACCURATE, *DISTORTIONS}
    for claim_id, versions in statements.groupby("claim_id")["version"]:
        assert list(versions)[0] == ACCURATE and len(set(versions)) == len(versions), claim_id


def test_every_number_of_an_accurate_statement_is_in_its_fact_row():
    for row in load_statements().itertuples():
        if row.version != ACCURATE:
            continue
        fact_row = fact(row.claim_id)
        evidence = " ".join(str(fact_row[c]) for c in ("verified_value", "unit", "source_title"))
        assert NUMBER.findall(row.statement), row.statement  # each says something checkable
        assert set(NUMBER.findall(row.statement)) <= set(NUMBER.findall(evidence)), row.claim_id


def test_statements_are_the_kits_words_calm_and_unquoted():
    for row in load_statements().itertuples():
        assert not re.search("[\u201c\u201d\u2018\u2019\"]", row.statement), row.statement
        assert not find_hype(row.statement), row.statement
        if row.version != ACCURATE:
            assert not find_hype(row.note), row.note


def test_a_lost_source_takes_a_rows_statements_out(data_copy):
    assert "TECH-02" in set(kit_statements(set())["claim_id"])
    set_verdict(data_copy, "TECH-02", "unverifiable")
    clear_caches()
    assert "TECH-02" not in set(kit_statements(set())["claim_id"])


def test_excluded_rows_give_no_statement_and_unknown_ids_are_refused():
    assert "OTH-05" not in set(kit_statements({"OTH-05"})["claim_id"])
    with pytest.raises(ValueError, match="OTH-99"):
        kit_statements({"OTH-99"})


def edit_statement(folder, claim_id: str, version: str, column: str, value: str) -> None:
    path = folder / STATEMENTS_FILE
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = (table["claim_id"] == claim_id) & (table["version"] == version)
    assert rows.sum() == 1
    table.loc[rows, column] = value
    table.to_csv(path, index=False)


@pytest.mark.parametrize("claim_id, version, column, value, message", [
    ("TECH-02", ACCURATE, "claim_id", "TECH-99", "line 2 .*no row TECH-99"),
    ("TECH-02", "rounded beyond recognition", "version", "exaggerated", "must be one of"),
    ("TECH-02", "rounded beyond recognition", "version", ACCURATE, "a second accurate statement"),
    ("TECH-02", ACCURATE, "version", "conflated", "needs the row's accurate statement on an earlier line"),
    ("TECH-02", ACCURATE, "statement", "DeepSeek-V3 was pre-trained on 15 trillion tokens.", "gives 15, which"),
    ("OTH-05", "misattributed", "note", "", "needs a note"),
    ("OTH-05", "misattributed", "statement",
     "Baidu launched Apollo, an open-source platform for self-driving cars, in July 2017.", "says the same"),
])
def test_a_bad_edit_stops_with_a_message(data_copy, claim_id, version, column, value, message):
    edit_statement(data_copy, claim_id, version, column, value)
    clear_caches()
    with pytest.raises(ValueError, match=message):
        load_statements()


def test_a_fact_sheet_correction_stops_an_accurate_statement_that_no_longer_matches(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "TECH-02", "verified_value", "14.9")
    clear_caches()
    with pytest.raises(ValueError, match="TECH-02.*gives 14.8"):
        load_statements()
