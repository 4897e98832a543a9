"""The words and patterns that attribute speech, and the tokens the subject finders read.

Speech verbs ("said", "told"), verbs that may come before their subject (""...," said X"), participles
("by stating"), label verbs ("called it"), the function words a subject never starts with, and the patterns
for a dash line, a label before a quote and a question put to someone.
"""

from __future__ import annotations

import re
from collections import deque
from itertools import islice
from typing import NamedTuple

from solutions.analyser.attribution import word_set
from solutions.analyser.quotes.marks import DOUBLE_CHARS

#: Finite verbs that attribute words: "X said", "X told CNBC", "X called it".
SPEECH_VERBS = word_set("""
    said says say told tells wrote writes added adds noted notes stated states explained explains argued
    argues claimed claims warned warns insisted insists acknowledged acknowledges admitted admits
    emphasized emphasised emphasizes emphasises stressed stresses suggested suggests asked asks replied
    replies responded responds answered answers announced announces declared declares posted posts
    tweeted tweets estimated estimates predicted predicts quipped joked remarked observed concluded
    continued recalled conceded confirmed denied boasted touted praised hailed slammed criticized
    criticised mocked promised vowed pledged cautioned urged underscored underscores reiterated countered
    contended maintained believes believed thinks reported disclosed revealed shared calls called
    labeled labelled labels dubbed described describes termed branded characterized characterised framed
    complained lamented marveled marvelled exclaimed projected projects forecast forecasts reckons reckoned
    wonders wondered agreed agrees commented comments summed weighed
    laughed laughs smiled sighed grinned beamed gushed chuckled fumed raged sneered scoffed snapped teased
    hinted whispered shouted yelled pleaded protested objected retorted recounted mused enthused
""")
#: Verbs that can come before their subject after a quote: ""...," said X".
INVERTIBLE_VERBS = word_set("""
    said says added adds wrote writes asked asks explained explains noted notes continued replied answered
    recalled remarked insisted argued stated declared warned concluded quipped joked observed tweeted
    posted responded countered
    gushed fumed sneered scoffed snapped raged boasted laughed beamed sighed chuckled exclaimed admitted conceded
    cautioned pleaded protested retorted whispered shouted yelled teased mused enthused complained lamented
    marvelled marveled claimed suggested predicted recounted confirmed acknowledged
""")
#: Participles that carry the main clause's subject: "X underscores this by stating, "..."".
PARTICIPLES = word_set("""
    saying adding noting stating writing arguing claiming warning explaining telling calling describing
    insisting suggesting asking replying responding declaring posting tweeting acknowledging admitting
    emphasizing emphasising stressing labeling labelling dubbing predicting estimating concluding
    boasting touting urging cautioning reiterating countering complaining quipping joking remarking
""")
#: Verbs that label rather than report ("called it a ..."): only a named subject or "by X" makes them an attribution.
LABEL_VERBS = word_set("""
    called calls labeled labelled labels dubbed described describes termed branded hailed touted billed
    characterized characterised framed
""")
ADVERBS = word_set("""
    has have had also later then once previously recently publicly reportedly separately further would
    will earlier since again simply famously bluntly flatly openly privately only just first even
    himself herself itself themselves
""")
TIME_WORDS = word_set("""
    monday tuesday wednesday thursday friday saturday sunday week month year morning afternoon evening
    night weekend
""")
DETERMINERS = word_set("a an the its his her their this that")
#: Words that end a subject when reading back from a verb.
CLAUSE_BREAK = word_set("""
    that which who because while when after before since as if but and so though although whereas where
    than whether said says told
""")
#: Words that end a subject when reading on after an inverted verb ("said X in a statement").
SUBJECT_STOP = word_set("""
    who whom which that in on at during while when after before last this earlier adding according to
    told via as because but with for whose where if so and
""")
FUNCTION_WORDS = word_set("""
    a an the and or but nor for of to in on at by with from as than that which who whom whose what when where
    while if because since after before about into over under against between through during without within
    is are was were be been being has have had do does did will would can could should may might must shall
    not no so yet also then too very just only even still said says say told tells wrote added noted
    according it its this these those they them their he his she her we our i you your us there here
    due ahead across amid among around per via despite upon onto toward towards like unlike whether
    how why s
""")
#: Verbs that often follow a quoted subject ("web text" takes months): the quote is not a modifier then.
COMMON_VERBS = word_set("""
    takes take needs need requires require means mean remains remain seems seem makes make gives give shows
    show helps help costs cost works work matters matter happens comes goes sounds looks appears refers
    stands applies involves includes describes captures sums reflects became becomes led leads
""")
PRONOUN_SUBJECTS = word_set("he she it they we i")
#: Role words that may stand between an organisation and a person's name in one subject.
_JOINING_ROLES = ("chief", "executive", "ceo", "cto", "cfo", "founder", "co-founder", "cofounder", "president",
                  "head", "director", "analyst", "researcher", "scientist", "spokesperson", "engineer", "boss",
                  "chairman", "chairwoman", "chair", "partner", "leader", "economist", "manager", "minister",
                  "secretary", "governor", "mayor", "officer", "adviser", "advisor", "strategist", "owner",
                  "professor", "editor", "commissioner", "councillor", "coach", "captain", "deputy", "vice",
                  "senior", "principal", "general", "trustee", "superintendent")
#: What may stand between two names of one subject: "OpenAI's Sam Altman", "Nvidia CEO Jensen Huang",
#: "Northumberland County Council leader Alan Pryce", "Halbury's chief economist, Fiona Latchford".
NAME_JOINER = re.compile(rf"(?:[\u2019']s?)?(?:(?:[ \t]+(?:{'|'.join(_JOINING_ROLES)}))+,?)?[ \t]+", re.IGNORECASE)
#: A possessor's description, then the name it describes: "Suppliers' trade body, the Power Retail Forum".
POSSESSOR_APPOSITIVE = re.compile(r"[\u2019']s?(?:[ \t]+[a-z][\w-]*){1,3},[ \t]+(?:the[ \t]+)?")
SUBJECT_OPENERS = PRONOUN_SUBJECTS | word_set("the a an one")

_TOKEN = re.compile(r"[\w\u2019'&.\-]+|[^\w\s]")
LETTERS = re.compile(r"[A-Za-z]+")
ACCORDING = re.compile("according", re.IGNORECASE | re.ASCII)
#: A quotation mark: any double mark, or a single one that is not an apostrophe inside a word ("Aldric's").
QUOTE_OR_APOSTROPHE = re.compile("[" + re.escape(DOUBLE_CHARS) + "]|(?<![A-Za-z])[\u2018\u2019']|[\u2018\u2019'](?![A-Za-z])")
#: A form of "be" just before a speech verb makes it passive ("the deal was announced", "is said to be"): no one speaks.
BE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)[ \t]+\Z", re.IGNORECASE)
DASH_LINE = re.compile(r"[ \t]*[-\u2013\u2014\u2015]+[ \t]*(?P<subject>[^\n]{2,160})")


LABEL_BEFORE = re.compile(r"\b(?:called|labell?ed|dubbed|described as|termed|branded|hailed as|touted as|billed as|"
                           r"characteri[sz]ed as)(?:[ \t]+(?:it|this|that|them|him|her|the[ \t]+[a-z]+))?"
                           r"[ \t]+(?:as[ \t]+)?(?:an?[ \t]+|the[ \t]+)?$", re.IGNORECASE)
#: A question put to someone: the attribution after it belongs to the answer.
ASKED_BEFORE = re.compile(r"\b(?:asked|asking|asks|question|prompt|prompted|typed|query|queried)"
                           r"(?:[ \t]+(?:it|him|her|them|the[ \t]+\w+))?[ \t]*:?[ \t]*$", re.IGNORECASE)
BY_AGENT = re.compile(r"[ \t]*+,?[ \t]*+by[ \t]+(?P<subject>[^,.;:!?\"\u201c\u201d\n(]{1,80})")


#: Titles written with a full stop before a name: the stop does not end the sentence ("said Rep. Lorraine Okafor").
TITLE_ABBREVIATIONS = frozenset("""
    Rep. Sen. Gov. Prof. Gen. Capt. Supt. Insp. Sgt. Cllr. Pres. Hon. Rev. Lieut. Col. Cmdr. Adm. Brig. Mrs. Messrs.
""".split())


class Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        """The token lower-cased without a sentence-final full stop ("" for punctuation)."""
        if not (self.text[0].isalnum() or self.text[0] == "_"):
            return ""
        return self.text.rstrip(".").casefold()

    @property
    def ends_sentence(self) -> bool:
        """A word carrying a full stop that is not an abbreviation ("said." yes, "U.S.", "J." and "Rep." no)."""
        return (self.text.endswith(".") and len(self.text) > 3 and "." not in self.text[:-1]
                and self.text not in TITLE_ABBREVIATIONS)


_new_token = tuple.__new__  # skips NamedTuple's Python-level constructor: tokens are made by the million


def first_tokens(text: str, start: int, end: int, limit: int = 40) -> list[Token]:
    """The first ``limit`` words and punctuation marks of start:end."""
    found = islice(_TOKEN.finditer(text, start, end), limit)
    return [_new_token(Token, (m.group(0), m.start(), m.end())) for m in found]


def last_tokens(text: str, start: int, end: int, limit: int = 40) -> list[Token]:
    """The last ``limit`` words and punctuation marks of start:end (for reading back from a verb).

    Only the last ``6 * limit`` characters are read, and of their first ``10 * limit`` tokens only the last
    ``limit`` are kept.
    """
    kept = deque(islice(_TOKEN.finditer(text, max(start, end - 6 * limit), end), 10 * limit), maxlen=limit)
    return [_new_token(Token, (m.group(0), m.start(), m.end())) for m in kept]
