"""Reflection feedback that lists the loaded words still in the learner's rewrite, found by the one phrase matcher."""

from __future__ import annotations

import pytest

from exercises.kinds import MESSAGES, Reflection, Source
from solutions.analyser.phrase_matcher import phrases_present
from solutions.analyser.hype import find_lexicon_phrases, lexicon_forms
from solutions import article_ids, article_text

FORMS = ("sent shockwaves", "shockwaves", "staggering", "a mere", "rock 'n' roll")


@pytest.mark.parametrize("text, found", [
    ("It sent shockwaves through the valley.", ["sent shockwaves"]),
    ("Shockwaves! A STAGGERING sum.", ["shockwaves", "staggering"]),
    ("A staggering sum, and another staggering sum.", ["staggering"]),
    ("Unstaggering aftershockwaves and a merely small cost.", []),
    ("x_staggering and sent\u00a0 shockwaves", ["sent shockwaves"]),
    ("Rock \u2019n\u2019 roll, a mere $6 million.", ["rock 'n' roll", "a mere"]),
    ("", []),
])
def test_whole_words_longest_first_in_reading_order(text, found):
    assert phrases_present(text, FORMS) == found
    watch_left = reflection().check("It sent shockwaves. " + text).details[-1]
    assert all(f'"{phrase}"' in watch_left for phrase in found)


def reflection(watch=FORMS) -> Reflection:
    return Reflection("r", "Rewrite", "Rewrite it.", "Because.", (Source(fact="COST-01"),),
                      original="It sent shockwaves.", model_answer="It surprised investors.", watch_words=watch)


def test_feedback_ends_with_the_loaded_words_left():
    details = reflection().check("A staggering change that sent shockwaves.").details
    assert details[-1] == MESSAGES["loaded_left"].format(words='"staggering", "sent shockwaves"')
    assert reflection().check("It sent a shock through the markets.").details[-1] == MESSAGES["loaded_none"]
    assert reflection().check("Investors sold shares.").verdict == "invalid"  # keeps nothing of the sentence


def test_without_watch_words_the_feedback_is_unchanged():
    assert reflection(watch=()).check("A staggering change.").details == ()


def test_the_feedback_lists_what_the_hype_finder_finds_in_every_seed_paragraph():
    """The rewrite feedback and the hype finder use one matcher: they never disagree about a loaded phrase."""
    forms = tuple(form for form, _ in lexicon_forms())
    exercise = reflection(watch=forms)
    for article in article_ids():
        for paragraph in article_text(article).split("\n\n")[:40]:
            answer = "It sent shockwaves. " + paragraph[:1500]
            expected = list(dict.fromkeys(_as_listed(found["text"]) for found in find_lexicon_phrases(answer)))
            result = exercise.check(answer)
            assert result.verdict == "feedback", (article, result.message)
            listed = result.details[-1]
            for phrase in expected:
                assert f'"{phrase}"' in listed, (article, phrase)
            assert listed.count('"') == 2 * len(expected), (article, listed)


def _as_listed(found_text: str) -> str:
    return " ".join(found_text.casefold().replace("\u2019", "'").replace("\u2018", "'").split())
