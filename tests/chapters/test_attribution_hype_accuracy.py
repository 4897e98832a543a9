"""Accuracy checks on the chapters "Who said it?" and "How loud is it?" (review of December 2026).

Each test holds one finding of the accuracy review: the computation behind a chart or a sentence, a wording the
kit must not use, an answer that must not be printed above its exercise, and the kit's own voice.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re

import pandas as pd
import pytest

from support.data_edits import set_cell
from support.paths import REPO_ROOT
from support.kit_text import FACT_LINK, PARAGRAPH_LINK
from solutions import article_ids, article_paragraphs, article_text, fact, load_articles
from solutions.data.datafiles import clear_caches
from solutions.data.facts import fact_text, find_fragments
from solutions.analyser.hype import find_hype, hype_categories, lexicon_forms
from solutions.chapters.sourcing import CHECKABLE, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import attribution_for, class_counts, seed_attributions

BOOK = REPO_ROOT / "book"
PAGES = {"attribution": BOOK / "attribution.md", "hype": BOOK / "hype.md"}
ROLE = re.compile(r"\{(fact|para|doc)\}`([^`]*)`")
QUOTED = re.compile(r"“[^”]*?”|‘[^’]*?’|\"[^\"\n]*?\"|(?<![\w’'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=\S)'(?!\w)")
CUT = re.compile(r"\s*(?:\.\.\.|…|\[[^\]]*\])\s*")
#: Wording that teaches "not found" as "does not exist" (the kit's rule), and the review's own examples.
FORBIDDEN = re.compile(r"\b(?:nobody|no one|no expert|not from any|does not exist|never said|a lie|made[- ]up|"
                       r"fabricat\w*|invented|simply wrong|nobody could find|nobody can find)\b", re.I)


# --- the texts of the two chapters ---------------------------------------------------------------------

def page_source(page: str) -> str:
    return PAGES[page].read_text(encoding="utf-8")


def page_prose(page: str) -> str:
    """The page without front matter and code cells, roles replaced by their text."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page_source(page), flags=re.S)
    text = re.sub(r"```.*?```", "\n\n", text, flags=re.S)
    text = ROLE.sub(lambda m: m.group(2), text).replace("\\$", "$")
    return re.sub(r"[*_`]", "", text)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+", text)
    return [" ".join(part.split()) for part in parts if part and part.strip()]


def cell_order(page: str) -> list[str]:
    """The code of every cell of a page, in order."""
    return [" ".join(cell.split()) for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", page_source(page), re.S)]


def chapter_exercises():
    from exercises.chapters import attribution as attribution_chapter, hype as hype_chapter

    return [build() for chapter in (attribution_chapter, hype_chapter) for build in chapter.CHAPTER.build]


def exercise_strings(exercise):
    """Every text an exercise shows: prompt, options, feedback, hints, explanation, model answer, criteria."""
    skip = {"id", "key", "any_of", "none_of", "watch_words", "kind", "unit_words", "correct", "also", "either",
            "original"}  # a reflection's original is the article's own text, shown as a quotation

    def walk(value, path):
        if isinstance(value, str):
            yield path, value
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                if field.name not in skip:
                    yield from walk(getattr(value, field.name), f"{path}.{field.name}")
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")

    yield from walk(exercise, exercise.id)
    for index, (_, _, why) in enumerate(getattr(exercise, "also", ()) or ()):
        if isinstance(why, str):
            yield f"{exercise.id}.also[{index}]", why
    yield f"{exercise.id}.answer", exercise.answer_text()


def html_texts() -> list[tuple[str, str]]:
    """The visible text of every table, list, caption and alt text the two chapters' display functions write
    (not the highlighted articles, which are the articles' own text)."""
    from exercises.chapters import attribution as a
    from exercises.chapters import hype as h

    outputs = {"sources_chart": a.sources_chart(), "sources_summary": a.sources_summary_html(),
               "attribution_tables": a.attribution_tables(), "warning_signs_table": a.warning_signs_html(),
               "categories_table": h.categories_table_html(), "counts_table": h.counts_table_html(),
               "per_thousand_chart": h.per_thousand_chart(), "legend": h.legend_html()}
    texts = []
    for name, output in outputs.items():
        markup = output.data
        for alt in re.findall(r'alt="([^"]*)"', markup):
            texts.append((f"{name}.alt", html.unescape(alt)))
        markup = re.sub(r"<q\b[^>]*>.*?</q>", " (quoted) ", markup, flags=re.S)  # the articles' own words
        markup = re.sub(r"<img[^>]*>", " ", markup)
        markup = re.sub(r"</(?:td|th|li|caption|figcaption|summary)>", ". ", markup)
        text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
        texts.append((name, " ".join(text.split())))
    for explorer_weight in h.weight_explorer().weights:
        texts.append(("weight_explorer", explorer_weight.description))
    return texts


@functools.cache
def all_texts() -> tuple[tuple[str, str], ...]:
    """Every sentence the two chapters write, with where it is; worked out once, from the kit's own data (no test
    that edits the data reads it)."""
    texts = [(f"{page}.md", sentence) for page in PAGES for sentence in sentences(page_prose(page))]
    for exercise in chapter_exercises():
        texts += [(where, sentence) for where, text in exercise_strings(exercise) for sentence in sentences(text)]
    texts += [(where, sentence) for where, text in html_texts() for sentence in sentences(text)]
    return tuple(texts)


# --- the kit's own voice (A24, and every sentence the chapters write) ------------------------------------

def _is_others_words(quote: str) -> bool:
    """A quotation of an article, a source quoted on the fact sheet, or a word the hype chapter talks about."""
    fragments = [f.strip(" ,.;:") for f in CUT.split(quote) if f.strip(" ,.;:")]
    if not fragments:
        return True
    if any(find_fragments(fragments, article_text(a)) is not None for a in article_ids()):
        return True
    lexicon = {form for form, _ in lexicon_forms()}
    if quote.casefold().strip(" .,") in lexicon:
        return True
    from solutions.analyser.hype import load_hype_lexicon

    rationales = " ".join(load_hype_lexicon()["rationale"])
    return find_fragments(fragments, rationales) is not None or any(
        find_fragments(fragments, fact_text(claim_id)) is not None for claim_id in _cited_rows())


def _cited_rows() -> list[str]:
    from solutions import load_facts

    return list(load_facts()["claim_id"])


#: Category names from seeds/hype_categories.csv (and their first two words, "Dramatic metaphors"), which name the
#: lexicon's kinds: they are not the kit's own adjectives.
CATEGORY_NAMES = tuple(dict.fromkeys(name for label in hype_categories()["label"]
                                     for name in (str(label), " ".join(str(label).split()[:2]))))


def voice_problems(sentence: str) -> list[str]:
    problems = []
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(sentence)]
    names = [(m.start(), m.end()) for label in CATEGORY_NAMES
             for m in re.finditer(re.escape(label), sentence, re.I)]
    for find in find_hype(sentence):
        inside = [(s, e) for s, e in quotes if s <= find["start"] and find["end"] <= e]
        if any(s <= find["start"] and find["end"] <= e for s, e in names):
            continue
        if inside and _is_others_words(sentence[inside[0][0] + 1:inside[0][1] - 1]):
            continue
        problems.append(find["text"])
    return problems


def test_every_sentence_the_chapters_write_passes_the_hype_finder():
    found = [(where, hits, sentence[:160]) for where, sentence in all_texts() if (hits := voice_problems(sentence))]
    assert found == [], "\n".join(map(str, found))


@pytest.mark.parametrize("phrase", ["No. 1 in a frenzy", "most dramatic claims", "travelled further than any other",
                                    "plummeted in a bloodbath", "tells you to be shocked", "sounds dramatic"])
def test_the_reviewed_phrases_are_gone(phrase):
    assert all(phrase.casefold() not in text.casefold() for _, text in all_texts())


def test_the_voice_check_would_catch_loaded_wording():
    assert voice_problems("The launch sent shockwaves through the market.") == ["sent shockwaves"]
    assert voice_problems("Article 003 says the release “has sent shockwaves through Silicon Valley”.") == []
    assert voice_problems("A “jaw-dropping” figure, as nobody wrote.") == []  # a lexicon word, mentioned


# --- "not found" is not "does not exist" (A22) ---------------------------------------------------------------

def test_no_sentence_teaches_not_found_as_false():
    found = [(where, sentence[:160]) for where, sentence in all_texts() if FORBIDDEN.search(sentence)]
    assert found == [], "\n".join(map(str, found))


@pytest.mark.parametrize("phrase", ["Quotes nobody can find", "statements nobody could find", "not from any expert",
                                    "no expert estimated this figure", "the credit is simply wrong",
                                    "A reporter's summary was turned into a quotation", "handed to Wang"])
def test_the_reviewed_wordings_are_gone(phrase):
    sources = [page_source(page) for page in PAGES] + [text for _, text in all_texts()]
    assert all(phrase.casefold() not in text.casefold() for text in sources)


# --- A5: article 002 credits "experts" ---------------------------------------------------------------------

def test_every_article_that_mentions_experts_has_a_vague_credit():
    table = seed_attributions()
    for row in load_articles().itertuples():
        if "'experts'" in str(row.sources):
            vague = table[(table["article_id"] == row.id) & (table["class"] == VAGUE)]
            assert vague["credit"].str.contains("experts", case=False).any(), row.id


def test_article_002s_experts_are_counted_in_the_chart_and_the_summary():
    from exercises.chapters.attribution import sources_chart, sources_summary_html

    assert class_counts().loc["002", VAGUE] >= 1
    assert "Vague: article 000 2, article 001 1, article 002 1" in html.unescape(sources_chart().data)
    summary = html.unescape(sources_summary_html().data)
    assert "“impressed experts”" in summary
    assert "credits only one thing" not in page_source("attribution")


def test_the_summary_follows_the_data(data_copy):
    from exercises.chapters.attribution import sources_summary_html

    text = (data_copy / "002_be07d1e7b3099ef1.txt").read_text(encoding="utf-8")
    (data_copy / "002_be07d1e7b3099ef1.txt").write_text(text.replace("has impressed experts", "has done well"),
                                                        encoding="utf-8")
    clear_caches()
    assert "impressed experts" not in sources_summary_html().data
    assert class_counts().loc["002", VAGUE] == 0


# --- A8: exact quotations, placed in the paragraph the page names ------------------------------------------

def test_quotations_beside_a_paragraph_are_in_that_paragraph():
    problems = []
    for page in PAGES:
        source = re.sub(r"```.*?```", "", page_source(page), flags=re.S).replace("\\$", "$").replace("**", "")
        for match in re.finditer(r"“([^”]+)”|\"([^\"\n]+)\"", source):
            following = re.match(r"\s*\(" + PARAGRAPH_LINK.pattern + r"\)", source[match.end():])
            if not following:
                continue
            quote = match.group(1) or match.group(2)
            fragments = [f.strip(" ,.;:") for f in CUT.split(quote) if f.strip(" ,.;:")]
            paragraph = article_paragraphs(following.group(1)).set_index("paragraph").loc[int(following.group(2)),
                                                                                           "text"]
            if find_fragments(fragments, paragraph) is None:
                problems.append((page, quote))
    assert problems == []


def test_article_004_is_not_said_to_credit_the_figure():
    prose = " ".join(page_prose("attribution").split())
    assert "credits the figure to" not in prose
    assert "DeepSeek's team managed this feat with an investment of just $6 million" in prose


# --- A11: the hype model answer states only what the rows support -----------------------------------------

def test_the_hype_model_answer_keeps_the_app_and_the_model_apart():
    from exercises.chapters.hype import rewrite_loud

    answer = rewrite_loud().model_answer
    assert "has been downloaded" not in answer and "topped app-store charts" not in answer
    assert "the app that reached the top" in answer and "model or the free DeepSeek app" in answer
    assert "no source" in answer  # DL-01 is also unverifiable
    assert "in China" in answer and "no source was found for a top place in China" in answer  # DL-02b


def test_the_hype_model_answer_follows_the_fact_sheet(data_copy):
    from exercises.chapters.hype import rewrite_loud

    set_cell(data_copy, "facts.csv", "claim_id", "DL-01", "also", "")
    set_cell(data_copy, "facts.csv", "claim_id", "DL-02a", "verdict", "unverifiable")
    clear_caches()
    answer = rewrite_loud().model_answer
    assert "found no source for the figure" not in answer and "the app that reached the top" not in answer


# --- A15: correct labels are not warning signs; the dropdowns give nothing away -----------------------------

def test_correct_labels_are_not_warning_signs():
    from exercises.chapters.attribution import fix_names

    exercise = fix_names()
    answers = {row.label: key for row, (_, key) in zip(exercise.rows, exercise.correct)}
    by_name = {label.split("” (")[0].strip("“"): key for label, key in answers.items()}
    assert by_name["Marc Andreessen, a prominent venture capitalist"] == "fine"
    assert by_name["AI researcher Jeffrey Hinton"] == "spelling"  # the name, not the label
    assert by_name["Scale AI founder Alexander Wang"] == "spelling"
    assert by_name["Analyst Arnaud Bertrand"] == "relabel"  # ATT-03a: rounded, a loose label
    assert by_name["Investment firm Geiger Capital"] == "check-label"  # ATT-04: no source found


def test_the_options_do_not_name_anyone():
    from solutions.data.people import load_people

    from exercises.chapters.attribution import fix_names

    names = [str(name) for name in load_people()["name"]]
    for option in fix_names().options:
        assert not any(name in option.label for name in names), option.label


def test_the_warning_sign_table_counts_only_what_the_sources_do_not_support():
    from exercises.chapters.attribution import warning_signs_in

    assert "unverified_role" not in warning_signs_in("004")  # Andreessen's label is right (ATT-01)
    signs_003 = warning_signs_in("003")
    assert len(signs_003["unverified_role"]) == 1  # Geiger Capital only; Hinton's label is right (ATT-05a)
    assert "mislabelled" in warning_signs_in("000")


# --- A19: Wang fits exactly one kind ----------------------------------------------------------------------------

def test_wang_is_checkable_by_the_sharpened_definitions():
    from exercises.chapters.attribution import classify_sources

    exercise = classify_sources()
    wang = next(row for row in exercise.rows if "ATT-06b" in row.key)
    assert dict(exercise.correct)[wang.key] == CHECKABLE
    assert not [triple for triple in exercise.also if triple[0] == wang.key]
    assert "ATT-06b, rounded" in wang.feedback and "also rated misattributed" in wang.feedback
    assert attribution_for("ATT-05b")["class"] == UNVERIFIABLE


def test_an_also_unverifiable_verdict_is_accepted_with_its_reason(data_copy):
    from exercises.chapters.attribution import classify_sources

    set_cell(data_copy, "facts.csv", "claim_id", "ATT-06b", "also", "misattributed;unverifiable")
    clear_caches()
    exercise = classify_sources()
    wang = next(row for row in exercise.rows if "ATT-06b" in row.key)
    assert [(row, kind) for row, kind, _ in exercise.also if row == wang.key] == [(wang.key, UNVERIFIABLE)]
    assert exercise.check({**dict(exercise.correct), wang.key: UNVERIFIABLE}).verdict == "correct"


# --- A23: the Wang quotation, as version 2 judges it ----------------------------------------------------------

def test_the_wang_quotation_is_described_as_rounded_and_misattributed():
    for page in PAGES:
        text = page_source(page)
        assert "ATT-06`" not in text  # the version-1 id
        at = text.index("ATT-06b")
        window = text[max(0, at - 700):at + 700]
        assert "rounded" in window and "misattributed" in window


# --- answers printed above their exercise -------------------------------------------------------------------

def _position(cells: list[str], call: str) -> int:
    return next(index for index, code in enumerate(cells) if call in code)


def test_no_table_chart_or_list_sits_above_the_exercise_it_answers():
    cells = cell_order("attribution")
    assert _position(cells, "warning_signs_html()") > _position(cells, "show(warning_signs())")
    assert _position(cells, "sources_chart()") > _position(cells, "show(classify_sources())")
    assert _position(cells, "sources_summary_html()") > _position(cells, "show(classify_sources())")
    prose = page_source("attribution")
    assert prose.index("show(fix_names())") < prose.index('"AI researcher" for Geoffrey Hinton')
    assert prose.index("show(warning_signs())") < prose.index("Only article 004 has a byline")
    cells = cell_order("hype")
    assert _position(cells, "per_thousand_chart()") > _position(cells, "show(per_thousand_question())")
    assert _position(cells, "counts_table_html()") > _position(cells, "show(per_thousand_question())")


def test_the_highlighted_articles_do_not_print_the_rate_per_1000_words():
    from exercises.chapters.hype import highlighted_articles_html

    assert "per 1,000" not in highlighted_articles_html().data


def test_the_table_of_kinds_does_not_print_the_matching_answers():
    from exercises.chapters.hype import categories_table_html, match_categories

    table = html.unescape(categories_table_html().data).casefold()
    for row in match_categories().rows:
        assert row.short.casefold() not in table, row.short


def test_the_classify_rows_are_in_reading_order():
    from exercises.chapters.attribution import classify_sources

    keys = [row.key for row in classify_sources().rows]
    assert keys == sorted(keys, key=lambda key: (key[:3], int(key.split("-")[1])))


# --- reflections praise only what the text does ---------------------------------------------------------------

NONSENSE = ["asdf qwerty", "!!!!!", "<img src=x onerror=alert(1)>", "...", "lorem ipsum dolor"]


@pytest.mark.parametrize("text", NONSENSE)
def test_no_criterion_praises_nonsense(text):
    for exercise in chapter_exercises():
        if exercise.kind != "reflection":
            continue
        for criterion in exercise.criteria:
            assert criterion.any_of, f"{exercise.id}.{criterion.label} can hold on any text"
            assert not criterion.holds(text), (exercise.id, criterion.label)


def test_feedback_names_only_the_loaded_words_in_the_learners_text():
    from exercises.chapters.hype import rewrite_loud

    exercise = rewrite_loud()
    loaded = [f["text"].casefold() for f in find_hype(exercise.original)]
    for criterion in exercise.criteria:
        assert not any(word in (criterion.met + criterion.unmet).casefold() for word in loaded)
    feedback = " ".join(exercise.check("DeepSeek was founded by Liang Wenfeng. It reached the pinnacle.").details)
    assert "pinnacle" in feedback and "groundbreaking" not in feedback and "visionary" not in feedback
    feedback = " ".join(exercise.check("DeepSeek was founded by Liang Wenfeng.").details)
    assert not any(word in feedback.casefold() for word in loaded)


def test_the_experts_criterion_needs_the_real_source():
    from exercises.chapters.attribution import rewrite_experts

    (who,) = [c for c in rewrite_experts().criteria if c.label == "who"]
    assert who.holds("DeepSeek's report puts it at $5.576 million.")
    assert not who.holds("asdf qwerty") and not who.holds("Industry experts at DeepSeek estimate it.")


# --- facts cited to the rows that hold them ---------------------------------------------------------------------

def test_numbers_in_sentences_citing_a_fact_are_in_that_fact_or_the_paragraph():
    problems = []
    for page in PAGES:
        text = re.sub(r"```.*?```", "\n\n", page_source(page), flags=re.S)
        for sentence in sentences(text):
            facts = [m.group(2) for m in ROLE.finditer(sentence) if m.group(1) == "fact"]
            if not facts:
                continue
            haystack = " ".join(fact_text(claim_id) for claim_id in facts)
            for m in ROLE.finditer(sentence):
                if m.group(1) == "para":
                    article, number = m.group(2).split(" ¶")
                    haystack += " " + article_paragraphs(article).set_index("paragraph").loc[int(number), "text"]
            plain = ROLE.sub("", sentence).replace("\\$", "$")
            for number in re.findall(r"\d[\d,.]*\d|\d", plain):
                number = number.rstrip(".")
                if number not in haystack and number.replace(",", "") not in haystack.replace(",", ""):
                    problems.append((page, number, plain[:120]))
    assert problems == []


def test_pages_cite_only_version_2_rows():
    for page in PAGES:
        for claim_id in FACT_LINK.findall(page_source(page)):
            fact(claim_id)  # a split or unknown id raises KeyError


def test_people_rows_state_only_numbers_their_fact_row_holds():
    people = pd.read_csv(REPO_ROOT / "seeds" / "people.csv", dtype=str,
                         keep_default_na=False)
    for row in people.itertuples():
        held = fact_text(row.claim_id)
        for field in (row.role, row.note):
            plain = re.sub(r"\b[A-Z]+-\d+[a-z]?\b|\bseeds? \d{3}(?: and \d{3})?\b|\(\d{3}(?:; \d{3})?\)", "", field)
            for number in re.findall(r"\d+", plain):
                assert number in held, (row.name, number)


# --- what the hype page says about the counts, held by the data ------------------------------------------------

def test_the_hype_pages_statements_about_the_counts_hold():
    from solutions.analyser.hype import default_weights
    from solutions.chapters.loudness import all_finds, article_hype_table, categories, paragraph_finds

    table = article_hype_table().set_index("article_id")
    prose = page_prose("hype")
    assert "more than 4,500 word forms" in prose and len(lexicon_forms()) > 4500
    assert table["market_verb"].sum() == 0 and table["booster"].sum() == 0  # "Two kinds never appear"
    leaders = {a for a in table.index if table.loc[a, "metaphor"] == max(table.loc[a, c] for c in categories())}
    assert "most common kind in four of the five" in prose and len(leaders) == 4 and "002" not in leaders
    praise = {f["text"] for f in paragraph_finds("002") if f["category"] == "evaluation"}
    assert {"pushing the boundaries", "testament to"} <= praise  # the two phrases the page quotes
    assert all(table.loc["000", c] >= table[c].max() for c in categories())
    weights = default_weights()
    assert weights["clickbait"] == 2 and {weights[c] for c in ("metaphor", "conflict", "market_verb")} == {1.5}
    assert {weights[c] for c in ("intensifier", "evaluation", "booster")} == {1.0}
    counts = all_finds().groupby(["article_id", "paragraph"]).size()
    assert counts.idxmax() == ("000", 7)  # "The loudest paragraph … is in article 000"
    assert [f["paragraph"] for f in paragraph_finds("000") if f["text"] == "Titan"] == [1, 2]


def test_moving_one_slider_moves_three_of_the_four_below_first_place():
    from solutions.chapters.loudness import never_lower, ranking_moves

    from exercises.chapters.hype import REWEIGHED_CATEGORY, weight_explorer

    prose = page_prose("hype")
    explorer = weight_explorer()
    before = explorer.ranking()
    after = explorer.ranking({**explorer.defaults(), REWEIGHED_CATEGORY: explorer.minimum})
    moves = ranking_moves(before, after)
    assert "moved three of the four articles below first place" in prose
    assert len(moves) == 3 and before[0] not in moves and moves["002"][0] == 2  # "Article 002's second place"
    # "Article 004 also stays above article 001 … The rest of the order depends on the weights."
    items = {item.key: item for item in explorer.items}
    holds = {(a, b) for a in items for b in items if a != b and never_lower(
        dict(items[a].counts), items[a].words, dict(items[b].counts), items[b].words)}
    assert holds == {("000", b) for b in items if b != "000"} | {("004", "001")}


def test_the_attribution_pages_statements_about_the_articles_hold():
    from solutions.chapters.provenance import article_provenance

    signals = {a: {s["signal"] for s in article_provenance(a)} for a in article_ids()}
    assert [a for a in article_ids() if "missing_byline" not in signals[a]] == ["004"]
    assert [a for a in article_ids() if "missing_date" not in signals[a]] == ["003"]
    assert len(re.findall(r"\[\d\]", article_text("003"))) == 18  # "eighteen times"
    counts = class_counts()
    named = counts[[CHECKABLE, UNVERIFIABLE, "self-reported"]].sum(axis=1)
    assert named["003"] > named["004"]  # "article 004 names fewer sources"
    table = seed_attributions()
    experts = table[(table["article_id"] == "004") & table["credit"].str.contains("xperts")]
    assert len(experts) == 2  # "credits 'experts' twice"
    ids = ["ATT-03b", "ATT-05b", "COST-07", "ATT-09b"]  # "The fact sheet rates four of these unverifiable"
    assert [str(fact(claim_id)["verdict"]) for claim_id in ids] == ["unverifiable"] * 4
    for credit in ("impressed experts", "In third-party benchmark tests", "perceived as"):
        assert table.loc[table["credit"] == credit, "class"].tolist() == [VAGUE]


# --- fact-check of the built book (second review) --------------------------------------------------------------

def _option(exercise, key):
    return next(option for option in exercise.options if option.key == key)


def _cell(markup: str, sign_label: str, article_id: str) -> str:
    """The text of one cell of the warning-signs table: the row of a sign, the column of an article."""
    row = re.search(rf"<tr><th[^>]*>{re.escape(html.escape(sign_label))}</th>(.*?)</tr>", markup).group(1)
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
    return cells[list(article_ids()).index(article_id)]


def test_a_relabelled_result_is_an_either_answer_with_the_fact_sheets_reason():
    """Finding 1: TECH-07 is also misattributed ('third-party' most likely relabels DeepSeek's own results)."""
    from solutions.data.facts import verdict_reasons

    from exercises.chapters.attribution import RELABELLED_SIGN, SIGN_LABELS, warning_signs, warning_signs_html

    exercise = warning_signs()
    assert RELABELLED_SIGN in exercise.either and RELABELLED_SIGN not in exercise.correct
    feedback = _option(exercise, RELABELLED_SIGN).feedback
    assert "TECH-07" in feedback and "003 ¶9" in feedback and "Not in article" not in feedback
    assert "most likely relabels the company's own results" in verdict_reasons("TECH-07")["misattributed"]
    assert "most likely relabels the company's own results" in feedback
    shown = set(exercise.correct)
    assert exercise.check(sorted(shown)).verdict == "correct"
    assert exercise.check(sorted(shown | {RELABELLED_SIGN})).verdict == "correct"
    assert "TECH-07" in exercise.explanation
    table = warning_signs_html().data
    assert _cell(table, SIGN_LABELS[RELABELLED_SIGN], "003") == "arguable: TECH-07"
    assert _cell(table, SIGN_LABELS[RELABELLED_SIGN], "000") == "yes"
    assert "most likely relabels the company" in html.unescape(table)


def test_the_relabelled_sign_follows_the_fact_sheet(data_copy):
    from exercises.chapters.attribution import RELABELLED_SIGN, SIGN_LABELS, warning_signs, warning_signs_html

    set_cell(data_copy, "facts.csv", "claim_id", "TECH-07", "also", "")
    clear_caches()
    exercise = warning_signs()
    assert RELABELLED_SIGN not in exercise.either | exercise.correct
    assert _cell(warning_signs_html().data, SIGN_LABELS[RELABELLED_SIGN], "003") == "–"
    set_cell(data_copy, "facts.csv", "claim_id", "TECH-07", "verdict", "misattributed")
    clear_caches()
    exercise = warning_signs()  # misattributed as the main verdict: the sign is there
    assert RELABELLED_SIGN in exercise.correct and RELABELLED_SIGN not in exercise.either
    assert _cell(warning_signs_html().data, SIGN_LABELS[RELABELLED_SIGN], "003") == "yes"


def test_a_relabelled_result_needs_the_companys_own_document(data_copy):
    from exercises.chapters.attribution import RELABELLED_SIGN, warning_signs

    set_cell(data_copy, "facts.csv", "claim_id", "TECH-07", "source_title", "Fortune")
    clear_caches()
    assert RELABELLED_SIGN not in warning_signs().either


def _misspelled_words() -> list[str]:
    """The words of the register's variant spellings that are misspellings ("Alexander", "Jeffrey")."""
    from solutions.data.people import is_misspelling, load_people

    words = []
    for row in load_people().itertuples():
        for variant in str(row.variants).split("|"):
            if variant.strip() and is_misspelling(variant.strip(), str(row.name)):
                words += [word for word in variant.split() if word not in str(row.name).split()]
    return list(dict.fromkeys(words))


def _outside_quotes(sentence: str, word: str) -> bool:
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(sentence)]
    return any(not any(s <= m.start() and m.end() <= e for s, e in quotes)
               for m in re.finditer(rf"\b{re.escape(word)}\b", sentence))


def test_misspelled_names_appear_only_inside_quotations():
    """Finding 2: the kit names people in its own voice as the register spells them (Alexandr, Geoffrey)."""
    from solutions.data.people import load_people

    words = _misspelled_words()
    assert {"Alexander", "Jeffrey"} <= set(words)
    texts = list(all_texts())
    people = load_people()
    texts += [(f"people.csv {row.name}", sentence) for row in people.itertuples()
              for field in (row.role, row.note) for sentence in sentences(str(field))]
    found = [(where, word, sentence[:160]) for where, sentence in texts for word in words
             if _outside_quotes(sentence, word)]
    assert found == [], "\n".join(map(str, found))
    assert _outside_quotes("The quotation marks suggest that Alexander Wang said these words.", "Alexander")
    assert not _outside_quotes("The check finds “Alexander Wang” for Alexandr Wang.", "Alexander")


def test_the_flagged_explanation_is_built_from_the_options():
    """Finding 3: "as tech stocks tumbled" is neither a move with its size, nor a hedge, nor a checkable fact."""
    from exercises.chapters.hype import FLAG_CANDIDATES, flagged_phrases

    exercise = flagged_phrases()
    flagged, _, rest = exercise.explanation.partition("Flagged: ")
    flagged, _, not_flagged = rest.partition("Not flagged: ")
    for article, paragraph, phrase, what, _, _ in FLAG_CANDIDATES:
        key = f"{article}-{paragraph}"
        assert f"“{phrase}” ({what})" in (flagged if key in exercise.correct else not_flagged), phrase
        assert what[:1].upper() + what[1:] in _option(exercise, key).feedback
    assert "report a move with its size" not in exercise.explanation
    tumbled = next(c for c in FLAG_CANDIDATES if c[2] == "as tech stocks tumbled")
    assert "with no size" in tumbled[3]


def test_the_flagged_explanation_follows_the_word_list(data_copy):
    from support.perturbations.hype import delete_lexicon_row

    from exercises.chapters.hype import flagged_phrases

    delete_lexicon_row(data_copy, "a mere")
    clear_caches()
    explanation = flagged_phrases().explanation
    assert explanation.index("“at a mere $6 million”") > explanation.index("Not flagged: ")


def test_the_microsoft_and_benchmark_credit_is_counted_as_two_sources():
    """Finding 4: Microsoft's part (ATT-09a, accurate) is checkable; Benchmark's (ATT-09b) unverifiable."""
    from exercises.chapters.attribution import attribution_table_html, sources_chart, sources_summary_html

    assert attribution_for("ATT-09a")["class"] == CHECKABLE and attribution_for("ATT-09b")["class"] == UNVERIFIABLE
    counts = class_counts()
    assert counts.loc["003", CHECKABLE] == 3 and counts.loc["003", UNVERIFIABLE] == 3
    chart = html.unescape(sources_chart().data)
    assert "Named and checkable: article 000 0, article 001 1, article 002 0, article 003 3" in chart
    assert "could not find: article 003 (3)" in chart
    summary = html.unescape(re.sub(r"<[^>]+>", "", sources_summary_html().data))
    assert "“Industry experts from Microsoft and Benchmark are urging” for Microsoft" in summary
    assert "“Industry experts from Microsoft and Benchmark are urging” for Benchmark" in summary
    table = html.unescape(re.sub(r"<[^>]+>", " ", attribution_table_html("003")))
    assert "This row: Microsoft" in table and "This row: Benchmark" in table


def test_the_ceos_credit_accepts_vague_with_a_reason():
    """Finding 5: 002 ¶9 names the CEO only by role; the hint's first question taken literally gives vague."""
    from exercises.chapters.attribution import classify_sources

    exercise = classify_sources()
    ceo = next(row for row in exercise.rows if row.key.endswith("GPU-07"))
    assert dict(exercise.correct)[ceo.key] == "self-reported"
    ((why,),) = [[why] for row, kind, why in exercise.also if row == ceo.key and kind == VAGUE]
    assert "Liang Wenfeng" in why and "002 ¶2" in why and "Self-reported" in why
    answers = dict(exercise.correct)
    assert exercise.check({**answers, ceo.key: VAGUE}).verdict == "correct"
    assert exercise.check({**answers, ceo.key: CHECKABLE}).verdict != "correct"
