"""Who is who: the register of people and organisations the seeds cite, and checks of names and labels.

``check_names(text)`` flags a registered name that is misspelled ("Jeffrey Hinton") and a role given
beside a name ("Analyst Arnaud Bertrand") that the fact sheet contradicts or does not establish.
Every verdict cites the fact-sheet row (``claim_id``) that the register's row rests on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.data.facts import NO_SOURCE_MARKERS, load_facts
from solutions.analyser.text import lowered_in_place
from solutions.analyser.text import positions as find_all

LIST_COLUMNS = ("affiliations", "role_words", "roles_contradicted", "variants", "roles_given")
PROBLEMS = ("misspelled", "mislabelled", "unverified_role")

#: Words that name a job or a kind of organisation (normalised); a descriptor beside a name must contain one.
ROLE_HEADS = frozenset("""
    analyst expert researcher scientist founder cofounder ceo cto cfo coo chief executive chairman chairwoman
    president head director boss leader entrepreneur investor capitalist financier billionaire commentator
    pundit economist professor academic engineer strategist journalist reporter editor columnist official
    spokesperson spokesman spokeswoman minister senator lawmaker firm fund company startup lab
    giant maker chipmaker designer developer manager partner pioneer godfather laureate officer adviser
    advisor critic blogger influencer trader owner creator inventor bank agency supplier business parent
    """.split())
#: How role words may be written before normalisation, for a quick look at the word before a name.
_HEAD_SPELLINGS = ROLE_HEADS | {"co-founder", "start-up", "chip-maker", "laboratory"}
#: The last three letters of every role word, for a quick look at the word before a name.
_HEAD_ENDINGS = frozenset(ending for word in _HEAD_SPELLINGS for ending in (word[-3:], word[-3:].upper()))
#: Words that end a descriptor when walking away from the name.
_STOP = frozenset("""
    the a an by from of to in on at for with as like including such said says say told tells according who
    whom whose that which is was are were be been has have had and or nor but while when where than then also
    even only not its their his her our this these those per via after before about into over under against
    if because so both either between among noted added warned claimed argued believes believed
    """.split())
_WORD = re.compile(r"[\w'\u2019&.-]+")
#: Everything up to the last punctuation mark or blank line: a descriptor never reaches across one.
_LAST_BREAK = re.compile(r".*(?:[.,;:!?()\[\]\"\u201c\u201d\u2014\u2013|]|\n[ \t]*\n)", re.S)
_APPOSITIVE = re.compile(r"[ \t]*,[ \t]*([^,.;:!?()\[\]\"\u201c\u201d\u2014\u2013|\n]{1,90})")
_ARTICLE = re.compile(r"(?:a|an|the|one of the)\s", re.I)
#: The space between two parts of a name: spaces, or one line break ("Jeffrey\nHinton"), never a blank line.
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
_WORD_BEFORE = re.compile(rf"(?<![\w])([A-Z][A-Za-z]{{1,24}}){_GAP}\Z")
_WORD_AFTER = re.compile(rf"{_GAP}([A-Z][A-Za-z]{{1,24}})(?![\w])")
_MAX_MODIFIERS = 4
_LOOK_BACK = 90


@cached
def _people_table() -> pd.DataFrame:
    return read_table("people.csv")


def load_people() -> pd.DataFrame:
    """Return the register: one row per person or organisation the seeds cite.

    Columns: ``name`` (canonical spelling), ``kind`` (person / organisation / unknown), ``role`` (as a
    source establishes it, or "unverifiable"), ``role_status`` (sourced / unverifiable), ``claim_id``
    (the fact-sheet row), ``affiliations``, ``role_words``, ``roles_contradicted``, ``variants`` and
    ``roles_given`` (``|``-separated lists) and ``note`` (for teachers).
    """
    return _people_table().copy()


def _split(field) -> list[str]:
    if field is None or pd.isna(field):
        return []
    return [part.strip() for part in str(field).split("|") if part.strip()]


def _key(name: str) -> str:
    """Fold a name for lookup: case, spacing and a possessive ending do not matter."""
    name = " ".join(name.split())
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    elif name.endswith(("'", "\u2019")):
        name = name[:-1]
    return name.casefold()


def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_POSSESSIVE = re.compile(r"'s\b")
_JOINED_PREFIX = re.compile(r"\b(co|start|chip)-(?=founder|up|maker)")
_CHIEF_EXECUTIVE = re.compile(r"\bchief executive(?: officer)?\b")
_LABORATORY = re.compile(r"\blaboratory\b")
_LOWER_WORD = re.compile(r"[a-z0-9]+")


def normalise_role(phrase: str) -> list[str]:
    """Lower-case a descriptor into words, joining spellings ('co-founder' is 'cofounder', 'chief executive' 'ceo')."""
    phrase = _POSSESSIVE.sub("", phrase.casefold().replace("\u2019", "'"))
    phrase = _JOINED_PREFIX.sub(r"\1", phrase)
    phrase = _LABORATORY.sub("lab", _CHIEF_EXECUTIVE.sub("ceo", phrase))
    return _LOWER_WORD.findall(phrase)


def role_heads(phrase: str) -> list[str]:
    """The role words of a descriptor, normalised: 'DeepSeek founder and chief executive' -> ['founder', 'ceo']."""
    return [word for word in normalise_role(phrase) if word in ROLE_HEADS]


@lru_cache(maxsize=4096)
def _is_role_word(word: str) -> bool:
    """Whether one word of text is a role word (memoised: the same words recur)."""
    return bool(role_heads(word))


def _looks_like_role(word: str) -> bool:
    word = word.casefold().replace("\u2019", "'")
    return (word[:-2] if word.endswith("'s") else word) in _HEAD_SPELLINGS


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: str
    role: str
    role_status: str
    claim_id: str
    affiliations: tuple[str, ...]
    role_words: frozenset
    contradicted: frozenset
    forms: tuple[str, ...]


@dataclass(frozen=True)
class _Register:
    entries: tuple[_Entry, ...]
    by_key: dict  # folded form -> (entry, misspelled)
    mentions: re.Pattern | None  # any registered form, for short strings
    starts: dict  # lower-cased first word of a form -> pattern matching the forms that start with it
    by_first: dict  # first word of a person's name -> entries
    by_last: dict  # last word of a person's name -> entries


def _entry(row: pd.Series) -> _Entry:
    name = str(row["name"]).strip()
    variants = _split(row["variants"])
    words = lambda field: frozenset(w for part in _split(row[field]) for w in normalise_role(part))  # noqa: E731
    return _Entry(
        name=name, kind=str(row["kind"]), role=str(row["role"]), role_status=str(row["role_status"]),
        claim_id="" if pd.isna(row["claim_id"]) else str(row["claim_id"]),
        affiliations=tuple(_split(row["affiliations"])), role_words=words("role_words"),
        contradicted=words("roles_contradicted"), forms=tuple(dict.fromkeys([name] + variants)),
    )


def is_misspelling(written: str, canonical: str) -> bool:
    """A registered form is a misspelling when it differs in letters (not only case, spacing or hyphens)
    and is not simply part of the canonical name ("Hinton" for "Geoffrey Hinton")."""
    if _letters(written) == _letters(canonical):
        return False
    return not set(written.casefold().split()) <= set(canonical.casefold().split())


def _pattern(forms: list[str]) -> re.Pattern:
    spelled = sorted({_GAP.join(re.escape(t) for t in form.split()) for form in forms}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(spelled) + r")(?![\w])", re.I)


@cached
def _register() -> _Register:
    entries = tuple(_entry(row) for _, row in _people_table().iterrows() if not pd.isna(row["name"]))
    by_key, starts = {}, {}
    for entry in entries:
        for form in entry.forms:
            by_key.setdefault(_key(form), (entry, is_misspelling(form, entry.name)))
            starts.setdefault(form.split()[0].lower(), []).append(form)
    all_forms = [form for entry in entries for form in entry.forms]
    mentions = re.compile(r"(?<![\w@])" + _pattern(all_forms).pattern, re.I) if all_forms else None
    by_first, by_last = {}, {}
    for entry in entries:
        tokens = entry.name.split()
        if entry.kind == "person" and len(tokens) >= 2:
            by_first.setdefault(tokens[0], []).append(entry)
            by_last.setdefault(tokens[-1], []).append(entry)
    return _Register(entries, by_key, mentions, {k: _pattern(v) for k, v in starts.items()}, by_first, by_last)


def _as_dict(entry: _Entry) -> dict:
    table = _people_table()
    record = table[table["name"] == entry.name].iloc[0]
    result = {column: (None if pd.isna(record[column]) else str(record[column])) for column in table.columns}
    for column in LIST_COLUMNS:
        result[column] = _split(record[column])
    return result


def person(name: str) -> dict | None:
    """Look up a registered person or organisation by its canonical name or any variant seen in the seeds.

    Case, spacing and a possessive ("Geoffrey Hinton's") do not matter. Returns the register row as a
    dict (list columns as lists), or None.
    """
    if not isinstance(name, str) or not name.strip():
        return None
    found = _register().by_key.get(_key(name))
    return _as_dict(found[0]) if found is not None else None


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance between two short words, case-folded; anything above ``limit`` is ``limit + 1``."""
    a, b = a.casefold(), b.casefold()
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def is_close_spelling(written: str, canonical: str) -> bool:
    """Tell whether ``written`` looks like a misspelling of the name part ``canonical``.

    Different beyond case, at most two edits away, and at most one edit per three letters of the
    canonical spelling: "Jeffrey" for "Geoffrey" (2 edits in 8), "Alexander" for "Alexandr" (1 in 8).
    """
    if written.casefold() == canonical.casefold():
        return False
    allowed = min(2, max(1, len(canonical) // 3))
    return edit_distance(written, canonical, allowed) <= allowed


# --- finding names -----------------------------------------------------------------------------------



def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _registered_mentions(text: str, lowered: str, register: _Register,
                         positions: dict) -> list[tuple[int, int, str]]:
    """Every registered form in the text, not inside a longer word, longest first where two overlap.

    ``positions`` receives where each first word was seen, for the look at close spellings.
    """
    found = []
    for first_word, pattern in register.starts.items():
        seen = positions[first_word] = list(find_all(lowered, first_word))
        for position in seen:
            if position:
                previous = text[position - 1]
                if previous.isalnum() or previous in "_@":
                    continue
            match = pattern.match(text, position)
            if match and not match.group().islower():
                found.append((position, -match.end(), match.group()))
    found.sort()
    kept, reach = [], -1
    for start, negative_end, written in found:
        if start >= reach:
            kept.append((start, -negative_end, written))
            reach = -negative_end
    return kept


class _Spans:
    """Spans already claimed by a mention (never overlapping), with a fast overlap test and fast additions.

    The spans are kept sorted in chunks of at most ``_CHUNK`` spans, so adding one moves at most a chunk,
    not the whole list: a text with many close spellings costs time linear in their number.
    """

    _CHUNK = 512

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.chunks = [ordered[at:at + self._CHUNK] for at in range(0, len(ordered), self._CHUNK)] or [[]]
        self.firsts = [chunk[0] if chunk else (-1, -1) for chunk in self.chunks]

    def _before(self, key: tuple[int, int]) -> tuple[int, int] | None:
        """The last span that sorts before ``key``, or None."""
        chunk = max(0, bisect.bisect_left(self.firsts, key) - 1)
        index = bisect.bisect_left(self.chunks[chunk], key) - 1
        if index >= 0:
            return self.chunks[chunk][index]
        return self.chunks[chunk - 1][-1] if chunk > 0 else None

    def overlaps(self, start: int, end: int) -> bool:
        before = self._before((end, -1))
        return before is not None and before[1] > start

    def add(self, start: int, end: int) -> None:
        span = (start, end)
        number = max(0, bisect.bisect_right(self.firsts, span) - 1)
        chunk = self.chunks[number]
        bisect.insort(chunk, span)
        self.firsts[number] = chunk[0]
        if len(chunk) > 2 * self._CHUNK:
            self.chunks[number:number + 1] = [chunk[:self._CHUNK], chunk[self._CHUNK:]]
            self.firsts[number:number + 1] = [chunk[0], chunk[self._CHUNK]]


def _exact_word_at(text: str, word: str, position: int) -> bool:
    end = position + len(word)
    return (text.startswith(word, position) and (position == 0 or not _word_char(text[position - 1]))
            and (end == len(text) or not _word_char(text[end])))


def _close_mentions(text: str, lowered: str, register: _Register, taken: _Spans,
                    positions: dict) -> list[tuple[int, int, _Entry]]:
    """A registered name part written exactly beside a close spelling of the other part ("Jeffrey Hinton")."""
    found = []
    for last, entries in register.by_last.items():
        for position in find_all(lowered, last.lower()):
            if taken.overlaps(position, position + len(last)) or not _exact_word_at(text, last, position):
                continue
            before = _WORD_BEFORE.search(text, max(0, position - 40), position)
            if before is None:
                continue
            span = (before.start(1), position + len(last))
            for entry in entries:
                if not taken.overlaps(*span) and is_close_spelling(before.group(1), entry.name.split()[0]):
                    found.append((*span, entry))
                    taken.add(*span)
    for first, entries in register.by_first.items():
        seen = positions.get(first.lower())
        for position in seen if seen is not None else find_all(lowered, first.lower()):
            if taken.overlaps(position, position + len(first)) or not _exact_word_at(text, first, position):
                continue
            after = _WORD_AFTER.match(text, position + len(first))
            if after is None:
                continue
            span = (position, after.end(1))
            for entry in entries:
                if not taken.overlaps(*span) and is_close_spelling(after.group(1), entry.name.split()[-1]):
                    found.append((*span, entry))
                    taken.add(*span)
    return found


# --- descriptors beside a name ------------------------------------------------------------------------

def _descriptor_before(text: str, start: int) -> tuple[int, str] | None:
    """A role phrase ending right before a name ("Microsoft CEO" in "Microsoft CEO Satya Nadella")."""
    if start < 2 or not text[start - 1].isspace():
        return None
    near = text[max(0, start - 40):start].rstrip()
    if not near or not near[-1].isalpha() or not _looks_like_role(near.rsplit(None, 1)[-1]):
        return None
    window_start = max(0, start - _LOOK_BACK)
    window = text[window_start:start]
    last_break = _LAST_BREAK.match(window)
    segment_start = last_break.end() if last_break else 0
    words = _WORD.findall(window, segment_start)
    if not words or not _is_role_word(words[-1]):
        return None
    first, index, modifiers = len(words) - 1, len(words) - 2, 0
    while index >= 0 and modifiers < _MAX_MODIFIERS:
        lowered = words[index].casefold()
        if lowered in ("and", "&") and index > 0 and _is_role_word(words[index - 1]):
            first, index = index - 1, index - 2
            continue
        if lowered in _STOP or not any(map(str.isalpha, words[index])):
            break
        first, index, modifiers = index, index - 1, modifiers + 1
    position = len(window)
    for word in reversed(words[first:]):
        position = window.rfind(word, segment_start, position)
    begin = window_start + position
    return begin, text[begin:start].rstrip()


def _descriptor_after(text: str, end: int) -> tuple[int, str] | None:
    """An appositive role after a name ("a prominent venture capitalist" in "Marc Andreessen, a prominent ...")."""
    match = _APPOSITIVE.match(text, end, min(len(text), end + 100))
    if not match:
        return None
    phrase = match.group(1).rstrip()
    if not phrase or len(phrase.split()) > 8:
        return None
    article = _ARTICLE.match(phrase)
    first_words = phrase[article.end() if article else 0:].split()[:5]
    if not first_words or first_words[0].casefold() in _STOP or not role_heads(" ".join(first_words)):
        return None
    return match.start(1) + len(phrase), phrase


def _descriptor(text: str, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """The descriptor before a name, else the one after it, as ((span start, span end), descriptor)."""
    if start >= 4 and text[start - 4:start - 1] in _HEAD_ENDINGS:
        before = _descriptor_before(text, start)
        if before is not None:
            return (before[0], end), before[1]
    if text.startswith(",", end) or text.startswith(" ,", end):
        after = _descriptor_after(text, end)
        if after is not None:
            return (start, after[0]), after[1]
    return None


# --- judging ------------------------------------------------------------------------------------------

@cached
def _source_titles() -> dict:
    facts = load_facts()
    return {str(claim): str(title).strip() for claim, title in zip(facts["claim_id"], facts["source_title"])}


def _cited(claim_id: str) -> str:
    title = _source_titles().get(claim_id, "")
    if not title or title.casefold() in NO_SOURCE_MARKERS:
        return f"row {claim_id}"
    return f"row {claim_id}, from {title}"


def _flag(text: str, span: tuple[int, int], problem: str, entry: _Entry, role_given: str | None,
          message: str) -> dict:
    start, end = span
    return {"text": text[start:end], "start": start, "end": end, "problem": problem, "canonical": entry.name,
            "role_given": role_given, "role_known": entry.role, "claim_id": entry.claim_id, "message": message}


def _misspelled(text: str, span: tuple[int, int], entry: _Entry, role_given: str | None, registered: bool) -> dict:
    written = " ".join(text[span[0]:span[1]].split())
    if registered:
        message = (f"'{written}' is a misspelling: the fact sheet spells the name {entry.name} "
                   f"(row {entry.claim_id}). A misspelled name is a sign that a writer did not check the source.")
    else:
        message = (f"'{written}' looks like a misspelling of {entry.name}, as the fact sheet spells the name "
                   f"(row {entry.claim_id}). Check it: it could also be a different person.")
    return _flag(text, span, "misspelled", entry, role_given, message)


def _other_organisations(phrase: str, entry: _Entry, register: _Register) -> list[str]:
    """Registered organisations named in a descriptor that the entry is not linked to."""
    linked = {_key(name) for name in (*entry.affiliations, entry.name)}
    found = []
    for match in register.mentions.finditer(phrase):
        other = register.by_key.get(_key(match.group()), (None,))[0]
        if other is not None and other.kind != "person" and _key(other.name) not in linked:
            found.append(other.name)
    return found


def _role_verdict(entry: _Entry, role_given: str, register: _Register) -> tuple[str, str] | None:
    """Judge a descriptor against the register: (problem, message), or None when the source supports it."""
    if entry.role_status == "unverifiable":
        known = re.sub(r"^unverifiable:\s*", "", entry.role)
        message = (f"The text calls {entry.name} '{role_given}', but the fact sheet found no source for what "
                   f"{entry.name} is (row {entry.claim_id}: {known}). 'Unverifiable' means no source was found, "
                   "not that the label is false.")
        return "unverified_role", message
    heads = role_heads(register.mentions.sub(" ", role_given))
    wrong = [head for head in heads if head in entry.contradicted]
    others = _other_organisations(role_given, entry, register)
    if wrong or others:
        reason = f"'{wrong[0]}'" if wrong else f"a link to {others[0]}"
        message = (f"The text calls {entry.name} '{role_given}', but the fact sheet ({_cited(entry.claim_id)}) "
                   f"describes {entry.name} as: {entry.role}. The source does not support {reason}.")
        return "mislabelled", message
    if any(head not in entry.role_words for head in heads):
        message = (f"The text calls {entry.name} '{role_given}'; the fact sheet ({_cited(entry.claim_id)}) "
                   f"does not establish that description (it has: {entry.role}), so the kit cannot confirm "
                   "the label. That makes it unverified, not false.")
        return "unverified_role", message
    return None


def check_names(text: str) -> list[dict]:
    """Flag misspelled names and unsupported labels for registered people and organisations in ``text``.

    Each flag is a dict: ``text``, ``start``, ``end`` (the span in ``text``), ``problem``
    ("misspelled", "mislabelled" or "unverified_role"), ``canonical``, ``role_given`` (the descriptor
    beside the name, or None), ``role_known`` (the register's role), ``claim_id`` and ``message``.
    Flags come in order of position. Never raises on a string; anything else gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    register = _register()
    if register.mentions is None:
        return []
    lowered = lowered_in_place(text)
    mentions, positions = [], {}
    for start, end, written in _registered_mentions(text, lowered, register, positions):
        known = register.by_key.get(written.casefold()) or register.by_key.get(_key(written))
        entry, misspelled = known if known is not None else (None, False)
        if entry is not None:
            mentions.append((start, end, entry, misspelled))
    taken = _Spans([(start, end) for start, end, _, _ in mentions])
    close = _close_mentions(text, lowered, register, taken, positions)
    mentions += [(start, end, entry, None) for start, end, entry in close]
    flags, verdicts = [], {}
    for start, end, entry, misspelled in sorted(mentions, key=lambda mention: mention[0]):
        descriptor = _descriptor(text, start, end)
        role_given = descriptor[1] if descriptor else None
        if misspelled is not False:
            flags.append(_misspelled(text, (start, end), entry, role_given, registered=misspelled is True))
        if descriptor is not None:
            key = (entry.name, role_given)
            if key not in verdicts:
                verdicts[key] = _role_verdict(entry, role_given, register)
            if verdicts[key] is not None:
                flags.append(_flag(text, descriptor[0], verdicts[key][0], entry, role_given, verdicts[key][1]))
    return flags
