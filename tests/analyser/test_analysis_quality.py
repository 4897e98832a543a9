"""The analyser on texts written for the kit and labelled by hand, blind to the code (tests/heldout/).

Run with ``-s`` to see the table of scores. The bars are the kit's quality bars for the analyser.
"""

from __future__ import annotations


import pytest

from support.paths import TESTS
from support.analysis_scoring import Tally, load_set, score
from solutions.analyser.analysis import analyze_text
from solutions.analyser.text import count_words

HELDOUT = TESTS / "heldout"
TEXTS = load_set(HELDOUT)


@pytest.fixture(scope="module")
def totals() -> dict[str, Tally]:
    totals = {key: Tally() for key in ("figures", "quotes", "vague_attributions", "hype_phrases")}
    print(f"\n{'text':6} {'figures':>10} {'quotes':>10} {'vague':>8} {'hype':>8}   (matched/labelled/found)")
    for name, body, labels in TEXTS:
        tallies = score(body, labels, analyze_text(body))
        for key, tally in tallies.items():
            totals[key].add(tally)
        print(f"{name:6} " + " ".join(f"{f'{t.matched}/{t.gold}/{t.predicted}':>10}" for t in tallies.values()))
    for key, tally in totals.items():
        print(f"{key:20} P={tally.precision:.2f} R={tally.recall:.2f}"
              + (f" speaker={tally.speaker_accuracy:.2f}" if key == "quotes" else "")
              + (f"\n   missed: {tally.missed}\n   extra:  {tally.extra}" if tally.missed or tally.extra else ""))
    return totals


def test_every_label_is_in_its_text():
    assert len(TEXTS) >= 5
    for name, body, labels in TEXTS:
        score(body, labels, {"figures": [], "quotes": [], "vague_attributions": [], "hype_phrases": []})


def test_figures(totals):
    assert totals["figures"].recall >= 0.93 and totals["figures"].precision >= 0.95


def test_quotes_and_speakers(totals):
    assert totals["quotes"].recall >= 0.93
    assert totals["quotes"].speaker_accuracy >= 0.88


def test_vague_attributions(totals):
    # h151-h246 joined the set after their first-sight scores (recall .63, .68, .77, .76, .72 and .68, precision .84,
    # .80, .92, .83, .84 and .83); with them the set scores P .89, R .87
    assert totals["vague_attributions"].recall >= 0.86 and totals["vague_attributions"].precision >= 0.88


def test_hype(totals):
    # h71-h86, h87-h102, h103-h118, h119-h134, h135-h150, h151-h166, h167-h182, h183-h198, h199-h214, h215-h230 and
    # h231-h246 joined the set after their first-sight scores (hype recall 0.45, 0.52, 0.56, 0.55, 0.70, 0.51, 0.46,
    # 0.51, 0.72, 0.44 and 0.61); idioms made up for one article ("the rent on the oven for the last bake", "bailing
    # water out of a leaky boat") stay unfound, so the recall bar sits below the others. With h151-h246 the set
    # scores P .88, R .75.
    assert totals["hype_phrases"].recall >= 0.74 and totals["hype_phrases"].precision >= 0.87


def test_neutral_texts_have_at_most_one_hype_phrase_per_thousand_words():
    """The rate over all the texts labelled with no hype stays under one find per 1,000 words, and no such text has
    more than one find (a text of 500 words with one find is a rate of 2 on its own, so the rate is taken over
    the set)."""
    neutral = [(name, body) for name, body, labels in TEXTS if not labels["hype_phrases"]]
    assert neutral, "the set has a neutral text"
    finds = {name: len(analyze_text(body)["hype_phrases"]) for name, body in neutral}
    assert max(finds.values()) <= 1, {name: count for name, count in finds.items() if count > 1}
    words = sum(count_words(body) for _, body in neutral)
    assert sum(finds.values()) / words * 1000 <= 1
