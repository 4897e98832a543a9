"""An article as the analyser reads it, in HTML: the text with its figures, quotes, vague attributions and loaded
wording marked, a table of each, and the checking questions the kit teaches, asked of this text.

:func:`article_view_html` is the view (a fragment that carries its own ``<style>``); :func:`report_page_html` wraps
it in one self-contained offline page (inline style, no script, a Content-Security-Policy that forbids loading
anything, dark mode from ``prefers-color-scheme``), which ``python -m solutions analyze FILE --html OUT.html``
writes. Both are pure: text in, HTML out.

Every character of the text is escaped; invisible controls that could reorder or hide what a reader sees (C0 and
C1 controls other than tab and line breaks, bidirectional marks, embeddings, overrides and isolates, line and
paragraph separators, lone surrogates) are shown as a visible ``U+XXXX`` token instead. Marks that overlap are
nested: at one position the longer mark opens first (on equal length a quote encloses a vague attribution, which
encloses loaded wording, which encloses a figure), and a mark that crosses the end of an enclosing one is closed
there and continued after it, so the HTML is always well formed. A mark's meaning never rests on colour alone:
each kind has its own line style, every mark ends with a printed tag naming its kind (a quote's tag names its
speaker) and carries its description as a ``title``. A text longer than :data:`MAX_SHOWN_CHARACTERS` is shown
highlighted only so far, and a table lists at most :data:`MAX_TABLE_ROWS` items; the view says so each time.

Which figures have a source nearby is read from the analyser's own signals in the figure's sentence: a quote
with a named speaker, a named person or organisation that said, wrote or reported something, "according to"
with a name, or "the company said"; a vague attribution there ("analysts say") makes the figure's source vague.
The hype score is the kit's (:func:`~solutions.analyser.hype_scoring.hype_score`: loaded phrases weighted by
kind, per 1,000 words). The analyser reads no case data, so comparing with the seed articles takes their scores
from the caller (``compare``).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from solutions.analyser.analysis import analyze_text
from solutions.analyser.cli_report import number_text
from solutions.analyser.hype_lexicon import default_weights, hype_categories
from solutions.analyser.hype_scoring import hype_score
from solutions.analyser.reported_speech import reported_speech
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import count_words

#: The kinds of mark, outermost first when two start and end together.
MARK_KINDS = ("quote", "vague", "hype", "figure")
#: What each kind of mark is called in the legend, the tags and the tables.
KIND_NAMES = {"figure": "Figure", "quote": "Quote", "vague": "Vague attribution", "hype": "Loaded wording"}
#: The printed tag at the end of each mark.
KIND_TAGS = {"figure": "figure", "quote": "quote", "vague": "vague", "hype": "hype"}
#: A table lists at most this many rows (it says so when it stops).
MAX_TABLE_ROWS = 1000
#: The highlighted text shows at most this many characters of a longer text (it says so), so that a view of a
#: text of several MB stays small enough for a notebook and a browser (a long news article has about 30,000); the
#: tables and questions cover the whole text.
MAX_SHOWN_CHARACTERS = 50_000
#: A question section names at most this many items, then says how many more there are.
MAX_QUESTION_ITEMS = 12
#: Characters of a quote shown in a question.
QUOTE_PREVIEW = 90
#: The report page's Content-Security-Policy: nothing may be loaded, no script runs; only its inline style applies.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

#: Characters shown as a visible ``U+XXXX`` token: those the command line escapes
#: (:data:`~solutions.analyser.cli_output.UNSAFE_CHARACTERS`) except tab and line breaks, which the view keeps.
HIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                               "\u2066-\u2069\ud800-\udfff]")

#: "according to" and a name within a few words ("according to finance director Tom Ellery", "according to the
#: company"); a vague attribution in the same place ("according to analysts") overrides it.
_NAMED_ACCORDING = re.compile(r"\baccording[ \t]+to[ \t]+(?:[a-z][\w'\u2019-]*[ \t]+){0,4}(?:[A-Z]|company\b|firm\b)")
_BODY_SAID = re.compile(
    r"\b(?:the|its)[ \t]+(?:company|firm|group|bank|business|ministry|department|agency|government|council|"
    r"regulator|statement|report|filing|survey|study)(?:['\u2019]s[ \t]+[a-z]+)?[ \t]+(?:said|says|reported|reports|"
    r"announced|stated|estimated|estimates|showed|shows|found|told|wrote)\b"
    r"|\b(?:said|says|reported|announced|told)[ \t]+the[ \t]+(?:company|firm|group|bank|ministry|agency|regulator)\b",
    re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- escaping

def _hidden_token(match: re.Match) -> str:
    code = f"U+{ord(match.group()):04X}"
    return f'<span class="av-control" title="An invisible control character, {code}, shown here">{code}</span>'


def escaped_text(text: str) -> str:
    """``text`` as HTML: every character escaped, invisible controls shown as a visible ``U+XXXX`` token."""
    parts, position = [], 0
    for match in HIDDEN_CHARACTERS.finditer(text):
        parts.append(escape(text[position:match.start()]))
        parts.append(_hidden_token(match))
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def plain_text(text: str) -> str:
    """``text`` escaped for places that take no markup (a ``<title>``, an attribute): controls as ``U+XXXX``."""
    return escape(HIDDEN_CHARACTERS.sub(lambda match: f"U+{ord(match.group()):04X}", text))


def shortened(text: str, width: int) -> str:
    """At most ``width`` characters of ``text`` (white space collapsed), with "…" when cut."""
    flat = " ".join(text[:width * 4].split())
    return flat if len(flat) <= width and len(text) <= width * 4 else flat[:width - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------------------------------------- the marks

@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of the text: ``text[start:end]``, its kind, printed tag and description."""

    start: int
    end: int
    kind: str
    tag: str
    title: str


def _with_check(description: str, item: dict) -> str:
    note = item.get("check")
    return f"{description}. Check: {note}" if isinstance(note, str) and note.strip() else description


def _category_labels() -> dict[str, str]:
    table = hype_categories()
    return {str(category): str(label) for category, label in zip(table["category"], table["label"])}


def speaker_text(quote: dict) -> str | None:
    """A quote's named speaker with the role the text gives ("Priya Raman, chief executive"), or None."""
    if quote.get("vague_attribution") or not quote.get("speaker"):
        return None
    role = quote.get("speaker_role")
    return f"{quote['speaker']}, {role}" if role else str(quote["speaker"])


def figure_value(figure: dict) -> str:
    value = number_text(figure.get("value"))
    if figure.get("value_high") is not None:
        value += f" to {number_text(figure['value_high'])}"
    return value


def marks_for(result: dict) -> list[Mark]:
    """Every item of an analysis as a :class:`Mark`."""
    labels = _category_labels()
    marks = []
    for figure in result.get("figures", []):
        title = f"Figure: {figure_value(figure)} {figure.get('unit') or ''}".rstrip() + f", kind: {figure.get('kind')}"
        marks.append(Mark(figure["start"], figure["end"], "figure", KIND_TAGS["figure"], _with_check(title, figure)))
    for quote in result.get("quotes", []):
        speaker = speaker_text(quote)
        tag = f"quote: {shortened(str(quote['speaker']), 40)}" if speaker else "quote: no named speaker"
        title = f"Quote by {speaker}" if speaker else "Quote; the text names no speaker for it"
        marks.append(Mark(quote["start"], quote["end"], "quote", tag, _with_check(title, quote)))
    for phrase in result.get("vague_attributions", []):
        marks.append(Mark(phrase["start"], phrase["end"], "vague", KIND_TAGS["vague"],
                          _with_check("Vague attribution: a source no reader can look up", phrase)))
    for phrase in result.get("hype_phrases", []):
        label = labels.get(str(phrase.get("category")), str(phrase.get("category")))
        why = f"Loaded wording ({label})" + (f": {phrase['rationale']}" if phrase.get("rationale") else "")
        marks.append(Mark(phrase["start"], phrase["end"], "hype", KIND_TAGS["hype"], _with_check(why, phrase)))
    return marks


def _open(mark: Mark, continued: bool) -> str:
    more = " av-continued" if continued else ""
    return f'<mark class="av-mark av-{mark.kind}{more}" title="{plain_text(mark.title)}">'


def _close(mark: Mark, last: bool) -> str:
    if not last:
        return "</mark>"
    return (f'<span class="av-tag"><span class="av-hidden"> [</span>{escaped_text(mark.tag)}'
            f'<span class="av-hidden">]</span></span></mark>')


def highlighted_html(text: str, marks: list[Mark]) -> str:
    """``text`` as escaped HTML with every mark in place, nested (see the module's docstring)."""
    marks = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    order = {kind: rank for rank, kind in enumerate(MARK_KINDS)}
    opening: dict[int, list[int]] = {}
    for index in sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, order[marks[i].kind])):
        opening.setdefault(marks[index].start, []).append(index)
    boundaries = sorted({0, len(text)} | {mark.start for mark in marks} | {mark.end for mark in marks})
    parts: list[str] = []
    stack: list[int] = []
    position = 0
    for boundary in boundaries:
        parts.append(escaped_text(text[position:boundary]))
        position = boundary
        ending = [level for level, index in enumerate(stack) if marks[index].end == boundary]
        if ending:
            deepest = ending[0]
            above = stack[deepest:]
            for index in reversed(above):
                parts.append(_close(marks[index], last=marks[index].end == boundary))
            del stack[deepest:]
            for index in above:
                if marks[index].end != boundary:
                    parts.append(_open(marks[index], continued=True))
                    stack.append(index)
        for index in opening.get(boundary, ()):
            parts.append(_open(marks[index], continued=False))
            stack.append(index)
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- sources and score

def figure_sources(text: str, result: dict) -> list[str]:
    """For each figure, in order, what its sentence credits it to: "named", "vague" or "none".

    "named": the sentence holds a quote with a named speaker (or its attribution), a named person or organisation
    that said, wrote or reported something, "according to" with a name, or "the company said" (a body the text
    names). "vague": no such signal, but a vague attribution ("analysts say"). "none": neither.
    """
    figures = result.get("figures", [])
    if not figures:
        return []
    spans = sentence_spans(text) or [(0, len(text))]
    starts = [start for start, _ in spans]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    vague_spans = sorted((item["start"], item["end"]) for item in result.get("vague_attributions", []))
    vague_starts = [start for start, _ in vague_spans]

    def inside_vague(start: int, end: int) -> bool:
        """Whether start:end overlaps a vague attribution (they never overlap one another, so only the last one
        starting before ``end`` can)."""
        before = bisect.bisect_left(vague_starts, end) - 1
        return before >= 0 and vague_spans[before][1] > start

    named: set[int] = set()
    vague = {sentence_of(start) for start, _ in vague_spans}
    for quote in result.get("quotes", []):
        if speaker_text(quote):  # every sentence the quote runs through, and the one naming its speaker
            named.update(range(sentence_of(quote["start"]), sentence_of(max(quote["start"], quote["end"] - 1)) + 1))
            attribution = quote.get("attribution")
            if isinstance(attribution, dict) and isinstance(attribution.get("start"), int):
                named.add(sentence_of(attribution["start"]))
    for credit in reported_speech(text):
        named.add(sentence_of(credit["start"]))
    for pattern in (_NAMED_ACCORDING, _BODY_SAID):
        for match in pattern.finditer(text):
            if not inside_vague(match.start(), match.end()):
                named.add(sentence_of(match.start()))
    found = []
    for figure in figures:
        sentence = sentence_of(figure["start"])
        found.append("named" if sentence in named else "vague" if sentence in vague else "none")
    return found


def hype_per_thousand(text: str, hype_phrases: list[dict] | None = None) -> float:
    """The kit's hype score of ``text``: its loaded phrases weighted by kind (the default weights), per 1,000 words.

    ``hype_phrases`` defaults to the analyser's own finds in ``text``."""
    if hype_phrases is None:
        hype_phrases = analyze_text(text)["hype_phrases"]
    known = default_weights()
    counts = {category: 0 for category in known}
    for phrase in hype_phrases:
        if phrase.get("category") in counts:
            counts[phrase["category"]] += 1
    return hype_score(counts, count_words(text))


# ---------------------------------------------------------------------------------------------- the parts

def _heading(level: int, text: str) -> str:
    level = min(max(level, 1), 6)
    return f"<h{level}>{escape(text)}</h{level}>"


def _quoted(text: str) -> str:
    """Words of the article inside the kit's sentences: a ``<q>`` (the browser adds the quotation marks)."""
    return f'<q class="av-quoted">{escaped_text(text)}</q>'


def legend_html() -> str:
    """The key: each kind's line style, tint and printed tag, and how to read more. The sample words are quoted
    (``<q>``): they are examples of an article's wording, not the kit's."""
    samples = {"figure": "£38.5 million", "quote": "We sold more", "vague": "analysts say", "hype": "skyrocketed"}
    meanings = {
        "figure": "a number with its unit: check what it measures and who measured it",
        "quote": "someone's words in quotation marks; the tag names the speaker the text gives, if any",
        "vague": "a source no reader can look up, such as unnamed experts",
        "hype": "wording that tells you how to feel instead of letting the facts speak",
    }
    items = "".join(
        f'<li><span class="av-sample"><mark class="av-mark av-{kind}"><q>{escape(samples[kind])}</q>'
        f'<span class="av-tag"><span class="av-hidden"> [</span>{escape(KIND_TAGS[kind])}'
        f'<span class="av-hidden">]</span></span></mark></span> <strong>{escape(KIND_NAMES[kind])}</strong>: '
        f"{escape(meanings[kind])}</li>"
        for kind in ("figure", "quote", "vague", "hype"))
    return (f'<div class="av-legend"><p class="av-legend-title">Key to the highlights</p><ul>{items}</ul>'
            '<p class="av-legend-how">Each highlight ends with a tag naming its kind; highlights inside a quote are '
            "nested in it. With a mouse, point at a highlight to read what the analyser found.</p></div>")


def _table(caption: str, headers: list[str], rows: list[str], total: int) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    cut = (f'<p class="av-note">The table shows the first {len(rows):,} of {total:,}.</p>'
           if total > len(rows) else "")
    return (f'<div class="av-region table-scroll" role="region" aria-label="{escape(caption)}" tabindex="0">'
            f'<table class="av-table"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>{cut}")


def _extra_columns(items: list[dict]) -> list[str]:
    return [key for key in ("confidence", "check") if any(key in item for item in items)]


def _extra_cells(item: dict, keys: list[str]) -> str:
    cells = []
    for key in keys:
        value = item.get(key)
        if key == "confidence" and isinstance(value, (int, float)) and not isinstance(value, bool) \
                and math.isfinite(value):
            cells.append(f'<td class="av-number">{value:.2f}</td>')
        elif isinstance(value, str) and value.strip():
            cells.append(f"<td>{escaped_text(value)}</td>")
        else:
            cells.append("<td>\u2013</td>")
    return "".join(cells)


def _extra_headers(keys: list[str]) -> list[str]:
    return [{"confidence": "Confidence", "check": "Check this"}[key] for key in keys]


_SOURCE_WORDS = {"named": "named in its sentence", "vague": "only vague", "none": "none in its sentence"}


def figures_table(text: str, result: dict) -> str:
    figures = result.get("figures", [])
    if not figures:
        return "<p>The analyser found no figures.</p>"
    sources = figure_sources(text, result)
    keys = _extra_columns(figures)
    rows = [f'<tr><td class="av-number">{number}</td><td>{_quoted(figure["text"])}</td>'
            f'<td class="av-number">{escape(figure_value(figure))}</td>'
            f'<td>{escaped_text(str(figure.get("unit") or ""))}'
            f'</td><td>{escaped_text(str(figure.get("kind") or ""))}</td><td>{escape(_SOURCE_WORDS[source])}</td>'
            f"{_extra_cells(figure, keys)}</tr>"
            for number, (figure, source) in enumerate(zip(figures[:MAX_TABLE_ROWS], sources), start=1)]
    headers = ["#", "Text", "Value", "Unit", "Kind", "Source", *_extra_headers(keys)]
    return _table(f"Figures ({len(figures):,})", headers, rows, len(figures))


def quotes_table(result: dict) -> str:
    quotes = result.get("quotes", [])
    if not quotes:
        return "<p>The analyser found no quotes.</p>"
    keys = _extra_columns(quotes)
    rows = []
    for number, quote in enumerate(quotes[:MAX_TABLE_ROWS], start=1):
        speaker = speaker_text(quote)
        rows.append(f'<tr><td class="av-number">{number}</td><td>{_quoted(quote["quote"])}</td>'
                    f"<td>{escaped_text(speaker) if speaker else 'no named speaker'}</td>"
                    f"<td>{'yes' if quote.get('vague_attribution') else 'no'}</td>{_extra_cells(quote, keys)}</tr>")
    return _table(f"Quotes ({len(quotes):,})", ["#", "Quote", "Speaker", "Vague?", *_extra_headers(keys)], rows,
                  len(quotes))


def vague_table(result: dict) -> str:
    phrases = result.get("vague_attributions", [])
    if not phrases:
        return "<p>The analyser found no vague attributions.</p>"
    keys = _extra_columns(phrases)
    rows = [f'<tr><td class="av-number">{number}</td><td>{_quoted(phrase["text"])}</td>'
            f"{_extra_cells(phrase, keys)}</tr>"
            for number, phrase in enumerate(phrases[:MAX_TABLE_ROWS], start=1)]
    return _table(f"Vague attributions ({len(phrases):,})", ["#", "Phrase", *_extra_headers(keys)], rows,
                  len(phrases))


def hype_table(result: dict) -> str:
    phrases = result.get("hype_phrases", [])
    if not phrases:
        return "<p>The analyser found no loaded wording.</p>"
    labels = _category_labels()
    keys = _extra_columns(phrases)
    rows = [f'<tr><td class="av-number">{number}</td><td>{_quoted(phrase["text"])}</td>'
            f"<td>{escaped_text(labels.get(str(phrase.get('category')), str(phrase.get('category'))))}</td>"
            f"<td>{escaped_text(str(phrase.get('rationale') or ''))}</td>{_extra_cells(phrase, keys)}</tr>"
            for number, phrase in enumerate(phrases[:MAX_TABLE_ROWS], start=1)]
    return _table(f"Loaded wording ({len(phrases):,})", ["#", "Phrase", "Kind", "Why it is loaded",
                                                         *_extra_headers(keys)], rows, len(phrases))


def _listed(items: list[str]) -> str:
    shown = items[:MAX_QUESTION_ITEMS]
    more = len(items) - len(shown)
    tail = f"<li>and {more:,} more (see the table above).</li>" if more > 0 else ""
    return f"<ul>{''.join(f'<li>{item}</li>' for item in shown)}{tail}</ul>"


def _figure_questions(text: str, result: dict) -> str:
    figures = result.get("figures", [])
    if not figures:
        return ("<li><strong>Figures.</strong> The analyser found no figures. If the text gives numbers in words it "
                "does not read, ask of each: what does it measure, and who measured it?</li>")
    sources = figure_sources(text, result)
    unsourced = [f"Where does {_quoted(figure['text'])} come from? Its sentence names no source."
                 for figure, source in zip(figures, sources) if source == "none"]
    vague = [f"Who stands behind {_quoted(figure['text'])}? Its sentence credits it only to someone unnamed."
             for figure, source in zip(figures, sources) if source == "vague"]
    named = sources.count("named")
    if not unsourced and not vague:
        return (f"<li><strong>Figures.</strong> Figures with a source named in their sentence: {named:,} of "
                f"{len(figures):,}. Can you find each number where that source published it, and does it measure "
                "the same thing?</li>")
    summary = (f"Figures with no source named in their sentence: {len(unsourced):,}; with only a vague one: "
               f"{len(vague):,}; with a named one: {named:,}.")
    return f"<li><strong>Figures.</strong> {escape(summary)}{_listed(unsourced + vague)}</li>"


def _quote_questions(result: dict) -> str:
    quotes = result.get("quotes", [])
    if not quotes:
        return ("<li><strong>Quotes.</strong> The analyser found no quotes, so every claim is in the writer's "
                "voice.</li>")
    unnamed = [f"Who said {_quoted(shortened(quote['quote'], QUOTE_PREVIEW))}? The text names no speaker for it."
               for quote in quotes if not speaker_text(quote)]
    if not unnamed:
        return (f"<li><strong>Quotes.</strong> Quotes with a named speaker: {len(quotes):,} of {len(quotes):,}. "
                "Can you find where each person said it, and is it quoted in full?</li>")
    summary = f"Quotes with no named speaker: {len(unnamed):,} of {len(quotes):,}."
    return f"<li><strong>Quotes.</strong> {escape(summary)}{_listed(unnamed)}</li>"


def _hype_question(text: str, result: dict, compare: Mapping[str, float] | None) -> str:
    phrases = result.get("hype_phrases", [])
    words = count_words(text)
    score = hype_per_thousand(text, phrases)
    found = (f"The analyser found {len(phrases):,} loaded phrase{'' if len(phrases) == 1 else 's'} in {words:,} "
             f"word{'' if words == 1 else 's'}: a hype score of {score:.1f} per 1,000 words (each phrase weighted by "
             "its kind, as in the chapter on loaded wording).")
    if compare:
        scores = {str(label): float(value) for label, value in compare.items()}
        quieter = sum(1 for value in scores.values() if value < score)
        listing = "; ".join(f"{label}: {value:.1f}" for label, value in scores.items())
        place = (f"That is louder than {quieter} of the {len(scores)} articles the kit compares with "
                 f"({listing}).") if quieter else (f"That is no louder than any of the {len(scores)} articles the "
                                                  f"kit compares with ({listing}).")
        found = f"{found} {place}"
    ask = " Which loaded phrases could you replace with a plain word or a figure, and would the story change?"
    return f"<li><strong>Tone.</strong> {escape(found + ask)}</li>"


def questions_html(text: str, result: dict, compare: Mapping[str, float] | None = None) -> str:
    """The checking questions for this text: unsourced figures, quotes with no named speaker, the hype score."""
    return (f'<ol class="av-questions">{_figure_questions(text, result)}{_quote_questions(result)}'
            f"{_hype_question(text, result, compare)}</ol>")


def summary_text(text: str, result: dict) -> str:
    counts = [(len(result.get("figures", [])), "figure"), (len(result.get("quotes", [])), "quote"),
              (len(result.get("vague_attributions", [])), "vague attribution"),
              (len(result.get("hype_phrases", [])), "loaded phrase")]
    parts = [f"{count:,} {name}{'' if count == 1 else 's'}" for count, name in counts]
    words = count_words(text)
    return f"{', '.join(parts[:-1])} and {parts[-1]} in {words:,} word{'' if words == 1 else 's'}."


def article_view_html(text: str, result: dict | None = None, compare: Mapping[str, float] | None = None, *,
                      heading_level: int = 3) -> str:
    """The article with its marks and legend, a table of each section, and the checking questions, as one HTML
    fragment with its own ``<style>``.

    ``result`` is :func:`~solutions.analyser.analysis.analyze_text` of ``text`` (computed when not given);
    ``compare`` maps a label ("Article 000") to that text's hype score (:func:`hype_per_thousand`), for the
    question on tone; ``heading_level`` is the level of the view's headings.
    """
    if result is None:
        result = analyze_text(text)
    sub = heading_level
    shown = text[:MAX_SHOWN_CHARACTERS]
    marks = [Mark(mark.start, min(mark.end, len(shown)), mark.kind, mark.tag, mark.title)
             for mark in marks_for(result) if mark.start < len(shown)]
    cut = (f'<p class="av-note">The text has {len(text):,} characters: the first {len(shown):,} are shown above. '
           "The tables and the questions cover the whole text.</p>" if len(shown) < len(text) else "")
    return (
        f'<div class="kit-av tex2jax_ignore mathjax_ignore"><style>{VIEW_CSS}</style>'
        f'<p class="av-summary">The analyser found {escape(summary_text(text, result))}</p>'
        f"{legend_html()}"
        f'<div class="av-article article-text" role="region" aria-label="The text, highlighted" tabindex="0">'
        f"{highlighted_html(shown, marks)}</div>{cut}"
        f"{_heading(sub, 'Figures')}{figures_table(text, result)}"
        f"{_heading(sub, 'Quotes')}{quotes_table(result)}"
        f"{_heading(sub, 'Vague attributions')}{vague_table(result)}"
        f"{_heading(sub, 'Loaded wording')}{hype_table(result)}"
        f"{_heading(sub, 'Questions to ask of this article')}"
        '<p>The analyser can miss items and misread them: treat each answer below as a place to start checking.</p>'
        f"{questions_html(text, result, compare)}</div>"
    )


def report_page_html(text: str, title: str, compare: Mapping[str, float] | None = None,
                     result: dict | None = None) -> str:
    """One self-contained offline HTML page with the view of ``text``: inline style, no script, nothing loaded from
    anywhere (its Content-Security-Policy forbids it), dark mode from the system setting, readable on a phone."""
    shown = plain_text(title)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>Article check: {shown}</title><style>{PAGE_CSS}</style></head>"
        f"<body><main><h1>Article check: {shown}</h1>"
        '<p class="av-intro">What the kit\'s analyser found in this text: figures, quotes and who said them, vague '
        "attributions and loaded wording, then questions to ask of it. The analyser works by rules, not by "
        "understanding: it misses some items and misreads others, so check before you rely on it.</p>"
        f"{article_view_html(text, result, compare, heading_level=2)}</main></body></html>\n"
    )


# ---------------------------------------------------------------------------------------------- style

_LIGHT = {"figure": ("rgba(86, 180, 233, 0.28)", "#0072b2"), "quote": ("rgba(0, 158, 115, 0.13)", "#00704f"),
          "vague": ("rgba(230, 159, 0, 0.30)", "#9a5a00"), "hype": ("rgba(204, 121, 167, 0.30)", "#a1527f")}
_DARK = {"figure": ("rgba(86, 180, 233, 0.30)", "#56b4e9"), "quote": ("rgba(0, 158, 115, 0.22)", "#3fd0a0"),
         "vague": ("rgba(230, 159, 0, 0.30)", "#f0b030"), "hype": ("rgba(204, 121, 167, 0.34)", "#e8a0c8")}


def _palette(colours: dict[str, tuple[str, str]]) -> str:
    return " ".join(f"--av-{kind}-tint: {tint}; --av-{kind}-line: {line};" for kind, (tint, line) in colours.items())


#: The view's style. It uses the book's theme colours, else JupyterLab's, else plain ones; dark mode is the book's
#: ``html[data-theme="dark"]`` or JupyterLab's ``body[data-jp-theme-light="false"]`` (the report page adds
#: ``prefers-color-scheme``). Tints are translucent so the text keeps the theme's colour; each kind has its own
#: line style, and every mark prints a tag, so nothing rests on colour alone.
VIEW_CSS = (
    ".kit-av { --av-page: var(--pst-color-background, var(--jp-layout-color0, #ffffff));"
    " --av-text: var(--pst-color-text-base, var(--jp-content-font-color1, #1a1a1a));"
    " --av-line: var(--pst-color-border, var(--jp-border-color1, #8a8a8a));"
    f" --av-panel: var(--pst-color-surface, var(--jp-layout-color2, #f3f5f7)); {_palette(_LIGHT)} }}"
    ':is(html[data-theme="dark"], body[data-jp-theme-light="false"]) .kit-av {'
    f" {_palette(_DARK)} }}"
    ".kit-av .av-article { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2; margin: 0.8em 0 1.2em;"
    " padding: 0.6em 0.9em; border: 1px solid var(--av-line); border-radius: 6px; max-height: 40em; overflow-y: auto; }"
    ".kit-av .av-article:focus-visible, .kit-av .av-region:focus-visible { outline: 3px solid var(--av-figure-line);"
    " outline-offset: 2px; }"
    ".kit-av mark.av-mark { color: inherit; padding: 0 0.08em 0.22em; border-radius: 2px;"
    " -webkit-box-decoration-break: clone; box-decoration-break: clone; }"
    ".kit-av mark.av-mark mark.av-mark { padding-bottom: 0; }"
    ".kit-av mark.av-figure { background: var(--av-figure-tint); outline: 1.5px solid var(--av-figure-line);"
    " outline-offset: -1px; }"
    ".kit-av mark.av-quote { background: var(--av-quote-tint); border-bottom: 2px dotted var(--av-quote-line); }"
    ".kit-av mark.av-vague { background: var(--av-vague-tint); border-bottom: 3px double var(--av-vague-line); }"
    ".kit-av mark.av-hype { background: var(--av-hype-tint); border-bottom: 2px dashed var(--av-hype-line); }"
    ".kit-av .av-tag { display: inline-block; margin-left: 0.3em; padding: 0 0.3em; border: 1px solid var(--av-line);"
    " border-radius: 3px; font-size: 0.72em; font-weight: 600; line-height: 1.35; vertical-align: 0.15em;"
    " white-space: nowrap; background: var(--av-page); color: var(--av-text); }"
    ".kit-av mark.av-figure > .av-tag { border-color: var(--av-figure-line); }"
    ".kit-av mark.av-quote > .av-tag { border-color: var(--av-quote-line); border-style: dotted; }"
    ".kit-av mark.av-vague > .av-tag { border-color: var(--av-vague-line); border-style: double; border-width: 3px; }"
    ".kit-av mark.av-hype > .av-tag { border-color: var(--av-hype-line); border-style: dashed; }"
    ".kit-av .av-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;"
    " clip: rect(0 0 0 0); white-space: nowrap; border: 0; }"
    ".kit-av .av-control { font-family: monospace; font-size: 0.8em; padding: 0 0.2em; border: 1px dotted"
    " var(--av-line); border-radius: 2px; }"
    ".kit-av .av-legend { margin: 0.8em 0; padding: 0.6em 0.9em; border: 1px solid var(--av-line);"
    " border-radius: 6px; }"
    ".kit-av .av-legend-title { font-weight: 600; margin: 0 0 0.4em; }"
    ".kit-av .av-legend ul { list-style: none; margin: 0; padding: 0; }"
    ".kit-av .av-legend li { margin: 0.35em 0; line-height: 1.8; }"
    ".kit-av .av-legend-how, .kit-av .av-note { font-size: 0.9em; margin: 0.5em 0 0; }"
    ".kit-av .av-region { overflow-x: auto; max-width: 100%; margin: 0.4em 0 0.8em; }"
    ".kit-av table.av-table { border-collapse: collapse; min-width: 60%; }"
    ".kit-av table.av-table caption { text-align: left; font-weight: 600; padding: 0.3em 0; }"
    ".kit-av table.av-table th, .kit-av table.av-table td { border-top: 1px solid var(--av-line); padding: 0.3em 0.6em;"
    " text-align: left; vertical-align: top; }"
    ".kit-av table.av-table td.av-number { text-align: right; font-variant-numeric: tabular-nums;"
    " white-space: nowrap; }"
    ".kit-av .av-questions li { margin: 0.4em 0; }"
    ".kit-av .av-questions ul { margin: 0.3em 0; }"
    "@media (max-width: 540px) { .kit-av .av-article { padding: 0.5em 0.6em; } }"
)

#: The report page's own style: the page around the view, and the view's colours from the page's (``body .kit-av``
#: outranks the view's own ``.kit-av`` rule, which comes later in the page), dark with the system setting.
PAGE_CSS = (
    ":root { color-scheme: light dark; --page: #ffffff; --text: #1a1a1a; --line: #767676; --panel: #f3f5f7;"
    " --link: #005a9c; }"
    "@media (prefers-color-scheme: dark) { :root { --page: #121416; --text: #e8e8e8; --line: #8b949e;"
    f" --panel: #1e2226; --link: #8cc4ff; }} body .kit-av {{ {_palette(_DARK)} }} }}"
    "* { box-sizing: border-box; }"
    "body { margin: 0; background: var(--page); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }"
    "main { max-width: 60rem; margin: 0 auto; padding: 1rem; }"
    "a { color: var(--link); }"
    "h1, h2 { line-height: 1.25; overflow-wrap: anywhere; }"
    "body .kit-av { --av-page: var(--page); --av-text: var(--text); --av-line: var(--line); --av-panel: var(--panel); }"
    "body .kit-av .av-article { max-height: none; }"
)
