"""One article of a batch, as table rows: a pure function from an article's name and text to its item rows and its
summary row, so a folder of articles maps onto any batch engine (a process pool here; Spark, Dask or a job array
beyond one machine).

:func:`article_rows` is the pure part: text in, rows out, nothing read or written. :func:`file_rows` reads one file
with the command's limits (:func:`~.cli_input.read_text_file`) and turns any problem into a summary row whose
``status`` says why the file was skipped, so one bad file never stops a batch.

Every row is a tuple in the order of :data:`ITEM_COLUMNS` or :data:`SUMMARY_COLUMNS`; numbers stay numbers and a
missing value is ``None`` (an empty cell).
"""

from __future__ import annotations

import math

from solutions.analyser.analysis import SECTIONS, analyze_text
from solutions.analyser.cli_input import InputError, read_text_file
from solutions.analyser.cli_output import printable
from solutions.analyser.hype_lexicon import default_weights
from solutions.analyser.hype_scoring import hype_score
from solutions.analyser.text import count_words

#: One row per item found: which article and section, the item's text and, where the section has them, its value,
#: unit, kind (a figure's kind, a hype phrase's category), speaker and offsets, and the analyser's confidence and
#: what to check (empty when the analyser does not give them).
ITEM_COLUMNS = ("article", "section", "text", "value", "value_high", "unit", "kind", "speaker", "start", "end",
                "confidence", "check")
#: One row per file: its size, what was found, the hype score, and whether it was analysed or why it was skipped.
SUMMARY_COLUMNS = ("article", "characters", "words", "figures", "quotes", "quotes_with_named_speaker",
                   "vague_attributions", "hype_phrases", "hype_per_1000_words", "status", "error")
#: The ``status`` of an analysed file and of a skipped one.
ANALYSED, SKIPPED = "analysed", "skipped"
#: Decimal places kept for the hype score: enough to rank, few enough to read.
_SCORE_DECIMALS = 2


def _item_row(article: str, section: str, item: dict) -> tuple:
    if section == "figures":
        text, kind = item.get("text"), item.get("kind")
    elif section == "quotes":
        text, kind = item.get("quote"), None
    else:
        text, kind = item.get("text"), item.get("category")
    return (article, section, text, item.get("value"), item.get("value_high"), item.get("unit"), kind,
            item.get("speaker"), item.get("start"), item.get("end"), item.get("confidence"), item.get("check"))


def named_speaker(quote: dict) -> bool:
    """Whether a quote is credited to someone named (a person or an organisation), not to a vague source."""
    return bool(quote.get("speaker")) and not quote.get("vague_attribution")


def hype_per_thousand_words(phrases: list[dict], words: int) -> float | None:
    """The kit's hype score: hype phrases weighted by category (``seeds/hype_categories.csv``) per 1,000 words.

    The same score the chapter "Check an article yourself" shows, rounded to two decimals; a phrase of a category
    the weights do not name (none today) is not counted.
    """
    counts = {category: 0 for category in default_weights()}
    for phrase in phrases:
        if phrase.get("category") in counts:
            counts[phrase["category"]] += 1
    score = hype_score(counts, words)
    return round(score, _SCORE_DECIMALS) if math.isfinite(score) else None


def summary_row(article: str, text: str, result: dict) -> tuple:
    """The summary row of an analysed article."""
    words = count_words(text)
    quotes = result["quotes"]
    return (article, len(text), words, len(result["figures"]), len(quotes), sum(map(named_speaker, quotes)),
            len(result["vague_attributions"]), len(result["hype_phrases"]),
            hype_per_thousand_words(result["hype_phrases"], words), ANALYSED, None)


def skipped_row(article: str, reason: str) -> tuple:
    """The summary row of a file that was not analysed, with the reason."""
    return (article, None, None, None, None, None, None, None, None, SKIPPED, reason)


def article_rows(article: str, text: str) -> tuple[list[tuple], tuple]:
    """The item rows and the summary row of one article: pure, so any batch engine can map it over articles."""
    result = analyze_text(text)
    rows = [_item_row(article, section, item) for section in SECTIONS for item in result[section]]
    return rows, summary_row(article, text, result)


def _describe(error: BaseException) -> str:
    try:
        detail = str(error)[:200]
    except Exception:  # an exception whose message cannot be made
        detail = "no message"
    return f"internal error ({type(error).__name__}: {detail}); please report it"


def file_rows(path: str, name: str) -> tuple[list[tuple], tuple]:
    """Read ``path`` and return :func:`article_rows`, or no rows and a skipped summary row saying why.

    ``name`` is the file's name in its folder; the rows give it with control characters and bytes that are not
    UTF-8 shown as escapes (``bad\\nname.txt``, ``caf\\udce9.txt``), so every name can be written to a CSV file.
    """
    article = printable(name)
    try:
        text = read_text_file(path, shown_as=name)
    except InputError as error:
        return [], skipped_row(article, str(error))
    try:
        return article_rows(article, text)
    except Exception as error:  # an analyser bug on one article skips that article, not the batch
        return [], skipped_row(article, _describe(error))


def files_rows(paths_and_names: list[tuple[str, str]]) -> list[tuple[list[tuple], tuple]]:
    """:func:`file_rows` for each ``(path, name)``: one task of a process pool, so small files share its cost."""
    return [file_rows(path, article) for path, article in paths_and_names]


__all__ = ["ANALYSED", "ITEM_COLUMNS", "SKIPPED", "SUMMARY_COLUMNS", "article_rows", "file_rows", "files_rows",
           "hype_per_thousand_words", "named_speaker", "skipped_row", "summary_row"]
