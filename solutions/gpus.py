"""Answers for the chapter "How many chips?": GPU counts, which chips, and counts against GPU-hours."""

from __future__ import annotations

import pandas as pd

from .arithmetic import classify_against_reference, wall_clock_days
from .facts import load_facts
from .ledger import seed_ledger
from .reference import reference_claim, reference_value


def gpu_claims() -> pd.DataFrame:
    """Every GPU or chip count in the seeds, with its fact row, verdict and note (from the ledger)."""
    ledger = seed_ledger()
    return ledger[ledger["kind"] == "gpus"].reset_index(drop=True)


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
    """The fact sheet's GPU claims: ``claim_id``, ``seed_wording``, ``verdict``, ``note``."""
    facts = load_facts()
    rows = facts[facts["topic"] == "gpus"][["claim_id", "seed_wording", "verdict", "note"]]
    return rows.reset_index(drop=True)
