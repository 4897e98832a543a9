"""The figure cue families as data (``seeds/figure_cues.csv``), and each figure's confidence and "check" note."""

from __future__ import annotations

import shutil

import pytest

from solutions.analyser import figure_cues
from solutions.analyser.figure_checks import KIND_SOURCES, SURE, UNIT_SOURCES, confidence_and_check
from solutions.analyser.figure_cues import CUE_KINDS, STRENGTHS, cue_of, find_cues, load_figure_cues
from solutions.analyser.figures import find_figures
from solutions.data.datafiles import clear_caches
from solutions.data.paths import DATA_ENVIRONMENT_VARIABLE, data_dir


def test_every_family_has_a_kind_a_strength_forms_and_a_reason():
    table = load_figure_cues()
    assert len(table) >= 10 and table["family"].is_unique
    assert set(table["kind"]) <= set(CUE_KINDS) and set(table["strength"]) <= set(STRENGTHS)
    assert all(len(reason) > 30 for reason in table["rationale"])
    forms = [form for row in table["forms"] for form in row]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("text, expected", [
    ("trading profit", [("trading", "trading_session"), ("profit", "company_results")]),
    ("market share", [("market share", "market_share")]),      # the longest form wins
    ("share price", [("share price", "shares_and_market_value")]),
    ("Revenues", [("revenues", "company_results")]),            # "revenue*": any ending of the last word
    ("the S&P 500 fell", [("s&p 500", "stock_indexes"), ("fell", "market_moves")]),
    ("oil  prices", [("oil  prices", "commodities_and_crypto")]),  # a space matches any white space
    ("coverage", []),                                              # not inside a longer word ("cove", "rage")
])
def test_cues_are_found_as_whole_words_longest_first(text, expected):
    lowered = text.lower()
    assert [(lowered[start:end], cue.family) for start, end, cue in find_cues(lowered, (0, len(lowered)))] == expected


def test_a_wildcard_form_maps_back_to_its_family():
    assert cue_of("impairments").family == "company_results"
    with pytest.raises(KeyError):
        cue_of("zebra")


def _with_cues(tmp_path, monkeypatch, text: str):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    (folder / figure_cues.CUES_FILE).write_text(text, encoding="utf-8")
    monkeypatch.setenv(DATA_ENVIRONMENT_VARIABLE, str(folder))
    clear_caches()


@pytest.mark.parametrize("row, message", [
    ("x,gpus,subject,no,chips,Chips are counted by their unit noun instead.", "unknown kind"),
    ("x,cost,loud,no,price,A price is what something costs to buy.", "strength must be"),
    ("x,cost,subject,maybe,price,A price is what something costs to buy.", "implies_money must be"),
    ("x,cost,subject,no,Price,A price is what something costs to buy.", "not a plain lower-case word form"),
    ("x,cost,subject,no,price,", "the rationale is empty"),
    ("x,cost,subject,no,price|price,A price is what something costs to buy.", "listed twice"),
])
def test_a_faulty_cue_file_gets_a_specific_message(tmp_path, monkeypatch, row, message):
    _with_cues(tmp_path, monkeypatch, "family,kind,strength,implies_money,forms,rationale\n" + row + "\n")
    try:
        with pytest.raises(ValueError, match=message):
            load_figure_cues()
    finally:
        monkeypatch.delenv(DATA_ENVIRONMENT_VARIABLE)
        clear_caches()


def test_the_learner_can_change_a_family_and_the_analyser_follows(tmp_path, monkeypatch):
    """The data decides: with a file in which "widgets" name a price, "Widgets fell 5%" is a cost; with the kit's
    own file only the verb "fell" speaks, and a fall with no named subject says nothing of what fell: the catch-all
    kind "other"."""
    _with_cues(tmp_path, monkeypatch, "family,kind,strength,implies_money,forms,rationale\n"
                                      "gadgets,cost,subject,no,widgets,Widgets are sold at a price in this test.\n")
    try:
        [figure] = find_figures("Widgets fell 5%.")
        assert figure["kind"] == "cost"
    finally:
        monkeypatch.delenv(DATA_ENVIRONMENT_VARIABLE)
        clear_caches()
    assert find_figures("Widgets fell 5%.")[0]["kind"] == "other"


@pytest.mark.parametrize("sentence, confidence, check", [
    ("Nvidia shares fell 17%.", SURE, None),
    ("It has 2,048 GPUs.", SURE, None),
    ("It was 40% last year.", 0.52, "No unit or subject near this number: check what it counts."),
    ("It was forecast to reach $40bn.", 0.71, "The kind was guessed from \u201cforecast to reach\u201d, a word that does not"),
    ("It fell 40% last year.", 0.52, "No unit or subject near this number"),  # "fell" alone says nothing of what fell
    ("The NHS gets \u00a32.5bn more a year, the Treasury said.", 0.71,
     "The kind was guessed from \u201cTreasury\u201d"),
    ("The repair cost him a grand.", 0.57, "No currency is printed next to this number"),
    ("The index, which opened the week on a quiet note after a long holiday weekend in Asia, fell 120 points.",
     0.85, "Read as index points"),
    ("Revenue, which the firm reports in three segments and which analysts watch closely for signs of growth, "
     "was $5bn.", 0.76, "The kind was guessed from a word far away (\u201cRevenue\u201d)"),
])
def test_every_figure_says_how_sure_it_is_and_what_to_check(sentence, confidence, check):
    [figure] = find_figures(sentence)
    assert figure["confidence"] == pytest.approx(confidence, abs=0.005)
    if check is None:
        assert figure["check"] is None
    else:
        assert figure["check"].startswith(check)


def test_neighbouring_sentences_give_a_kind_with_a_note():
    figures = find_figures("Training costs were high. The bill: $6 million. It cost more than planned.")
    [figure] = [f for f in figures if f["text"] == "$6 million"]
    assert figure["kind"] == "cost"
    figures = find_figures("Training was long. It came to $6 million! Costs were high.")
    [figure] = figures
    assert figure["kind"] == "cost" and "sentences around it" in figure["check"]


def test_verbs_of_movement_around_a_figure_do_not_make_it_a_share_move():
    # "slipped" and "fell" in the sentences around say that something moved, not what the figure measures
    [figure] = find_figures("Grades slipped again this summer. In maths the figure was 58.9%. Scores fell in most regions.")
    assert figure["kind"] == "other"


@pytest.mark.parametrize("sentence, kind", [
    # a common cue word with a capital inside a sentence is part of a name: no cue
    ("Faith-based drama The Long Road Home rounded out the top five with $6.2 million.", "other"),
    ("Data from the Central Energy Fund point to a rise of about R1.35 a litre.", "other"),
    ("Kgotso Platinum Holdings reported a 38% fall in half-year headline earnings on Thursday, as lower prices for"
     " platinum-group metals and a costly wage settlement outweighed it.", "other"),
    # the same word opening a sentence, in a title-case headline, or in an acronym is still a cue; so is a name that
    # is a cue itself
    ("Traders said Brent crude rose 2% on Monday.", "stock"),
    ("Home prices rose to $410,000.", "cost"),
    ("Typical Energy Bill To Climb By \u00a3111 In April", "cost"),
    ("Spot bitcoin ETFs pulled in a net $1.12 billion on Monday.", "investment"),
])
def test_a_cue_word_inside_a_name_is_no_cue(sentence, kind):
    [figure] = find_figures(sentence)
    assert figure["kind"] == kind


def test_every_source_has_a_factor_and_a_note_when_unsure():
    for table in (UNIT_SOURCES, KIND_SOURCES):
        for source, (factor, note) in table.items():
            assert 0 < factor <= 1
            assert (note is None) == (factor == 1.0), source
    assert confidence_and_check("implied", "default")[1].count(":") == 2
