"""The matching kind: for each row choose one option; other answers the evidence supports are accepted too."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from ..display import html_table
from .base import (
    LONG_KEY, MAX_CHOSEN_ITEMS, MESSAGES, Exercise, Feedback, Option, option_by_key, short_name, too_long_for_a_key,
    vars_,
)
from .controls import FILL_CELL, select_html


@dataclass(frozen=True)
class Matching(Exercise):
    """For each row, choose one of the options; ``row_feedback`` explains each row when it is wrong."""

    rows: tuple[Option, ...] = ()
    options: tuple[Option, ...] = ()
    #: (row key, option key) pairs: the main answer of each row (required, from a solutions function)
    correct: tuple[tuple[str, str], ...] = field(kw_only=True)
    #: (row key, option key, why) triples: other answers the evidence supports, accepted as right; ``why``
    #: says why the main answer comes first.
    also: tuple[tuple[str, str, str], ...] = ()
    #: When set, the feedback on a complete answer also gives a score for this option: the rows rightly given it
    #: minus the rows wrongly given it, over the rows whose answer it is (a check of discernment: giving every row
    #: this option scores 0, and so does giving it to none).
    tally_option: str = ""
    kind: ClassVar[str] = "matching"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, dict):
            return Feedback("invalid", MESSAGES["rows_left"].format(left=len(self.rows)))
        if len(answer) > MAX_CHOSEN_ITEMS:
            return Feedback("invalid", MESSAGES["too_many"])
        chosen = {row.key: answer.get(row.key) for row in self.rows}
        left = sum(1 for value in chosen.values() if not isinstance(value, str) or value == "")
        if left:
            return Feedback("invalid", MESSAGES["rows_left"].format(left=left))
        if any(too_long_for_a_key(value) or option_by_key(self.options, value) is None for value in chosen.values()):
            return Feedback("invalid", MESSAGES["unknown_option"])
        correct = dict(self.correct)
        also = {(row, option): why for row, option, why in self.also}
        wrong = [row for row in self.rows
                 if chosen[row.key] != correct[row.key] and (row.key, chosen[row.key]) not in also]
        notes = tuple(MESSAGES["also_right"].format(row=row.short or row.label,
                                                    option=short_name(option_by_key(self.options, chosen[row.key])),
                                                    feedback=also[(row.key, chosen[row.key])]).strip()
                      for row in self.rows if (row.key, chosen[row.key]) in also)
        tally = self.tally(chosen)
        if not wrong:
            return Feedback("correct", MESSAGES["correct"], tally + notes)
        message = MESSAGES["rows_right"].format(right=len(self.rows) - len(wrong), total=len(self.rows))
        details = tuple(MESSAGES["row_wrong"].format(row=row.short or row.label, feedback=row.feedback)
                        for row in wrong)
        return Feedback("incorrect", message, tally + details + notes)

    def tally(self, chosen: dict[str, str]) -> tuple[str, ...]:
        """The score for ``tally_option`` of a complete answer, as a line of feedback (none without the option)."""
        option, correct = self.tally_option, dict(self.correct)
        total = sum(1 for row in self.rows if correct[row.key] == option)
        if not option or not total:
            return ()
        hits = sum(1 for row in self.rows if chosen[row.key] == option and correct[row.key] == option)
        false_alarms = sum(1 for row in self.rows if chosen[row.key] == option and correct[row.key] != option)
        return (MESSAGES["tally"].format(score=f"{(hits - false_alarms) / total:.2f}", hits=hits, total=total,
                                         false_alarms=false_alarms, option=option),)

    def correct_answer(self) -> dict[str, str]:
        return dict(self.correct)

    def accepted(self, row_key: str) -> list[str]:
        """Every option ``check`` accepts for a row: the main answer first."""
        return [dict(self.correct)[row_key]] + [option for row, option, _ in self.also if row == row_key]

    def answer_text(self) -> str:
        def labels(row_key: str) -> str:
            main, *others = [option_by_key(self.options, key).label for key in self.accepted(row_key)]
            return main + (f" (also right: {', '.join(others)})" if others else "")
        return "; ".join(f"{row.label}: {labels(row.key)}" for row in self.rows)

    def answer_html(self) -> str:
        """A table of the rows, each with its full label, its match and any other match the evidence supports."""
        def match_cell(row_key: str) -> str:
            main, *others = [escape(option_by_key(self.options, key).label) for key in self.accepted(row_key)]
            return main + "".join(f'<br><span class="kit-also">Also right: {other}</span>' for other in others)
        rows = [f'<tr><th scope="row">{escape(row.label)}</th><td>{match_cell(row.key)}</td></tr>' for row in self.rows]
        table = html_table(f"Answer to {self.title}: each item and its match", ["Item", "Its match"], rows)
        return table.data  # its caption names it the answer, here and in the answer key

    def kind_spec(self) -> dict:
        return {"rows": [vars_(r) for r in self.rows], "options": [vars_(o) for o in self.options],
                "correct": dict(self.correct), "also": [list(triple) for triple in self.also],
                "tally_option": self.tally_option}

    def static_inputs(self) -> str:
        base = f"exercise-{self.id}"
        rows = "".join(
            f'<div class="kit-row"><label for="{base}-row-{i}">{escape(row.label)}</label>'
            f'{select_html(f"{base}-row-{i}", f"data-row={json.dumps(row.key)}", self.options)}</div>'
            for i, row in enumerate(self.rows)
        )
        # On paper a menu shows none of its options: a printed handout lists them (kit-print.css shows this list).
        options = "".join(f"<li>{escape(option.label)}</li>" for option in self.options)
        printed = f'<div class="kit-print-options" hidden><p class="kit-label">The options:</p><ol>{options}</ol></div>'
        return f'{printed}<fieldset class="kit-fieldset"><legend>Choose for each row</legend>{rows}</fieldset>'

    def make_widgets(self) -> tuple[list, dict]:
        """A menu per row, with the row's sentence above it."""
        import ipywidgets as w

        choices = [("Choose…", "")] + [(o.label, o.key) for o in self.options]
        menus = {row.key: w.Dropdown(options=choices, value="", layout=w.Layout(**FILL_CELL)) for row in self.rows}
        controls = [w.VBox([w.HTML(value=f"<p>{escape(row.label)}</p>"), menus[row.key]]) for row in self.rows]
        return controls, menus

    def read_widgets(self, inputs: dict) -> dict[str, str]:
        return {key: dropdown.value for key, dropdown in inputs.items()}

    def fill_widgets(self, inputs: dict, answer: dict[str, str]) -> None:
        for row, dropdown in inputs.items():
            dropdown.value = answer.get(row, "")

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """A wrong choice in each row, with the feedback that row gives."""
        return [(f"Chooses wrongly for {row.short or row.label}", row.feedback) for row in self.rows if row.feedback]

    def sample_wrong_answers(self) -> list[dict[str, str]]:
        """One option chosen for every row, for each option that is wrong for some row (those rows are named)."""
        correct = self.correct_answer()
        mistakes = []
        for option in self.options:
            if any(option.key not in self.accepted(row) for row in correct):
                mistakes.append({row: option.key for row in correct})
        return mistakes

    def accepted_alternatives(self) -> list[dict[str, str]]:
        """The right answer with one row given another option the evidence supports (``also``), for each."""
        return [{**self.correct_answer(), row: option} for row, option, _ in self.also]

    def sample_refused_answers(self) -> list:
        rows, key = [row.key for row in self.rows], self.options[0].key
        return [{}, None, [], {"x": "y"}, {row: "no-such-option" for row in rows}, {row: LONG_KEY for row in rows},
                {**{f"extra {n}": key for n in range(MAX_CHOSEN_ITEMS)}, **{row: key for row in rows}}]
