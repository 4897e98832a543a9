"""Names in a text: runs of capitalised words split into people and organisations, and :class:`NameIndex`.

:func:`proper_names` picks the identifying names out of a short phrase; :class:`NameIndex` indexes a whole text
lazily and answers "which name came last before here?" and "what is this surname's full name?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from solutions.analyser.attribution.words import (
    GENERIC_WORDS, INDEFINITE_WORDS, ORG_WORDS, PARTY_TAG, PERSON_PRONOUNS, ROLE_WORDS, THING_PRONOUNS, VAGUE_WORDS,
    bare, is_place,
)

#: Capital letters of Latin alphabets: a name may open with "Á", "Ł" or "Š" as well as "A".
_UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x180)) if ch.isupper())
_NAME_TOKEN = rf"(?:[{_UPPER}][\w\u2019'&.\-]*)"
_CONNECTOR = r"(?:of|for|and|de|da|del|van|von|der|bin|al|la|le|du|&)"
#: A run of capitalised words, allowing "of"/"and" inside ("Ministry of Trade and Industry").
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_TOKEN})*")
#: A family name's own capital inside it: "MacLeod", "McDonald", "O'Brien", "DeSantis", "FitzGerald".
_NAME_PREFIX = r"(?:Ma?c|Fitz|De|Di|Du|Le|La|O[\u2019'])"
#: Lower-case letters of any Latin alphabet ("Kovač", "Müller", "José"): letters that are not capitals.
_LOWER = rf"(?:(?![{_UPPER}])[^\W\d_])"
_PERSON_TOKEN = re.compile(rf"{_NAME_PREFIX}?[{_UPPER}]{_LOWER}+(?:[-\u2019'][^\W\d_]+)*\.?$|[A-Z]\.$")
_PREFIXED_NAME = re.compile(rf"{_NAME_PREFIX}[{_UPPER}]{_LOWER}+$")
#: A word with a capital inside it ("DeepSeek", "MTI", "SemiAnalysis") is a name even at a sentence start.
_INNER_CAPITAL = re.compile(r"(?<=.)[A-Z]")
_TOKEN = re.compile(r"\S+")


def proper_names(phrase: str) -> list[str]:
    """Capitalised names in ``phrase`` that identify someone; generic words and a generic first word dropped."""
    names = []
    first = len(phrase) - len(phrase.lstrip())
    for match in NAME_RUN.finditer(phrase):
        tokens = match.group(0).split()
        skip = 0
        while skip < len(tokens) and _is_generic(tokens[skip], at_start=match.start() == first):
            skip += 1
        tokens = [t for t in tokens[skip:] if not _is_generic(t, at_start=False)]
        if tokens:
            names.append(" ".join(bare(t) for t in tokens))
    return names


def _is_generic(token: str, at_start: bool) -> bool:
    word = bare(token).casefold()
    if word in GENERIC_WORDS:
        return True
    return at_start and (word in ROLE_WORDS or word in VAGUE_WORDS or word in INDEFINITE_WORDS
                         or word in PERSON_PRONOUNS or word in THING_PRONOUNS)



@dataclass(frozen=True)
class Mention:
    """A person or organisation named in a text: the name as written (possessive dropped) and its offsets."""

    name: str
    start: int
    end: int
    #: a lone sentence-initial word the text never confirms as a name ("Whispers", or an unexplained "Huang")
    doubtful: bool = False


@lru_cache(maxsize=65536)
def split_name_run(run: str) -> tuple[tuple[str, int, int], ...]:
    """Split a run of capitalised words into names at possessives and titles ("Scale AI's CEO Alexandr Wang").

    Returns (name, start, end) with offsets into ``run``; titles such as "CEO" or "Analyst" are left out,
    except inside a name ("Ministry of Trade and Industry").
    """
    pieces: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    matches = list(_TOKEN.finditer(run))
    for position, token_match in enumerate(matches):
        token, start, end = token_match.group(0), token_match.start(), token_match.end()
        word = token.casefold()
        title = word in ROLE_WORDS and word not in ORG_WORDS
        if title and not (current and current[-1][0].casefold() in ("of", "for", "and", "&")):
            pieces.append(current)
            current = []
            continue
        if word == "of" and 2 <= len(current) <= 4 and name_kind(" ".join(t for t, _, _ in current)) == "person" \
                and not _place_follows(run, end):  # "Pharmaceutical Innovators of America" is one name
            pieces.append(current)  # "Dan Ives of Wedbush": a person, then an organisation
            current = []
            continue
        current.append((token, start, end))
        if token.endswith(("s'", "s\u2019")) and position + 1 < len(matches) \
                and bare(matches[position + 1].group(0)).casefold() in _BODY_AFTER_PLURAL:
            continue  # "General Insurers' Association", "National Farmers' Union": one name
        if (len(token) > 2 and bare(token) != token) or (
                token.endswith(".") and len(token) > 3 and "." not in token[:-1]):
            pieces.append(current)  # a possessive, or a full stop ending a sentence ("Sheffield. It")
            current = []
    pieces.append(current)
    names = []
    for piece in pieces:
        first, last = 0, len(piece) - 1
        while last >= 0 and piece[last][0].casefold() in ("of", "for", "and", "&", "de", "van", "von"):
            last -= 1
        while first <= last and piece[first][0].casefold() in ("of", "for", "and", "&"):
            first += 1
        if first <= last:
            start = piece[first][1]
            name = bare(_without_full_stop(run[start:piece[last][2]]))
            names.append((name, start, start + len(name)))
    return tuple(names)


#: Nouns of a body that a plural possessive may open within one name ("Farmers' Union").
_BODY_AFTER_PLURAL = frozenset("""
    association union federation guild alliance league forum council confederation institute society fund trust
    club party congress network coalition collective bank
""".split())
_NEXT_TOKEN = re.compile(r"\s+([A-Z][\w'\u2019&.-]*)")


def _place_follows(run: str, end: int) -> bool:
    """True when the word after "of" (ending at ``end``) is a country or city: "... of America" ends an
    organisation's name, where "Dan Ives of Wedbush" joins a person to a firm."""
    following = _NEXT_TOKEN.match(run, end)
    return following is not None and is_place(following.group(1))


def _without_full_stop(name: str) -> str:
    """Drop a sentence's full stop from a name ("Ives." -> "Ives"), keeping "U.S." and an initial ("J.")."""
    last = name.rsplit(" ", 1)[-1]
    if last.endswith(".") and len(last) > 3 and "." not in last[:-1]:
        return name[:-1]
    return name


_ORG_OR_GENERIC = ORG_WORDS | GENERIC_WORDS


@lru_cache(maxsize=65536)
def name_kind(name: str) -> str:
    """Guess "person" ("Satya Nadella"), "org" ("Scale AI", "MTI", "DeepSeek") or "unknown" (a lone "Huang")."""
    tokens = name.split()
    if len(tokens) == 1:
        word = tokens[0]
        if (_INNER_CAPITAL.search(word) and not _PREFIXED_NAME.match(word)) or any(c.isdigit() for c in word) \
                or word.casefold() in ORG_WORDS:
            return "org"
        return "unknown" if _PERSON_TOKEN.match(word) else "org"
    if len(tokens) > 4 or tokens[0].endswith(DESCRIBING_ENDINGS):  # "Lahore-based Sunrise" describes a firm
        return "org"
    while len(tokens) > 2 and tokens[0].casefold().strip(".") in ROLE_BEFORE_NAME:
        tokens = tokens[1:]  # "Local MP Tom Redfern", "Labour MP Jo Park": the person after the role
    if is_place(name):
        return "org"  # "North Africa", "Northern Ireland": a place is never a person
    for token in tokens:
        if not _PERSON_TOKEN.match(token) or token.casefold().strip(".") in _ORG_OR_GENERIC:
            return "org"
    return "person"


#: Titles and roles that stand before a person's name in a run of capitalised words.
ROLE_BEFORE_NAME = frozenset("""
    mp mps mla mep msp ms mr mrs dr sir dame cr cllr councillor senator sen rep governor mayor minister local former
    labour tory conservative liberal green shadow deputy chief ceo cfo coo cto professor prof judge justice
""".split())


#: Letters written after a person's name: ranks in the law, honours, seats, degrees.
_POST_NOMINALS = frozenset("SC QC KC OBE MBE CBE KBE DBE MP MSP MS AM MLA MEP TD PhD Jr Sr".split())


#: A word of a line, for telling a title-case headline from prose, and how much of a line is read for it.
_LINE_WORD = re.compile(r"(?<![\w'\u2019-])[A-Za-z][\w'\u2019-]*")
_LINE_READ = 300
#: Words a title-case headline keeps in lower case.
_SMALL_TITLE_WORDS = frozenset("a an the and or but nor of to in on at by for from with as vs via per into over up".split())

_BLOCK = 512
#: Name runs never cross a comma or a line break, so index blocks start right after one.
_BLOCK_EDGE = re.compile(r"[\n,]")
#: How far from a name to look for the same name capitalised mid-sentence or written in full.
_WINDOW = 30000
_SENTENCE_BREAK = frozenset(".!?:;\"\u201c\u2018'\n[\u2014\u2013-")
_CLOSING_MARKS = frozenset("\u201d\u2019")
_MID_SENTENCE_BEFORE = re.compile(r"[a-z0-9,;][ \t]+$")
_GIVEN_NAMES_BEFORE = re.compile(r"(?<![\w\u2019'])((?:[A-Z][a-z]+(?:[-\u2019'][A-Za-z]+)*[ \t]+){1,2})$")
#: The given names after a family name: one word, hyphenated or not ("Do-hyun"), or two ("Chua Mei Ling").
_FAMILY_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[a-z]+)*(?:[ \t]+[A-Z][a-z]+)?)(?![\w-])(?![ \t]+[A-Z])")
#: Endings of a capitalised word that describes the name after it rather than being part of it.
DESCRIBING_ENDINGS = ("-based", "-born", "-listed", "-owned", "-backed", "-led", "-headquartered")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")
_INITIAL = re.compile(r"(?:^|[ \t])[A-Z]\.")
_CAPITALISED_RUN_AFTER = re.compile(r"[ \t]+([A-Z][\w&\-]*(?:[ \t]+[A-Z][\w&\-]*)*)")
_POSSESSIVE_BEFORE_NAME = re.compile(r"[\u2019']s[ \t]+[A-Z]")


@lru_cache(maxsize=65536)
def _names_in_run(run: str, initial: bool) -> tuple[tuple[str, int, int, bool], ...]:
    """The names in one run of capitalised words: (name, start, end, doubtful), offsets into ``run``.

    ``doubtful`` marks a lone capitalised word at a sentence start ("Whispers", or "Huang"): it is a
    name only if the text also capitalises it mid-sentence or uses it in a person's full name.
    """
    tokens = [(t.group(0), t.start()) for t in _TOKEN.finditer(run)]
    if initial and len(tokens) > 1:
        first = tokens[0][0]
        lowered = first.casefold()
        if not _INNER_CAPITAL.search(first) and bare(first) == first and (
                lowered in GENERIC_WORDS or lowered.endswith(("ly", "ing"))):
            tokens = tokens[1:]
    skip = 0
    while skip < len(tokens) and bare(tokens[skip][0]).casefold() in GENERIC_WORDS:
        skip += 1
    tokens = tokens[skip:]
    if not tokens:
        return ()
    base = tokens[0][1]
    found = []
    for name, start, end in split_name_run(run[base:]):
        lowered = name.casefold()
        if len(name) < 2 or lowered in GENERIC_WORDS or lowered in ROLE_WORDS or PARTY_TAG.fullmatch(name) \
                or lowered.endswith(DESCRIBING_ENDINGS):
            continue  # "R-Ohio" is a party and a state; "Hong Kong-based" describes the name after it
        head, _, last = name.rpartition(" ")
        if head.count(" ") >= 1 and last.strip(".") in _POST_NOMINALS:
            name, end = head, end - len(last) - 1  # "Fergal Dunne SC": the letters after a name are no part of it
        doubtful = (initial and start == 0 and " " not in name and not _INNER_CAPITAL.search(name)
                    and run[base + end:base + end + 1] not in ("'", "\u2019"))
        found.append((name, base + start, base + end, doubtful))
    return tuple(found)


def _sentence_initial(text: str, position: int) -> bool:
    """True when the word at ``position`` starts a sentence, line or quotation (so its capital says nothing)."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0:
        return True
    mark = text[index]
    if mark in _CLOSING_MARKS or (mark in "\"'" and index > 0 and not text[index - 1].isspace()):
        return index > 0 and text[index - 1] in ".!?"
    return mark in _SENTENCE_BREAK


class NameIndex:
    """The names a text mentions, for resolving "he", "Wang" or "the firm" to a named source.

    The text is indexed lazily, about 500 characters at a time, so only the parts near quotes are read.
    A capital at the start of a sentence says nothing, so a sentence's lone first word counts as a name
    only when it has a capital inside ("DeepSeek", "MTI"), is possessive ("Nadella's"), is capitalised
    mid-sentence nearby, or is the first or last name of a person named nearby.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks: dict[int, list[Mention]] = {}
        self._edges: dict[int, int] = {}
        self._full: dict[str, str | None] = {}
        self._confirmed: dict[str, bool] = {}
        self._article: dict[str, bool] = {}
        self._title_case: dict[int, bool] = {}

    def _edge(self, block: int) -> int:
        if block <= 0:
            return 0
        nominal = block * _BLOCK
        if nominal >= len(self.text):
            return len(self.text)
        if block not in self._edges:
            match = _BLOCK_EDGE.search(self.text, nominal, nominal + 4 * _BLOCK)
            self._edges[block] = match.end() if match else nominal
        return self._edges[block]

    def _block(self, block: int) -> list[Mention]:
        if block not in self._blocks:
            text, mentions = self.text, []
            for match in NAME_RUN.finditer(text, self._edge(block), self._edge(block + 1)):
                if self._in_title_case_line(match.start()):
                    continue  # "Vaultra Hit by $187M Hot Wallet Exploit": a headline's capitals are its style
                initial = _sentence_initial(text, match.start())
                for name, begin, stop, doubtful in _names_in_run(match.group(0), initial):
                    position = match.start() + begin
                    doubtful = doubtful and not self._confirmed_name(name, position)
                    mentions.append(Mention(name, position, match.start() + stop, doubtful))
            self._blocks[block] = mentions
        return self._blocks[block]

    def _in_title_case_line(self, position: int) -> bool:
        """True when the line holding ``position`` is a title-case headline: at least four words, and no more than
        one in five of those that are not small words ("by", "of", "and") starts in lower case. Only the first
        ``_LINE_READ`` characters of a line are read, and a position further into its line is in no headline, so the
        look back for the line's start is bounded too (linear in the text, however long its lines)."""
        reach = max(0, position - _LINE_READ)
        newline = self.text.rfind("\n", reach, position)
        if newline == -1 and reach > 0:
            return False
        start = newline + 1
        if start not in self._title_case:
            end = self.text.find("\n", start)
            words = _LINE_WORD.findall(self.text, start, min(end if end != -1 else len(self.text), start + _LINE_READ))
            lower = sum(word[0].islower() and word.casefold() not in _SMALL_TITLE_WORDS for word in words)
            self._title_case[start] = len(words) >= 4 and lower * 5 <= len(words)
        return self._title_case[start]

    def _block_of(self, position: int) -> int:
        block = max(0, position // _BLOCK)
        while block > 0 and self._edge(block) > position:
            block -= 1
        return block

    def _confirmed_name(self, name: str, position: int) -> bool:
        """True when a capitalised word that opens a sentence is a name all the same: the text writes it
        mid-sentence too, gives it as part of a person's full name, or opens an organisation's name with it
        ("Starhaven" of "Starhaven Media")."""
        if name not in self._confirmed:
            text = self.text
            self._confirmed[name] = any(
                _MID_SENTENCE_BEFORE.search(text, max(0, at - 3), at) or self._opens_organisation(name, at)
                for at in self._occurrences(name, position)) or self.full_name(name, position) != name
        return self._confirmed[name]

    def _opens_organisation(self, name: str, at: int) -> bool:
        run = _CAPITALISED_RUN_AFTER.match(self.text, at + len(name), at + len(name) + 60)
        return run is not None and len(run.group(1).split()) <= 3 and name_kind(f"{name} {run.group(1)}") == "org"

    def _occurrences(self, word: str, position: int) -> list[int]:
        """Offsets of ``word`` as a whole word within 30,000 characters of ``position`` (at most 200)."""
        text, found = self.text, []
        high = min(len(text), position + _WINDOW)
        index = text.find(word, max(0, position - _WINDOW), high)
        while index != -1 and len(found) < 200:
            end = index + len(word)
            if (index == 0 or not text[index - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
                found.append(index)
            index = text.find(word, end, high)
        return found

    def before(self, position: int, kinds: tuple[str, ...] | None = None, window: int = 5000,
               doubtful: bool = False) -> Mention | None:
        """The last mention ending before ``position`` of one of ``kinds``, at most ``window`` characters back.

        ``doubtful`` mentions (a lone sentence-initial word) count only when asked for.
        """
        block = self._block_of(position)
        floor = position - window
        while block >= 0 and self._edge(block + 1) > floor:
            for mention in reversed(self._block(block)):
                if mention.start < floor:
                    return None
                if mention.end <= position and mention.doubtful == doubtful and (
                        kinds is None or self.kind_of(mention.name, mention.start) in kinds):
                    return mention
            block -= 1
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        """The (not doubtful) mentions lying inside start:end, in order."""
        found = []
        for block in range(self._block_of(start), self._block_of(max(start, end - 1)) + 1):
            found.extend(m for m in self._block(block) if m.start >= start and m.end <= end and not m.doubtful)
        return found

    def full_name(self, name: str, position: int = 0) -> str:
        """A bare surname ("Wang") as the full name the text gives nearby ("Alexandr Wang"), else unchanged.

        A bare first name resolves too when the full name stands beside a role ("founder Liang Wenfeng"),
        since Chinese names put the family name first.
        """
        if " " in name or not _PERSON_TOKEN.match(name):
            return name
        if name not in self._full:
            self._full[name] = self._find_full_name(name, position)
        return self._full[name] or name

    def _find_full_name(self, name: str, position: int) -> str | None:
        text = self.text
        occurrences = [at for at in self._occurrences(name, position) if not self._in_title_case_line(at)]
        for at in occurrences:
            match = _GIVEN_NAMES_BEFORE.search(text, max(0, at - 50), at)
            if match and not _POSSESSIVE_BEFORE_NAME.match(text, at + len(name), at + len(name) + 4) \
                    and not match.group(1).rstrip().endswith(DESCRIBING_ENDINGS):  # "Karachi-based Sunrise"
                full = _without_generic(match.group(1)) + name
                if " " in full and self._person_shaped(full, position):
                    return full
        families = set()
        for at in occurrences:
            match = _FAMILY_NAME_AFTER.match(text, at + len(name), at + len(name) + 40)
            if match and (at == 0 or text[at - 1] not in "-\u2019'") and not any(
                    word.casefold() in ROLE_WORDS for word in match.group(1).split()):  # "Additional Chief Secretary"
                full = f"{name} {match.group(1)}"
                if self._person_shaped(full, position) and _role_beside(text, at, match.end()):
                    return full
                if self._person_shaped(full, position):
                    families.add(full)
        # a first name ("Jade") the text also gives with one family name only ("Jade Hollis's new film")
        return families.pop() if len(families) == 1 else None

    def kind_of(self, name: str, position: int = 0) -> str:
        """"person", "org" or "unknown" (a lone capitalised word); a known person's first or last name is a person,
        and a name the text writes after "the" ("the Portland Pioneers") is an organisation."""
        kind = name_kind(name)
        if kind == "unknown" and self.full_name(name, position) != name:
            return "person"
        if kind == "person" and self._after_the(name, position):
            return "org"
        return kind

    def _person_shaped(self, name: str, position: int) -> bool:
        return name_kind(name) == "person" and not self._after_the(name, position)

    def _after_the(self, name: str, position: int) -> bool:
        """True when the text writes ``name`` after "the" somewhere: people are not "the Portland Pioneers"."""
        if name not in self._article:
            text = self.text
            # a title run into a name ("the Opposition R. Venkatesan") is no sign: initials mark a person
            self._article[name] = not _INITIAL.search(name) and any(
                _THE_BEFORE.search(text, max(0, at - 5), at) for at in self._occurrences(name, position))
        return self._article[name]


def _without_generic(words: str) -> str:
    parts = words.split()
    while parts and (parts[0].casefold() in GENERIC_WORDS or parts[0].casefold() in ROLE_WORDS):
        parts = parts[1:]
    return " ".join(parts) + " " if parts else ""


def _role_beside(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start].casefold().split()[-3:]
    after = re.match(r",[ \t]*([^,.;\n]{2,60})", text[end:end + 70])
    return any(word.strip(".,") in ROLE_WORDS for word in before) or bool(
        after and any(word in ROLE_WORDS for word in after.group(1).casefold().split()))
