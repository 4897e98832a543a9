"""Quotes and who said them, by the labelling conventions: every quote in the five seeds, then text written
for these tests (nested quotes, apostrophes, quotes across sentences and paragraphs, attributions before,
after and inside a quote, unbalanced marks and scare quotes)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from solutions.analyser.quotes import block_index, context as quote_context
from solutions.data.articles import article_ids, article_text
from solutions.analyser.attribution import vague_attributions
from solutions.analyser.quotes import extract_quotes, quoted_passages

KEYS = {"quote", "start", "end", "speaker", "speaker_role", "vague_attribution", "attribution", "confidence", "check"}

#: Every quote in the five seed articles: (article, quote, speaker, role, vague attribution).
SEED_QUOTES = [
    ("000", "This profoundly alters the competitive landscape", "Arnaud Bertrand", "Analyst", False),
    ("003", "panic mode", None, "Meta employees", True),
    ("003", "very, very seriously", "Satya Nadella", "Microsoft CEO", False),
    ("003", "change everything", "Alexander Wang", "Scale AI founder", False),
    ("004", "AI's Sputnik moment", "Marc Andreessen", "a prominent venture capitalist", False),
]


def rows(text: str) -> list[tuple]:
    return [(q["quote"], q["speaker"], q["vague_attribution"]) for q in extract_quotes(text)]


def quotes_only(text: str) -> list[str]:
    return [q["quote"] for q in extract_quotes(text)]


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_every_seed_quote_is_found_with_its_speaker(article):
    expected = [row[1:] for row in SEED_QUOTES if row[0] == article]
    found = [(q["quote"], q["speaker"], q["speaker_role"], q["vague_attribution"])
             for q in extract_quotes(article_text(article))]
    assert found == expected


def test_the_seed_table_covers_all_five_articles():
    assert sorted(article_ids()) == ["000", "001", "002", "003", "004"]


def test_seed_scare_quotes_and_titles_are_left_out():
    text = article_text("004")
    assert "mixture of experts" in text and "mixture of experts" not in quotes_only(text)
    assert "Chinese AI start-up DeepSeek challenges US tech giants" not in quotes_only(text)


def test_seed_quote_offsets_and_attribution_spans_point_into_the_text():
    for article in article_ids():
        text = article_text(article)
        for quote in extract_quotes(text):
            assert set(quote) == KEYS
            assert text[quote["start"]:quote["end"]] == quote["quote"]
            span = quote["attribution"]
            assert span is not None and text[span["start"]:span["end"]] == span["text"]


def test_the_hedge_is_the_attribution_of_an_unnamed_quote():
    (panic,) = [q for q in extract_quotes(article_text("003")) if q["quote"] == "panic mode"]
    assert panic["attribution"]["text"] == "reportedly"


# --- attribution after, before and in the middle -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # after the quote, either word order, with an appositive role and with adverbials
    ('"We are not worried," said Sam Altman, the OpenAI chief.', [("We are not worried", "Sam Altman", False)]),
    ('"Demand is strong," Lisa Su, the chief executive of AMD, told reporters on Tuesday.',
     [("Demand is strong", "Lisa Su", False)]),
    ('\u201cWe expect compliance,\u201d the Ministry of Trade said in a statement.',
     [("We expect compliance", "Ministry of Trade", False)]),
    ('"The model is cheap to run," according to Wedbush analyst Dan Ives.',
     [("The model is cheap to run", "Dan Ives", False)]),
    # before the quote: a colon, a speech verb, "according to", a label with "by"
    ('Jensen Huang, chief executive of Nvidia, told reporters: "Demand is stronger than ever."',
     [("Demand is stronger than ever.", "Jensen Huang", False)]),
    ('Meta chief AI scientist Yann LeCun wrote that open models were "surpassing proprietary ones."',
     [("surpassing proprietary ones.", "Yann LeCun", False)]),
    ('According to Gina Raimondo, the rules are "working as intended."',
     [("working as intended.", "Gina Raimondo", False)]),
    ('The launch was labelled "a Sputnik moment" by Marc Andreessen, an investor.',
     [("a Sputnik moment", "Marc Andreessen", False)]),
    # a split quote: the attribution sits in the middle
    ('"We expect prices to fall," Priya Raman said, "and demand to double."',
     [("We expect prices to fall", "Priya Raman", False), ("and demand to double.", "Priya Raman", False)]),
    # a later bare surname or pronoun resolves to the full name given earlier
    ('Scale AI chief executive Alexandr Wang spoke on Thursday. "It is an earth-shattering model," Wang said. '
     '"They have more chips than people think," he added.',
     [("It is an earth-shattering model", "Alexandr Wang", False),
      ("They have more chips than people think", "Alexandr Wang", False)]),
    # an organisation speaking, and a description ("the firm") pointing back to it
    ('Lumen Labs, a research firm, published a note. The firm said the budget was "far above what was claimed."',
     [("far above what was claimed.", "Lumen Labs", False)]),
    # unnamed sources are vague
    ('"The gap is closing," one analyst said, declining to be named.', [("The gap is closing", None, True)]),
    ('A person familiar with the matter said the talks were "basically over."', [("basically over.", None, True)]),
    ('"It will not last," they said.', [("It will not last", None, True)]),
    # chatbot output is quoted speech too
    ('Asked about the war, the DeepSeek chatbot replied: "Sorry, that is beyond my current scope."',
     [("Sorry, that is beyond my current scope.", "DeepSeek", False)]),
    # a quote block followed by a dash line naming its author
    ('"Open models will win in the long run, and this proves it."\n\n- Ada Novak, CEO of Lumen Labs',
     [("Open models will win in the long run, and this proves it.", "Ada Novak", False)]),
])
def test_attribution_is_found_before_after_and_in_the_middle(text, expected):
    assert rows(text) == expected


def test_roles_come_from_the_text():
    found = extract_quotes('"This is huge," wrote Ada Novak, CEO of Lumen Labs, on X. '
                           'Analyst Arnaud Bertrand called it "a turning point."')
    assert [(q["speaker"], q["speaker_role"]) for q in found] == [
        ("Ada Novak", "CEO of Lumen Labs"), ("Arnaud Bertrand", "Analyst")]


def test_the_attribution_span_names_the_source_phrase():
    text = '"It is cheap," said Dan Ives of Wedbush.'
    (quote,) = extract_quotes(text)
    assert quote["speaker"] == "Dan Ives"
    assert quote["attribution"]["text"] == "Dan Ives of Wedbush"
    assert text[quote["attribution"]["start"]:quote["attribution"]["end"]] == "Dan Ives of Wedbush"


def test_a_quote_takes_the_speaker_of_another_quote_in_its_sentence():
    text = 'Cleaning "web text" takes "months of careful work," the Lumen Labs team wrote.'
    assert rows(text) == [("web text", "Lumen Labs", False), ("months of careful work", "Lumen Labs", False)]


def test_a_quote_ending_its_sentence_shares_nothing_with_the_next_sentence():
    text = 'Lumen Labs called it "a fine result." The "open" weights, "surprisingly," came out late.'
    assert rows(text) == [("a fine result.", "Lumen Labs", False)]


def test_a_quote_paragraph_continues_the_speaker_of_the_quote_paragraph_before():
    text = ('"Our inspectors visit every port," the Harbour Authority said.\n\n'
            '"Nothing leaves without a licence, and nothing will."')
    assert rows(text) == [("Our inspectors visit every port", "Harbour Authority", False),
                          ("Nothing leaves without a licence, and nothing will.", "Harbour Authority", False)]


def test_an_unattributed_speech_paragraph_is_a_vague_quote():
    text = 'The report set out the costs.\n\n"Nobody budgets for the failed runs, and there are many of th'
    assert rows(text) == [("Nobody budgets for the failed runs, and there are many of th", None, True)]


def test_the_asker_of_a_question_is_not_the_one_who_answers():
    text = 'When asked "What happened in 1989?", DeepSeek responded: "I cannot answer that."'
    assert rows(text) == [("What happened in 1989?", None, True), ("I cannot answer that.", "DeepSeek", False)]


# --- quotes across sentences and paragraphs, nested quotes, unbalanced marks ----------------------------

def test_a_quote_can_span_sentences():
    text = '"It is fast. It is cheap. It is open," Ada Novak said.'
    assert rows(text) == [("It is fast. It is cheap. It is open", "Ada Novak", False)]


def test_a_new_paragraph_opening_with_a_mark_continues_an_open_quote():
    """Each paragraph of the quotation is its own quote, all with the speaker of the run (the conventions)."""
    text = '"We will keep hiring.\n\n"We will keep building," the company\'s founder, Lena Park, said.'
    assert rows(text) == [("We will keep hiring.", "Lena Park", False), ("We will keep building", "Lena Park", False)]


def test_single_quotes_nested_in_double_quotes_stay_inside():
    text = '"People say \'China is winning.\' That is the wrong reading," Yann LeCun wrote.'
    assert rows(text) == [("People say 'China is winning.' That is the wrong reading", "Yann LeCun", False)]


def test_curly_and_single_quotes_are_quotes():
    text = "Satya Nadella said to take it \u2018very, very seriously\u2019. 'We will,' he said."
    assert rows(text) == [("very, very seriously", "Satya Nadella", False), ("We will", "Satya Nadella", False)]


def test_a_quote_left_open_at_the_end_runs_to_the_end():
    text = 'Lumen Labs said in its filing that: \u201cmost of the new servers were bought in'
    assert rows(text) == [("most of the new servers were bought in", "Lumen Labs", False)]


@pytest.mark.parametrize("text", ['"', "'", '""', "''", '"\u201d\u201c', '\u201c\u201c\u201c', 'a "b', "x' y'",
                                  '"\n"\n"', '\u2019\u2018\u2019', "'n'", '" said he "'])
def test_unbalanced_marks_never_crash(text):
    for quote in extract_quotes(text):
        assert text[quote["start"]:quote["end"]] == quote["quote"]


def test_a_stray_mark_does_not_swallow_the_next_paragraph():
    text = 'He is 6\'2" tall.\n\n"We are ready," Ada Novak said.'
    assert ("We are ready", "Ada Novak", False) in rows(text)


# --- apostrophes are not quotation marks ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "DeepSeek's model and Nvidia\u2019s chips don't change the U.S.'s plans.",  # possessives, contractions
    "The students' work and the investors' money matter.",                       # plural possessives
    "It felt like the '90s and the \u201990s, rock 'n' roll all over again.",     # years, 'n'
    "Rock 'n' roll, 'em, 'til dawn: the labs' budgets grew in '24.",
])
def test_apostrophes_are_not_quotes(text):
    assert extract_quotes(text) == []
    assert quoted_passages(text) == []


def test_a_plural_possessive_inside_a_single_quote_does_not_end_it():
    text = "'The analysts' numbers are wrong,' said Ada Novak."
    assert rows(text) == [("The analysts' numbers are wrong", "Ada Novak", False)]


# --- scare quotes, terms and titles are left out --------------------------------------------------------

@pytest.mark.parametrize("text", [
    'The lab uses a "mixture of experts" design.',
    'It released "distilled" versions of the model.',
    'The so-called "DeepSeek moment" dominated the week.',
    'In the test, "Humanity\'s Last Exam"-designed by professors-the model did well.',
    'The book, titled "The Cost of Intelligence", came out in May.',
    'Its "open weights" approach lets anyone download it.',
    'Developers have built over 500 "derivative" models, Clem Delangue announced.',
    'The term "distillation" refers to training a small model on a big one.',
])
def test_scare_quotes_and_titles_are_left_out(text):
    assert extract_quotes(text) == []


def test_a_quoted_headline_repeated_in_the_text_is_a_title():
    text = 'Chinese lab challenges US giants\n\nSome text.\n\nPost a Comment for "Chinese lab challenges US giants"'
    assert extract_quotes(text) == []


def test_a_single_quoted_phrase_in_a_headline_is_a_quote():
    text = "Investors in 'wait and see' mode as chip rules tighten\n\nBody text follows here."
    assert rows(text) == [("wait and see", None, True)]


# --- properties -----------------------------------------------------------------------------------------

_PIECES = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\n", "\n\n", " ", ", ", ". ", ": ",
                           " said ", " he said", "Wang", " Ada Novak ", " according to ", " the firm ", " it ",
                           "reportedly", "'90s", " rock 'n' roll ", "DeepSeek's", "U.S.", "\u2014", "-", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join))
@example('"reportedly, , ')  # an open quote whose text ends in two commas
def test_never_raises_and_offsets_are_valid(text):
    found = extract_quotes(text)
    starts = [quote["start"] for quote in found]
    assert starts == sorted(starts)
    for quote in found:
        assert set(quote) == KEYS
        assert 0 <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"]:quote["end"]] == quote["quote"]
        assert not quote["quote"].endswith(",")
        assert isinstance(quote["vague_attribution"], bool)
        span = quote["attribution"]
        if span is not None:
            assert text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("value", [None, 42, b'"bytes"', ""])
def test_non_text_and_empty_input_give_no_quotes(value):
    assert extract_quotes(value) == []


# --- crowded quotes: each stretch of text read a bounded number of times ---------------------------------
# Around each quote the analyser asks where the sentence starts and ends, which verb attributes it and whether
# a hedge is near. Where quotes crowd together it indexes a block of text once instead of re-reading it for
# every quote; both ways must give the same answers.

def _reading(text: str) -> quote_context.QuoteContext:
    """A context that always reads the stretch asked about (never the index)."""
    context = quote_context.QuoteContext(text)
    for blocks in (context.stop_index, context.cue_index, context.anchor_index):
        blocks.ask = lambda start, end: False
    return context


def _indexed(text: str) -> quote_context.QuoteContext:
    """A context that answers every question from its index."""
    context = quote_context.QuoteContext(text)
    for blocks in (context.stop_index, context.cue_index, context.anchor_index):
        def index_all(start, end, blocks=blocks):
            for number in blocks.block_numbers(start, end):
                low, size = number * block_index.BLOCK_SIZE, block_index.BLOCK_SIZE
                blocks.block_columns.setdefault(number, blocks.scan(low, min(blocks.length, low + size)))
            return True
        blocks.ask = index_all
    return context


_WORDS = st.sampled_from([
    "said", "Said", "SAYS", "according", "to", "it", "put", "input", "tomorrow", "item", "unsaid", "saying",
    "told", "stating", "the", "Mr.", "U.S.", "No.", "J.", "...", "!!", "?", "\u2026", ".\u201d", "'", '"', "\n",
    "\n\n", "  ", "\t", "experts", "reportedly", "rumored", "is said to", "..", ". ", "?!", "e.g.", ")", "\u2019",
    "put it", "according to", "accordingto", "to.", "said.", "TO", "\u00e9", "\u4e2d", "1.", ", ", "-"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=120).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TEXT, st.data())
def test_the_index_answers_exactly_as_reading_does(monkeypatch_block_size, text, data):
    reading, indexed = _reading(text), _indexed(text)
    for _ in range(10):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(0, len(text)))
        low, high = min(start, end), max(start, end)
        assert indexed.last_cue(low, high) == reading.last_cue(low, high)
        assert indexed.first_speech_verb(low, high) == reading.first_speech_verb(low, high)
        assert indexed.sentence_start(high, low) == reading.sentence_start(high, low)
        assert indexed.sentence_start(start, end) == reading.sentence_start(start, end)
        assert indexed.sentence_end(low, high) == reading.sentence_end(low, high)
        assert indexed.has_sentence_end(start, end) == reading.has_sentence_end(start, end)
        if vague_attributions(text[low:high]):
            assert indexed.may_hedge(low, high)


@pytest.fixture
def monkeypatch_block_size(monkeypatch):
    """Blocks of 32 characters, so that texts of a few hundred characters cross many block edges."""
    monkeypatch.setattr(block_index, "BLOCK_SIZE", 32)


def test_crowded_quotes_read_each_character_a_few_times(monkeypatch):
    read = {"characters": 0}
    ask = block_index.BlockIndex.ask

    def counting_ask(blocks, start, end):
        answered = ask(blocks, start, end)
        if not answered:  # the question reads start:end itself
            read["characters"] += max(0, end - start)
        return answered

    def counting(scan):
        def wrapped(context, low, high):
            read["characters"] += high - low
            return scan(context, low, high)
        return wrapped

    monkeypatch.setattr(block_index.BlockIndex, "ask", counting_ask)
    for name in ("scan_stops", "scan_cues", "scan_anchors"):
        monkeypatch.setattr(quote_context.QuoteContext, name, counting(getattr(quote_context.QuoteContext, name)))
    text = "a' 'b " * 10000  # a quote every six characters, each asking about 600 characters around it
    assert extract_quotes(text) == []
    # Reading 600 characters around every quote would read each character about 200 times; indexing reads
    # each block once, after questions have read it twice over: about three times per index, three indexes.
    assert read["characters"] <= 10 * len(text)


def test_a_long_run_of_marks_between_quotes_is_read_once(monkeypatch):
    calls = {"match": 0}
    stop = quote_context.SENTENCE_STOP

    class CountingStop:
        def match(self, *args):
            calls["match"] += 1
            return stop.match(*args)

    monkeypatch.setattr(quote_context, "SENTENCE_STOP", CountingStop())
    text = "\u201cYes,\u201d Wang said " + "." * 50000 + " \u201cNo,\u201d he said " + "!" * 50000 + " x"
    assert [quote["quote"] for quote in extract_quotes(text)] == ["Yes", "No"]
    assert calls["match"] <= 20  # one try per run of marks and question, not one per mark
