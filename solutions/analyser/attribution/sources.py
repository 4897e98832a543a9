"""Describing a source: the phrase a quote is credited to ("he", "Wang", "the firm", "Microsoft CEO Satya
Nadella") as a :class:`Source`: the full name, the role the text gives, and whether the source stays unnamed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from solutions.analyser.attribution.names import (
    DESCRIBING_ENDINGS, ROLE_BEFORE_NAME, Mention, NameIndex, name_kind, proper_names,
)
from solutions.analyser.attribution.vague import is_vague_source
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import inside_double_quotes, whole_word
from solutions.analyser.attribution.words import (
    HIDDEN_SOURCE_NOUNS, INDUSTRY_WORDS, PERSON_PRONOUNS, ROLE_WORDS, THING_PRONOUNS, bare, is_not_a_speaker, is_place,
    looks_like_role, word_set,
)

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


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
                                r"ministry|agency|report|statement|group|retailer|bank|club|council|insurer|"
                                r"lender|carrier|airline|chain|supermarket|brand|business|regulator|watchdog|trust|"
                                r"union|university|hospital|department|board|authority|charity|association)\b",
                                re.IGNORECASE)
#: "a spokeswoman for the ministry": an unnamed person speaking for a body the text named.
_INNER_DESCRIPTION = re.compile(r"\b(?:spokesperson|spokesman|spokeswoman|representative|official|officials|executive|"
                                r"employee|employees|engineer|engineers)[ \t]+(?:for|of|at|from)[ \t]+the[ \t]+"
                                r"([a-z][\w\-]*)$", re.IGNORECASE)
#: Unnamed staff speaking for a body the text named: "company officials", "a company spokesperson", "club bosses".
_STAFF_OF_BODY = re.compile(r"(?:the[ \t]+|a[ \t]+|an[ \t]+)?(company|firm|group|bank|club|council|retailer|chain|"
                            r"carmaker|airline|insurer|lender|supermarket|ministry|agency|department)[ \t]+"
                            r"(?:officials?|executives?|spokesperson|spokesman|spokeswoman|representatives?|management|"
                            r"bosses|leaders?|sources?)$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"(?:the|this|that)[ \t]+(?:[\w\-\u2019']+[ \t]+){0,3}(?P<head>[a-z][\w\-]*)$", re.IGNORECASE)
#: A name that speaks: "Northern said", "Tesco, the supermarket group, told", "the ministry's statement said".
_SPEAKS_AFTER = re.compile(r"(?:[\u2019']s?)?(?:,[^,.;\n]{1,60},){0,3},?[ \t]+(?:(?:who|which)[ \t]+)?"
                           r"(?:(?:has|had|also|then|later|on[ \t]+\w+)[ \t]+)?"
                           r"(?:said|says|told|tells|announced|announces|added|adds|wrote|writes|stated|states|"
                           r"confirmed|warned|noted|reported|explained|insisted|argued|claimed|predicted|expects|"
                           r"spoke|speaks|replied|responded|wrote)\b")
#: A word that opens a clause inside another's sentence: the name after it is not the sentence's subject.
_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|after|as|because|while|before|until|since|if|although|though|whereas)"
                                 r"[ \t]+\Z")
#: A relative pronoun that makes even an object speak: "approved by Ana Silva, who said".
_WHO_SPEAKS = re.compile(r"\b(?:who|which)\b")
#: After an inverted speaker's name: punctuation, or an adverbial ("said Ana Silva, the CEO", "said Ana Silva in").
_INVERTED_SPEAKER_END = re.compile(r"(?:[\u2019']s?)?[ \t]*(?:[,.;:!?\n\u201d\"\u2019)]|$)"
                                   r"|[ \t]+(?:in|on|at|during|who|told|after|before|last|this|when|while|adding)\b")
#: A speech verb right before a name: the name may open what was said ("said Rourke had been").
_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|that)[ \t]+\Z")
#: A speech verb just before a name, maybe with a role between: "said Ana Silva", "says chief executive Ana Silva".
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|added|according[ \t]+to)[ \t]+(?:[\w\-]+[ \t]+){0,3}\Z")
#: A source, an insider or people familiar with a matter are unnamed by definition, whoever they work for.
_UNNAMED_SOURCE = re.compile(rf"\b(?:{HIDDEN_SOURCE_NOUNS}|(?:people|persons?|someone) (?:familiar|close) (?:with|to)|"
                             r"(?:a|one)[ \t]+(?:close[ \t]+)?friend[ \t]+of)\b",
                             re.IGNORECASE)
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
#: Titles and roles written before a person's name ("Sir", "Dr", "Professor", "Coach", "Retiree"): not part of it.
_TITLES = word_set("""
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev. reverend cr cr. cllr cllr.
    councillor shri smt smt. sri mx mx. judge justice senator sen. rep. governor gov. mayor president minister
    coach captain capt. retiree winger striker manager boss chef pastor father sister brother officer sergeant
    superintendent principal commissioner chancellor inspector detective councilman councilwoman alderman
    constable
""")


#: Company endings written with a full stop of their own.
_ABBREVIATED_ENDINGS = frozenset({"inc.", "co.", "corp.", "ltd.", "bhd.", "plc.", "llc.", "s.a.", "n.v.", "ag.", "cie."})
#: Words that end a company's full name: "Group", "Inc.", "Semiconductor", "Intelligence", "AI".
_COMPANY_ENDINGS = word_set("""
    group inc corp corporation ltd plc llc co holdings technologies technology systems labs lab capital partners
    semiconductor semiconductors intelligence ai robotics networks industries motors energy foods outfitters bank
    electronics
    pharmaceuticals therapeutics biosciences software computing compute media entertainment airlines insurance
    resources mining retail brands cloud
""") | INDUSTRY_WORDS
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|ic|i)")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
#: Nouns that "the company said" may stand for: "Vellure AI, a French start-up" is "the company".
_COMPANY_NOUNS = ("company", "firm", "start-up", "startup", "group", "maker", "chipmaker", "developer", "operator",
                  "retailer", "lender", "bank", "insurer", "carrier", "manufacturer", "business", "provider")


def _is_title(word: str) -> bool:
    """Whether ``word`` is a title or role written before a name ("Sir", "Dr.", "Cllr", "Local MP"'s "Local")."""
    lowered = word.casefold()
    return lowered in _TITLES or lowered.strip(".") in ROLE_BEFORE_NAME


def without_title(name: str | None) -> str | None:
    """A person's name without the titles and roles before it ("Sir John Smith" -> "John Smith", "Retiree Graham
    Pettit" -> "Graham Pettit"); a name that is only a title, or an organisation, stays as it is."""
    if not name:
        return name
    words = name.split()
    while len(words) > 2 and _is_title(words[0]):
        words = words[1:]
    if len(words) == 2 and words[0].casefold() in _TITLES and name_kind(words[1]) != "org":
        words = words[1:]
    return " ".join(words)


#: A description that can only be a person named before: a nationality ("the Italian", "the Frenchman") or an
#: age ("the 51-year-old").
_PERSON_DESCRIPTION = re.compile(r"[Tt]he[ \t]+(?:(?:former|veteran|young|elder)[ \t]+)?"
                                 r"(?:[A-Z][a-z]+(?:ian|an|ese|ish|ch|i|man|woman|ard|ot|ane|ede|ede)|\d{1,3}-year-old)")
#: A spokesperson for no body named in the phrase: the one the sentence before opens with speaks through them.
_LONE_SPOKESPERSON = re.compile(r"(?:a|an|the)[ \t]+(?:spokesperson|spokesman|spokeswoman|representative)",
                                re.IGNORECASE)
#: Words that introduce the name a speaker goes by: "a trader known as CryptoKestrel".
_HANDLE_BEFORE = re.compile(r"\b(?:known[ \t]+as|nicknamed|dubbed|goes[ \t]+by|going[ \t]+by|under[ \t]+the[ \t]+"
                            r"(?:handle|name))[ \t]+\Z", re.IGNORECASE)
#: Nouns for a document that "the statement said" points to; its issuer is the speaker.
_DOCUMENT_NOUNS = ("statement", "letter", "email", "e-mail", "memo", "note", "filing", "release", "post")
#: Words before "firm" that make the firm a source of data, not the company the story is about ("estimates from
#: app analytics firm Pocketlens").
_DATA_SOURCE = re.compile(r"\b(?:from|than|with|according[ \t]+to)[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[\w\-]+[ \t]+){0,3}\Z",
                          re.IGNORECASE)
#: How many characters into its sentence a subject may stand ("For its part, Korvex was unmoved").
_OPENING_REACH = 40
#: A phrase opening a sentence before its subject: "In a victim statement read to the court, ".
_OPENING_PHRASE = re.compile(r"(?:In|Through|Via|Later|Earlier|Separately|Meanwhile)\b[^,\n]{0,80},[ \t]*")
#: A police force's name: who "police said" speaks for once the text has named it.
_POLICE_FORCE = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}[ \t]+(?:Police(?:[ \t]+(?:Service|Department|"
                           r"Force|Scotland))?|Constabulary|Garda|Sheriff's Office|Sheriff\u2019s Office)(?![\w-])")
#: How close a person named just before a pronoun must be to be read as its referent without a speech verb.
_NEAR = 300
#: Prepositions and verbs that make the name after them an object ("told Ana Silva", "a challenge from X").
_OBJECT_WORDS = "to|with|by|for|about|told|than|from|of|against|beat|met|called|into"
#: Words before a name that make it an object or a place ("in Wattle Creek"), not the subject a later "he" or
#: "she" refers to.
_OBJECT_BEFORE = re.compile(rf"\b(?:{_OBJECT_WORDS}|and|in|at|near|across|around|outside|inside)[ \t]+(?:the[ \t]+)?\Z"
                            r"|\(\Z")
#: The same words before a name's role words ("from Rovers defender X"); "and" there joins roles ("Founder and
#: chief executive X") and "in" or "at" a place.
_PREPOSITION_BEFORE_ROLE = re.compile(rf"\b(?:{_OBJECT_WORDS})[ \t]+(?:the[ \t]+)?\Z")
#: A preposition before a name that makes it a place: "in Leeds", "between Leeds and York".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|between|near|across|around|outside|via)[ \t]+\Z")
_FUNCTION_BEFORE_NAME = word_set("""
    a an the of to in on at by with from as for or but that which who said says told according
""")


#: Heads of a description that can only be a person ("the engineer said"): never read back to an organisation.
_PERSON_HEADS = frozenset("""
    engineer employee worker staffer analyst economist trader investor executive official source person insider
    researcher scientist banker broker manager adviser advisor nurse doctor teacher resident driver member figure
""".split())
#: An unnamed person who speaks: "One trader in Geneva said", "a senior official, who asked not to be named, told".
_UNNAMED_WHO = (r"(?P<who>(?:One|A|An|Another)[ \t]+(?:[\w\u2019'-]+[ \t]+){0,4}?(?:" + "|".join(sorted(_PERSON_HEADS))
                + r"))\b[^\n.!?]{0,200}?\b(?:said|says|told|added|warned|noted|argued)\b")
_UNNAMED_SPEAKER = re.compile(r"(?:^|(?<=[.!?\u201d\"\n])[ \t]*|(?<=\n))" + _UNNAMED_WHO)
#: The same person opening a sentence, read from the sentence's first word.
_UNNAMED_OPENER = re.compile(_UNNAMED_WHO)
_UNNAMED_SPEAKER_REACH = 600

#: Words in an organisation's name that say what kind of body it is, for the noun a later description uses:
#: "the Independent Cabin Crew Association" is "the union", "Kestrel Bank Plc" is "the bank".
_REGULATOR_WORDS = ("authority", "board", "commission", "regulator", "ombudsman", "office", "agency", "watchdog")
_KIND_IN_NAME = {"union": ("union", "association", "federation", "guild", "congress", "confederation"),
                 "bank": ("bank", "bancorp"), "lender": ("bank", "bancorp"), "insurer": ("insurance", "assurance"),
                 "airline": ("airlines", "airways", "air"), "carrier": ("airlines", "airways", "air"),
                 "club": ("united", "city", "fc", "rovers", "athletic", "club"),
                 "brokerage": ("securities", "brokers", "broking", "capital"),
                 "university": ("university", "college", "institute"),
                 "watchdog": _REGULATOR_WORDS, "regulator": _REGULATOR_WORDS}


def _name_says_kind(name: str, head: str) -> bool:
    """True when the last word of ``name`` is the description's head noun ("the Australian Energy Research Council"
    is "the council"), or a word of the name says the body is of that kind (see :data:`_KIND_IN_NAME`)."""
    words = name.casefold().split()
    head = head.casefold()
    return words[-1] == head or any(word in _KIND_IN_NAME.get(head, ()) for word in words)


@lru_cache(maxsize=65536)
def _countable_organisation(name: str) -> bool:
    """True for an organisation's name that :meth:`Sources.main_organisation` counts (no place, no digits)."""
    return not is_not_a_speaker(name) and not any(c.isdigit() for c in name)


class Sources:
    """Describes the phrases quotes are credited to, using one :class:`NameIndex` of the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names = NameIndex(text)
        self._roles: dict[str, str | None] = {}
        self._steps: dict[tuple, Mention | None] = {}
        self._described: dict[tuple[str, int], bool] = {}
        self._in_full: dict[str, str] = {}
        self._capitalised: dict[str, list[int]] | None = None
        self._sentences: tuple[list[tuple[int, int]], list[int]] | None = None

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
            unnamed = self._unnamed_speaker_before(before)
            if unnamed is not None:  # "One trader in Geneva said ... "...," he said": still the unnamed trader
                return Source(None, role or unnamed, True)
            mention = (self._same_pronoun_before(before, lowered) or self._near_subject(before)
                       or self._last_speaker(before) or self._subject_person_before(before)
                       or self._speaking_name_before(before) or self.names.before(before, ("unknown",))
                       or self._surname_like(before))
            return self._named(mention, role) if mention else UNNAMED
        if _PERSON_DESCRIPTION.fullmatch(phrase):  # "the Italian said", "the 51-year-old added": a named person again
            mention = self._near_subject(before) or self._last_speaker(before) or self._subject_person_before(before)
            return self._named(mention, role) if mention else Source(None, role or phrase, False)
        if lowered in THING_PRONOUNS:
            mention = self._thing_before(start)
            return self._named(mention, role) if mention else UNNAMED
        if lowered in ("police", "the police"):
            force = None
            for force in _POLICE_FORCE.finditer(text, max(0, before - _ROLE_REACH), before):
                pass
            if force is not None:  # "Wessex Constabulary's economic crime unit ... "...," police said"
                return Source(force.group(), role or phrase, False)
        if _UNNAMED_SOURCE.search(phrase):
            return Source(None, role or phrase, True)  # "One Northbridge source said": the club is named, the source not
        mentions = [m for m in self.names.within(start, end) or self._names_in_phrase(start, end)
                    if not is_not_a_speaker(m.name)]  # "one New York trader" names a place, not a speaker
        if mentions:
            chosen = self.choose(mentions)
            return self._named(chosen, role or self._role_in_phrase(start, end, chosen))
        if _LONE_SPOKESPERSON.fullmatch(phrase):  # "Starhaven played down the result. ... a spokesperson said"
            mention = self._organisation_opening_sentence_before(start)
            if mention is not None:
                return self._named(mention, role or phrase)
        staff = _STAFF_OF_BODY.match(phrase)
        if staff:
            mention = self.resolve_description(staff.group(1), start)
            if mention is not None:
                return self._named(mention, role or phrase)
        inner = _INNER_DESCRIPTION.search(phrase)
        if inner:
            mention = self.resolve_description(inner.group(1), start, fallback=False)
            if mention is not None:
                return self._named(mention, role or phrase)
        description = _DESCRIPTION.match(phrase)
        if description and not is_vague_source(phrase):
            head = description.group("head")
            person = head.casefold() in _PERSON_HEADS
            mention = self.resolve_description(head, start, fallback=not person)
            if mention is not None:
                return self._named(mention, role or phrase)
            return Source(None, role or phrase, person)  # "the engineer said" with no engineer named: unnamed
        if lowered in ("they", "we", "them", "us", "i"):
            return UNNAMED  # a group, or the writer: no one the text names
        return Source(None, role or phrase, True)

    def unnamed_speaker_opening(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of an unnamed person who opens the sentence at ``start`` and speaks before ``end`` ("One senior
        government figure said ..., describing it as"), else None."""
        found = _UNNAMED_OPENER.match(self.text, start, end)
        return found.span("who") if found else None

    def _object(self, mention: Mention) -> bool:
        """True when a name is the object of a verb or preposition, also past role words before it ("told Ana
        Silva", "a challenge from Rovers defender Marcus Hale"): not whom a later "he" or "she" points to."""
        text = self.text
        if _OBJECT_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            return True
        opened = text.rfind("(", max(0, mention.start - 40), mention.start)
        if opened != -1 and ")" not in text[opened:mention.start]:
            return True  # "Local MP Tom Redfern (Lab, Hollingford North)": an aside
        at = self.role_prefix_start(mention.start)  # "and" before role words joins roles: "Founder and chief executive"
        return at != mention.start and _PREPOSITION_BEFORE_ROLE.search(text, max(0, at - 12), at) is not None

    def _unnamed_speaker_before(self, position: int) -> str | None:
        """The description of an unnamed person who spoke last before ``position`` ("One vaccine researcher not
        involved in the study, ..., said"), when no person is named between it and ``position``: the "she" of a
        quote after it is that unnamed person, not someone named earlier."""
        floor = max(0, position - _UNNAMED_SPEAKER_REACH)
        found = None
        for found in _UNNAMED_SPEAKER.finditer(self.text, floor, position):
            pass
        if found is None:
            return None
        cursor = position
        while True:  # a person named in what the unnamed speaker said ("said Rourke had been") is no new speaker
            mention = self._person_before(cursor, window=cursor - found.start())
            if mention is None:
                return found.group("who")
            if mention.start < found.end() or not self._reported(mention):
                return None
            cursor = mention.start

    def _reported(self, mention: Mention) -> bool:
        """True when a name opens what someone said ("said Rourke had been"), rather than naming who speaks."""
        return _REPORTED_BEFORE.search(self.text, max(0, mention.start - 12), mention.start) is not None and \
            not self._speaks(mention)

    def _verb_after(self, end: int) -> re.Match | None:
        """The speech verb (and any asides before it) after the name or description ending at ``end``."""
        return _SPEAKS_AFTER.match(self.text, end, end + 60)

    def _speaks_after(self, end: int) -> bool:
        """True when a speech verb follows the name or description ending at ``end`` ("Ana Silva, 51, said")."""
        return self._verb_after(end) is not None

    def _speaks(self, mention: Mention) -> bool:
        """True when a person speaks where named: "Ana Silva said", or inverted, "said Ana Silva." (but not "said
        Ana Silva had left", where the name opens what was said)."""
        text = self.text
        verb = self._verb_after(mention.end)
        if verb is not None:  # "a partner at Marlow Barnes, said": after an aside, the verb is the subject's
            return not (verb.group().startswith(",") and self._object(mention)) or _WHO_SPEAKS.search(
                verb.group()) is not None
        return _SPEAKS_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None and \
            _INVERTED_SPEAKER_END.match(text, mention.end) is not None

    def _person_before(self, position: int, window: int = 5000) -> Mention | None:
        """The last person named before ``position`` outside quotation marks: a name inside someone's words
        ("Portland took a chance on me") is not whom a later "he" points to."""
        cursor, floor = position, position - window
        for _ in range(12):
            mention = self.names.before(cursor, ("person",), window=max(0, cursor - floor))
            if mention is None or not self._inside_quote(mention.start):
                return mention
            cursor = mention.start
        return None

    def _inside_quote(self, position: int) -> bool:
        """True when ``position`` lies inside double quotation marks opened earlier in its paragraph."""
        return inside_double_quotes(self.text, position)

    def _near_subject(self, position: int) -> Mention | None:
        """The person named last, when that is close (within :data:`_NEAR` characters) and not the object of a
        verb or preposition ("told Ana Silva", "with Ana Silva"): the natural reading of "she says" after it."""
        cursor = position
        for _ in range(3):  # objects and places ("from Ashby Lees") are passed over
            mention = self._person_before(cursor, window=max(0, cursor - position + _NEAR))
            if mention is None or self._reported(mention):
                return None  # "X said Rourke had been ...": Rourke opens what X said; a later "he" is X
            if not self._object(mention):
                return mention
            cursor = mention.start
        return None

    def _same_pronoun_before(self, position: int, pronoun: str) -> Mention | None:
        """The nearest of the last four people named before ``position`` whom the text itself calls "he" or "she"
        as ``pronoun`` does, between that name and the next person's ("Chua, 38, founded the firm. She said ..."),
        when the nearer people are called by the other pronoun; None when the nearest person is called nothing (the
        usual rules decide). People named as objects ("told Ana Silva") are passed over."""
        own, other = (_HE, _SHE) if pronoun == "he" else (_SHE, _HE)
        cursor, later = position, position
        for _ in range(4):
            mention = self._person_before(cursor, window=1500)
            if mention is None or mention.start < position - 1500:
                return None
            cursor = mention.start
            if not (self._object(mention) or _SUBORDINATE_BEFORE.search(self.text, max(0, mention.start - 10),
                                                                          mention.start)):
                # an object ("a partner at Marlow Barnes") or the subject of a clause inside another's sentence ("when
                # Akande went down") does not end the window of the name before it
                window = (mention.end, min(later, mention.end + 600))
                if own.search(self.text, *window):
                    return mention
                if not other.search(self.text, *window) and later == position:
                    return None
                later = mention.start
        return None

    def _subject_person_before(self, position: int) -> Mention | None:
        """The last person named before ``position`` who is not an object or a place ("in Wattle Creek"), looking
        back over at most six people; else the last person named at all."""
        cursor, first = position, None
        for _ in range(6):
            mention = self._person_before(cursor)
            if mention is None:
                break
            first = first or mention
            if not self._object(mention):
                return mention
            cursor = mention.start
        return first

    def _speaking_name_before(self, position: int) -> Mention | None:
        """With no person named before, a name of any shape that spoke ("the trader known as KestrelCapital, who
        told his followers"): a handle or a one-word name "he" or "she" can point back to."""
        cursor = position
        for _ in range(6):
            mention = self.names.before(cursor, ("org", "unknown"), window=1500)
            if mention is None:
                return None
            if self._speaks_after(mention.end):
                return mention
            cursor = mention.start
        return None

    def _last_speaker(self, position: int) -> Mention | None:
        """The person last named as a speaker before ``position`` ("Ana Silva said", "said Ana Silva"), looking
        back over at most six people named within 1,500 characters; None when none of them speaks."""
        cursor = position
        for _ in range(6):
            mention = self._person_before(cursor, window=1500)
            if mention is None or mention.start < position - 1500:
                return None
            if self._speaks(mention):
                return mention
            cursor = mention.start
        return None

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
        if description is None:  # "In a statement, the trust said ... ¶ "...," it said": a description that spoke
            for found in _THING_DESCRIPTION.finditer(self.text, max(0, position - 600), position):
                if self._speaks_after(found.end()):
                    description = found
        if description:
            return self.resolve_description(description.group(1), description.start())
        sentence_start, _ = self._sentence_of(position)
        if sentence_start < position:
            subject = self._sentence_subject(sentence_start, position, ("org",))
            if subject is not None:  # "The General Insurers' Association put ... at $1.2 billion, a figure it said"
                return subject
        cursor, fallback = position, None
        # a lone word opening a sentence that speaks ("Corvane said in a statement ... It said") is nearer than any
        # organisation named before it
        lone = self.names.before(position, ("org", "unknown"), window=2000, doubtful=True)
        if lone is not None and (is_not_a_speaker(lone.name)
                                 or not self._speaks_after(lone.end)):
            lone = None
        for _ in range(20):
            # a lone capitalised word ("Netflix", "Tesco") is "unknown" until the text shows it is a person
            mention = self.names.before(cursor, ("org", "unknown"), window=2000)
            if lone is not None and (mention is None or mention.start < lone.start):
                return lone
            if mention is None:
                break
            if not is_not_a_speaker(mention.name) and not _PLACE_BEFORE.search(self.text, max(0, mention.start - 12),
                                                                         mention.start):
                if self._speaks_after(mention.end):
                    return mention  # the organisation last named as a speaker ("Northern said it would ...")
                fallback = fallback or mention
            cursor = mention.start
        if fallback is not None:
            return fallback
        # a lone sentence-initial word ("Acme said ...") only when it speaks: "Profits fell" names no one
        mention = self.names.before(position, ("org", "unknown"), window=1500, doubtful=True)
        if mention is None or is_not_a_speaker(mention.name):
            return None
        if self._speaks_after(mention.end) or self._never_lower_case(mention):
            return mention
        return None

    def _never_lower_case(self, mention: Mention) -> bool:
        """True when a lone capitalised word is never written in lower case nearby and is no plural ("Harbourline",
        not "Profits" or "Revenue"): a name, not a common word that happens to open a sentence."""
        word = mention.name
        if " " in word or word.endswith("s"):
            return False
        return whole_word(word.lower()).search(self.text, max(0, mention.start - 3000), mention.end + 3000) is None

    def capitals_after(self, name: str):
        """Each place the text writes the one-word ``name`` followed by one to three capitalised words, as matches
        whose group 1 is those words, in reading order. The text's capitalised words are indexed once, so looking up
        every name of a text costs time linear in the text (a search through the whole text per name did not)."""
        if not _CAPITALISED_TOKEN.fullmatch(name):
            yield from name_and_capitals_pattern(name).finditer(self.text)  # a name the index does not hold ("Émile")
            return
        if self._capitalised is None:
            self._capitalised = {}
            for token in _CAPITALISED_TOKEN.finditer(self.text):
                self._capitalised.setdefault(token.group(), []).append(token.start())
        reached = 0  # as a search would, skip a place inside the last match ("Helion Helion Corp")
        for at in self._capitalised.get(name, ()):
            found = _CAPITALS_AFTER.match(self.text, at + len(name)) if at >= reached else None
            if found is not None:
                reached = found.end()
                yield found

    def _named(self, mention: Mention, role: str | None) -> Source:
        name = without_title(self.names.full_name(mention.name, mention.start))
        return Source(self._organisation_in_full(name), role or self.role_of(mention), False)

    def _organisation_in_full(self, name: str) -> str:
        """A one-word organisation as the text names it in full ("Helion" -> "Helion Semiconductor", "Northlake" ->
        "Northlake Outfitters Inc."): the first place the text gives it with words that end a company's name."""
        if " " in name or name_kind(name) == "person" or not name[:1].isupper():
            return name
        if name not in self._in_full:
            self._in_full[name] = name
            for found in self.capitals_after(name):
                words = found.group(1).split()
                for last in range(len(words), 0, -1):
                    if bare(words[last - 1]).casefold().rstrip(".") in _COMPANY_ENDINGS:
                        full = " ".join([name, *words[:last]]).rstrip(",;:")
                        if full.endswith(".") and full.split()[-1].casefold() not in _ABBREVIATED_ENDINGS:
                            full = full[:-1]  # "Halbury Building Society." ends a sentence; "Inc." keeps its stop
                        self._in_full[name] = full
                        break
                if self._in_full[name] != name:
                    break
        return self._in_full[name]

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
        for mention in mentions:
            if _HANDLE_BEFORE.search(self.text, max(0, mention.start - 30), mention.start):
                return mention  # "a YouTube trader known as CryptoKestrel": the name, not the platform
        people = [m for m in mentions if self.names.kind_of(m.name, m.start) == "person"]
        if people and self.text.startswith(",", people[0].end) and people[0] is mentions[0]:
            return people[0]  # "K. Palanisamy, president of the Kongu Knitwear Federation": the name before the aside
        if people:
            return people[-1]
        plain = [m for m in mentions if self.text[m.end:m.end + 1] not in ("'", "\u2019")]
        bodies = [m for m in plain if not is_place(m.name)]
        for mention in bodies:
            if self.text.startswith(",", mention.end):
                return mention  # "Nordnett, the grid operator in northern Norway": the name before the appositive
        return bodies[-1] if bodies else plain[-1] if plain else mentions[-1]

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
        """What "the firm" or "the report" points back to: for "the statement" or "the letter", who issued the last
        one the text mentions; for "the company", the organisation the sentence before opens with; else the
        nearest name the text gave that head noun, else (with ``fallback``) the organisation the text names most."""
        text = self.text
        if head.casefold() in _DOCUMENT_NOUNS:
            issuer = self._issuer_of_last(head.casefold(), position)
            if issuer is not None:
                return issuer
        if head.casefold() in _COMPANY_NOUNS:
            opening = self._organisation_opening_sentence_before(position)
            if opening is not None:
                return opening
        word = "(?:" + "|".join(map(re.escape, _COMPANY_NOUNS)) + ")" if head.casefold() in _COMPANY_NOUNS[:2] \
            else re.escape(head.casefold())
        near_after, near_before = _head_noun_patterns(word)
        cursor = position
        for _ in range(40):
            mention = self._before(cursor, None, 4000)
            if mention is None:
                break
            if not is_place(mention.name) and not self._adjective(mention) and not self._inside_quote(mention.start):
                key = (word, mention.start)
                if key not in self._described:
                    before = near_before.search(text, max(0, mention.start - 40), mention.start)
                    if before and _DATA_SOURCE.search(text, max(0, before.start() - 60), before.start()):
                        before = None  # "estimates from app analytics firm Pocketlens": a source of data
                    self._described[key] = bool(near_after.match(text, mention.end, mention.end + 90) or before
                                                or _name_says_kind(mention.name, head))
                    # "the Australian Energy Transition Research Council": "the council" is in the name
                if self._described[key]:
                    return mention
            cursor = mention.start
        return self.main_organisation(position) if fallback else None

    def _issuer_of_last(self, noun: str, position: int) -> Mention | None:
        """Who issued the last statement (letter, email) the text mentions before ``position``: the name the
        sentence mentioning it opens with ("Altamont called the model ... in an emailed statement")."""
        text = self.text
        floor = max(0, position - 1500)
        mention_of = None
        for mention_of in _noun_or_plural(noun).finditer(text[floor:position]):
            pass
        if mention_of is None:
            return None
        start, end = self._sentence_of(floor + mention_of.start())
        opening = _OPENING_PHRASE.match(text, start, end)  # "In a victim statement read to the court, the owners"
        return self._sentence_subject(opening.end() if opening else start, min(end, position),
                                      ("person", "org", "unknown"))

    def _organisation_opening_sentence_before(self, position: int) -> Mention | None:
        """The organisation the sentence before ``position`` opens with ("Korvex was unmoved. The company said"),
        when it stands as that sentence's subject."""
        start, _ = self._sentence_of(position)
        opening = self._sentence_subject(start, position, ("org", "unknown"))
        if opening is not None:
            return opening  # "Veridian clawed back 4.8%, and the company said": the sentence's own subject
        if start == 0:
            return None
        previous, _ = self._sentence_of(start - 1)
        return self._sentence_subject(previous, start, ("org", "unknown"))

    def _sentence_of(self, position: int) -> tuple[int, int]:
        """The sentence holding ``position`` (or the last one before it), as the kit's sentence splitter cuts the
        text (:func:`~solutions.analyser.sentences.sentence_spans`: "Sen. Ada Brenner" ends nothing); split once,
        when a rule first asks."""
        if self._sentences is None:
            spans = sentence_spans(self.text)
            self._sentences = (spans, [start for start, _ in spans])
        spans, starts = self._sentences
        index = bisect.bisect_right(starts, position) - 1
        return spans[index] if index >= 0 else (0, 0)

    def _sentence_subject(self, start: int, end: int, kinds: tuple[str, ...]) -> Mention | None:
        """The first name of ``kinds`` among the opening words of start:end, when no preposition or object word
        stands before it (a place or a capitalised adjective is passed over)."""
        for mention in self.names.within(start, end):
            if mention.start - start > _OPENING_REACH:
                return None
            if is_not_a_speaker(mention.name) or self._adjective(mention) or _OBJECT_BEFORE.search(
                    self.text, max(0, mention.start - 12), mention.start) or self._inside_quote(mention.start):
                continue  # a name inside the quoted words ("“Parlo has shown ...,” the firm said") is not who speaks
            if self.names.kind_of(mention.name, mention.start) in kinds:
                return mention
            return None
        return None

    def _adjective(self, mention: Mention) -> bool:
        """A capitalised adjective, not a name: "a Californian start-up", "the Ontario-based chain"."""
        name = mention.name
        if name.endswith(DESCRIBING_ENDINGS):
            return True
        return _DEMONYM.fullmatch(name) is not None and _LOWER_WORD_AFTER.match(self.text, mention.end) is not None

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
            mention = self._before(cursor, ("org", "unknown"), 3000)
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


# Patterns made from a word of the text, compiled once per word (compiling one costs more than searching with it;
# re's own cache of 512 patterns is shared with every other module and overflows on a long run of articles).
_PATTERNS_PER_WORD = 4096


@lru_cache(maxsize=_PATTERNS_PER_WORD)
def _head_noun_patterns(word: str) -> tuple[re.Pattern, re.Pattern]:
    """For the head noun ``word`` (a regex), the patterns that find it just after a name ("Northlake's firm",
    ", the chipmaker", " Bank") and just before one ("the firm", "analysts at")."""
    near_after = re.compile(rf"(?:[\u2019']s[ \t]+{word}\b"
                            rf"|,[ \t]+(?:a|an|the)[ \t]+[^,.;\n]{{0,70}}?\b{word}[,.;:)]"
                            rf"|[ \t]+{word}\b)", re.IGNORECASE)
    near_before = re.compile(rf"\b{word}(?:[ \t]+(?:from|by|of|at))?[ \t]+$", re.IGNORECASE)
    return near_after, near_before


#: Nothing word-like before a name; a capitalised word of a name; one to three of them after a name (a group).
_NAME_START = r"(?<![\w&.-])"
_CAPITALISED = r"[A-Z][\w&.'\u2019-]*"
_CAPITALS = rf"((?:[ \t]+{_CAPITALISED}){{1,3}})"
#: A capitalised word, as :func:`name_and_capitals_pattern` would find a one-word name.
_CAPITALISED_TOKEN = re.compile(_NAME_START + _CAPITALISED)
_CAPITALS_AFTER = re.compile(_CAPITALS)


@lru_cache(maxsize=_PATTERNS_PER_WORD)
def name_and_capitals_pattern(name: str) -> re.Pattern:
    """``name`` as a word of its own followed by one to three capitalised words (group 1)."""
    return re.compile(_NAME_START + re.escape(name) + _CAPITALS)


@lru_cache(maxsize=_PATTERNS_PER_WORD)
def _noun_or_plural(noun: str) -> re.Pattern:
    """``noun`` or its plural in "s" as a whole word, in any case."""
    return re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)

