"""The exit ticket of the chapter "Markets and money": a fall and the next day's rise, each a percentage of its own base.

It checks the chapter's point that a percentage needs its base: after Nvidia's record fall, the next day's rise
is a share of a smaller price, so it does not undo the fall. The two moves are read from
:mod:`solutions.data.markets`, like the chapter's exercises.
"""

from __future__ import annotations

import pandas as pd

from solutions.data.markets import largest_fall, nvidia_moves

from exercises.formatting import round_significant, trim
from exercises.kinds import NumberQuestion, Source, Trap, distinct_traps
from .wording import change_text, long_day

#: The value of Friday's close on the question's scale.
BASE = 100.0


def _next_move(date: pd.Timestamp) -> pd.Series:
    """Nvidia's first recorded move after ``date``."""
    later = nvidia_moves()
    later = later[later["date"] > date]
    if later.empty:
        raise KeyError(f"No Nvidia move is recorded after {date:%Y-%m-%d}.")
    return later.iloc[0]


def exit_ticket() -> NumberQuestion:
    fall = largest_fall()
    rise = _next_move(pd.Timestamp(fall["date"]))
    fall_share, rise_share = float(fall["change_percent"]) / 100, float(rise["change_percent"]) / 100
    after_fall = BASE * (1 + fall_share)
    gain = after_fall * rise_share
    answer = after_fall + gain
    # The answer to two significant figures is right ("90"), with a little rounding either way.
    tolerance = abs(round_significant(answer, 2) - answer) + answer * 0.005
    fall_words, rise_words = change_text(fall), change_text(rise)
    candidates = [
        (BASE * (1 + fall_share + rise_share),
         "That adds and subtracts the two percentages as if they were shares of the same price. The rise is a share "
         "of the lower price after the fall."),
        (after_fall, f"That is the close after the fall, on {long_day(fall['date'])}. Then add the next day's rise."),
        (gain, f"That is the rise alone. Add it to the {trim(after_fall, 2)} left after the fall."),
        (BASE - answer, "That is how far below the close before the fall the shares ended. The question asks where "
                        f"they closed, on the scale where the close before the fall is {trim(BASE, 0)}."),
        (abs(fall_share + rise_share) * 100, "That subtracts one percentage from the other. Work out each day's close "
                                             "in turn instead."),
    ]
    traps = distinct_traps((Trap(value, 0.2, feedback) for value, feedback in candidates), answer, tolerance)
    sources = dict.fromkeys(str(claim_id) for claim_id in (fall["claim_id"], rise["claim_id"]))
    return NumberQuestion(
        id="markets-exit-ticket",
        title="A fall, then a rise",
        prompt=(f"On {long_day(fall['date'])}, Nvidia's shares closed {fall_words}. On {long_day(rise['date'])} they "
                f"closed {rise_words}. Say the close before the fall was {trim(BASE, 0)}. On that scale, where did "
                f"the shares close on {long_day(rise['date'])}?"),
        answer=answer, tolerance=tolerance, unit_words=("points",),
        display=(f"about {trim(answer, 1)}: still about {trim(BASE - answer, 1)} below the close before the fall "
                 f"({trim(BASE, 0)})"),
        traps=tuple(traps),
        correct_feedback=(f"{trim(BASE, 0)} × {trim(1 + fall_share, 4)} = {trim(after_fall, 2)} after the fall; "
                          f"{trim(after_fall, 2)} × {trim(1 + rise_share, 4)} ≈ {trim(answer, 1)} after the rise."),
        hints=(f"After the fall, how much is left of {trim(BASE, 0)}?",
               "The rise is a percentage of the price after the fall, not of the price before it."),
        explanation=(f"The fall left {trim(after_fall, 2)} of {trim(BASE, 0)}. The rise was a percentage of that "
                     f"smaller price: {trim(abs(rise_share) * 100, 2)}% of {trim(after_fall, 2)} is about "
                     f"{trim(gain, 1)}, so the shares closed at about {trim(answer, 1)}, still below where they were "
                     "before the fall. Two percentages of different prices cannot simply be added or subtracted: "
                     "each needs its base. A report that mentions only the next day's rise can make the fall look "
                     "undone when it was not."),
        sources=tuple(Source(fact=claim_id) for claim_id in sources),
    )
