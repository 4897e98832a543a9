"""Answers for the chapter "How many chips?": GPU counts, which chips, and counts against GPU-hours."""

from __future__ import annotations


import pandas as pd

from solutions.chapters.arithmetic import classify_against_reference, wall_clock_days
from solutions.data.articles import article_paragraphs
from solutions.data.facts import fact, fact_parts, load_facts, locate_wording, wording_alternatives
from solutions.data.ledger import seed_ledger
from solutions.data.quoting import printed_fragments
from solutions.data.reference import reference_claim, reference_value



def gpu_claims() -> pd.DataFrame:
    """Every GPU or chip count in the seeds, with its fact row, verdict and note (from the ledger)."""
    ledger = seed_ledger()
    return ledger[ledger["kind"] == "gpus"].reset_index(drop=True)


def claim_parts(claim_id: str) -> tuple[str, ...]:
    """The fact rows one seed wording is judged by: the row itself, or every part of the row it was split from.

    ``claim_parts("GPU-03a")`` is ``("GPU-03a", "GPU-03b")``: "Meta and OpenAI rely on … up to 16,000 chips"
    makes one claim about Meta and another about OpenAI, with different verdicts.
    """
    parent = fact(claim_id)["part_of"]
    return fact_parts(str(parent)) if pd.notna(parent) else (claim_id,)


def article_words(claim_id: str) -> pd.Series:
    """Where a fact's wording first appears in the seeds, in the article's own characters.

    ``article_id``, ``paragraph`` and ``quote``: the words as the article prints them, with any cut the
    fact sheet's wording makes ("...") shown as "…". Raises KeyError when the wording is not in the seeds.
    """
    places = locate_wording(claim_id)
    if places.empty:
        raise KeyError(f"The wording of fact {claim_id} was not found in the seeds.")
    place = places.iloc[0]
    text = str(article_paragraphs(place["article_id"]).set_index("paragraph").loc[int(place["paragraph"]), "text"])
    alternative = next(a for a in wording_alternatives(str(fact(claim_id)["seed_wording"]))
                       if " ... ".join(a) == place["alternative"])
    pieces = printed_fragments(alternative, text)
    if pieces is None:
        raise KeyError(f"The wording of fact {claim_id} was not found in {place['article_id']} ¶{place['paragraph']}.")
    return pd.Series({"article_id": str(place["article_id"]), "paragraph": int(place["paragraph"]),
                      "quote": " … ".join(pieces)})


def gpu_claim_parts() -> pd.DataFrame:
    """Every chip count in the seeds, one row per claim it makes: ``article_id``, ``paragraph``, ``text``,
    ``claim_id``, ``verdict``, ``also``, ``split`` and ``quote``.

    A figure whose fact row is one part of a split row (``part_of``) gives one row per part, each with its
    own verdict and ``quote``, the article's words for that part; other figures give one row with an empty
    ``quote`` and ``split`` False.
    """
    rows = []
    for figure in gpu_claims().itertuples():
        parts = claim_parts(str(figure.claim_id))
        for claim_id in parts:
            row = fact(claim_id)
            quote = article_words(claim_id)["quote"] if len(parts) > 1 else ""
            rows.append((figure.article_id, figure.paragraph, figure.text, claim_id, str(row["verdict"]),
                         tuple(row["also"]), len(parts) > 1, quote))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "claim_id", "verdict", "also", "split",
                                       "quote"])


def v3_count_check(reported: float) -> str:
    """Classify a reported GPU count against the V3 report's cluster (exact, rounded or inconsistent)."""
    return classify_against_reference(reported, reference_value("v3_cluster_gpus"))


def gpu_fleets() -> pd.DataFrame:
    """GPU counts worth comparing, smallest first: ``name``, ``gpus``, ``claim_id``, ``documented``.

    ``documented`` is False for a count the fact sheet calls unverifiable (a claim with no source).
    """
    names = ["v3_cluster_gpus", "high_flyer_a100_gpus", "llama31_405b_gpus", "claimed_hopper_gpus",
             "meta_gpus_end_2025"]
    verdicts = load_facts().set_index("claim_id")["verdict"].astype(str)
    rows = [(name, reference_value(name), reference_claim(name), verdicts[reference_claim(name)] != "unverifiable")
            for name in names]
    table = pd.DataFrame(rows, columns=["name", "gpus", "claim_id", "documented"])
    return table.sort_values("gpus", kind="stable").reset_index(drop=True)


def gpu_hours_ratio() -> float:
    """How many times V3's GPU-hours Llama 3.1 405B used (different chips; a ratio of work, not cost)."""
    return reference_value("llama31_405b_gpu_hours") / reference_value("v3_gpu_hours_total")


def llama_cluster_days() -> float:
    """Days Llama 3.1 405B's GPU-hours would take if all of Meta's training GPUs ran at once."""
    return wall_clock_days(reference_value("llama31_405b_gpu_hours"), reference_value("llama31_405b_gpus"))


def gpu_verdicts() -> pd.DataFrame:
    """The fact sheet's GPU claims: ``claim_id``, ``seed_wording``, ``verdict``, ``also``, ``verified_value``, ``note``."""
    facts = load_facts()
    rows = facts[facts["topic"] == "gpus"][["claim_id", "seed_wording", "verdict", "also", "verified_value", "note"]]
    return rows.reset_index(drop=True)


def unverifiable_gpu_claims() -> tuple[list[str], list[str]]:
    """The GPU claims with no source found: those whose main verdict is unverifiable, and those where it
    is only one of the ``also`` verdicts (the evidence supports calling them either)."""
    facts = gpu_verdicts()
    main = facts.loc[facts["verdict"] == "unverifiable", "claim_id"].tolist()
    also = [row.claim_id for row in facts.itertuples() if row.verdict != "unverifiable" and "unverifiable" in row.also]
    return main, also
