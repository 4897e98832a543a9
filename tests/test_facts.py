"""The reference fact sheet as data: dtypes, sources and dates, and seed wording found in the articles."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SHARED
from solutions import article_text, load_facts, locate_wording
from solutions.facts import (
    VERDICTS, find_fragments, has_source, verdict_counts, wording_alternatives,
)
from solutions.paths import data_dir

#: Rows whose seed wording is the fact sheet's paraphrase rather than a quotation (reported upstream).
PARAPHRASED = {
    "TECH-06": "'R1 has matched' skips the words between 'R1' and 'has'; 000 says 'equaled but, in certain aspects,'",
    "DATE-05": "marked '(implied)': no article states the date the app reached No. 1",
    "MKT-03": "'Nvidia stock downturn' summarises 000 ¶10, which says 'Nvidia ... witnessing a stock downturn'",
}


def test_fact_sheet_is_a_verbatim_copy():
    if not (SHARED / "reference").is_dir():
        pytest.skip("../shared/reference is not beside this checkout")
    for name in ("facts.csv", "facts.md"):
        assert (data_dir() / name).read_bytes() == (SHARED / "reference" / name).read_bytes()


def test_fact_sheet_dtypes():
    facts = load_facts()
    assert facts["claim_id"].is_unique
    assert isinstance(facts["verdict"].dtype, pd.CategoricalDtype)
    assert list(facts["verdict"].cat.categories) == VERDICTS
    assert facts["confidence"].cat.ordered and list(facts["confidence"].cat.categories) == ["low", "medium", "high"]
    assert facts["first_source_date"].dtype == "datetime64[ns]"
    assert facts["verdict"].notna().all() and facts["confidence"].notna().all()
    for column in ("claim_id", "seed_wording", "source_title", "note"):
        assert isinstance(facts[column].dtype, pd.StringDtype)


def test_every_row_has_a_source_and_a_date():
    facts = load_facts()
    assert (facts["source_title"].str.strip() != "").all()
    assert (facts["source_date"].str.strip() != "").all()
    without = facts[~facts.apply(has_source, axis=1)]
    # "No source found" is allowed only where the verdict says exactly that.
    assert set(without["verdict"]) <= {"unverifiable"}, without[["claim_id", "verdict"]]
    with_source = facts[facts.apply(has_source, axis=1)]
    assert with_source["first_source_date"].notna().all()


def test_source_urls_are_parsed():
    facts = load_facts().set_index("claim_id")
    assert facts.loc["COST-01", "source_urls"] == ("https://arxiv.org/abs/2412.19437",)
    assert len(facts.loc["COST-05", "source_urls"]) == 2
    assert facts.loc["ATT-05", "source_urls"] == ()


def test_seed_ids_are_parsed():
    facts = load_facts().set_index("claim_id")
    assert facts.loc["COST-08", "seed_ids"] == ("000", "002")
    assert facts.loc["COST-09", "seed_ids"] == ()


def test_every_seed_wording_is_in_its_articles():
    """Each alternative wording ("a / b") is found, fragment by fragment ("..."), in one of its articles."""
    missing = {}
    for row in load_facts().itertuples():
        if not row.seed_ids:
            continue
        found = set(locate_wording(row.claim_id)["alternative"])
        lost = [" ... ".join(a) for a in wording_alternatives(row.seed_wording) if " ... ".join(a) not in found]
        if lost:
            missing[row.claim_id] = lost
    assert set(missing) == set(PARAPHRASED), missing


def test_wording_matching_allows_elisions_and_typography():
    text = "It cost \u201cunder $6 million\u201d [4] to build\u2014really, they said."
    assert find_fragments(["it cost 'under $6 million' to build - really"], text) == 0
    assert find_fragments(["It cost", "to build"], text) == 0
    assert find_fragments(["to build", "It cost"], text) is None
    assert wording_alternatives("a ... b / c [d] e") == [["a", "b"], ["c", "e"]]


def test_locate_wording_reports_the_paragraph():
    places = locate_wording("COST-01")
    assert places[["article_id", "paragraph"]].values.tolist() == [["000", 8]]
    assert "$6 million" in article_text("000").splitlines()[7]


def test_verdict_counts_follow_the_data():
    facts = load_facts()
    counts = verdict_counts(facts).set_index("verdict")["claims"]
    assert counts.sum() == len(facts)
    changed = facts.copy()
    changed.loc[changed["claim_id"] == "COST-01", "verdict"] = "wrong"
    changed_counts = verdict_counts(changed).set_index("verdict")["claims"]
    assert changed_counts["wrong"] == counts["wrong"] + 1
    assert changed_counts["misattributed"] == counts["misattributed"] - 1
