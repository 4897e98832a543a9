"""Vague attributions: wording that credits a claim to no one the reader can check, and vague speaker phrases.

* ``vague_attributions(text)`` finds wording that credits a claim to an unnamed source or hedges where it
  came from ("industry experts estimate", "reportedly", "is said to", "the rumor mill"). The phrases live
  in ``seeds/vague_attribution_phrases.csv``. A named source ("according to Appfigures", "analysts at
  Jefferies", "Bernstein analysts said") is not vague and is not reported; neither is an unsourced
  causal guess ("likely due to").
* ``is_vague_source(phrase)`` judges a speaker phrase on its own: "one analyst" yes, "Nvidia" no.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from solutions.analyser.attribution.names import proper_names
from solutions.analyser.attribution.words import (
    GENERIC_WORDS, HIDDEN_SOURCE_NOUNS, INDEFINITE_WORDS, PERSON_PRONOUNS, ROLE_WORDS, THING_PRONOUNS, VAGUE_WORDS,
    bare, is_place,
)
from solutions.analyser.text import inside_double_quotes, trie_pattern, whole_word
from solutions.data.datafiles import cached, read_table

#: Common vague credits as plain lower-case phrases, for a substring check where the rules cannot run (the feedback
#: on a learner's rewrite, which the static book's script repeats). Each is a vague attribution by the rules of
#: ``vague_attribution_phrases.csv`` (:func:`vague_attributions` finds the whole phrase); the chapters take it
#: from here (:mod:`solutions.chapters.vocabulary`) and keep no copy.
VAGUE_SOURCES = (
    "industry experts", "experts estimate", "experts say", "experts believe", "analysts say",
    "analysts believe", "observers", "insiders", "reportedly", "it is said", "sources say",
    "many in the industry",
)
#: Kinds of row in the phrase table whose phrase is dropped when a name comes with it.
CHECKED_KINDS = ("group", "according")


@dataclass(frozen=True)
class PhraseRule:
    """One row of ``vague_attribution_phrases.csv``.

    ``anchors`` are words the phrase cannot match without; the phrase starts at an anchor or at most
    ``reach`` words before it. ``kind`` is hedge, group or according. ``confidence`` (0 to 1) says how sure a
    find of the row is and ``check`` what a learner should verify about it.
    """

    pattern: re.Pattern
    anchors: tuple[str, ...]
    reach: int
    kind: str
    confidence: float = 0.8
    check: str = ""


@cached
def phrase_rules() -> tuple[PhraseRule, ...]:
    """The rows of ``vague_attribution_phrases.csv``, compiled (case-insensitive, whole words)."""
    table = read_table("vague_attribution_phrases.csv", numbers=("confidence",))
    return tuple(
        PhraseRule(re.compile(rf"\b(?:{row.pattern})(?![\w-])", re.IGNORECASE),
                   tuple(a.strip().casefold() for a in str(row.anchors).split("|") if a.strip()),
                   int(row.reach), str(row.kind), float(row.confidence), str(row.check))
        for row in table.itertuples(index=False))


@cached
def _anchor_matcher() -> tuple[re.Pattern, dict[bytes, tuple[int, ...]]]:
    """One pattern finding, at every word start, the longest anchor word there (lower-case UTF-8), and for
    each anchor the rules it can start, including those of the shorter anchors it begins with."""
    anchors: dict[bytes, list[int]] = {}
    for index, rule in enumerate(phrase_rules()):
        for anchor in rule.anchors:
            anchors.setdefault(anchor.encode("utf-8"), []).append(index)
    rules = {anchor: tuple(sorted({i for other, indexes in anchors.items() if anchor.startswith(other)
                                   for i in indexes})) for anchor in anchors}
    trie = trie_pattern(sorted(a.decode("utf-8") for a in anchors)).replace(r"\s+", " ")
    # The pattern starts by consuming the character before the word, which lets the engine skip quickly to the
    # next candidate (so the text is searched with a space in front). The look-ahead leaves the anchor
    # unconsumed, so anchors inside longer ones ("been" in "it had been") are found too.
    return re.compile(rf"[^a-z0-9\-_'\x80-\xff](?=({trie}))".encode("utf-8")), rules


def _anchor_hits(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """(offset, length, rules) of every anchor word in ``text`` that starts a word, in order.

    The search runs on the lower-cased UTF-8 text; anchors are ASCII, so every hit falls on a
    character boundary and maps back to an offset in ``text``.
    """
    data = text.encode("utf-8", "surrogatepass").lower()
    pattern, rules = _anchor_matcher()
    # In b" " + data, the match starts one byte before the anchor: at the anchor's offset in ``data``.
    hits = [(match.start(), len(match.group(1)), rules[match.group(1)]) for match in pattern.finditer(b" " + data)]
    if len(data) == len(text):
        return hits
    mapped, byte_at, char_at = [], 0, 0
    for index, length, indexes in hits:
        char_at += len(data[byte_at:index].decode("utf-8", "surrogatepass"))
        byte_at = index
        mapped.append((char_at, length, indexes))
    return mapped


def _word_start_before(text: str, position: int) -> int | None:
    """Start of the word just before ``position``, across spaces only (a phrase never spans punctuation)."""
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == position or end == 0 or not (text[end - 1].isalnum() or text[end - 1] in "'\u2019.-"):
        return None
    low = max(0, end - 40)
    space = max(text.rfind(" ", low, end), text.rfind("\t", low, end), text.rfind("\n", low, end))
    if space == -1:
        return 0 if low == 0 else None
    return space + 1


def vague_attributions(text: str) -> list[dict]:
    """Return the vague-attribution phrases in ``text``: ``{"text", "start", "end", "confidence", "check"}`` in
    order of appearance (``confidence`` and ``check`` from the row of ``vague_attribution_phrases.csv`` that
    found the phrase)."""
    if not isinstance(text, str) or not text:
        return []
    rules = phrase_rules()
    found: dict[tuple[int, int], int] = {}
    for position, length, indexes in _anchor_hits(text):
        starts: list[int] = []
        end = min(len(text), position + length + 80)
        for index in indexes:
            rule = rules[index]
            while len(starts) < rule.reach:
                word = _word_start_before(text, starts[-1] if starts else position)
                if word is None:
                    break
                starts.append(word)
            match = None
            for start in reversed(starts[:rule.reach]):
                match = rule.pattern.match(text, start, end)
                if match and match.end() > position:
                    break
                match = None
            match = match or rule.pattern.match(text, position, end)
            if match:
                span = (match.start(), match.end())
                found[span] = min(found.get(span, index), index)  # of two rows finding one span, the earlier row
    phrases, last_end = [], -1
    for (start, end), index in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
        kind = rules[index].kind
        if start < last_end or (kind in CHECKED_KINDS and _names_a_source(text, start, end)):
            continue
        if kind == "group":
            if inside_double_quotes(text, start, 600):
                continue  # "Investors will welcome it," she said: the speaker's own words, credited to the speaker
            verb = _VERB_AFTER.match(text, end, min(len(text), end + 40))
            end = verb.end() if verb else end
        if phrases and (_JOINING_GAP.fullmatch(text, phrases[-1]["end"], start) and _RELATIVE_START.match(text, start)
                        or _ANONYMITY_GAP.fullmatch(text, phrases[-1]["end"], start) and _ANONYMITY.match(text, start)):
            joined = phrases[-1]  # "One industry executive" + "who asked not to be named": one credit
            joined.update(text=text[joined["start"]:end], end=end,
                          confidence=max(joined["confidence"], rules[index].confidence))
        else:
            phrases.append({"text": text[start:end], "start": start, "end": end,
                            "confidence": rules[index].confidence, "check": rules[index].check})
        last_end = end
    return phrases


#: What may stand between two vague phrases that credit one source ("One industry executive who asked not to be
#: named"): a space; the second must be a relative clause.
_JOINING_GAP = re.compile(r"[ \t]{1,2}")
#: Only a relative clause about the same source joins the phrase before it ("... who asked not to be named").
_RELATIVE_START = re.compile(r"(?:who|which)[ \t]", re.IGNORECASE)
#: "One official, speaking on condition of anonymity": the hedge describes the source just named, within the
#: sentence, so the two are one credit.
_ANONYMITY = re.compile(r"(?:who[ \t]+|which[ \t]+)?(?:speaking|spoke|asked|asking|declined|declining)[ \t]"
                        r"|(?:(?:because[ \t]+)?(?:he|she|they)[ \t]+)?(?:was|were|is|are)[ \t]+not[ \t]+(?:authori[sz]ed"
                        r"|allowed|permitted|cleared)[ \t]", re.IGNORECASE)
_ANONYMITY_GAP = re.compile(r"[^.!?\n\u201c\u201d\"]{0,60}")


#: A speech or belief verb right after a group phrase joins it: "Industry experts" + " estimate".
_VERB_AFTER = re.compile(r"[ \t]+(?:say|said|says|believe|believed|estimate|estimated|argue|argued|claim|claimed|"
                         r"suggest|suggested|think|warn|warned|predict|predicted|project|projected|note|noted|"
                         r"fear|feared|expect|expected|contend|worry|speculate|highlight|caution|told|tell)\b")
#: A name after the group, maybe behind a few describing words: "analysts at Jefferies", "estimates from app
#: analytics firm Appcount", "a survey of 11 analysts by Grainline", "a report published by Hexwatch" (a place is no
#: source: "researchers in Leeds").
_NAMED_AFTER = re.compile(r"[ \t]+(?:(?:published|issued|released|compiled|commissioned|produced|written|prepared"
                          r"|conducted|carried[ \t]+out)[ \t]+)?(?:at|from|with|of|for|by|in)[ \t]+(?:the[ \t]+|an?[ \t]+)?"
                          r"(?:[a-z0-9][\w\-]*[ \t]+){0,4}([A-Z][\w&.\-]*(?:[ \t]+[A-Z][\w&.\-]*)*)")
#: All-caps words that name a field, not a body: "AI researchers" are as unnamed as "researchers".
_FIELD_ACRONYMS = frozenset({"ai", "it", "ml", "llm", "ev", "vc", "hr", "pr", "esg"})
_ACRONYM = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,3}")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:\n][\"\u201d\u2019']?[ \t]*|\n[ \t]*)\Z")
#: Group nouns that stay unnamed whatever name stands before them: "Treasury sources", "Hospital insiders".
_HIDDEN_SOURCES = re.compile(rf"(?:{HIDDEN_SOURCE_NOUNS})\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.\-]*(?:[\u2019']s?)?)[ \t]+$")


def _names_a_source(text: str, start: int, end: int) -> bool:
    """True when the group phrase at start:end comes with a name ("analysts at Jefferies", "Bernstein analysts")."""
    after = _NAMED_AFTER.match(text, end, min(len(text), end + 60))
    if after and after.group(1).casefold() not in GENERIC_WORDS and not is_place(after.group(1)):
        return True
    if _HIDDEN_SOURCES.match(text, start, end):
        return False  # "Treasury sources", "Hospital insiders": the word before says where they are, not who
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    word = before.group(1)
    if _ACRONYM.fullmatch(bare(word)) and bare(word).casefold() not in _FIELD_ACRONYMS:
        return True  # a named body: "EU officials", "U.S. regulators", "NHS doctors"
    if not word[0].isupper() or word.endswith("."):
        return False
    lowered = bare(word).casefold()
    if _SENTENCE_START_BEFORE.search(text, max(0, before.start() - 3), before.start()) and whole_word(lowered).search(
            text[max(0, start - 3000):start + 3000]):
        return False  # "Travel insiders say" at a sentence start: the text writes "travel" in lower case too
    return lowered not in GENERIC_WORDS and lowered not in ROLE_WORDS


# --- judging a speaker phrase -------------------------------------------------------------------------

_PHRASE_WORDS = re.compile(r"[\w\u2019'&.\-]+")


def is_vague_source(phrase: str) -> bool:
    """True when ``phrase`` (who said it) does not identify a person or organisation.

    "one analyst", "a person familiar with the matter", "experts", "they" and "critics" are vague;
    "Nvidia", "Analyst Arnaud Bertrand", "analysts at Jefferies" and "a Nvidia spokesperson" are not.
    A pronoun that points back at one person or body ("he", "it") and a definite description ("the
    company") are not vague either: the text has named the source already.
    """
    if not isinstance(phrase, str):
        return True
    words = [w.casefold() for w in _PHRASE_WORDS.findall(phrase)]
    if not words:
        return True
    if proper_names(phrase):
        return False
    if len(words) == 1 and words[0] in PERSON_PRONOUNS | THING_PRONOUNS:
        return False
    if words[0] in VAGUE_WORDS or words[0] in INDEFINITE_WORDS:
        return True
    if vague_attributions(phrase):
        return True
    if words[0] in ("the", "this", "that"):
        head = words[-1]
        return head.endswith("s") and not head.endswith("ss")
    return True
