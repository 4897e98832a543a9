"""The exit ticket of the chapter "What did it cost?": which parts of training the V3 report's cost figure covers.

The stages the figure includes are read from the data (:func:`solutions.chapters.cost.v3_stage_costs`), so the
correct ticks follow the report's table; the other options are what the fact sheet says the figure leaves out.
The options are shown in a fixed shuffled order, so the included stages are not listed together.
"""

from __future__ import annotations

import random

from solutions.chapters.cost import v3_final_run_cost, v3_stage_costs
from solutions.data.reference import reference_value

from exercises.formatting import scaled, usd
from exercises.kinds import MultipleChoice, Option, Source


def _left_out() -> tuple[Option, ...]:
    """What the figure does not cover, each with the fact row that says so."""
    return (
        Option(key="prior-research", label="The research and experiments that came before the final training run",
               feedback=("Left out: the report excludes 'the costs associated with prior research and ablation "
                         "experiments' (COST-01).")),
        Option(key="hardware", label="Buying the GPUs the model was trained on",
               feedback=("Left out: the figure puts a rental price on GPU-hours; the hardware is not in it "
                         "(COST-06).")),
        Option(key="r1-training", label="The training that turned V3 into the R1 reasoning model",
               feedback=(f"Left out: R1 was built on V3 later; its own reasoning stage cost about "
                         f"{usd(reference_value('r1_rl_cost_usd'))} more, first disclosed in September 2025 "
                         "(COST-11).")),
    )


def _listed(items: list[str]) -> str:
    """"a, b and c"."""
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def exit_ticket() -> MultipleChoice:
    stages = v3_stage_costs()
    cost = v3_final_run_cost()
    included = tuple(Option(key=row.stage, label=f"The {row.stage} stage of V3's training",
                            feedback=(f"Included: {scaled(row.gpu_hours)} GPU-hours, {usd(row.cost_usd)} at the "
                                      "assumed rental price.")) for row in stages.itertuples())
    return MultipleChoice(
        id="cost-exit-ticket",
        title="What does the figure cover?",
        prompt=(f"DeepSeek's V3 report gives a training cost of {usd(cost)}. Which of these does that figure "
                "include? Tick all that apply."),
        options=tuple(sorted(included + _left_out(), key=lambda option: random.Random(option.key).random())),
        correct=frozenset(stages["stage"]),
        hints=("The report values the GPU-hours of one final training run at a rental price.",),
        explanation=("The figure adds up the GPU-hours of V3's "
                     + _listed([f"{row.stage} ({usd(row.cost_usd)})" for row in stages.itertuples()])
                     + f" at an assumed rental price: {usd(cost)} in all. It leaves out the research and experiments "
                       "before that run, the hardware, and the later training of R1."),
        sources=(Source(fact="COST-09"), Source(fact="COST-01"), Source(fact="COST-06"), Source(fact="COST-11")),
    )
