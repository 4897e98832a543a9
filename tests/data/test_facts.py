"""The reference fact sheet as data: dtypes, sources and dates, and seed wording found in the articles."""

from __future__ import annotations

import pandas as pd
import pytest

from support.paths import SHARED
from solutions import article_text, load_facts, locate_wording
from solutions.data.facts import (
    VERDICT_MEANINGS, VERDICTS, accepted_verdicts, fact, fact_parts, fact_text, find_fragments, has_source,
    verdict_counts, verdict_reasons, wording_alternatives,
)
from solutions.data.paths import data_dir

#: Rows whose seed wording is the fact sheet's paraphrase rather than a quotation: none since version 2.
PARAPHRASED: dict[str, str] = {}


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
    assert len(facts.loc["COST-05", "source_urls"]) == 3
    assert (facts["source_urls"].map(len) > 0).all(), "version 2 gives every row an address"


def test_also_verdicts_and_parts_are_loaded():
    facts = load_facts().set_index("claim_id")
    assert facts.loc["COST-01", "also"] == ("conflated", "rounded")
    assert facts.loc["COST-09", "also"] == ()
    assert all(v in VERDICTS for also in facts["also"] for v in also)
    assert facts.loc["INV-01a", "part_of"] == "INV-01" and pd.isna(facts.loc["COST-01", "part_of"])
    assert fact_parts("INV-01") == ("INV-01a", "INV-01b")
    assert accepted_verdicts("COST-03") == ("rounded", "conflated")
    with pytest.raises(KeyError, match="split into parts INV-01a, INV-01b"):
        fact("INV-01")


def test_an_unknown_also_verdict_is_refused(data_copy):
    from solutions.data.datafiles import clear_caches

    path = data_copy / "facts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",conflated; rounded,", ",conflated; roundish,", 1),
                    encoding="utf-8")
    clear_caches()
    with pytest.raises(ValueError, match="roundish"):
        load_facts()


def test_verdict_reasons_come_from_the_note():
    reasons = verdict_reasons("COST-03")
    assert list(reasons) == ["rounded", "conflated"]
    assert reasons["conflated"].startswith("'to build' treats one training run")
    assert verdict_reasons("COST-09") == {"accurate": VERDICT_MEANINGS["accurate"]}
    for claim_id in load_facts()["claim_id"]:
        assert set(verdict_reasons(claim_id)) == set(accepted_verdicts(claim_id))


def test_fact_text_stops_at_the_next_row_including_parts():
    assert "**INV-01b**" not in fact_text("INV-01a")
    assert "**DL-02a**" not in fact_text("DL-01")
    assert "capital influx" in fact_text("INV-01a")


def test_every_source_address_has_its_own_title_and_date_and_a_kind():
    from solutions.data.sources import KINDS, fact_sources, source_kind

    for claim_id in load_facts()["claim_id"]:
        sources = fact_sources(claim_id)
        assert len(sources) >= 1 and set(sources["kind"]) <= set(KINDS)
        assert sources["date"].str.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?").all(), claim_id
    assert source_kind("https://arxiv.org/abs/2412.19437", "DeepSeek-V3 Technical Report")[0] == "primary"
    assert source_kind("https://guidantech.com/x", "same TechCrunch text on guidantech.com (what was read)")[0] == "repost"
    assert source_kind("https://www.nature.com/articles/d41586-025-03015-6", "Nature news")[0] == "secondary"
    assert source_kind("https://www.nature.com/articles/s41586-025-09422-z", "Guo et al.")[0] == "primary"


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
    assert counts.sum() == (facts["seed_ids"].map(len) > 0).sum() < len(facts)  # reference rows are not claims
    changed = facts.copy()
    changed.loc[changed["claim_id"] == "COST-01", "verdict"] = "wrong"
    changed_counts = verdict_counts(changed).set_index("verdict")["claims"]
    assert changed_counts["wrong"] == counts["wrong"] + 1
    assert changed_counts["misattributed"] == counts["misattributed"] - 1
