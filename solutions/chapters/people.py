"""Who is who: checks of the names and labels of the people and organisations the seeds cite.

``check_names(text)`` flags a registered name that is misspelled ("Jeffrey Hinton") and a role given
beside a name ("Analyst Arnaud Bertrand") that the fact sheet contradicts or does not establish.
Every verdict cites the fact-sheet row (``claim_id``) that the register's row rests on. The register itself is
:mod:`solutions.data.people`; role words and the descriptor beside a name are :mod:`solutions.analyser.roles`.
"""

from __future__ import annotations

import bisect
import re

from solutions.analyser.roles import role_beside_name, role_heads
from solutions.analyser.text import lowered_in_place
from solutions.analyser.text import positions as find_all
from solutions.data.datafiles import cached
from solutions.data.facts import NO_SOURCE_MARKERS, load_facts
from solutions.data.people import NAME_GAP, NameRegister, RegisterEntry, name_key, name_register

PROBLEMS = ("misspelled", "mislabelled", "unverified_role")

_WORD_BEFORE = re.compile(rf"(?<![\w])([A-Z][A-Za-z]{{1,24}}){NAME_GAP}\Z")
_WORD_AFTER = re.compile(rf"{NAME_GAP}([A-Z][A-Za-z]{{1,24}})(?![\w])")


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


def _registered_mentions(text: str, lowered: str, register: NameRegister,
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


class TakenSpans:
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


def _close_mentions(text: str, lowered: str, register: NameRegister, taken: TakenSpans,
                    positions: dict) -> list[tuple[int, int, RegisterEntry]]:
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


def _flag(text: str, span: tuple[int, int], problem: str, entry: RegisterEntry, role_given: str | None,
          message: str) -> dict:
    start, end = span
    return {"text": text[start:end], "start": start, "end": end, "problem": problem, "canonical": entry.name,
            "role_given": role_given, "role_known": entry.role, "claim_id": entry.claim_id, "message": message}


def _misspelled(text: str, span: tuple[int, int], entry: RegisterEntry, role_given: str | None, registered: bool) -> dict:
    written = " ".join(text[span[0]:span[1]].split())
    if registered:
        message = (f"'{written}' is a misspelling: the fact sheet spells the name {entry.name} "
                   f"(row {entry.claim_id}). A misspelled name is a sign that a writer did not check the source.")
    else:
        message = (f"'{written}' looks like a misspelling of {entry.name}, as the fact sheet spells the name "
                   f"(row {entry.claim_id}). Check it: it could also be a different person.")
    return _flag(text, span, "misspelled", entry, role_given, message)


def _other_organisations(phrase: str, entry: RegisterEntry, register: NameRegister) -> list[str]:
    """Registered organisations named in a descriptor that the entry is not linked to."""
    linked = {name_key(name) for name in (*entry.affiliations, entry.name)}
    found = []
    for match in register.mentions.finditer(phrase):
        other = register.by_key.get(name_key(match.group()), (None,))[0]
        if other is not None and other.kind != "person" and name_key(other.name) not in linked:
            found.append(other.name)
    return found


def _role_verdict(entry: RegisterEntry, role_given: str, register: NameRegister) -> tuple[str, str] | None:
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
    register = name_register()
    if register.mentions is None:
        return []
    lowered = lowered_in_place(text)
    mentions, positions = [], {}
    for start, end, written in _registered_mentions(text, lowered, register, positions):
        known = register.by_key.get(written.casefold()) or register.by_key.get(name_key(written))
        entry, misspelled = known if known is not None else (None, False)
        if entry is not None:
            mentions.append((start, end, entry, misspelled))
    taken = TakenSpans([(start, end) for start, end, _, _ in mentions])
    close = _close_mentions(text, lowered, register, taken, positions)
    mentions += [(start, end, entry, None) for start, end, entry in close]
    flags, verdicts = [], {}
    for start, end, entry, misspelled in sorted(mentions, key=lambda mention: mention[0]):
        descriptor = role_beside_name(text, start, end)
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
