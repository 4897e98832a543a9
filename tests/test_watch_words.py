"""Reflection feedback that lists the loaded words still in the learner's rewrite."""

from __future__ import annotations

import pytest

from exercises.model import MESSAGES, Reflection, Source, words_present
from solutions.analyser.hype import find_lexicon_phrases, lexicon_forms
from solutions import article_ids, article_text

FORMS = ("sent shockwaves", "shockwaves", "staggering", "a mere", "rock 'n' roll")


@pytest.mark.parametrize("text, found", [
    ("It sent shockwaves through the valley.", ["sent shockwaves"]),
    ("Shockwaves! A STAGGERING sum.", ["shockwaves", "staggering"]),
    ("A staggering sum, and another staggering sum.", ["staggering"]),
    ("Unstaggering aftershockwaves and a merely small cost.", []),
    ("Rock \u2019n\u2019 roll, a mere $6 million.", ["rock 'n' roll", "a mere"]),
    ("", []),
])
def test_whole_words_longest_first_in_reading_order(text, found):
    assert words_present(text, FORMS) == found


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


def test_the_mirror_finds_what_the_lexicon_matcher_finds_in_every_seed():
    forms = tuple(form for form, _ in lexicon_forms())
    for article in article_ids():
        text = article_text(article)
        expected = []
        for found in find_lexicon_phrases(text):
            form = found["text"].casefold().replace("\u2019", "'")
            if form not in expected:
                expected.append(form)
        assert words_present(text, forms) == expected, article
