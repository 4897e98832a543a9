"""The reflection kind: rewrite a sentence; feedback (not a grade) on each criterion and on loaded words left.

Also the rewrite checks the feedback rests on (:func:`looks_like_rewrite`, :func:`content_keys`), which
``static/quiz/kinds/reflection.js`` mirrors rule for rule. Loaded words left in a version are found by the kit's one
phrase matcher (:mod:`solutions.analyser.phrase_matcher`): the spec carries its pattern, which the script runs as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from solutions.analyser.phrase_matcher import phrase_pattern, phrases_present
from solutions.analyser.text import ascii_lower

from .base import MESSAGES, REFLECTION_LIMIT, Exercise, Feedback, vars_
from .controls import FILL_CELL


@dataclass(frozen=True)
class Criterion:
    """One point of feedback on a reflection: met when the text contains any of ``any_of`` and none of ``none_of``."""

    label: str
    met: str
    unmet: str
    any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()

    def holds(self, text: str) -> bool:
        lowered = ascii_lower(text)
        has_any = not self.any_of or any(phrase in lowered for phrase in self.any_of)
        return has_any and not any(phrase in lowered for phrase in self.none_of)

    def message(self, text: str) -> str:
        """``met`` or ``unmet``; ``{found}`` in ``unmet`` names the ``none_of`` phrases the text contains."""
        if self.holds(text):
            return self.met
        lowered = ascii_lower(text)
        found = ", ".join(f"“{phrase}”" for phrase in self.none_of if phrase in lowered)
        return self.unmet.replace("{found}", found)


#: Words a rewrite need not keep from the original sentence (they carry no content of their own).
FUNCTION_WORDS = frozenset("""a an the and or but of to in on at by for with from as is are was were be been being has have
had it its this that these those which who whom whose what when where how than then there their they them he she his her
we our you your not no all any some more most such very just also into over under about after before while can could
would should will may might must do does did so up out only""".split())
KEY_LENGTH = 5
#: White space inside a tag, spelt out: Python's ``\s`` and JavaScript's differ (\x1c-\x1f, \x85, \ufeff).
_MARKUP_SPACE = "[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_MARKUP = re.compile(rf"<{_MARKUP_SPACE}*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;")


def _word_keys(text: str) -> list[str]:
    """Content words as comparison keys: ASCII letters and digits, lower case, 3+ characters, cut to 5."""
    words = re.findall(r"[a-z0-9]+", _apostrophes_folded(text))
    return [w[:KEY_LENGTH] for w in words if len(w) >= 3 and w not in FUNCTION_WORDS]


def content_keys(original: str) -> tuple[str, ...]:
    """The original sentence's content-word keys, in order, without repeats."""
    return tuple(dict.fromkeys(_word_keys(original)))


def content_examples(original: str, count: int = 3) -> str:
    """A few words a rewrite should keep (names and figures first): “DeepSeek”, “$6 million”."""
    figures = [f for f in re.findall(r"[$€£]?[0-9][0-9.,]*(?:\s(?:million|billion|trillion))?%?", original)
               if len(f.strip(".,")) >= 2]  # not the 1 of "No. 1"
    names = [m.group() for m in re.finditer(r"[A-Z][A-Za-z0-9-]+", original)
             if m.start() > 0 and not re.search(r"[.!?:]\s*[\"“‘']?\s*$", original[:m.start()])]
    picked = list(dict.fromkeys(t.strip(".,") for t in figures + names if t.strip(".,")))[:count]
    return ", ".join(f"“{word}”" for word in picked) or "its names and figures"


def looks_like_rewrite(text: str, keys: tuple[str, ...]) -> bool:
    """At least three words, and at least two (or all, if fewer) of the original's content keys."""
    words = re.findall(r"[a-z0-9]+", _apostrophes_folded(text))
    shared = set(_word_keys(text)) & set(keys)
    return len(words) >= 3 and len(shared) >= min(2, len(keys))


def _apostrophes_folded(text: str) -> str:
    return ascii_lower(text).replace("\u2019", "'").replace("\u2018", "'")


@dataclass(frozen=True)
class Reflection(Exercise):
    """Free text, not graded: each criterion says what the learner's version already does or could do.

    With ``watch_words`` (loaded phrases, lower case) the feedback ends by listing those still present, as the
    hype finder would find them.
    """

    original: str = ""
    criteria: tuple[Criterion, ...] = ()
    model_answer: str = field(kw_only=True)  # required: written from the fact sheet's rows
    watch_words: tuple[str, ...] = ()
    kind: ClassVar[str] = "reflection"
    gradable: ClassVar[bool] = False
    check_label: ClassVar[str] = "Get feedback"
    reveal_label: ClassVar[str] = "Show a model answer"
    hide_label: ClassVar[str] = "Hide a model answer"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback("invalid", MESSAGES["reflection_empty"])
        if len(answer) > REFLECTION_LIMIT:  # first: nothing else reads more than the limit
            return Feedback("invalid", MESSAGES["reflection_too_long"].format(limit=f"{REFLECTION_LIMIT:,}"))
        if not answer.strip(" \t\n\r\f\v\u00a0"):
            return Feedback("invalid", MESSAGES["reflection_empty"])
        if _MARKUP.search(answer):
            return Feedback("invalid", MESSAGES["reflection_markup"])
        if not looks_like_rewrite(answer, content_keys(self.original)):
            return Feedback("invalid", MESSAGES["reflection_not_rewrite"].format(keep=content_examples(self.original)))
        details = tuple(c.message(answer) for c in self.criteria)
        if self.watch_words:
            left = phrases_present(answer, self.watch_words)
            details += ((MESSAGES["loaded_left"].format(words=", ".join(f'"{w}"' for w in left)) if left
                         else MESSAGES["loaded_none"]),)
        return Feedback("feedback", MESSAGES["reflection"], details)

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """Each point of the checklist a version can miss, with the feedback it then gives."""
        return [(f"A version that misses the checklist point {c.label}", c.unmet.replace("{found}", "the phrases found"))
                for c in self.criteria]

    def correct_answer(self) -> str:
        return self.model_answer

    def answer_text(self) -> str:
        return self.model_answer

    def kind_spec(self) -> dict:
        return {"criteria": [vars_(c) for c in self.criteria], "limit": REFLECTION_LIMIT,
                "limit_text": f"{REFLECTION_LIMIT:,}", "watch_pattern": phrase_pattern(tuple(self.watch_words)) if self.watch_words else "",
                "keys": list(content_keys(self.original)), "function_words": sorted(FUNCTION_WORDS),
                "key_length": KEY_LENGTH, "keep": content_examples(self.original)}

    def static_inputs(self) -> str:
        base = f"exercise-{self.id}"
        return (f'<blockquote class="kit-original">{escape(self.original)}</blockquote>'
                f'<label class="kit-label" for="{base}-text">Your version</label>'
                f'<textarea id="{base}-text" rows="4" spellcheck="true"></textarea>')

    def make_widgets(self) -> tuple[list, dict]:
        """The original sentence, then a text area for the learner's version."""
        import ipywidgets as w

        original = w.HTML(value=f"<blockquote>{escape(self.original)}</blockquote>")
        text = w.Textarea(value="", placeholder="Write your version here", layout=w.Layout(**FILL_CELL, height="6em"))
        return [original, text], {"text": text}

    def read_widgets(self, inputs: dict) -> str:
        return inputs["text"].value

    def fill_widgets(self, inputs: dict, answer: str) -> None:
        inputs["text"].value = answer

    def sample_wrong_answers(self) -> list[str]:
        """The original sentence unchanged: not graded, but some criterion's feedback says what it could change."""
        return [self.original]

    def sample_refused_answers(self) -> list:
        return ["", "   ", "\u00a0\n", "x" * 10_000, None, 57, ["text"], " " * (REFLECTION_LIMIT + 1),
                "<\x85b>", "<\ufeffb>"]  # white space that Python's \s and JavaScript's \s treat differently
