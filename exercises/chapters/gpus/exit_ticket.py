"""The exit ticket of the chapter "How many chips?": which chip DeepSeek's parent bought in 2021.

The chip models offered are those the reference numbers count (``seeds/reference_values.csv``: H800, A100, H100),
and the answer is the chip of High-Flyer's 2021 cluster as the data gives it, so a change to the data changes it.
"""

from __future__ import annotations

import re

from solutions.data.facts import fact
from solutions.data.reference import reference_claim, reference_value, reference_values

from exercises.formatting import trim
from exercises.kinds import Option, SingleChoice, Source

#: The reference number for the cluster the question asks about.
PARENT_CLUSTER = "high_flyer_a100_gpus"
#: The reference number for the cluster V3 was trained on.
V3_CLUSTER = "v3_cluster_gpus"
#: The reference number for the cluster Meta trained Llama 3.1 405B on.
META_CLUSTER = "llama31_405b_gpus"
_CHIP_UNIT = re.compile(r"^([A-Z]\d{2,3}) GPUs$")


def chip_of(name: str) -> str:
    """The chip model a reference number counts ("A100" for ``high_flyer_a100_gpus``)."""
    unit = str(reference_values().set_index("name").loc[name, "unit"])
    match = _CHIP_UNIT.match(unit)
    if match is None:
        raise ValueError(f"The reference number {name} counts {unit!r}, not one chip model.")
    return match.group(1)


def chip_models() -> list[str]:
    """Every chip model a reference number counts, in the order of the reference table."""
    units = reference_values()["unit"].astype(str)
    return list(dict.fromkeys(m.group(1) for m in map(_CHIP_UNIT.match, units) if m))


def _feedback(chip: str, answer: str) -> str:
    """Why a chip is or is not the one High-Flyer bought in 2021: what the data counts in that chip."""
    parent = reference_claim(PARENT_CLUSTER)
    if chip == answer:
        return (f"Right: High-Flyer's 2021 cluster was about {trim(reference_value(PARENT_CLUSTER), 0)} {chip}s "
                f"({parent}). Article 002 calls them H100s, and the fact sheet calls that claim "
                f"{fact(parent)['verdict']}.")
    if chip == chip_of(V3_CLUSTER):
        return (f"The {chip} is the chip of the cluster V3 was trained on, "
                f"{trim(reference_value(V3_CLUSTER), 0)} of them ({reference_claim(V3_CLUSTER)}), not High-Flyer's "
                "2021 cluster.")
    if chip == chip_of(META_CLUSTER):
        return (f"The {chip} is the chip Meta trained Llama 3.1 405B on ({reference_claim(META_CLUSTER)}), and it "
                f"was never legally exportable to China ({parent}). Calling High-Flyer's chips {chip}s is the "
                "mistake of article 002.")
    return f"Not the {chip}: the fact sheet ({parent}) names another chip for High-Flyer's 2021 cluster."


def exit_ticket() -> SingleChoice:
    answer = chip_of(PARENT_CLUSTER)
    count = trim(reference_value(PARENT_CLUSTER), 0)
    return SingleChoice(
        id="gpus-exit-ticket",
        title="Which chip?",
        prompt=(f"In 2021, DeepSeek's parent company High-Flyer bought a cluster of about {count} Nvidia chips, "
                "before the United States banned their export to China. Which chip was it?"),
        options=tuple(Option(key=chip, label=f"Nvidia {chip}", feedback=_feedback(chip, answer))
                      for chip in chip_models()),
        correct=answer,
        hints=("One of these chips was never legally exportable to China, and one is the chip V3 was trained on.",),
        explanation=(f"High-Flyer bought about {count} {answer}s in 2021, before the ban on exporting them to "
                     f"China; V3 was trained on {trim(reference_value(V3_CLUSTER), 0)} {chip_of(V3_CLUSTER)}s. "
                     "A count of chips means little until you know which chip, whose and when."),
        sources=(Source(fact=reference_claim(PARENT_CLUSTER)), Source(fact=reference_claim(V3_CLUSTER))),
    )
