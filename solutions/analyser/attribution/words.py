"""Word lists that judge a capitalised word or a phrase: generic words, roles, organisations, places, pronouns.

Also the small word-level tests built on them: :func:`bare` (drop a possessive), :func:`looks_like_role` and
:func:`is_relative_clause`.
"""

from __future__ import annotations

import re

def word_set(block: str) -> frozenset[str]:
    """The white-space separated words of ``block`` as a frozen set (for the word lists below)."""
    return frozenset(block.split())


#: Capitalised words that do not make a source named: places, fields, days, sentence openers.
GENERIC_WORDS = word_set("""
    ai u.s. u.s us usa uk u.k. eu e.u. chinese american americans western european asian japanese korean
    indian british german french taiwanese russian global international wall street silicon valley tech
    industry industry's market markets financial government federal state x twitter shares stocks
    china america washington beijing europe asia hollywood bollywood westminster whitehall brussels city
    clinical medical scientific academic official industrial previous recent past earlier
    the a an some many most other others several these those this that such both all few any each every
    and but yet so while when if as however meanwhile still also even now then or nor after before since
    although though because despite during unlike like amid among over under in on at for from with by
    of to according one two three four five independent outside leading top senior certain various
    unnamed anonymous already yesterday today tomorrow earlier later instead indeed overall moreover
    furthermore additionally similarly it its he she they we i you his her their our my your there here
    what which who where why how no not last next first early late
    let imagine consider remember forget look listen picture suppose
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    christmas easter ramadan eid diwali thanksgiving hanukkah halloween passover lent
    i've i'm i'd i'll i’ve i’m i’d i’ll
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
    speaker majority minority whip
    defender midfielder striker goalkeeper winger keeper coach captain
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
    authority authorities organisation organization government board federation manufacturers producers exporters
    importers retailers traders growers chamber confederation society guild trust
""")
#: Words of trade that end a company's name ("Northwind Airways", "Halcyon Interactive"): never a person's.
INDUSTRY_WORDS = word_set("""
    airways airlines airline aviation industrial industries media studios studio pictures entertainment devices
    software robotics logistics pharma pharmaceuticals therapeutics biotech healthcare automotive mining minerals
    resources metals steel petroleum utilities telecom telecoms communications wireless foods beverages breweries
    brands apparel hotels resorts properties realty estates construction engineering infrastructure railways
    shipping freight airports insurance assurance payments dynamics solutions services works worldwide digital
    interactive games gaming society co-operative cooperative hotel inn lodge restaurant cafe bakery brewery winery distillery gallery museum
    theatre theater cinema stadium arena dome
    biologics biosciences bioscience biotherapeutics genomics diagnostics medical vaccines labs semiconductors
    chemicals materials renewables wind solar farms agriculture agri grain foods holdings builders homes
""")
ORG_WORDS |= INDUSTRY_WORDS

#: Countries, regions and cities: named often, but not what "the company" or "the chatbot" points back to.
PLACES = word_set("""
    china taiwan singapore japan korea india russia germany france britain uk us u.s. usa america europe
    asia africa hong kong beijing shanghai shenzhen hangzhou washington london paris tokyo seoul brussels
    california new york silicon valley wall street poland warsaw latvia riga
    norway sweden denmark finland netherlands spain italy ireland scotland wales england canada mexico brazil
    australia israel iran iraq ukraine turkey egypt nigeria kenya pakistan indonesia vietnam thailand malaysia
    philippines qatar dubai toronto sydney melbourne mumbai delhi bangalore berlin frankfurt madrid rome dublin
    edinburgh manchester birmingham leeds glasgow chicago boston seattle texas arizona florida ohio scandinavia
    auckland wellington johannesburg nairobi lagos seoul osaka chennai kolkata hyderabad karachi jakarta manila
    uganda tanzania ethiopia ghana rwanda zambia zimbabwe botswana namibia mozambique angola senegal morocco algeria
    tunisia libya sudan somalia bangladesh nepal myanmar cambodia laos mongolia kazakhstan uzbekistan afghanistan
    syria lebanon jordan oman kuwait bahrain yemen argentina chile peru colombia venezuela ecuador bolivia uruguay
    paraguay cuba jamaica haiti portugal greece austria switzerland belgium luxembourg czechia hungary romania
    bulgaria serbia croatia slovenia slovakia estonia lithuania iceland cyprus malta georgia armenia azerbaijan
    belarus moldova fiji samoa tonga tasmania queensland ontario quebec alberta bavaria catalonia kerala karnataka
    ala ariz ark calif colo conn fla ill ind kan ky md mass mich minn mont neb nev okla ore tenn wash wis wyo
""")
#: Places of more than one word ("New York"): :data:`PLACES` holds single words.
MULTI_WORD_PLACES = frozenset("""
new york|hong kong|silicon valley|wall street|south korea|north korea|united states|united kingdom|south africa
|new zealand|saudi arabia|abu dhabi|los angeles|san francisco|new delhi|sri lanka|latin america|middle east
|the netherlands|the united states|the united kingdom|west bengal|tamil nadu|cape town|kuala lumpur
""".replace("\n", "").split("|"))
#: Technical words in capitals that name things, never a speaker ("GPU hours", "AI models").
TECH_TERMS = word_set("gpu gpus cpu cpus tpu tpus ai llm llms api apis app apps gp")

#: News agencies named in datelines and credits ("LONDON (Reuters) -"): the carrier of the story, not a speaker.
NEWS_AGENCIES = word_set("reuters ap afp bloomberg pa ani pti ians xinhua dpa efe ansa kyodo yonhap")

#: Nouns for people who stay unnamed whatever name stands beside them ("Treasury sources", "a Northbridge insider",
#: "pals say"), as a regular-expression alternation.
HIDDEN_SOURCE_NOUNS = r"sources?|insiders?|pals?|confidants?"

#: Social platforms a post is quoted from ("a two-line post on Weibo: ..."): where the words appeared, not who wrote them.
SOCIAL_PLATFORMS = word_set("""
    weibo wechat x twitter facebook instagram tiktok douyin linkedin threads reddit youtube bluesky telegram substack
    mastodon discord
""")

_PLACE_ENDINGS = word_set("square street avenue road province city county valley island islands river bay state")


def is_place(name: str) -> bool:
    """True for a country, region, city or landmark ("Taiwan", "Tiananmen Square"), or places joined by "and"
    ("Ghana and Kenya")."""
    lowered = " ".join(name.casefold().split())
    if " and " in lowered or " & " in lowered:
        parts = re.split(r" and | & ", lowered)
        return all(_one_place(part) for part in parts)
    return _one_place(lowered)


def _one_place(lowered: str) -> bool:
    if lowered in PLACES or lowered in MULTI_WORD_PLACES:
        return True
    first, _, rest = lowered.partition(" ")
    if not rest:
        return False
    # "North Africa", "Southeast Asia", "the North East": a compass point before a place, or two compass points
    return rest.split()[-1] in _PLACE_ENDINGS or (first in _COMPASS and (rest in _COMPASS or _one_place(rest)))


#: Compass words that make a region of the place after them.
_COMPASS = frozenset("""
    north south east west northern southern eastern western central northeast northwest southeast southwest
    north-east north-west south-east south-west upper lower greater
""".split())


#: A US politician's party and state after the name, as written: "R-Kan.", "D-N.M.", "I-Vt.", "R-Ohio". An aside
#: between a speaker's name and the verb, and never a name of its own.
PARTY_TAG = re.compile(r"[RDI]-(?:[A-Z][a-z]{1,4}\.?|[A-Z]\.[A-Z]\.|[A-Z]{2})")

#: Stock indexes: named in market reports, never a speaker ("the Nasdaq Composite").
MARKET_INDEXES = word_set("""
    nasdaq dow s&p ftse nikkei dax cac sensex nifty kospi asx tsx jse stoxx topix hang seng composite brent wti
    intermediate
""")


def is_not_a_speaker(name: str) -> bool:
    """True for a name that "it said" never points back to: a place ("Leeds"), a news agency ("Reuters"), a social
    platform ("Weibo") or a stock index ("Nasdaq Composite")."""
    lowered = name.casefold()
    return (is_place(name) or lowered in NEWS_AGENCIES or lowered in TECH_TERMS or lowered in SOCIAL_PLATFORMS
            or any(word in MARKET_INDEXES for word in lowered.split()))


#: Pronouns a quote can be credited to that point back at one named person or body.
PERSON_PRONOUNS = word_set("he she")
THING_PRONOUNS = word_set("it")
#: Words that never identify a source on their own.
VAGUE_WORDS = word_set("""
    they them we some others many people someone somebody sources source experts analysts critics
    observers insiders commentators pundits watchers officials one few most everyone nobody anyone
    researchers investors economists scientists engineers employees executives skeptics sceptics
""")
#: Words that open a phrase about no one in particular ("a", "some", "unnamed", "industry").
INDEFINITE_WORDS = word_set("""
    a an one some several many other another certain unnamed anonymous unidentified few most two three
    four five various numerous multiple industry independent outside leading senior top market tech
""")

_POSSESSIVE = re.compile(r"[\u2019']s?$")
_RELATIVE = frozenset({"who", "which", "whose", "whom"})


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
    return bool(words) and words[0].casefold() in _RELATIVE and len(words) <= 24
