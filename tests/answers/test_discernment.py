"""The before-and-after check of discernment (solutions.chapters.discernment): the articles' claims, the kit's
statements, the two sets and the score."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.discernment import exercise_rows
from solutions import article_text, load_facts
from solutions.analyser.text import fold
from solutions.chapters.discernment import (
    DISTORTED_VERDICTS, JUDGEMENTS, article_candidates, discernment_claims, discernment_counts, discernment_score,
    discernment_sets, largest_set_size,
)
from solutions.data.datafiles import clear_caches
from solutions.data.facts import wording_alternatives
from support.data_edits import set_cell, set_verdict


@pytest.fixture(scope="module")
def answer_facts() -> frozenset[str]:
    """The fact rows the chapters' exercises cite as sources: the check must never show one of them."""
    return exercise_rows()


def facts_by_id() -> dict[str, pd.Series]:
    return {row["claim_id"]: row for _, row in load_facts().iterrows()}


# --- the score, on made-up balanced sets ---------------------------------------------------------------

def balanced_claims(pairs: int) -> pd.DataFrame:
    ids = [f"T-{n}" for n in range(pairs)] + [f"D-{n}" for n in range(pairs)]
    return pd.DataFrame({"claim_id": ids, "expected": ["trust"] * pairs + ["doubt"] * pairs})


@st.composite
def balanced_sets_with_judgements(draw):
    claims = balanced_claims(draw(st.integers(min_value=1, max_value=8)))
    answered = draw(st.lists(st.sampled_from(list(claims["claim_id"])), unique=True))
    judgements = {claim_id: draw(st.sampled_from(JUDGEMENTS)) for claim_id in answered}
    return claims, judgements


def perfect(claims: pd.DataFrame) -> dict[str, str]:
    return dict(zip(claims["claim_id"], claims["expected"]))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=12))
def test_trusting_or_doubting_everything_scores_zero_and_a_perfect_answer_one(pairs):
    claims = balanced_claims(pairs)
    assert discernment_score({claim_id: "trust" for claim_id in claims["claim_id"]}, claims) == 0
    assert discernment_score({}, claims) == 0  # unanswered counts as trust
    assert discernment_score({claim_id: "doubt" for claim_id in claims["claim_id"]}, claims) == 0
    assert discernment_score(perfect(claims), claims) == 1


@settings(max_examples=150, deadline=None)
@given(balanced_sets_with_judgements())
def test_the_score_lies_between_minus_one_and_one(case):
    claims, judgements = case
    assert -1 <= discernment_score(judgements, claims) <= 1


@settings(max_examples=150, deadline=None)
@given(balanced_sets_with_judgements(), st.data())
def test_turning_a_wrong_judgement_right_never_lowers_the_score(case, data):
    claims, judgements = case
    right = perfect(claims)
    wrong = [claim_id for claim_id in right if judgements.get(claim_id, "trust") != right[claim_id]]
    if not wrong:
        assert discernment_score(judgements, claims) == 1
        return
    corrected = data.draw(st.sampled_from(wrong))
    better = {**judgements, corrected: right[corrected]}
    assert discernment_score(better, claims) > discernment_score(judgements, claims)


def test_the_score_counts_hits_and_false_alarms():
    claims = balanced_claims(4)
    assert discernment_score({"D-0": "doubt", "D-1": "doubt", "T-0": "doubt"}, claims) == (2 - 1) / 4


@pytest.mark.parametrize("judgements, message", [
    ({"X-1": "doubt"}, "not in the set"),
    ({"D-0": "false"}, "'trust' or 'doubt'"),
    ({"D-0": None}, "'trust' or 'doubt'"),
])
def test_an_unknown_claim_or_judgement_is_refused(judgements, message):
    with pytest.raises(ValueError, match=message):
        discernment_score(judgements, balanced_claims(2))


def test_a_set_with_nothing_to_doubt_has_no_score():
    with pytest.raises(ValueError, match="no claim to doubt"):
        discernment_score({}, pd.DataFrame({"claim_id": ["T-0"], "expected": ["trust"]}))


# --- the candidates, from the fact sheet ----------------------------------------------------------------

def test_each_article_claim_has_the_judgement_its_verdicts_support():
    rows = facts_by_id()
    claims = article_candidates(set())
    assert set(claims["expected"]) == set(JUDGEMENTS)
    for claim in claims.itertuples():
        row = rows[claim.claim_id]
        assert pd.isna(row["part_of"]) and row["seed_ids"], claim.claim_id
        if claim.expected == "trust":
            assert row["verdict"] == "accurate" and row["also"] == (), claim.claim_id
        else:
            distorted = {row["verdict"], *row["also"]} & set(DISTORTED_VERDICTS)
            assert row["verdict"] in (*DISTORTED_VERDICTS, "rounded") and distorted, claim.claim_id


def test_unverifiable_opinion_and_only_rounded_rows_are_never_candidates():
    rows = facts_by_id()
    left_out = {claim_id for claim_id, row in rows.items()
                if row["verdict"] in ("unverifiable", "opinion-as-fact")
                or (row["verdict"] == "rounded" and not set(row["also"]) & set(DISTORTED_VERDICTS))}
    assert left_out and not left_out & set(article_candidates(set())["claim_id"])


def test_each_article_claim_is_printed_exactly_in_its_article():
    rows = facts_by_id()
    for claim in article_candidates(set()).itertuples():
        text, position = article_text(claim.article_id), 0
        for fragment in claim.wording.split(" ... "):
            position = text.find(fragment, position)
            assert position >= 0, (claim.claim_id, fragment)
            position += len(fragment)
        row = rows[claim.claim_id]
        assert claim.article_id in row["seed_ids"]
        first_alternative = wording_alternatives(row["seed_wording"])[0]
        assert fold(claim.wording) == fold(" ... ".join(first_alternative)), claim.claim_id


def test_excluded_ids_are_left_out_and_unknown_ids_are_refused(answer_facts):
    claims = discernment_claims(answer_facts)
    assert not set(claims["claim_id"]) & answer_facts
    assert set(claims["claim_id"]) == set(discernment_claims(set())["claim_id"]) - answer_facts
    discernment_claims({"INV-01"})  # a version-1 id that was split is known
    with pytest.raises(ValueError, match="COST-99"):
        discernment_claims({"COST-99"})


def test_the_counts_add_up(answer_facts):
    for exclude in (set(), answer_facts):
        counts = discernment_counts(exclude).set_index("topic")
        claims = discernment_claims(exclude)
        for judgement in JUDGEMENTS:
            assert counts.loc["all", judgement] == (claims["expected"] == judgement).sum()
            assert counts.drop(index="all")[judgement].sum() == counts.loc["all", judgement]


# --- the two sets -----------------------------------------------------------------------------------------

def check_sets(before: pd.DataFrame, after: pd.DataFrame, size: int, exclude) -> None:
    assert len(before) == len(after) == size
    assert not set(before["claim_id"]) & set(after["claim_id"])
    for claims in (before, after):
        assert (claims["expected"] == "trust").sum() == (claims["expected"] == "doubt").sum() == size // 2
        assert not set(claims["claim_id"]) & set(exclude)


def check_topic_balance(before: pd.DataFrame, after: pd.DataFrame, exclude) -> None:
    """For each kind, no topic gives two claims more than another topic that still had rows to give (the doubt
    claims are taken first, so a row they take is no longer there for trust)."""
    candidates = discernment_claims(exclude)
    shown = pd.concat([before, after])
    doubted_rows = set(shown.loc[shown["expected"] == "doubt", "claim_id"])
    for judgement in ("doubt", "trust"):
        kind = candidates[candidates["expected"] == judgement]
        if judgement == "trust":
            kind = kind[~kind["claim_id"].isin(doubted_rows)]
        available = kind.drop_duplicates("claim_id")["topic"].value_counts()
        taken = shown.loc[shown["expected"] == judgement, "topic"].value_counts().reindex(available.index,
                                                                                          fill_value=0)
        for topic in available.index:
            for other in available.index:
                if taken[topic] >= taken[other] + 2:
                    assert taken[other] == available[other], (judgement, topic, other)


def test_the_sets_with_the_exercises_answers_left_out(answer_facts):
    size = largest_set_size(answer_facts)
    assert size >= 2, discernment_counts(answer_facts)
    before, after = discernment_sets(answer_facts, size)
    check_sets(before, after, size, answer_facts)
    check_topic_balance(before, after, answer_facts)
    again = discernment_sets(answer_facts, size)
    pd.testing.assert_frame_equal(before, again[0])
    pd.testing.assert_frame_equal(after, again[1])


def test_sets_larger_than_the_data_allows_are_refused_with_the_counts(answer_facts):
    largest = largest_set_size(answer_facts)
    claims = discernment_claims(answer_facts)
    trusts, doubts = (claims.loc[claims["expected"] == judgement, "claim_id"].nunique() for judgement in JUDGEMENTS)
    with pytest.raises(ValueError, match=rf"{trusts} rows to trust .* and {doubts} rows to doubt .* largest size "
                                         rf"they support is {largest}\."):
        discernment_sets(answer_facts, largest + 2)


@pytest.mark.parametrize("size", [0, -2, 3])
def test_a_size_that_is_not_positive_and_even_is_refused(size):
    with pytest.raises(ValueError, match="positive even"):
        discernment_sets(set(), size)


@pytest.mark.parametrize("size", [2, 4, 6, 8])
def test_sets_of_every_size_the_whole_fact_sheet_allows(size):
    if size > largest_set_size(set()):
        pytest.skip(f"the fact sheet gives sets of at most {largest_set_size(set())}")
    before, after = discernment_sets(set(), size)
    check_sets(before, after, size, set())
    check_topic_balance(before, after, set())


def test_the_order_within_a_set_does_not_follow_the_kinds():
    size = largest_set_size(set())
    before, _ = discernment_sets(set(), size)
    expected = list(before["expected"])
    assert expected != sorted(expected) and expected != sorted(expected, reverse=True)


# --- a change to the data moves a claim ---------------------------------------------------------------------

def expected_of(claim_id: str) -> str | None:
    claims = article_candidates(set()).set_index("claim_id")["expected"]
    return claims.get(claim_id)


def test_a_new_verdict_moves_an_article_claim_between_trust_and_doubt(data_copy):
    claims = article_candidates(set())
    rows = facts_by_id()
    trusted = claims.loc[claims["expected"] == "trust", "claim_id"].iloc[0]
    doubted = next(claim_id for claim_id in claims.loc[claims["expected"] == "doubt", "claim_id"]
                   if rows[claim_id]["also"] == ())
    set_verdict(data_copy, trusted, "misattributed")
    set_verdict(data_copy, doubted, "accurate")
    clear_caches()
    assert expected_of(trusted) == "doubt"
    assert expected_of(doubted) == "trust"


def test_an_unverifiable_or_doubly_judged_row_leaves_the_article_claims(data_copy):
    claims = article_candidates(set())
    first, second = claims.loc[claims["expected"] == "trust", "claim_id"].iloc[:2]
    set_verdict(data_copy, first, "unverifiable")
    set_cell(data_copy, "facts.csv", "claim_id", second, "also", "conflated")
    clear_caches()
    assert expected_of(first) is None and expected_of(second) is None
