"""The chapter "How many downloads?" survives a fact-check (the accuracy review of December 2026).

Every fact the page and its exercises state cites the fact-sheet row (version 2) whose own card holds it;
hindsight is marked; no count is given a date the evidence does not give; keys accept every reading the
evidence leaves open; quotations of the articles are exact; and the kit's own words pass its hype finder.
"""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from support.paths import REPO_ROOT
from support.kit_text import FACT_LINK, PARAGRAPH_LINK, fact_citation
from support.data_edits import set_cell
from support.perturbations.downloads import PERTURBATIONS
from exercises.chapters import downloads as chapter
from exercises.kinds import Matching, NumberQuestion
from solutions import article_paragraphs
from solutions.data.articles import article_ids
from solutions.data.datafiles import clear_caches
from solutions.chapters.downloads import (
    daily_rate, hindsight_counts, load_download_counts, undated_crossing,
)
from solutions.data.facts import accepted_verdicts, fact, fact_text
from solutions.analyser.figures import amounts
from solutions.analyser.hype import find_hype
from solutions.analyser.text import fold

PAGE = REPO_ROOT / "book" / "downloads.md"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Words the kit must not use about an unverifiable row, and the review's words that turned DL-01 into "probably
#: true" (A17) or were loaded (A24).
BANNED = ("nobody", "no one", "no expert", "does not exist", "never said", "false", "a lie", "made up",
          "fabricated", "invented", "not from any", "probably true", "plausible", "harmless", "became true",
          "frenzy", "crash", "most dramatic")


# --- helpers -------------------------------------------------------------------------------------


def own_text(claim_id: str) -> str:
    """What the fact sheet says about one row only: ``fact_text`` without any following card (a split row's
    card such as **DL-02a** must not count as part of **DL-01**)."""
    text = fact_text(claim_id)
    other = re.search(rf"\n\*\*(?!{re.escape(claim_id)}\*\*)[A-Z]+-\d+[a-z]?\*\*", text)
    return text[:other.start()] if other else text


def values_in(text: str) -> list[float]:
    found = []
    for _, _, reading, _ in amounts(text):
        found += [reading.value, reading.value_high] if reading.value_high else [reading.value]
    return [v for v in found if v is not None]


def date_forms(date: pd.Timestamp) -> list[str]:
    return [f"{date:%Y-%m-%d}", f"{date.day} {date:%b}", f"{date:%b} {date.day}", f"{date.day} {date:%B}"]


def page_prose() -> str:
    """The page's Markdown without its front matter and code cells, with white space runs made single."""
    text = PAGE.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)


def paragraphs(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\s*\n|\n(?=- |\d+\. )", text)
            if block.strip()]


def paragraph_with(phrase: str) -> str:
    found = [p for p in paragraphs(page_prose()) if phrase in p]
    assert found, f"the page does not say {phrase!r}"
    return found[0]


def quotations(text: str) -> list[str]:
    return [q for pair in re.findall(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d", text) for q in pair if q]


_ARTICLES = None


def in_an_article(quote: str) -> bool:
    global _ARTICLES
    if _ARTICLES is None:
        _ARTICLES = [str(t) for a in article_ids() for t in article_paragraphs(a)["text"]]
    return any(quote in text for text in _ARTICLES)


def without_article_quotations(text: str) -> str:
    """The kit's own words: every quotation that is an article's exact words is cut out."""
    for quote in sorted(quotations(text), key=len, reverse=True):
        if in_an_article(re.sub(r"\s+", " ", quote).strip(" .,")):
            text = text.replace(quote, " ")
    return text


def exercise_texts() -> list[str]:
    texts = []
    for build in chapter.CHAPTER.build:
        exercise = build()
        texts += [exercise.title, exercise.prompt, exercise.explanation, exercise.answer_text(), *exercise.hints]
        for attribute in ("options", "items", "rows"):
            for option in getattr(exercise, attribute, ()) or ():
                texts += [option.label, option.feedback]
        texts += [trap.feedback for trap in getattr(exercise, "traps", ())]
        texts.append(getattr(exercise, "correct_feedback", ""))
        texts += [why for _, _, why in getattr(exercise, "also", ())] if isinstance(exercise, Matching) else []
    return [t for t in texts if t]


def chart_texts() -> tuple[str, str]:
    data = chapter.downloads_chart().data
    alt = html.unescape(re.search(r'alt="([^"]*)"', data).group(1))
    caption = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", data, re.S).group(1))
    return alt, caption


# --- the side table ------------------------------------------------------------------------------


@pytest.mark.parametrize("row", load_download_counts().itertuples(), ids=lambda r: f"{r.tracker} {r.downloads:g}")
def test_every_count_is_in_the_card_of_the_row_it_cites(row):
    text = own_text(row.claim_id)
    assert any(math.isclose(row.downloads, v) for v in values_in(text)), row
    if not pd.isna(row.date):
        assert any(form in text for form in date_forms(row.date)), row
    if not pd.isna(row.later):
        assert f"later: {row.later}" in text, row
    if not pd.isna(row.days_after_launch):
        assert f"in {row.days_after_launch:g} days" in text, row


def test_a_count_without_a_date_is_never_given_one():
    # Review A3: "16 million after 18 days, which is 28 January … or 2 February".
    amounts_said = {f"{row.downloads / 1e6:g} million" for row in hindsight_counts().itertuples()}
    alt, caption = chart_texts()
    table = html.unescape(chapter.download_counts_html().data)
    for text in (page_prose(), alt, caption, table, *exercise_texts()):
        for sentence in re.split(r"(?<=[.;:])\s+|</tr>", text):
            if any(amount in sentence for amount in amounts_said):
                assert not re.search(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)})\b", sentence), sentence
        assert "2 February" not in text
    assert not any(amount in alt for amount in amounts_said)
    assert "no calendar date" in table and "reported later, February 2025" in table


def test_hindsight_is_marked_where_the_page_states_it():
    for phrase in ("16 million downloads in 18 days", "10.9", "15.6%"):
        assert "hindsight" in paragraph_with(phrase), phrase


# --- citations -----------------------------------------------------------------------------------

#: (words on the page, the row its paragraph must cite, what that row's own card must say)
CITED = [
    ("No. 31", "DL-02a", ["No. 31"]),
    ("51 other countries", "DL-02a", ["51 other countries"]),
    ("no source confirming a No. 1 place in China", "DL-02b", ["No source confirming No. 1 in China"]),
    ("(23%, via TechCrunch)", "DL-05", ["China 23%", "27 Jan", "Appfigures via TechCrunch"]),
    ("(15.6%, via Bloomberg", "DL-05", ["India 15.6%", "1 Feb", "later: 2025-02"]),
    ("downloaded 10.9 million times", "DL-04", ["downloaded 10.9 million times", "later: 2025-09"]),
    ("Reuters gave 10 January", "DL-01", ["Reuters: 10 Jan", "AppMagic: 15 Jan"]),
    ("16 million downloads in 18 days", "DL-01", ["16M in 18 days", "later: 2025-02", "Bloomberg"]),
    ("AppMagic counted more than 2 million", "DL-01", [">2 million since its launch", "28 Jan", "Semafor"]),
    ("about 1 million on Friday 24 January", "DL-01", ["~1M", "Fri 24 Jan", "2.6M", "Mon 27 Jan"]),
    ("Sunday 26 January", "DATE-05", ["Sunday 26 Jan"]),
    ("released on 20 January", "DATE-02", ["20 Jan 2025"]),
    ("DeepThink", "DL-03", ["DeepThink", "powered by the DeepSeek-V3 model"]),
    ("was rewritten using AI", "OTH-10", ["archived copy"]),
    ("no source that gives 1.6 million was found", "DL-01", ["No source for 1.6 million was found"]),
]


@pytest.mark.parametrize("phrase, claim_id, says", CITED, ids=[c[0] for c in CITED])
def test_each_fact_cites_the_row_that_holds_it(phrase, claim_id, says):
    assert fact_citation(claim_id) in paragraph_with(phrase)
    text = own_text(claim_id)
    for words in says:
        assert words in text, (claim_id, words)


def test_the_model_downloads_cite_dl_04_not_dl_01():
    paragraph = paragraph_with("10.9")
    assert fact_citation("DL-01") not in paragraph and "Gigazine" not in paragraph
    assert "10.9M" not in own_text("DL-01") and "10.9 million" not in own_text("DL-01")


def test_every_cited_row_exists_and_no_split_id_is_cited():
    cited = set(FACT_LINK.findall(page_prose()))
    for claim_id in cited:
        fact(claim_id)  # raises for a split or unknown id
    assert {"DL-02a", "DL-02b", "DL-04", "DL-05"} <= cited
    sources = {s.fact for build in chapter.CHAPTER.build for s in build().sources if s.fact}
    for claim_id in sources:
        fact(claim_id)
    assert {"DL-02a", "DL-02b", "DL-04"} <= sources


def test_the_largest_market_is_stated_with_both_dates():
    # Review A18.
    paragraph = paragraph_with("largest market")
    assert "27 January" in paragraph and "1 February" in paragraph and fact_citation("DL-05") in paragraph
    assert "China" in paragraph and "India" in paragraph


def test_dl_01_is_not_turned_into_probably_true():
    # Review A17: DL-01 is conflated (main) and unverifiable (also); the page and every exercise say both.
    assert accepted_verdicts("DL-01") == ("conflated", "unverifiable")
    prose = page_prose()
    assert "**conflated**" in paragraph_with("The fact sheet's main verdict")
    assert "**unverifiable**" in paragraph_with("The fact sheet's main verdict")
    for build in (chapter.missing_context, chapter.crossing_day):
        explanation = build().explanation
        assert "conflated, and also unverifiable" in explanation
    assert "if app installs were meant" in chapter.crossing_day().explanation
    assert "if app installs were meant" in prose.replace("**", "")


# --- keys ----------------------------------------------------------------------------------------


def test_000_7_may_be_read_as_app_or_model_downloads():
    exercise = chapter.what_it_measures()
    key = next(row.key for row in exercise.rows if row.key.startswith("DL-01-"))
    assert exercise.accepted(key) == ["app-downloads", "model-downloads"]
    for reading in ("app-downloads", "model-downloads"):
        answer = {**exercise.correct_answer(), key: reading}
        assert exercise.check(answer).verdict == "correct", reading
    wrong = exercise.check({**exercise.correct_answer(), key: "ranking"})
    assert wrong.verdict == "incorrect" and "either of those is accepted" in " ".join(wrong.details)


def test_the_also_reading_follows_the_fact_sheet(data_copy):
    facts = pd.read_csv(data_copy / "facts.csv", dtype=str, keep_default_na=False)
    facts.loc[facts["claim_id"] == "DL-01", ["verdict", "also"]] = ["unverifiable", ""]
    facts.to_csv(data_copy / "facts.csv", index=False)
    clear_caches()
    assert chapter.what_it_measures().also == ()
    assert "conflated" not in chapter.crossing_day().explanation


# --- answers given away ---------------------------------------------------------------------------


def test_ordering_items_carry_no_dates():
    exercise = chapter.timeline_order()
    date_words = re.compile(rf"\b(?:{'|'.join(MONTHS + WEEKDAYS)}|Jan|Feb|Dec)\b|\d{{4}}-\d{{2}}|\b\d{{1,2}}/\d",
                            re.I)
    for item in exercise.items:
        assert not date_words.search(item.label), item.label
    assert not date_words.search(exercise.prompt)
    assert [item.key for item in exercise.items] != list(exercise.correct)


def _prose_before(cell: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text[:text.index(cell)])


def test_no_answer_sits_above_its_exercise():
    timeline = chapter.timeline_order()
    before = _prose_before("show(timeline_order())")
    dates = pd.to_datetime([key[-10:] for key in timeline.correct if key.startswith("count-")])
    for date in dates:
        assert not any(form in before for form in date_forms(date)), date
    assert "download_counts_html()" not in before
    before = _prose_before("show(per_day())")
    assert f"{round(daily_rate(), -3):,.0f}" not in before and "533" not in before
    before = _prose_before("show(crossing_day())")
    crossing = undated_crossing()
    assert not any(form in before for form in date_forms(crossing))


# --- feedback --------------------------------------------------------------------------------------


def test_near_misses_on_the_rate_get_their_own_feedback():
    exercise = chapter.per_day()
    assert "rounded too far" in exercise.check("500,000").details[0]
    assert "downloads an hour" in exercise.check("22,222").details[0]
    assert "not 2" in exercise.check("800000").details[0]
    assert exercise.check("0.53 million").verdict == "correct"


def test_the_crossing_day_reads_days_written_as_dates():
    exercise = chapter.crossing_day()
    assert isinstance(exercise, NumberQuestion)
    crossing = undated_crossing()
    assert exercise.month == f"{crossing:%Y-%m}"
    assert not any(month.casefold() in word for word in exercise.unit_words for month in MONTHS)
    day, month, weekday = crossing.day, f"{crossing:%B}", f"{crossing:%A}"
    for typed in (f"{day}", f"{day}th", f"{day} {month}", f"{month} {day}", f"{weekday} {day} {month}"):
        assert exercise.check(typed).verdict == "correct", typed
    ranking = exercise.check(f"26 {month}")
    assert ranking.verdict == "incorrect" and "ranking" in ranking.details[0]


# --- wording and quotations ------------------------------------------------------------------------


def test_the_kit_s_own_words_pass_its_hype_finder_and_its_wording_rules():
    alt, caption = chart_texts()
    table = html.unescape(re.sub(r"<[^>]+>", " ", chapter.download_counts_html().data))
    for text in (page_prose(), alt, caption, table, *exercise_texts()):
        own = without_article_quotations(text)
        assert list(find_hype(own)) == [], (find_hype(own), text[:80])
        for word in BANNED:
            assert not re.search(rf"\b{re.escape(word)}\b", own, re.I), (word, text[:80])


def test_quotations_of_the_articles_are_exact():
    for paragraph in paragraphs(page_prose()):
        cited = PARAGRAPH_LINK.findall(paragraph)
        facts = FACT_LINK.findall(paragraph)
        if not cited:
            continue
        texts = [str(article_paragraphs(a).set_index("paragraph").loc[int(p), "text"]) for a, p in cited]
        for quote in quotations(paragraph):
            quote = quote.strip(" .,")
            assert any(quote in t for t in texts) or any(fold(quote) in fold(own_text(f)) for f in facts), quote
    exercise = chapter.what_it_measures()
    for row in exercise.rows:
        if re.match(r"\d{3} ¶", row.label):
            article, paragraph = re.match(r"(\d{3}) ¶(\d+)", row.label).groups()
            (quote,) = quotations(row.label)
            assert quote in str(article_paragraphs(article).set_index("paragraph").loc[int(paragraph), "text"])
    (quote,) = quotations(chapter.missing_context().prompt)
    assert in_an_article(quote)


def test_the_page_file_exists():
    assert Path(PAGE).is_file()


# --- answers follow the data (this chapter's builders only, so the check does not depend on other chapters) ---


def _build(exercise_id: str):
    (make,) = [make for make in (*chapter.CHAPTER.build, chapter.CHAPTER.exit_ticket) if make().id == exercise_id]
    return make()


@pytest.mark.parametrize("exercise_id", sorted(PERTURBATIONS))
def test_each_perturbation_changes_its_answer(exercise_id, data_copy):
    before = _build(exercise_id).correct_answer()
    PERTURBATIONS[exercise_id](data_copy)
    clear_caches()
    assert _build(exercise_id).correct_answer() != before


def test_the_crossing_month_follows_the_data(data_copy):
    for old, new in (("2025-01-24", "2025-02-24"), ("2025-01-27", "2025-02-27"), ("2025-01-28", "2025-02-28")):
        set_cell(data_copy, "download_counts.csv", "date", old, "date", new)
    clear_caches()
    exercise = chapter.crossing_day()
    assert exercise.month == "2025-02" and exercise.check("25 February").verdict == "correct"
    assert exercise.check("25 January").verdict == "invalid"
