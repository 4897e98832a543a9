"""Rules of sentence shape that say which word governs a figure, before the nearest cue word does.

The nearest-cue rule of :mod:`solutions.analyser.figure_context` reads "Shares of Brightwell Cloud, which rents
computing capacity to Lumora, soared 7%" as a price, because "rents" is nearer to 7% than "Shares" is. Sentences
have a shape the nearest word ignores, and these parts of it matter for figures:

- **The subject of a movement.** A figure a verb of movement takes ("soared 7%", "fell by 3% to $142", "rose to
  4.2%", "has been raised to Rs 16,800 crore") measures the verb's subject, the nearest naming word before the verb
  (helping verbs and asides not counted); and "X is worth $2 trillion" measures X. Of "sales of its chips" the
  head, "sales", is the subject. Money "raised" with no subject named is an investment.
- **A company's worth** ("Helion is worth $2.87 trillion", "leaving the company worth $552 billion") is its market
  value.
- **Asides.** A clause opened by ", which", ", who", ", whose", ", where" or an appositive (", the chipmaker at
  the centre of the frenzy,") and closed by a comma is an aside: a word inside it never governs a figure outside it.
- **A percentage of something.** "80% of a model's performance" is a share of that performance: it takes the kind
  of the thing after "of" (a GPU count, revenue), and when the cue words do not know that thing, or it is people,
  the percentage is "other". "At 40% utilisation" and "a 30% stake" work the same way: the percentage measures the
  noun it stands before.
- **Public spending.** A spending word in a sentence about public money (a budget, a tax, a council) is public
  finance, unless the money builds something (roads, a rail line, a hospital).

Every test looks at a bounded window (:data:`REACH` characters) around the figure, so the rules keep finding all
figures linear in the text. The functions take ``lowered``, the text lower-cased with every character at its offset.
"""

from __future__ import annotations

import re

#: How far back (characters) a rule looks for a verb, a subject or the start of a clause.
REACH = 160
#: Between a verb of movement and its figure: "soared 7%", "fell by nearly 3%", "rose to 4.2%", "climbed 7% to $38".
_VERB_GAP = re.compile(
    r"(?:\s+(?:by|to|from|as\s+much\s+as|as\s+little\s+as|about|around|roughly|nearly|almost|some|just|over|under"
    r"|more\s+than|less\s+than|another|a\s+further|an\s+extra|a\s+record|a\s+fresh))*\s+"
    r"(?:[^\s,;]*\d[^\s,;]*(?:\s+(?:per\s+cent|percent|points?|million|billion|trillion|bn|mn|m))?"
    r"(?:\s+(?:to|from)(?:\s+(?:about|around|roughly|nearly|almost|just|over|under))*\s+))?")
#: "is worth", "was still worth": the copula whose subject a "worth" figure measures.
_COPULA_BEFORE_WORTH = re.compile(r"(?:^|(?<=\s))(?:is|was|are|were|be|been|being|'s|\u2019s)\s+(?:(?:now|still|already"
                                  r"|only|roughly|about|nearly|almost|reportedly|currently)\s+)?\Z")
#: Between a head word and a naming word inside its "of" phrase: "sales of its data-centre chips".
_OF_PHRASE = re.compile(r"\s+(?:of|in|at|from|on)\s+(?:[\w'\u2019&.-]+\s+){0,4}")
#: An aside: ", which rents computing capacity to Lumora," or ", the chipmaker at the centre of the frenzy," (no
#: other comma or clause mark inside).
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where|the|a|an)\b[^,;:.!?()\u2014\u2013]{1,200},")
#: "of" and the noun phrase a percentage is a share of, up to five words and no punctuation.
_PERCENT_OF = re.compile(r"\s+of\s+((?:[\w'\u2019&-]+\s+){0,4}[\w'\u2019&-]+)")
_PHRASE_WORD = re.compile(r"[\w'\u2019&-]+")
#: Words that end the noun phrase after "X% of": a verb or a preposition starts what is said about it ("26% of homes
#: sold above list price", "21% of listings had a price cut").
_ENDS_NOUN_PHRASE = frozenset("""
    had have has were was are is be been sold sell sells bought saw see sees rose fell said say says got get gets
    made make makes took take takes went go goes paid pay pays did do does will would could can may might should
    above below over under in on at for from with by that which who whose than as into after before while since
""".split())
#: "a 30% stake", "at 40% utilisation": a percentage that stands before the noun it measures.
_PERCENT_BEFORE_NOUN = re.compile(r"(?:^|\s)(?:a|an|the|at|with|its|their)\s+\Z")
_WORD_AFTER = re.compile(r"[\s-]+([a-z][\w-]*)")
#: Words after a percentage that are not a noun it measures.
_NOT_A_NOUN = frozenset({
    "to", "in", "on", "at", "for", "from", "by", "and", "or", "but", "with", "than", "that", "which", "who", "is",
    "are", "was", "were", "be", "of", "over", "since", "this", "these", "its", "their", "the", "a", "an", "as",
    "more", "less", "higher", "lower", "increase", "decrease", "rise", "fall", "jump", "drop", "gain", "loss",
    "year-on-year", "annually", "overall", "again", "so", "last", "next", "per", "a-year", "every", "each",
})


#: Families that make a sentence about public money: a budget, a tax, a council, a ministry.
_PUBLIC_FAMILIES = frozenset({"public_finance", "public_bodies"})
#: Spending words: investment for a company, public finance (kind "other") for a government or a council.
_SPENDING = re.compile(r"spen(?:d|ds|ding|t)|sav(?:e|es|ed|ing)|outlays?|earmark(?:ed|s)?")


#: A building project: what it costs is an investment ("the cost of the new hospital has ballooned to C$2.1 billion").
_PROJECT = re.compile(r"\b(?:hospitals?|bridges?|tunnels?|railways?|rail lines?|metro|stadiums?|airports?|motorways?"
                      r"|highways?|pipelines?|dams?|power stations?|power plants?|reactors?|data cent(?:re|er)s?"
                      r"|projects?|schemes?|construction)\b")
#: Cost words that, said of a building project, mean its budget.
_PROJECT_COST_WORDS = frozenset({"cost", "costs", "costing", "price tag", "bill"})
#: How far from the cost word the project may be named, each way (about ten words).
PROJECT_REACH = 60


def project_cost(lowered: str, cue: tuple[int, int]) -> bool:
    """Whether the cost word at ``cue`` is said of a building project named within :data:`PROJECT_REACH` characters
    ("the cost of the new regional hospital", "hospital projects have seen costs rise"): an investment."""
    if lowered[cue[0]:cue[1]] not in _PROJECT_COST_WORDS:
        return False
    return _PROJECT.search(lowered, max(0, cue[0] - PROJECT_REACH), min(len(lowered), cue[1] + PROJECT_REACH)) is not None


#: What public money builds: spending on it is an investment ("the council spent A$2m on roads").
_BUILDING_WORDS = (r"roads?|rail|railways?|bridges?|tunnels?|infrastructure|networks?|pipelines?|metro|airports?|ports?"
                   r"|housing|hospitals?|stadiums?|broadband|grid")
_BUILDING = re.compile(rf"\b(?:{_BUILDING_WORDS})\b")


def public_spending(cue: str, families: frozenset[str], lowered: str, span: tuple[int, int] | None) -> bool:
    """Whether an investment cue is public spending: a spending word in a sentence about public money ("Spending on
    benefits is forecast to reach £328bn", said of the Treasury's budget) that builds nothing."""
    if not families & _PUBLIC_FAMILIES or _SPENDING.fullmatch(cue) is None:
        return False
    return span is None or _BUILDING.search(lowered, *span) is None


#: What capital spending buys: money spent on it is an investment ("had spent $450 million on computing").
_CAPITAL = re.compile(rf"\b(?:{_BUILDING_WORDS}" r"|comput(?:e|ing)|chips?|gpus?|accelerators?|servers?|hardware"
                      r"|data cent(?:re|er)s?|capacity|plants?|factor(?:y|ies)|facilit(?:y|ies)|equipment|aircraft|fleet"
                      r"|projects?|capital|sites?|machinery|build(?:ing)?\s+(?:out|up)|expansion|upgrades?"
                      r"|research and development|r&d)\b")
#: Spending words whose kind, when no capital is named, is not an investment: what was "spent" is a price paid
#: ("spent ₹639 crore on 182 players", "spent $9,000 on new locks"); "spending" as a noun is a total of outgoings
#: ("7.5% of spending", "spending on agency staff reached £14.7m").
_SPENDING_WITHOUT_CAPITAL = {"spent": "cost", "spending": "other"}


def spending_kind(lowered: str, cue: tuple[int, int], span: tuple[int, int] | None) -> str | None:
    """The kind of a figure that the spending word at ``cue`` governs, when it is not an investment: "spent" is a
    cost and "spending" a total ("other") unless the sentence (``span``) names capital it buys; None otherwise."""
    kind = _SPENDING_WITHOUT_CAPITAL.get(lowered[cue[0]:cue[1]])
    if kind is None or span is None or _CAPITAL.search(lowered, *span):
        return None
    return kind


#: Rates that are a bill: a council's property rates or a utility's charges, in a sentence about a council or a utility.
_RATE_WORDS = frozenset({"rate", "rates", "rate rise", "rate rises", "rate hike", "rate hikes"})
_COUNCIL = re.compile(r"\b(?:councils?|councill?ors?|ratepayers?|municipal\w*|borough|business rates|rate peg"
                      r"|utilit(?:y|ies)|water|sewer|sewage)\b")
#: Words that make a rate a loan's interest, whoever lends: "a variable rate of 6.09 per cent" on a mortgage.
_LOAN = re.compile(r"\b(?:mortgages?|interest|variable|fixed|loans?|borrow\w*|lend\w*|bonds?|yields?)\b")


def council_rates(lowered: str, cue: tuple[int, int], span: tuple[int, int] | None) -> bool:
    """Whether the rate word at ``cue`` is a council's or a utility's charge ("councillors voted to lift rates by 6.9
    per cent", "a 14% rate increase" for water), in a sentence (``span``) about no loan: a household's bill, a cost,
    not an interest rate."""
    return (lowered[cue[0]:cue[1]] in _RATE_WORDS and span is not None
            and _COUNCIL.search(lowered, *span) is not None and _LOAN.search(lowered, *span) is None)


def relative_clauses(lowered: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The asides in ``lowered[span]``: relative clauses set off by commas, as (start, end) spans."""
    return [(match.start(), match.end()) for match in _RELATIVE_CLAUSE.finditer(lowered, *span)]


#: At most this many words (asides not counted) stand between a subject and its verb ("Shares of Brightwell Cloud
#: soared"); further back, a naming word is more often the object of another verb than the subject of this one.
SUBJECT_WORDS = 3
#: "The market for rented AI computing capacity was worth": "is worth" has no object to confuse, so its subject
#: may stand further back.
COPULA_SUBJECT_WORDS = 6
_WORD = re.compile(r"[\w'\u2019&.-]+")


#: Helping verbs and adverbs that do not part a subject from its verb ("has been raised", "was also cut").
_HELPERS = frozenset({"has", "have", "had", "been", "be", "is", "are", "was", "were", "will", "would", "could",
                      "may", "might", "now", "also", "already", "just", "since", "then"})


def words_between(lowered: str, start: int, end: int, clause: tuple[int, int] | None = None) -> int:
    """How many words stand in ``lowered[start:end]``, leaving out the asides (relative clauses) in it and helping
    verbs; ``clause`` is the aside holding ``end``, whose own words count."""
    count, position = 0, start
    for aside in _RELATIVE_CLAUSE.finditer(lowered, start, end):
        if clause is None or aside.start() != clause[0]:
            count += _content_words(lowered, position, aside.start())
            position = aside.end()
    return count + _content_words(lowered, position, end)


def _content_words(lowered: str, start: int, end: int) -> int:
    return sum(word not in _HELPERS for word in _WORD.findall(lowered, start, end))


#: Verbs that change a figure when "to" or "by" follows: "the allocation has been raised to Rs 16,800 crore".
_CHANGE_VERB = re.compile(r"rais(?:e|es|ed|ing)|lift(?:s|ed)?|lower(?:s|ed)?|reduc(?:e|es|ed)|boost(?:s|ed)?|trimm?(?:s|ed)?"
                          r"|slash(?:es|ed)?|hik(?:e|es|ed)|increas(?:e|es|ed)|cut|cuts")
_TO_OR_BY = re.compile(r"\s+(?:to|by)\s")


def change_verb(lowered: str, verb_start: int, verb_end: int) -> bool:
    """Whether the word at verb_start:verb_end changes a figure given by "to" or "by" after it ("raised to")."""
    return _CHANGE_VERB.fullmatch(lowered, verb_start, verb_end) is not None and \
        _TO_OR_BY.match(lowered, verb_end) is not None


def verb_gap_fits(lowered: str, verb_end: int, figure_start: int) -> bool:
    """Whether the figure at ``figure_start`` is what the verb ending at ``verb_end`` takes ("fell by 3%")."""
    return 0 < figure_start - verb_end <= 60 and _VERB_GAP.fullmatch(lowered, verb_end, figure_start) is not None


def copula_before(lowered: str, worth_start: int) -> int | None:
    """Where "is"/"was" ... starts before "worth" at ``worth_start``, or None when "worth" has no copula."""
    match = _COPULA_BEFORE_WORTH.search(lowered, max(0, worth_start - 40), worth_start)
    return match.start() if match else None


#: A company as the subject of "worth": "the company is worth", "leaving the company worth" (lower-cased text).
_COMPANY_BEFORE = re.compile(r"(?:^|[,.;:]\s+|\b(?:leaving|making|left|leaves|leave)\s+)the (?:company|firm|group|chipmaker"
                             r"|bank|carmaker|retailer|lender|insurer|start-up|startup)\s+\Z")
#: A name opening its sentence as the subject of "is worth": "Helion had been worth", "Arvane Systems is now worth".
_NAME_OPENING_BEFORE = re.compile(r"(?:^|[.!?,]\s+|\n)(?:[A-Z][\w&'\u2019.-]*\s+){0,2}[A-Z][\w&'\u2019.-]*"
                                  r"(?:,[^,.;\n]{1,80},)?\s+(?:(?:has|had|have|will|would|could|may|might)\s+)?\Z")


def company_worth(lowered: str, text: str | None, before: int) -> bool:
    """Whether "worth" (or "is worth") at ``before`` follows a company: a listed company's worth is its market value.
    ``text`` is the text as written (for capital letters), when known."""
    low = max(0, before - 40)
    if _COMPANY_BEFORE.search(lowered, low, before):
        return True
    return text is not None and _NAME_OPENING_BEFORE.search(text, low, before) is not None


def head_of_of_phrase(lowered: str, earlier_end: int, later_start: int) -> bool:
    """Whether a naming word ending at ``earlier_end`` is the head of an "of", "in", "at" or "from" phrase holding
    the one at ``later_start`` ("sales of its data-centre chips", "revenue in its cloud infrastructure segment",
    "unit costs at the platinum operations": the head is the first word)."""
    return 0 < later_start - earlier_end <= 60 and _OF_PHRASE.fullmatch(lowered, earlier_end, later_start) is not None


def percent_of_phrase(lowered: str, end: int) -> tuple[int, int] | None:
    """The span of what a percentage ending at ``end`` is a share of ("80% of a model's performance"), or None."""
    match = _PERCENT_OF.match(lowered, end, min(len(lowered), end + 80))
    if match is None:
        return None
    phrase_end = match.end(1)
    for word in _PHRASE_WORD.finditer(lowered, match.start(1), match.end(1)):
        if word.start() > match.start(1) and word.group() in _ENDS_NOUN_PHRASE:
            phrase_end = word.start()  # "21% of listings had a price cut": the share is of "listings"
            break
    return match.start(1), len(lowered[:phrase_end].rstrip())


def noun_after_percent(lowered: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun a percentage stands before ("a 30% stake", "at 40% utilisation"), as a span, or None."""
    if _PERCENT_BEFORE_NOUN.search(lowered, max(0, start - 6), start) is None:
        return None
    word = _WORD_AFTER.match(lowered, end, min(len(lowered), end + 40))
    if word is None or word.group(1) in _NOT_A_NOUN:
        return None
    return word.span(1)


#: Two or more capitalised words right before a verb of movement: a named company ("Larkfield Homes gained 14p").
_NAMED_SUBJECT = re.compile(r"(?:^|(?<=[a-z,;:.!?] )|(?<=\n))(?:[A-Z][\w&'\u2019.-]*[ \t]+){2,4}\Z")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|of|from|across|for|near|around|outside)\s+\Z")


def named_subject(text: str, verb_start: int, verb_end: int) -> bool:
    """True when a verb of movement written in lower case follows a name of two to four capitalised words: the
    move is the named company's share price ("Larkfield Homes gained 14p to 512p"); a title-case headline ("Home
    Prices Rise 5%") capitalises its verb too and is left alone."""
    if not text[verb_start:verb_end].islower():
        return False
    name = _NAMED_SUBJECT.search(text, max(0, verb_start - 80), verb_start)
    # "the median house price in Wattle Creek rose": a place after a preposition is not what moved
    return name is not None and _PREPOSITION_BEFORE.search(text, max(0, name.start() - 12), name.start()) is None


#: Pence and cents that retailers end prices with: "£479.99", "$19.95", "€24.49".
_RETAIL_ENDING = re.compile(r"\.(?:99|95|49)\Z")


def retail_price(figure: str) -> bool:
    """True for a sum ending in .99, .95 or .49, the endings shops and airlines price with: a price."""
    return _RETAIL_ENDING.search(figure.rstrip()) is not None


#: A verb of making, buying or selling, then "for" and the figure: "trained a model for under $6 million".
_FOR_PRICE = re.compile(r"\b(?:trained|trains|train|training|built|developed|develops|develop|made|makes|make|making|"
                        r"bought|buys|buy|buying|sold|sells|sell|selling|purchased|rented|rents|rent|renting|leased|"
                        r"booked|offered|advertised|listed|sold off|going|goes|went|do it|does it|did it|done it|"
                        r"doing it)\b([^,.;:!?\n]{0,60}?)\bfor\s+(?:(?:just|only|about|around|"
                        r"roughly|under|over|less than|more than|as little as|nearly|almost|an estimated)\s+)*\Z")
#: What bought or sold "for" a sum makes it an investment or a deal, not a price.
_NOT_A_PRICE = re.compile(r"\b(?:stakes?|shares|company|firm|business|start-?up|rights|unit|division|subsidiary)\b")


#: Traded goods whose price is a market's ("the token sells for 1.8 cents"), left to the cue families.
_MARKET_GOODS = re.compile(r"\b(?:tokens?|coins?|bitcoin|ether|gold|silver|oil|crude|shares?|stocks?|units)\b")


def priced_for(lowered: str, start: int) -> bool:
    """True when the figure at ``start`` is what something was made, bought or sold for: a price or a cost (not a
    stake, a company or rights, and not a traded good such as a token or gold)."""
    match = _FOR_PRICE.search(lowered, max(0, start - 110), start)
    return match is not None and _NOT_A_PRICE.search(match.group(1)) is None and _MARKET_GOODS.search(
        lowered, max(0, match.start() - 40), match.end()) is None


#: A price charged, or paid for something: "Polaris charges $12", "she had paid €1,140 for the flights".
_CHARGED_BEFORE = re.compile(r"\b(?:charges|charged|charging|to charge|will charge|would charge)\s+(?:(?:just|only|about"
                             r"|around|roughly|nearly|up to|as little as|as much as|an extra|customers|users|buyers|you"
                             r"|them|consumers|patients|members|drivers|passengers|riders)\s+)*\Z")
#: Words that may stand between a verb of paying and its sum: "paid just $5", "pays more than £20".
_ROUGHLY = r"just|only|about|around|roughly|nearly|almost|over|more than|less than|an extra"
_PAID_BEFORE = re.compile(rf"\b(?:paid|pay|pays|paying|forked out|shelled out|splashed out)\s+(?:(?:{_ROUGHLY})\s+)*\Z")
_FOR_AFTER = re.compile(r"\s+(?:a\s+(?:month|year|week|night)\s+)?for\b")


#: A payer paying a sum: "visitors now pay £3.50", "I pay Sh29", "Mrs Hulme pays £21,500 a year", "the board pays
#: private clinics €1,150"; a sum paid to people ("pay him £300,000 a week", "pay staff") is their wages.
_PAYER_PAYS_BEFORE = re.compile(
    r"(?:\b(?!(?:his|its|this|was|is|has|as|us|does)\b)(?:i|you|we|they|anyone|everyone|people|[a-z]+s)\s+"
    r"(?:(?:now|still|currently|already|typically|usually|often|also|then|will|would|could|must|may|might|can|to)\s+)*"
    r"pay|\bpays)\s+(?!(?:him|her|them|staff|players|workers|employees|himself|herself)\b)(?:[a-z][a-z-]*\s+){0,2}?"
    rf"(?:(?:{_ROUGHLY}|up to|an average of|a total of|on average)\s+)*\Z")


def paid_by_a_payer(lowered: str, start: int) -> bool:
    """True when the money at ``start`` is what someone pays ("visitors now pay £3.50", "she pays £21,500 a year"):
    a price or a bill, a cost; a sum paid to people is wages and is left to the cue words."""
    return _PAYER_PAYS_BEFORE.search(lowered, max(0, start - 80), start) is not None


def charged_or_paid_for(lowered: str, start: int, end: int) -> bool:
    """True when the figure at start:end is a price charged ("charges $12") or paid for something ("paid €1,140
    for the family's flights"); wages paid to someone ("was paid $2m") have no "for" after them."""
    if _CHARGED_BEFORE.search(lowered, max(0, start - 60), start):
        return True
    return _PAID_BEFORE.search(lowered, max(0, start - 40), start) is not None and \
        _FOR_AFTER.match(lowered, end, min(len(lowered), end + 20)) is not None
