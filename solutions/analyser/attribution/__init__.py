"""Who is the source? Vague attributions, and the speaker, role and vagueness of a phrase that credits words.

* ``vague_attributions(text)`` finds wording that credits a claim to an unnamed source or hedges where it
  came from ("industry experts estimate", "reportedly", "is said to", "the rumor mill"). The phrases live
  in ``seeds/vague_attribution_phrases.csv``. A named source ("according to Appfigures", "analysts at
  Jefferies", "Bernstein analysts said") is not vague and is not reported; neither is an unsourced
  causal guess ("likely due to").
* ``is_vague_source(phrase)`` judges a speaker phrase on its own: "one analyst" yes, "Nvidia" no.
* :class:`NameIndex` finds the people and organisations a text names, and :class:`Sources` turns the
  phrase a quote is credited to ("he", "Wang", "the firm", "Microsoft CEO Satya Nadella") into a
  :class:`Source`: the full name, the role the text gives, and whether the source stays unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from solutions.data.datafiles import cached, read_table
from solutions.analyser.text import trie_pattern

# --- word lists ---------------------------------------------------------------------------------------


def word_set(block: str) -> frozenset[str]:
    """The white-space separated words of ``block`` as a frozen set (for the word lists below)."""
    return frozenset(block.split())


#: Capitalised words that do not make a source named: places, fields, days, sentence openers.
GENERIC_WORDS = word_set("""
    ai u.s. u.s us usa uk u.k. eu e.u. chinese american americans western european asian japanese korean
    indian british german french taiwanese russian global international wall street silicon valley tech
    industry industry's market markets financial government federal state x twitter shares stocks
    china america washington beijing europe asia
    the a an some many most other others several these those this that such both all few any each every
    and but yet so while when if as however meanwhile still also even now then or nor after before since
    although though because despite during unlike like amid among over under in on at for from with by
    of to according one two three four five independent outside leading top senior certain various
    unnamed anonymous already yesterday today tomorrow earlier later instead indeed overall moreover
    furthermore additionally similarly it its he she they we i you his her their our my your there here
    what which who where why how no not last next first early late
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""")

#: Words that name a job, a title or a kind of organisation (a role beside a name contains one).
ROLE_WORDS = word_set("""
    analyst analysts expert experts researcher researchers scientist scientists founder co-founder
    cofounder ceo cto cfo coo chief executive executives chairman chairwoman chair president vice head
    director boss leader entrepreneur investor investors capitalist financier billionaire commentator
    pundit economist economists professor academic engineer engineers strategist journalist reporter
    editor columnist official officials spokesperson spokesman spokeswoman representative minister
    secretary senator lawmaker lawmakers governor mayor ambassador chancellor premier judge firm fund
    company startup start-up lab laboratory giant maker chipmaker designer developer developers manager
    partner pioneer godfather laureate officer adviser advisor critic blogger influencer trader owner
    creator inventor bank agency supplier business parent group ministry department regulator watchdog
    employee employees staff team report paper study statement chatbot assistant app model platform
    account user users outlet newspaper magazine publication broadcaster consultancy consulting research
    commission council authority authorities association institute university organisation organization
    administration office government
""")

#: Words that mark a capitalised name as an organisation or a place rather than a person.
ORG_WORDS = word_set("""
    ai inc inc. corp corp. corporation ltd ltd. llc plc group capital partners ministry department agency
    bank university institute lab labs laboratory research analysis technologies technology tech systems
    times news post journal street securities holdings ventures fund management council commission office
    bureau association foundation media networks network cloud semiconductor semiconductors administration
    house tower valley face york kong states kingdom union intelligence markets exchange index reuters
    bloomberg cnbc press wire daily weekly review store play app apps chat gpt company co co.
    international global industries electronics motors energy financial insights economics strategies
    advisors advisers associates consulting consultancy republic party congress senate court
    committee army navy force police school college center centre hospital square city county province
    authority authorities organisation organization government board
""")

#: Countries, regions and cities: named often, but not what "the company" or "the chatbot" points back to.
PLACES = word_set("""
    china taiwan singapore japan korea india russia germany france britain uk us u.s. usa america europe
    asia africa hong kong beijing shanghai shenzhen hangzhou washington london paris tokyo seoul brussels
    california new york silicon valley wall street poland warsaw latvia riga
""")

_PLACE_ENDINGS = word_set("square street avenue road province city county valley island islands river bay state")


def is_place(name: str) -> bool:
    """True for a country, region, city or landmark ("Taiwan", "Tiananmen Square")."""
    lowered = name.casefold()
    return lowered in PLACES or (" " in lowered and lowered.split()[-1] in _PLACE_ENDINGS)


#: Pronouns a quote can be credited to that point back at one named person or body.
PERSON_PRONOUNS = word_set("he she")
THING_PRONOUNS = word_set("it")
#: Words that never identify a source on their own.
VAGUE_WORDS = word_set("""
    they them we some others many people someone somebody sources source experts analysts critics
    observers insiders commentators pundits watchers officials one few most everyone nobody anyone
    researchers investors economists scientists engineers employees executives skeptics sceptics
""")
_INDEFINITE = word_set("""
    a an one some several many other another certain unnamed anonymous unidentified few most two three
    four five various numerous multiple industry independent outside leading senior top market tech
""")

_NAME_TOKEN = r"(?:[A-Z][\w\u2019'&.\-]*)"
_CONNECTOR = r"(?:of|for|and|de|da|del|van|von|der|bin|al|la|le|du|&)"
#: A run of capitalised words, allowing "of"/"and" inside ("Ministry of Trade and Industry").
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_TOKEN})*")
_POSSESSIVE = re.compile(r"[\u2019']s?$")
_PERSON_TOKEN = re.compile(r"[A-Z][a-z]+(?:[-\u2019'][A-Za-z]+)*\.?$|[A-Z]\.$")
#: A word with a capital inside it ("DeepSeek", "MTI", "SemiAnalysis") is a name even at a sentence start.
_INNER_CAPITAL = re.compile(r"(?<=.)[A-Z]")
_TOKEN = re.compile(r"\S+")
_RELATIVE = frozenset({"who", "which", "whose", "whom"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def bare(word: str) -> str:
    """``word`` without a possessive ending ("Nadella's" -> "Nadella")."""
    return _POSSESSIVE.sub("", word)


def looks_like_role(phrase: str) -> bool:
    """True for a short description such as "a semiconductor research firm" or "CEO of Scale AI"."""
    words = [w.casefold() for w in re.findall(r"[\w\-]+", phrase)]
    if not words or len(words) > 14 or words[0] in _RELATIVE:
        return False
    return words[0] in ("a", "an", "the") or any(w in ROLE_WORDS for w in words)


def is_relative_clause(phrase: str) -> bool:
    """True for ", who asked not to be named," and the like: skipped between a subject and its verb."""
    words = phrase.split()
    return bool(words) and words[0].casefold() in _RELATIVE and len(words) <= 16


# --- vague attributions -------------------------------------------------------------------------------

#: Kinds of row in the phrase table whose phrase is dropped when a name comes with it.
CHECKED_KINDS = ("group", "according")


@dataclass(frozen=True)
class PhraseRule:
    """One row of ``vague_attribution_phrases.csv``.

    ``anchors`` are words the phrase cannot match without; the phrase starts at an anchor or at most
    ``reach`` words before it. ``kind`` is hedge, group or according.
    """

    pattern: re.Pattern
    anchors: tuple[str, ...]
    reach: int
    kind: str


@cached
def phrase_rules() -> tuple[PhraseRule, ...]:
    """The rows of ``vague_attribution_phrases.csv``, compiled (case-insensitive, whole words)."""
    table = read_table("vague_attribution_phrases.csv")
    return tuple(
        PhraseRule(re.compile(rf"\b(?:{row.pattern})(?![\w-])", re.IGNORECASE),
                   tuple(a.strip().casefold() for a in str(row.anchors).split("|") if a.strip()),
                   int(row.reach), str(row.kind))
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
    """Return the vague-attribution phrases in ``text``: ``{"text", "start", "end"}`` in order of appearance."""
    if not isinstance(text, str) or not text:
        return []
    rules = phrase_rules()
    found: dict[tuple[int, int], str] = {}
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
                found.setdefault((match.start(), match.end()), rule.kind)
    phrases, last_end = [], -1
    for (start, end), kind in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
        if start < last_end or (kind in CHECKED_KINDS and _names_a_source(text, start, end)):
            continue
        if kind == "group":
            verb = _VERB_AFTER.match(text, end, min(len(text), end + 40))
            end = verb.end() if verb else end
        phrases.append({"text": text[start:end], "start": start, "end": end})
        last_end = end
    return phrases


#: A speech or belief verb right after a group phrase joins it: "Industry experts" + " estimate".
_VERB_AFTER = re.compile(r"[ \t]+(?:say|said|says|believe|believed|estimate|estimated|argue|argued|claim|claimed|"
                         r"suggest|suggested|think|warn|warned|predict|predicted|project|projected|note|noted|"
                         r"fear|feared|expect|expected|contend|worry|speculate|highlight|caution|told|tell)\b")
_NAMED_AFTER = re.compile(r"[ \t]+(?:at|from|with|of|for|by|in)[ \t]+(?:the[ \t]+)?([A-Z][\w&.\-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.\-]*(?:[\u2019']s?)?)[ \t]+$")


def _names_a_source(text: str, start: int, end: int) -> bool:
    """True when the group phrase at start:end comes with a name ("analysts at Jefferies", "Bernstein analysts")."""
    after = _NAMED_AFTER.match(text, end, min(len(text), end + 60))
    if after and after.group(1).casefold() not in GENERIC_WORDS:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    word = before.group(1)
    if not word[0].isupper() or word.endswith("."):
        return False
    lowered = bare(word).casefold()
    return lowered not in GENERIC_WORDS and lowered not in ROLE_WORDS


# --- judging a speaker phrase -------------------------------------------------------------------------

_PHRASE_WORDS = re.compile(r"[\w\u2019'&.\-]+")


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
    return at_start and (word in ROLE_WORDS or word in VAGUE_WORDS or word in _INDEFINITE
                         or word in PERSON_PRONOUNS or word in THING_PRONOUNS)


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
    if words[0] in VAGUE_WORDS or words[0] in _INDEFINITE:
        return True
    if vague_attributions(phrase):
        return True
    if words[0] in ("the", "this", "that"):
        head = words[-1]
        return head.endswith("s") and not head.endswith("ss")
    return True


# --- names in a text ----------------------------------------------------------------------------------

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
    for token_match in _TOKEN.finditer(run):
        token, start, end = token_match.group(0), token_match.start(), token_match.end()
        word = token.casefold()
        title = word in ROLE_WORDS and word not in ORG_WORDS
        if title and not (current and current[-1][0].casefold() in ("of", "for", "and", "&")):
            pieces.append(current)
            current = []
            continue
        if word == "of" and 2 <= len(current) <= 4 and name_kind(" ".join(t for t, _, _ in current)) == "person":
            pieces.append(current)  # "Dan Ives of Wedbush": a person, then an organisation
            current = []
            continue
        current.append((token, start, end))
        if len(token) > 2 and _POSSESSIVE.search(token):
            pieces.append(current)
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
        if _INNER_CAPITAL.search(word) or any(c.isdigit() for c in word) or word.casefold() in ORG_WORDS:
            return "org"
        return "unknown" if _PERSON_TOKEN.match(word) else "org"
    if len(tokens) > 4:
        return "org"
    for token in tokens:
        if not _PERSON_TOKEN.match(token) or token.casefold().strip(".") in _ORG_OR_GENERIC:
            return "org"
    return "person"


_BLOCK = 512
#: Name runs never cross a comma or a line break, so index blocks start right after one.
_BLOCK_EDGE = re.compile(r"[\n,]")
#: How far from a name to look for the same name capitalised mid-sentence or written in full.
_WINDOW = 30000
_SENTENCE_BREAK = frozenset(".!?:;\"\u201c\u2018'\n[\u2014\u2013-")
_CLOSING_MARKS = frozenset("\u201d\u2019")
_MID_SENTENCE_BEFORE = re.compile(r"[a-z0-9,;][ \t]+$")
_GIVEN_NAMES_BEFORE = re.compile(r"(?<![\w\u2019'])((?:[A-Z][a-z]+(?:[-\u2019'][A-Za-z]+)*[ \t]+){1,2})$")
_FAMILY_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
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
        if len(name) < 2 or lowered in GENERIC_WORDS or lowered in ROLE_WORDS:
            continue
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
                initial = _sentence_initial(text, match.start())
                for name, begin, stop, doubtful in _names_in_run(match.group(0), initial):
                    position = match.start() + begin
                    doubtful = doubtful and not self._confirmed_name(name, position)
                    mentions.append(Mention(name, position, match.start() + stop, doubtful))
            self._blocks[block] = mentions
        return self._blocks[block]

    def _block_of(self, position: int) -> int:
        block = max(0, position // _BLOCK)
        while block > 0 and self._edge(block) > position:
            block -= 1
        return block

    def _confirmed_name(self, name: str, position: int) -> bool:
        if name not in self._confirmed:
            self._confirmed[name] = any(
                _MID_SENTENCE_BEFORE.search(self.text, max(0, at - 3), at)
                for at in self._occurrences(name, position)) or self.full_name(name, position) != name
        return self._confirmed[name]

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
        occurrences = self._occurrences(name, position)
        for at in occurrences:
            match = _GIVEN_NAMES_BEFORE.search(text, max(0, at - 50), at)
            if match and not _POSSESSIVE_BEFORE_NAME.match(text, at + len(name), at + len(name) + 4):
                full = _without_generic(match.group(1)) + name
                if " " in full and name_kind(full) == "person":
                    return full
        for at in occurrences:
            match = _FAMILY_NAME_AFTER.match(text, at + len(name), at + len(name) + 40)
            if match and (at == 0 or text[at - 1] not in "-\u2019'"):
                full = f"{name} {match.group(1)}"
                if name_kind(full) == "person" and _role_beside(text, at, match.end()):
                    return full
        return None

    def kind_of(self, name: str, position: int = 0) -> str:
        """"person", "org" or "unknown" (a lone capitalised word); a known person's first or last name is a person."""
        kind = name_kind(name)
        if kind == "unknown" and self.full_name(name, position) != name:
            return "person"
        return kind


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


# --- describing a source ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """Who a quote is credited to: ``speaker`` (full name or organisation, else None), ``role``, ``vague``."""

    speaker: str | None
    role: str | None
    vague: bool


UNNAMED = Source(None, None, True)
_ROLE_REACH = 5000
_ROLE_WORD_BEFORE = re.compile(r"([\w\u2019'&.\-]+)[ \t]+$")
_APPOSITIVE = re.compile(r",[ \t]*([^,;:()\n\"\u201c\u201d]{2,90}?)(?=[,;]|\.[ \t\n]|$)")
_POSSESSOR_BEFORE = re.compile(r"([A-Z][\w.\-]*[\u2019']s)[ \t]+$")
_THING_DESCRIPTION = re.compile(r"\bthe[ \t]+(chatbot|bot|model|app|assistant|company|firm|startup|start-up|lab|"
                                r"ministry|agency|report|statement|group)\b", re.IGNORECASE)
#: "a spokeswoman for the ministry": an unnamed person speaking for a body the text named.
_INNER_DESCRIPTION = re.compile(r"\b(?:spokesperson|spokesman|spokeswoman|representative|official|officials|executive|"
                                r"employee|employees|engineer|engineers)[ \t]+(?:for|of|at|from)[ \t]+the[ \t]+"
                                r"([a-z][\w\-]*)$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"(?:the|this|that)[ \t]+(?:[\w\-\u2019']+[ \t]+){0,3}(?P<head>[a-z][\w\-]*)$", re.IGNORECASE)
_FUNCTION_BEFORE_NAME = word_set("""
    a an the of to in on at by with from as for or but that which who said says told according
""")


@lru_cache(maxsize=65536)
def _countable_organisation(name: str) -> bool:
    """True for an organisation's name that :meth:`Sources.main_organisation` counts (no place, no digits)."""
    return not is_place(name) and not any(c.isdigit() for c in name)


class Sources:
    """Describes the phrases quotes are credited to, using one :class:`NameIndex` of the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names = NameIndex(text)
        self._roles: dict[str, str | None] = {}
        self._steps: dict[tuple, Mention | None] = {}
        self._described: dict[tuple[str, int], bool] = {}

    def describe(self, start: int, end: int, before: int, role: str | None = None) -> Source:
        """Describe the source phrase at start:end; pronouns and descriptions look back from ``before``.

        ``role`` is a role already read off the phrase's context (a dash line "- Name, role").
        """
        text = self.text
        phrase = text[start:end].strip()
        lowered = phrase.casefold()
        if not phrase:
            return UNNAMED
        if lowered in PERSON_PRONOUNS:
            mention = (self.names.before(before, ("person",)) or self.names.before(before, ("unknown",))
                       or self._surname_like(before))
            return self._named(mention, role) if mention else UNNAMED
        if lowered in THING_PRONOUNS:
            mention = self._thing_before(start)
            return self._named(mention, role) if mention else UNNAMED
        mentions = self.names.within(start, end) or self._names_in_phrase(start, end)
        if mentions:
            chosen = self.choose(mentions)
            return self._named(chosen, role or self._role_in_phrase(start, end, chosen))
        inner = _INNER_DESCRIPTION.search(phrase)
        if inner:
            mention = self.resolve_description(inner.group(1), start, fallback=False)
            if mention is not None:
                return self._named(mention, role or phrase)
        description = _DESCRIPTION.match(phrase)
        if description and not is_vague_source(phrase):
            mention = self.resolve_description(description.group("head"), start)
            if mention is not None:
                return self._named(mention, role or phrase)
            return Source(None, role or phrase, False)
        if lowered in ("they", "we", "them", "us", "i"):
            return UNNAMED  # a group, or the writer: no one the text names
        return Source(None, role or phrase, True)

    def _surname_like(self, position: int) -> Mention | None:
        """A lone capitalised word opening a recent sentence ("Huang was more measured."), the last resort for "he"."""
        mention = self.names.before(position, ("unknown",), window=1500, doubtful=True)
        if mention is None or (mention.name.endswith("s") and not mention.name.endswith("ss")):
            return None
        return mention

    def _thing_before(self, position: int) -> Mention | None:
        """What "it" points back to: a description just before ("the chatbot"), else the last organisation."""
        description = None
        for description in _THING_DESCRIPTION.finditer(self.text, max(0, position - 160), position):
            pass
        if description:
            return self.resolve_description(description.group(1), description.start())
        cursor = position
        for _ in range(20):
            mention = self.names.before(cursor, ("org",), window=2000)
            if mention is None or not is_place(mention.name):
                return mention
            cursor = mention.start
        return None

    def _named(self, mention: Mention, role: str | None) -> Source:
        return Source(self.names.full_name(mention.name, mention.start), role or self.role_of(mention), False)

    def _names_in_phrase(self, start: int, end: int) -> list[Mention]:
        """Names in a speaker phrase even where a sentence-initial capital hid them ("Bernstein analysts")."""
        phrase = self.text[start:end]
        found = []
        for name in proper_names(phrase):
            position = phrase.find(name)
            if position != -1 and len(name) > 1:
                found.append(Mention(name, start + position, start + position + len(name)))
        return found

    def choose(self, mentions: list[Mention]) -> Mention:
        """The speaker among several names: the last person, else the last organisation that is not a possessor."""
        people = [m for m in mentions if self.names.kind_of(m.name, m.start) == "person"]
        if people:
            return people[-1]
        plain = [m for m in mentions if self.text[m.end:m.end + 1] not in ("'", "\u2019")]
        return plain[-1] if plain else mentions[-1]

    def _role_in_phrase(self, start: int, end: int, chosen: Mention) -> str | None:
        prefix = self.text[start:chosen.start].strip()
        words = [bare(w).casefold() for w in prefix.split()]
        if words and words[-1] in ROLE_WORDS:
            return _ARTICLE.sub("", prefix)
        rest = re.sub(r"^[\u2019']s?\b", "", self.text[chosen.end:end]).strip(" ,")
        return rest if rest and looks_like_role(rest) else None

    def role_prefix_start(self, position: int) -> int:
        """Start of the role words right before a name ("Microsoft CEO" in "Microsoft CEO Satya Nadella")."""
        text, begin = self.text, position
        for _ in range(6):
            match = _ROLE_WORD_BEFORE.search(text, max(0, begin - 40), begin)
            if not match:
                break
            word = match.group(1)
            lowered = bare(word).casefold()
            if lowered in _FUNCTION_BEFORE_NAME or not (word[0].isupper() or lowered in ROLE_WORDS):
                break
            begin = match.start()
        prefix = text[begin:position].split()
        while prefix and prefix[0].casefold() == "and":
            begin = text.index(prefix[0], begin) + len(prefix[0])
            prefix = prefix[1:]
        if not prefix or bare(prefix[-1]).casefold() not in ROLE_WORDS:
            return position
        return begin + len(text[begin:position]) - len(text[begin:position].lstrip())

    def appositive_end(self, mention: Mention) -> int:
        """End of a role given after a name (", CEO of Scale AI,"), or the name's end."""
        match = _APPOSITIVE.match(self.text, mention.end, mention.end + 100)
        return match.end() if match and looks_like_role(match.group(1)) else mention.end

    def role_of(self, mention: Mention) -> str | None:
        """The role the text gives a name: before it ("Microsoft CEO"), after it (", CEO of Scale AI"), or earlier.

        Remembered per name: a text gives a speaker one role, usually where it first names them.
        """
        full = self.names.full_name(mention.name, mention.start)
        if full not in self._roles:
            self._roles[full] = self._find_role(mention)
        return self._roles[full]

    def _find_role(self, mention: Mention) -> str | None:
        text = self.text
        candidates = [mention]
        for written in dict.fromkeys((self.names.full_name(mention.name, mention.start), mention.name)):
            position = mention.start
            while len(candidates) < 8:
                found = text.rfind(written, max(0, mention.start - _ROLE_REACH), position)
                if found == -1:
                    break
                candidates.append(Mention(written, found, found + len(written)))
                position = found
        for candidate in candidates:
            begin = self.role_prefix_start(candidate.start)
            if begin < candidate.start:
                return _ARTICLE.sub("", text[begin:candidate.start].strip())
            end = self.appositive_end(candidate)
            if end > candidate.end:
                return text[candidate.end:end].strip(" ,")
            expanded = self._expansion_of(candidate)
            if expanded:
                return expanded
        return None

    def _expansion_of(self, mention: Mention) -> str | None:
        """For an acronym ("MTI"), the full name the text gave before "(MTI)", with its possessor."""
        text = self.text
        if not mention.name.isupper():
            return None
        at = text.rfind(f"({mention.name})", max(0, mention.start - _ROLE_REACH), mention.start + 1)
        if at == -1:
            return None
        owner = self.names.before(at, window=200)
        if owner is None:
            return None
        begin = self.role_prefix_start(owner.start)
        possessor = _POSSESSOR_BEFORE.search(text, max(0, owner.start - 40), owner.start)
        if possessor:
            begin = min(begin, possessor.start())
        return text[begin:owner.end].strip()

    def resolve_description(self, head: str, position: int, fallback: bool = True) -> Mention | None:
        """What "the firm" or "the report" points back to: the nearest name the text gave that head noun,
        else (with ``fallback``) the organisation the text names most."""
        text = self.text
        word = re.escape(head.casefold())
        near_after = re.compile(rf"(?:[\u2019']s[ \t]+{word}\b"
                                rf"|,[ \t]+(?:a|an|the)[ \t]+[^,.;\n]{{0,70}}?\b{word}[,.;:)]"
                                rf"|[ \t]+{word}\b)", re.IGNORECASE)
        near_before = re.compile(rf"\b{word}(?:[ \t]+(?:from|by|of|at))?[ \t]+$", re.IGNORECASE)
        cursor = position
        for _ in range(40):
            mention = self._before(cursor, None, 4000)
            if mention is None:
                break
            if not is_place(mention.name):
                key = (word, mention.start)
                if key not in self._described:
                    self._described[key] = bool(near_after.match(text, mention.end, mention.end + 90) or
                                                near_before.search(text, max(0, mention.start - 40), mention.start))
                if self._described[key]:
                    return mention
            cursor = mention.start
        return self.main_organisation(position) if fallback else None

    def _before(self, position: int, kinds: tuple[str, ...] | None, window: int) -> Mention | None:
        """:meth:`NameIndex.before`, remembered: walks back through the names repeat the same steps."""
        key = (position, kinds, window)
        if key not in self._steps:
            self._steps[key] = self.names.before(position, kinds, window=window)
        return self._steps[key]

    def main_organisation(self, position: int) -> Mention | None:
        """The organisation named most often among the 100 names before ``position`` (ties: the latest)."""
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        cursor = position
        for _ in range(100):
            mention = self._before(cursor, ("org",), 3000)
            if mention is None:
                break
            if _countable_organisation(mention.name):
                counts[mention.name] = counts.get(mention.name, 0) + 1
                latest.setdefault(mention.name, mention)
            cursor = mention.start
        if not counts:
            return None
        best = max(counts, key=lambda name: (counts[name], latest[name].start))
        return latest[best]
