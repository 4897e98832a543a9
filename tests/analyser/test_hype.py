"""Tests for solutions.analyser.hype: the lexicon data, find_hype, the pattern devices and the hype score."""

from __future__ import annotations

import math
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions.data.articles import article_ids, article_text
from solutions.data.datafiles import clear_caches
from solutions.analyser.hype import (
    default_weights, find_hype, find_lexicon_phrases, fold_for_matching, hype_categories,
    hype_counts, hype_score, lexicon_forms, load_hype_lexicon, rank_by_hype,
    longest_first as _longest_first,
)
from solutions.analyser.phrase_matcher import find_phrases, fold_for_matching, phrase_pattern, phrases_present
from solutions.analyser.text import WHITE_SPACE, count_words, inside_double_quotes

CATEGORIES = ["intensifier", "metaphor", "market_verb", "evaluation", "conflict", "clickbait", "booster"]

#: Every hype find in the five seed articles, by hand: a change to the lexicon or the rules must update this.
SEED_HYPE = [
    ("000", "Titan", "metaphor"),  # the image caption repeats the headline
    ("000", "Titan", "metaphor"),
    ("000", "dramatic", "intensifier"),
    ("000", "upheaval", "metaphor"),
    ("000", "Unyielding", "evaluation"),
    ("000", "Powerhouse", "metaphor"),
    ("000", "surprising twist", "clickbait"),
    ("000", "formidable", "evaluation"),
    ("000", "visionary", "evaluation"),
    ("000", "pinnacle", "metaphor"),
    ("000", "groundbreaking", "evaluation"),
    ("000", "captivated", "intensifier"),
    ("000", "disruptor", "evaluation"),
    ("000", "a mere", "evaluation"),
    ("000", "enormous investments", "intensifier"),  # "enormous" + a noun (hype_patterns.csv)
    ("000", "New Challenger", "conflict"),
    ("000", "staggering", "intensifier"),
    ("000", "panic", "intensifier"),
    ("000", "battlefield", "conflict"),
    ("000", "behemoths", "metaphor"),
    ("000", "wake-up call", "metaphor"),
    ("000", "paradigm shift", "metaphor"),
    ("001", "Meteoric Rise", "metaphor"),
    ("001", "Disruptive Force", "metaphor"),
    ("001", "shaking up", "metaphor"),
    ("001", "formidable", "evaluation"),
    ("001", "paradigm shift", "metaphor"),
    ("001", "scramble to", "intensifier"),
    ("002", "formidable", "evaluation"),
    ("002", "stunning", "intensifier"),
    ("002", "pushing the boundaries", "evaluation"),
    ("002", "disruptive force", "metaphor"),
    ("002", "supremacy", "conflict"),
    ("002", "testament to", "evaluation"),
    ("002", "wake-up call", "metaphor"),
    ("002", "push the boundaries", "evaluation"),
    ("003", "sent shockwaves", "metaphor"),
    ("003", "supremacy", "conflict"),
    ("003", "panic mode", "intensifier"),
    ("003", "change everything", "metaphor"),  # inside a quotation: hype counts anywhere in the text
    ("004", "seismic shift", "metaphor"),
    ("004", "groundbreaking", "evaluation"),
    ("004", "sent shockwaves", "metaphor"),
    ("004", "Sputnik moment", "metaphor"),
    ("004", "scrambling", "intensifier"),
    ("004", "wake-up call", "metaphor"),
]

#: Sober reporting written for this test (not a real article): numbers, quotes, market moves, no hype.
NEUTRAL_REPORT = """\
SHANGHAI, Jan 28 - Shares in several large chipmakers fell on Monday after a Chinese start-up said it had \
trained a competitive language model with far less computing power than its U.S. rivals, prompting investors \
to ask whether spending plans across the sector are too large.

Nvidia's stock closed 17% lower, a decline that cut about $589 billion from its market value. Analysts at two \
brokerages said it was the largest single-day loss in market value for any U.S. company. Broadcom dropped 17.4% \
and the Philadelphia semiconductor index declined 9.2%. The Nasdaq Composite ended the session down 3.1%, while \
the S&P 500 lost 1.5%. Shares in utilities that sell power to data centres also fell, and some of them \
recovered part of the loss on Tuesday.

The company, DeepSeek, was founded in 2023 by Liang Wenfeng, who also co-founded the quantitative fund \
High-Flyer. In a technical report published in December, its researchers wrote that the final training run of \
the V3 model used 2,048 Nvidia H800 GPUs for about two months, or 2.788 million GPU hours. At a rental price of \
$2 per GPU hour, the report put the cost of that run at $5.576 million. The report says the figure excludes \
earlier research and experiments, and the company has not published what it spent on staff, buildings or the \
rest of its hardware.

V3 uses a design known as mixture of experts, in which only part of the network is active for each word it \
processes. The full model has 671 billion parameters, of which 37 billion are used for each token. A second \
model, R1, adds a stage of training aimed at step-by-step reasoning. On a set of mathematics problems, the \
company reported scores close to those of OpenAI's o1, though independent researchers said they had not yet \
been able to repeat every test.

The app built on the models became the most downloaded free app on Apple's U.S. App Store on Sunday, according \
to the analytics firm Appfigures, which estimated 2.6 million downloads across the App Store and Google Play by \
Monday morning. Sensor Tower, another analytics company, said most of the downloads had come in the previous \
week. The company restricted new sign-ups on Monday afternoon, saying it had been hit by large-scale malicious \
attacks on its services.

"It is a reminder that training costs can come down, but it does not tell us what the whole company spent," \
said Maria Keller, a semiconductor analyst at a European bank, in a note to clients. "We would want to see the \
full accounts before drawing conclusions about demand for chips."

A spokesperson for Nvidia said the start-up's work was "an excellent AI advancement" and that it complied with \
U.S. export rules. The spokesperson added that running such models for many users still requires significant \
numbers of GPUs. Microsoft's chief executive said on a call with analysts that cheaper models would probably \
lead to more use of AI, not less.

Meta, which said last week that it planned to spend between $60 billion and $65 billion on capital projects \
this year, did not change that guidance. Its chief financial officer told investors the company would keep \
investing in data centres. Alphabet and Amazon have also announced higher spending for 2025, and none of the \
three has said it will cut those plans.

Officials in Washington said they were looking at whether the chips used by the start-up had been obtained in \
line with export controls introduced in 2022 and tightened in 2023. The H800 was designed to meet the earlier \
rules and was later restricted as well. A Commerce Department official declined to comment on any specific \
company.

Some economists cautioned against reading too much into one week of trading. "Prices moved a lot, but the \
long-term question is how much computing the industry will buy over the next five years," said Tomas Reyes, a \
professor of economics at a university in Madrid. He noted that Nvidia's shares had risen by more than 170% in \
2024 before Monday's fall.

By Wednesday, Nvidia had regained about 9% of its value. Trading volumes across the chip sector remained higher \
than average, and several fund managers said they were waiting for quarterly results from the largest cloud \
companies, due in the coming weeks, to judge whether spending on AI hardware would slow.
"""


def found(text: str) -> list[tuple[str, str]]:
    return [(item["text"], item["category"]) for item in find_hype(text)]


def assert_well_formed(text: str, finds: list[dict]) -> None:
    """Offsets are valid and in order, finds do not overlap, and each text is its slice of the input."""
    previous_end = 0
    for item in finds:
        assert set(item) == {"text", "category", "start", "end", "rationale", "confidence", "check"}
        assert 0 < item["confidence"] <= 1 and len(item["check"]) > 20
        assert 0 <= previous_end <= item["start"] < item["end"] <= len(text)
        assert item["text"] == text[item["start"]:item["end"]]
        assert item["category"] in CATEGORIES
        assert item["rationale"]
        previous_end = item["end"]


# ---------------------------------------------------------------- the seed articles

def test_seed_articles_hype_is_pinned():
    for article in article_ids():
        expected = [(text, category) for a, text, category in SEED_HYPE if a == article]
        assert found(article_text(article)) == expected, article


def test_seed_finds_are_well_formed_and_in_order():
    for article in article_ids():
        text = article_text(article)
        assert_well_formed(text, find_hype(text))


# ---------------------------------------------------------------- what is and is not hype

def test_neutral_verbs_factual_superlatives_and_technical_terms_are_not_hype():
    text = ("Shares fell 3% and later rose 1%, the company said. Sales dropped and costs declined. "
            "It was the largest single-day loss on record and the most downloaded app of the week. "
            "The model uses a mixture of experts design. A think tank said the tanker was routed to a heat sink "
            "maker, and massively parallel chips may help, which suggests costs might fall.")
    assert find_hype(text) == []


def test_acronyms_brands_datelines_and_bylines_are_not_all_caps_emphasis():
    text = ("BEIJING (Reuters) - The AI CEO said US GPU sales to the UAE rose, NVIDIA shipped the H800 and "
            "GPT-4o was compared with the NASDAQ listing by analysts at the bank.\n"
            "By JANE DOE, with reporting from several people in the region this week.\n"
            "READ MORE: what the company said about its chips on Monday evening")
    assert find_hype(text) == []


def test_all_caps_emphasis_in_mixed_case_text_is_clickbait():
    assert found("Analysts said DeepSeek did the IMPOSSIBLE with old chips this week.") == \
        [("IMPOSSIBLE", "clickbait")]
    assert found("It was BIG NEWS for everyone who watched the markets that day.") == [("BIG NEWS", "clickbait")]
    assert found("DEEPSEEK CHANGES THE RULES") == []  # an all-caps heading is a style, not emphasis


def test_short_exclamations_in_the_writers_voice():
    assert found("The rumour says 50,000 GPUs. Fifty thousand! Analysts doubt it.") == \
        [("Fifty thousand!", "clickbait")]
    assert found('"We did it!" the founder told staff. Yahoo! Finance listed the shares. Check x != y.') == []


def test_revealed_headlines_but_not_the_reporting_verb():
    assert found("DeepSeek's Chip Stockpile Revealed\n\nThe filing revealed that sales rose.") == \
        [("Revealed", "clickbait")]


def test_curly_apostrophes_and_unicode_hyphens_match_and_keep_the_original_text():
    text = "You won\u2019t believe it. A game\u2011changer."
    assert found(text) == [("You won\u2019t believe", "clickbait"), ("game\u2011changer", "metaphor")]
    assert_well_formed(text, find_hype(text))


def test_matching_ignores_case():
    for word in ("skyrocketed", "Skyrocketed", "SKYROCKETED"):
        assert found(f"The app {word} in the charts, the data firm said on Monday.") == [(word, "market_verb")]


def test_longest_match_wins():
    assert found("It sent shockwaves through markets.") == [("sent shockwaves", "metaphor")]
    assert found("The real kicker is the price.") == [("The real kicker", "clickbait")]
    assert found("A seismic shift in chips.") == [("seismic shift", "metaphor")]


def test_words_inside_longer_words_do_not_match():
    assert found("routine routes roadmaps tanker unroutable panicle") == []
    assert found("plunging-ish") == [("plunging", "market_verb")]  # a hyphen ends a word


def test_white_space_inside_a_phrase_may_be_any_run_of_spaces_or_a_line_break():
    assert found("a wake-up\ncall and a wake   up call") == [("wake-up\ncall", "metaphor"),
                                                            ("wake   up call", "metaphor")]


def test_finds_in_one_short_phrase_are_joined():
    assert found("In AI, computation is truly the king.") == [("truly the king", "booster")]
    assert found("A staggering, jaw-dropping rout.") == [("staggering", "intensifier"),
                                                         ("jaw-dropping rout", "intensifier")]


def test_a_neutral_report_has_at_most_one_hype_phrase_per_thousand_words():
    words = count_words(NEUTRAL_REPORT)
    assert words >= 600
    assert len(find_hype(NEUTRAL_REPORT)) * 1000 / words <= 1


def test_hype_counts_cover_every_category():
    counts = hype_counts("A staggering fall. A rout. Let that sink in. Truly.")
    assert list(counts) == CATEGORIES
    assert counts == {"intensifier": 1, "metaphor": 0, "market_verb": 1, "evaluation": 0, "conflict": 0,
                      "clickbait": 1, "booster": 1}
    assert sum(hype_counts(article_text("000")).values()) == len(find_hype(article_text("000")))


# ---------------------------------------------------------------- the lexicon data

def test_categories_have_labels_descriptions_and_default_weights():
    table = hype_categories()
    assert list(table.columns) == ["category", "label", "weight", "description"]
    assert list(table["category"]) == CATEGORIES
    assert table["label"].notna().all() and table["description"].notna().all()
    assert all(1.0 <= weight <= 2.0 for weight in table["weight"])
    assert default_weights() == dict(zip(table["category"], table["weight"]))
    assert "hedge" not in default_weights()  # hedges are not hype and are left out (see the booster row)


def test_every_lexicon_row_has_a_known_category_and_a_rationale():
    lexicon = load_hype_lexicon()
    assert len(lexicon) >= 100
    assert set(lexicon["category"]) == set(CATEGORIES)
    assert all(isinstance(r, str) and len(r.split()) >= 4 for r in lexicon["rationale"])
    for phrase, forms in zip(lexicon["phrase"], lexicon["forms"]):
        assert isinstance(forms, tuple) and forms == tuple(phrase.split("|"))


def test_forms_are_plain_lower_case_phrases_listed_once():
    forms = [form for form, _ in lexicon_forms()]
    assert len(forms) == len(set(forms))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9 .'-]*", form) and form == form.strip() for form in forms)
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    for required in ("staggering", "jaw-dropping", "sputnik moment", "wake-up call", "plummeted", "tanked",
                     "rout", "bloodbath", "peanuts", "a mere", "dethroning", "coveted", "arms race",
                     "let that sink in", "but guess what", "the real kicker", "truly", "undoubtedly"):
        assert required in forms, required
    for neutral in ("fell", "rose", "said", "dropped", "declined", "may", "might", "suggests", "impressive"):
        assert neutral not in forms, neutral


def test_lexicon_matching_equals_a_plain_longest_first_alternation():
    """The JavaScript mirror uses lexicon_forms() as an alternation; the Python trie must agree with it."""
    alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form, _ in lexicon_forms())
    reference = re.compile(f"(?<![0-9a-z_])(?:{alternation})(?![0-9a-z_])")
    for article in article_ids():
        text = article_text(article)
        expected = [(m.start(), m.end()) for m in reference.finditer(fold_for_matching(text))]
        assert [(f["start"], f["end"]) for f in find_lexicon_phrases(text)] == expected


# ---------------------------------------------------------------- the data can be edited

def test_a_row_added_to_the_lexicon_is_found(data_copy):
    with open(data_copy / "hype_lexicon.csv", "a", encoding="utf-8") as handle:
        handle.write("flapdoodle|flapdoodles,metaphor,A nonsense word added by a test.\n")
    clear_caches()
    assert found("The flapdoodle over chips went on.") == [("flapdoodle", "metaphor")]


def test_a_weight_changed_in_the_data_changes_the_default(data_copy):
    path = data_copy / "hype_categories.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("booster,Boosters,1.0", "booster,Boosters,3.0"),
                    encoding="utf-8")
    clear_caches()
    assert default_weights()["booster"] == 3.0
    assert hype_score({"booster": 1}, 1000) == pytest.approx(3.0)


def test_an_unknown_category_in_the_lexicon_is_reported(data_copy):
    with open(data_copy / "hype_lexicon.csv", "a", encoding="utf-8") as handle:
        handle.write("kerfuffle,drama,A row with a category that does not exist.\n")
    clear_caches()
    with pytest.raises(ValueError, match="unknown category 'drama'"):
        load_hype_lexicon()


# ---------------------------------------------------------------- the score

def test_hype_score_is_weighted_finds_per_thousand_words():
    weights = default_weights()
    counts = {"intensifier": 2, "clickbait": 1}
    expected = (weights["intensifier"] * 2 + weights["clickbait"] * 1) / 500 * 1000
    assert hype_score(counts, 500) == pytest.approx(expected)
    assert hype_score({"intensifier": 2, "clickbait": 1}, 500, {"intensifier": 1.0, "clickbait": 2.0}) == \
        pytest.approx(8.0)
    assert hype_score({c: 0 for c in CATEGORIES}, 300) == 0.0
    assert hype_score({"metaphor": 5}, 0) == 0.0


def test_changing_a_weight_changes_the_score_proportionally():
    counts = hype_counts(article_text("000"))
    words = count_words(article_text("000"))
    base = hype_score(counts, words)
    assert base > 0
    doubled = {c: 2 * w for c, w in default_weights().items()}
    assert hype_score(counts, words, doubled) == pytest.approx(2 * base)
    heavier = dict(default_weights(), metaphor=default_weights()["metaphor"] + 1.0)
    assert hype_score(counts, words, heavier) - base == pytest.approx(counts["metaphor"] / words * 1000)
    silenced = dict(default_weights(), metaphor=0.0)
    assert hype_score(counts, words, silenced) == pytest.approx(base - default_weights()["metaphor"] *
                                                                counts["metaphor"] / words * 1000)


@pytest.mark.parametrize("counts, words, weights, message", [
    ({"drama": 1}, 100, None, "Unknown hype category in counts: drama"),
    ({"metaphor": 1}, 100, {"hedge": 0.0}, "Unknown hype category in weights: hedge"),
    ({"metaphor": 1}, 100, {"metaphor": -1.0}, "must not be negative"),
    ({"metaphor": 1}, 100, {"metaphor": "high"}, "must be a finite number"),
    ({"metaphor": 1}, 100, {"metaphor": math.nan}, "must be a finite number"),
    ({"metaphor": 1}, 100, {"metaphor": True}, "must be a finite number"),
    ({"metaphor": -2}, 100, None, "must not be negative"),
    ({"metaphor": 1}, -5, None, "must not be negative"),
    ({"metaphor": 1}, None, None, "must be a finite number"),
    ([("metaphor", 1)], 100, None, "counts must be a dict"),
])
def test_hype_score_rejects_bad_input_with_a_clear_message(counts, words, weights, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        hype_score(counts, words, weights)


def test_rank_by_hype_puts_the_loudest_first_and_breaks_ties_by_id():
    assert rank_by_hype({"b": 1.0, "a": 1.0, "c": 2.5, "d": 0.0}) == ["c", "a", "b", "d"]
    assert rank_by_hype({}) == []
    with pytest.raises(ValueError):
        rank_by_hype({"a": "loud"})
    scores = {a: hype_score(hype_counts(article_text(a)), count_words(article_text(a))) for a in article_ids()}
    assert rank_by_hype(scores)[0] == max(scores, key=scores.get)


# ---------------------------------------------------------------- robustness

_PIECES = st.sampled_from([form for form, _ in lexicon_forms()][:400] + [
    " ", "\n", "!", "?!", ".", ",", "\u2019", "\u201c", "\u201d", '"', "GPU", "IMPOSSIBLE", "BIG NEWS", "Revealed",
    "Fifty thousand!", "İ", "\x00", "\ud800", "by ", "BEIJING (", "-", "Yahoo!",
])
_TEXTS = st.one_of(st.text(max_size=300),
                   st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join),
                   st.lists(_PIECES, max_size=40).map(lambda parts: " ".join(parts).upper()))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_find_hype_never_raises_and_offsets_are_valid(text):
    finds = find_hype(text)
    assert_well_formed(text, finds)
    counts = hype_counts(text)
    assert sum(counts.values()) == len(finds)
    assert hype_score(counts, count_words(text)) >= 0


# ---------------------------------------------------------------- overlapping finds

def _longest_first_by_insertion(cluster: list[dict]) -> list[dict]:
    """The rule, written plainly: longest first (earlier on a tie), kept unless it overlaps a kept find."""
    kept: list[dict] = []
    for find in sorted(cluster, key=lambda f: (f["start"] - f["end"], f["start"])):
        if all(find["end"] <= other["start"] or other["end"] <= find["start"] for other in kept):
            kept.append(find)
    return sorted(kept, key=lambda f: f["start"])


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_keeping_the_longest_of_overlapping_finds_follows_the_rule(spans):
    cluster = [{"start": start, "end": start + length, "id": number} for number, (start, length) in enumerate(spans)]
    assert _longest_first(cluster) == _longest_first_by_insertion(cluster)


def test_a_long_chain_of_overlapping_finds_keeps_every_phrase():
    # "FORGET everything you thought you KNEW FORGET ...": each all-caps run overlaps two phrases of the
    # lexicon, and the phrases (longer) win; 2,000 of them form one chain of overlaps.
    words = ["FORGET", "everything", "you", "thought", "you", "KNEW"]
    text = " ".join(" ".join(words) + " " * (number % 5) for number in range(2000)) + " and so on, as we said"
    finds = find_hype(text)
    assert_well_formed(text, finds)
    assert len(finds) == 2000
    assert all(find["text"].split() == words for find in finds)


# ---------------------------------------------------------------- the one phrase matcher

def test_the_portable_white_space_class_is_pythons_white_space():
    """The pattern sent to the script spells out Python's \\s; JavaScript's differs, so it must not be used."""
    spelt_out, python = re.compile(WHITE_SPACE), re.compile(r"\s")
    differ = [hex(code) for code in range(sys.maxunicode + 1)
              if bool(spelt_out.match(chr(code))) != bool(python.match(chr(code)))]
    assert differ == []


@pytest.mark.parametrize("text, found", [
    ("It sent shockwaves through the valley.", ["sent shockwaves"]),
    ("It sent \n\t shockwaves.", ["sent shockwaves"]),
    ("Shockwaves! A STAGGERING sum, another staggering one.", ["shockwaves", "staggering"]),
    ("x_staggering and staggering_x and 2staggering", []),
    ("The trillion\u2011dollar question", ["trillion-dollar question"]),
    ("Rock \u2019n\u2019 roll, a mere $6 million.", ["rock 'n' roll", "a mere"]),
    ("\u0130STANBUL: a STAGGERING sum", ["staggering"]),
    ("", []),
])
def test_phrases_are_found_whole_and_longest_first_in_reading_order(text, found):
    phrases = ("sent shockwaves", "shockwaves", "staggering", "a mere", "rock 'n' roll", "trillion-dollar question")
    assert phrases_present(text, phrases) == found


def test_the_hype_finder_and_the_phrase_matcher_agree_on_every_seed():
    phrases = tuple(form for form, _ in lexicon_forms())
    for article in article_ids():
        text = article_text(article)
        assert [(f["start"], f["end"]) for f in find_lexicon_phrases(text)] == \
            [(start, end) for start, end, _ in find_phrases(text, phrases)]


def test_the_phrase_pattern_uses_only_syntax_both_languages_read_alike():
    pattern = phrase_pattern(("a.b", "c/d", "e-f (g)", "h i"))
    assert "(?<" not in pattern and "(?P" not in pattern
    assert re.compile(pattern).search(" a.b") and not re.compile(pattern).search(" axb")


@pytest.mark.parametrize("space", ["\x1c", "\x1f", "\x85", "\ufeff", "\u00a0", "\u3000"])
def test_white_space_the_two_engines_disagree_on_is_folded_to_a_space(space):
    """The pattern's \\s is Python's and JavaScript's alike once the text is folded: the characters only one of
    them counts as white space (U+001C-U+001F and U+0085 for Python, U+FEFF for JavaScript) become spaces."""
    folded = fold_for_matching(f"h{space}i")
    assert len(folded) == 3 and folded[1].isspace() and folded[1] not in "\x1c\x1d\x1e\x1f\x85\ufeff"
    assert find_phrases(f"so h{space}i", ("h i",)) == [(3, 6, "h i")]


@pytest.mark.parametrize("text, inside", [
    ('He said "investors will like it" today.', True),      # straight marks, one open before the position
    ("He said \u201cinvestors will like it\u201d today.", True),
    ('"Done," he said. Then investors left.', False),       # the quotation closed before the position
    ('A line with "an open mark\nThen investors left.', False),  # a new paragraph starts afresh
])
def test_inside_double_quotes_reads_back_to_the_paragraphs_start(text, inside):
    """The one check the vague-attribution and speaker rules share for "are these someone's own words?"."""
    assert inside_double_quotes(text, text.index("investors")) is inside
