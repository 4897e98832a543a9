"""The accuracy review of "What did it cost?" and "How many chips?" (December 2026), held by tests.

Each test names the review finding it holds (A1, A9, A12, A13, A20, A21, A22, A24, "answers given away",
"facts cited to rows whose sources do not contain them"). The exercises are built straight from their chapter
modules, so these tests do not depend on the other chapters.
"""

from __future__ import annotations

import functools
import re

import pytest

from support.perturbations import cost as perturb_cost
from support.perturbations import gpus as perturb_gpus
from support.paths import REPO_ROOT
from support.data_edits import set_cell
from exercises.chapters import cost as cost_chapter, gpus as gpus_chapter
from exercises.chapters.cost import cost_restatements_chart
from exercises.chapters.gpus import gpu_fleets_chart
from exercises.formatting import trim, usd
from support.kit_text import FACT_LINK, PARAGRAPH_LINK, exercise_strings, fact_citation, page_prose, sentences, without_quotations
from solutions import article_paragraphs, fact
from solutions.chapters.cost import cost_claims, figure_in_words, restatements_of_v3_cost, v3_final_run_cost
from solutions.data.datafiles import clear_caches
from solutions.data.facts import VERDICTS, accepted_verdicts, fact_text, load_facts
from solutions.analyser.hype import find_hype
from solutions.data.ledger import load_figure_notes
from solutions.analyser.text import fold
from solutions.chapters.vocabulary import OVERSTATED_SCOPE, RUN_SCOPE

PAGES = {"cost": REPO_ROOT / "book" / "cost.md", "gpus": REPO_ROOT / "book" / "gpus.md"}


def my_exercises():
    return [build() for build in (*cost_chapter.CHAPTER.build, *gpus_chapter.CHAPTER.build)]


@functools.cache
def _my_builders() -> dict:
    """Which of the two chapters' builders makes each exercise and exit ticket (ids are fixed in the code, not read
    from the data)."""
    builders = (*cost_chapter.CHAPTER.build, *gpus_chapter.CHAPTER.build,
                cost_chapter.CHAPTER.exit_ticket, gpus_chapter.CHAPTER.exit_ticket)
    return {build().id: build for build in builders}


def my_exercise(exercise_id: str):
    """One of the two chapters' exercises, built now from the current data (only its own builder runs)."""
    return _my_builders()[exercise_id]()


def raw(page: str) -> str:
    return PAGES[page].read_text(encoding="utf-8")


def prose_before(page: str, marker: str, start: str | None = None) -> str:
    """The Markdown of a page (code cells removed) from ``start`` up to the cell containing ``marker``."""
    text = raw(page)
    end = text.rfind("```{code-cell}", 0, text.index(marker))
    begin = text.index(start) if start else 0
    return re.sub(r"```.*?```", "\n\n", text[begin:end], flags=re.S)


# --- A1: whole numbers keep their zeros ---------------------------------------------------------------------


def test_a1_feedback_on_billions_gives_the_whole_ratio():
    exercise = cost_chapter.restatements()
    feedback = {option.key: option.feedback for option in exercise.options}
    reference = v3_final_run_cost()
    far = cost_claims()
    far = far[far["comparison"] == "inconsistent"].drop_duplicates("text")
    assert not far.empty
    for row in far.itertuples():
        assert f"About {row.value / reference:,.0f}" in feedback[row.text]
        if row.value_high == row.value_high and row.value_high != row.value:
            assert f"to {row.value_high / reference:,.0f} times" in feedback[row.text]


def test_a1_no_number_in_my_exercises_has_a_short_digit_group():
    """"10,76" is a whole number that lost its zero; a digit group after a comma has three digits."""
    for exercise in my_exercises():
        for where, text in exercise_strings(exercise):
            assert not re.search(r"\d,\d{1,2}(?!\d)", text), (where, text)


@pytest.mark.parametrize("value, digits, text", [
    (60, 0, "60"), (0, 0, "0"), (0.0, 3, "0"), (-60, 0, "-60"), (-0.0004, 3, "0"), (10_760.43, 0, "10,760"),
    (1e12, 0, "1,000,000,000,000"), (2.50, 3, "2.5"), (5.576, 3, "5.576"), (100, 3, "100")])
def test_trim_keeps_whole_numbers_whole(value, digits, text):
    assert trim(value, digits) == text


@pytest.mark.parametrize("value, reference, text", [
    (60e9, 5.576e6, "10,760"), (65e9, 5.576e6, "11,657"), (0, 5.576e6, "0"), (-50, 5, "-10"), (15, 10, "1.5"),
    (1e15, 1, "1,000,000,000,000,000")])
def test_times_helper_on_zero_negative_whole_and_large_values(value, reference, text):
    assert cost_chapter.times_as_many(value, reference) == text


def test_usd_on_zero_negative_and_large_scales():
    assert usd(0) == "$0" and usd(-5.576e6) == "$-5.576 million" and usd(589e9) == "$589 billion"
    assert usd(3.47e12) == "$3.47 trillion" and usd(294_000, 3, 1e3) == "$294 thousand"


# --- A9: the chart quotes the articles' own words -------------------------------------------------------------


def test_figure_in_words_takes_the_articles_own_words():
    row = restatements_of_v3_cost().query("article_id == '003' and paragraph == 5").iloc[0]
    assert figure_in_words("003", row["start"], row["end"]) == "cost under $6 million"
    assert figure_in_words("003", row["start"], row["end"], before=0) == "$6 million"


def _alt(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.search(r'alt="([^"]*)"', html).group(1))


def test_a9_cost_chart_alt_text_quotes_each_paragraph_exactly():
    alt = _alt(cost_restatements_chart().data)
    assert "paragraph 5 says “cost under $6 million”" in alt
    quotes = re.findall(r"article (\d{3}) paragraph (\d+) says “([^”]+)”", alt)
    assert len(quotes) == len(restatements_of_v3_cost())
    for article_id, paragraph, quote in quotes:
        text = article_paragraphs(article_id).set_index("paragraph").loc[int(paragraph), "text"]
        assert quote in text, (article_id, paragraph, quote)


def test_cost_chart_gives_every_verdict_the_fact_sheet_accepts():
    alt = _alt(cost_restatements_chart().data)
    for row in restatements_of_v3_cost().itertuples():
        main, *also = accepted_verdicts(row.claim_id)
        assert f"judged {main}" + (f", also {', '.join(also)}" if also else "") in alt


# --- A12, A13: keys accept what the evidence supports ---------------------------------------------------------


def _accepts_each_verdict(exercise):
    correct = dict(exercise.correct)
    for row in exercise.rows:
        for verdict in accepted_verdicts(row.key):
            assert verdict in {o.key for o in exercise.options}, (row.key, verdict)
            answer = {**correct, row.key: verdict}
            assert exercise.check(answer).verdict == "correct", (row.key, verdict)
        for option in exercise.options:
            if option.key not in accepted_verdicts(row.key):
                assert exercise.check({**correct, row.key: option.key}).verdict == "incorrect", (row.key, option.key)


def test_a12_judge_each_restatement_accepts_every_verdict_of_every_row():
    exercise = cost_chapter.verdicts()
    _accepts_each_verdict(exercise)
    assert "conflated" in exercise.accepted("COST-03")


def test_a12_a_scope_phrase_in_a_sentence_means_conflated_is_accepted():
    """The hints and the rewrite feedback call these phrases a stretch of scope; the key must agree."""
    exercise = cost_chapter.verdicts()
    for row in exercise.rows:
        if any(phrase in row.label.casefold() for phrase in OVERSTATED_SCOPE):
            assert "conflated" in exercise.accepted(row.key), row.label


def test_a13_judge_each_chip_count_splits_the_two_company_claim_and_accepts_the_evidence():
    exercise = gpus_chapter.chip_verdicts()
    assert [row.key for row in exercise.rows] == ["GPU-04", "GPU-01", "GPU-02", "GPU-03a", "GPU-03b"]
    _accepts_each_verdict(exercise)
    assert exercise.accepted("GPU-01") == ["accurate", "conflated"]
    assert exercise.accepted("GPU-03a") == ["accurate", "conflated"] and exercise.accepted("GPU-03b") == ["unverifiable"]
    labels = {row.key: row.label for row in exercise.rows}
    assert "Meta … rely on" in labels["GPU-03a"] and "OpenAI rely on" in labels["GPU-03b"]


def test_a13_wrong_or_unproven_keys_the_openai_half_and_the_50000_claim():
    exercise = gpus_chapter.unverified()
    assert exercise.correct == frozenset({"GPU-03b", "GPU-06"}) and exercise.either == frozenset()
    assert exercise.check(["GPU-03b", "GPU-06"]).verdict == "correct"
    assert exercise.check(["GPU-03a", "GPU-03b", "GPU-06"]).verdict == "incorrect"


def test_a13_an_also_unverifiable_claim_may_be_ticked_or_not(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "GPU-04", "also", "unverifiable")
    clear_caches()
    exercise = gpus_chapter.unverified()
    assert exercise.either == frozenset({"GPU-04"})
    assert exercise.check(["GPU-03b", "GPU-06"]).verdict == "correct"
    assert exercise.check(["GPU-03b", "GPU-06", "GPU-04"]).verdict == "correct"


def test_also_verdicts_follow_the_data(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "COST-03", "also", "")
    set_cell(data_copy, "facts.csv", "claim_id", "GPU-01", "also", "")
    clear_caches()
    assert cost_chapter.verdicts().accepted("COST-03") == ["rounded"]
    assert gpus_chapter.chip_verdicts().accepted("GPU-01") == ["accurate"]


# --- A20: say only what GPU-04 and GPU-03a support --------------------------------------------------------------


def test_a20_the_chip_page_says_only_what_the_rows_support():
    text = raw("gpus")
    assert "the chip, the buyer and the date" not in text and "undersells" not in text
    for sentence in sentences(page_prose(PAGES["gpus"])):
        assert not ("16,000" in sentence and "1.3 million" in sentence), sentence
    assert "bigger than 100,000 H100s" in fact_text("GPU-03a")
    [cluster] = [s for s in sentences(raw("gpus")) if "bigger than 100,000 H100s" in s]
    assert fact_citation("GPU-03a") in cluster
    [before] = [s for s in sentences(raw("gpus")) if '"Before sanctions" is right' in s]
    assert "right for the A100s" in before


# --- A21, A22: who is credited; "not found" is not "does not exist" -----------------------------------------------


def test_a21_whose_number_feedback_is_about_who_is_credited():
    exercise = cost_chapter.who_estimated()
    for option in exercise.options:
        text = option.feedback.casefold()
        assert "source" in text or "credits" in text, option.feedback
        if option.key != exercise.correct:
            assert not any(phrase in text for phrase in (*OVERSTATED_SCOPE, *RUN_SCOPE, "scope")), option.feedback
    assert "Industry experts estimate" in exercise.explanation


ABSENCE = re.compile(r"\b(?:nobody|no one|no expert|not from any|does not exist|never said|false|a lie|made[- ]up|"
                     r"fabricat\w*|invented|simply wrong)\b", re.I)


def test_a22_no_wording_that_turns_not_found_into_does_not_exist():
    for page in PAGES.values():
        for sentence in sentences(page_prose(page)):
            assert not ABSENCE.search(sentence), (page.name, sentence)
    for exercise in my_exercises():
        for where, text in exercise_strings(exercise):
            text = text.replace("This does not mean the claim is false.", "")  # the verdict's own definition
            assert not ABSENCE.search(text), (where, text)


# --- A24: the kit's own voice ------------------------------------------------------------------------------------------


UNSOURCED = ("travelled further", "house in a big city", "crash", "frenzy", "most dramatic", "world-class")


def test_a24_my_pages_and_exercises_pass_the_hype_finder():
    texts = [(page.name, s) for page in PAGES.values() for s in sentences(without_quotations(page_prose(page)))]
    texts += [(where, s) for e in my_exercises() for where, text in exercise_strings(e)
              for s in sentences(without_quotations(text))]
    for chart in (cost_restatements_chart(), gpu_fleets_chart()):
        import html as html_module

        texts += [("chart", s) for s in sentences(without_quotations(html_module.unescape(chart.data)))]
    problems = [(where, s, find_hype(s)) for where, s in texts if find_hype(s)]
    assert problems == []
    for where, s in texts:
        assert not any(word in s.casefold() for word in UNSOURCED), (where, s)


# --- Answers given away --------------------------------------------------------------------------------------------------


def test_no_total_above_redo_the_report_sum():
    text = raw("cost")
    assert text.index("show(paper_arithmetic())") < text.index("v3_stages_html()\n```")
    before = prose_before("cost", "show(paper_arithmetic())", "## What the report actually says")
    cost = v3_final_run_cost()
    for spelling in (usd(cost), f"{cost / 1e6:.3f}", f"{cost:,.0f}"):
        assert spelling not in before.replace("\\$", "$")


def test_no_rounding_verdict_above_two_thousand_or_2048():
    before = prose_before("gpus", "show(rounding())", "## The number in the report")
    assert not re.search(r"\bround", before, re.I)


def test_no_chip_verdict_above_the_chip_exercises():
    before = prose_before("gpus", "show(chip_verdicts())", "## The number in the report")
    for verdict in VERDICTS:
        assert not re.search(rf"\b{verdict}\b", before, re.I), verdict


def test_no_cost_verdict_above_the_cost_exercises():
    before = prose_before("cost", "show(verdicts())", "## What the report actually says")
    for verdict in ("misattributed", "conflated", "opinion-as-fact", "unverifiable"):
        assert not re.search(rf"\b{verdict}\b", before, re.I), verdict


def test_the_amounts_are_compared_after_the_ordering_exercise():
    before = prose_before("cost", "show(scale_order())", "## Millions and billions")
    assert not re.search(r"\d", before)
    text = raw("cost")
    assert text.index("## Millions and billions") < text.index("show(scale_order())") < text.index("30.84")


# --- The CEO claim gets real feedback and a place on the page ------------------------------------------------------------


def test_the_ceo_claim_has_feedback_from_its_fact_row_and_is_discussed():
    option = next(o for o in gpus_chapter.unverified().options if o.key == "GPU-07")
    assert "Liang Wenfeng" in option.feedback and "accurate" in option.feedback
    assert len(option.feedback) > len("The fact sheet says accurate.") + 40
    text = raw("gpus")
    assert fact_citation("GPU-07") in text and "chip scarcity remains a" in text


# --- Facts cited to rows whose sources hold them; v2 verdicts -------------------------------------------------------------


FACT_ROLE = FACT_LINK
PARA_ROLE = PARAGRAPH_LINK
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
ARTICLE_ID = re.compile(r"(?:[Aa]rticles?|and|,)\s+(\d{3})\b")
YEAR = re.compile(r"^(?:19|20)\d\d$")


def _normal(text: str) -> str:
    return text.replace(",", "").replace("\\$", "$")


def _cited_text(sentence: str) -> str:
    facts = [fact_text(claim) for claim in FACT_ROLE.findall(sentence)]
    paragraphs = [article_paragraphs(a).set_index("paragraph").loc[int(p), "text"] for a, p in PARA_ROLE.findall(sentence)]
    return _normal(" ".join(facts + paragraphs))


def _numbers(sentence: str) -> list[str]:
    body = ARTICLE_ID.sub(" ", PARA_ROLE.sub(" ", FACT_ROLE.sub(" ", sentence)))
    return [n for n in NUMBER.findall(body)]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_number_on_my_pages_is_in_a_row_or_paragraph_the_sentence_cites(page):
    text = re.sub(r"```.*?```", "\n\n", raw(page), flags=re.S).split("---", 2)[2]
    problems = []
    for sentence in sentences(text):
        numbers = [n for n in _numbers(sentence) if not YEAR.match(n)]
        if not numbers or "×" in sentence:  # "100 × 24 = 2,400" is arithmetic shown, not a fact
            continue
        cited = _cited_text(sentence)
        problems += [(n, sentence[:120]) for n in numbers if _normal(n) not in cited]
    assert problems == []


def test_llama_gpu_hours_and_export_compliance_cite_the_rows_that_hold_them():
    for page in PAGES:
        for sentence in sentences(raw(page)):
            if "30.84" in sentence:
                assert fact_citation("COST-08") in sentence and "30.84" in fact_text("COST-08")
            if "export control compliant" in sentence:
                assert fact_citation("GPU-06") in sentence and "export control compliant" in fact_text("GPU-06")


def test_my_pages_cite_only_version_2_rows():
    ids = set(load_facts()["claim_id"])
    for page in PAGES:
        assert set(FACT_ROLE.findall(raw(page))) <= ids


def test_cost_page_agrees_with_version_2():
    text = raw("cost")
    assert "is a rounding of" not in text  # COST-08 is conflated in v2, not rounded
    [hundreds] = [p for p in text.split("\n\n") if "hundreds of millions spent by" in p and "COST-08" in p]
    assert "fits neither" in hundreds
    [r1] = [p for p in text.split("\n\n") if "294,000" in p]
    assert "Hindsight" in r1 and fact_citation("COST-11") in r1
    assert str(fact("COST-08")["verdict"]) == "conflated"


# --- Figure notes agree with the v2 rows they cite -----------------------------------------------------------------------


ID_IN_NOTE = re.compile(r"\b[A-Z]{2,4}-\d{2}[a-z]?\b")
VERDICT_MARK = re.compile(r"\((?:also )?(" + "|".join(VERDICTS) + r")\b")


@pytest.mark.parametrize("row", list(load_figure_notes().itertuples()), ids=lambda r: f"{r.article_id}-{r.text}-{r.occurrence}")
def test_figure_note_agrees_with_the_rows_it_cites(row):
    claims = [row.claim_id, *ID_IN_NOTE.findall(row.note)]
    held = _normal(" ".join(fact_text(claim) for claim in claims))
    allowed = {verdict for claim in claims for verdict in accepted_verdicts(claim)}
    for number in NUMBER.findall(row.note):
        assert _normal(number) in held, number
    for verdict in VERDICT_MARK.findall(row.note):
        assert verdict in allowed, verdict
    assert str(fact(row.claim_id)["verdict"]) in row.note
    places = [article_paragraphs(row.article_id)["text"].str.cat(sep=" "), " ".join(fact_text(c) for c in claims)]
    for quote in re.findall(r"“([^”]+)”", row.note):
        assert any(fold(quote) in fold(place) for place in places), quote


# --- Perturbations: answers follow the data, built straight from my chapters ---------------------------------------------


def _answer(exercise):
    if exercise.id.endswith("-exit-ticket"):  # its figures are in its question and explanation too
        return exercise.prompt, exercise.correct_answer(), exercise.explanation
    if exercise.kind == "code":
        return [exercise.reference(*case) for case in exercise.cases]
    if exercise.kind == "reflection":
        return exercise.model_answer, [c.any_of for c in exercise.criteria]
    if exercise.kind == "matching":
        return exercise.correct_answer(), exercise.also
    return exercise.correct_answer()


PERTURBATIONS = {**perturb_cost.PERTURBATIONS, **perturb_gpus.PERTURBATIONS}


@pytest.mark.parametrize("exercise_id", sorted(PERTURBATIONS))
def test_my_answers_follow_the_data(exercise_id, data_copy):
    before = _answer(my_exercise(exercise_id))
    PERTURBATIONS[exercise_id](data_copy)
    clear_caches()
    assert _answer(my_exercise(exercise_id)) != before


def test_every_exercise_of_mine_has_a_perturbation():
    assert set(_my_builders()) == set(PERTURBATIONS)
