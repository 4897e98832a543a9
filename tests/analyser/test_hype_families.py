"""The hype families of ``seeds/hype_patterns.csv`` (a phrase grammar over cue words), their confidence and check
notes, and what is not hype (datelines, acronyms, plain verbs, literal senses of ``seeds/hype_literal_senses.csv``,
words inside names): golden tables of sentences written for these tests."""

from __future__ import annotations

import pytest

from solutions.analyser.hype import find_hype
from solutions.analyser.hype_literal import literal_senses
from solutions.analyser.hype_patterns import category_checks, find_pattern_hype, hype_families
from solutions.data.datafiles import read_table


def finds(text: str) -> list[str]:
    return [find["text"] for find in find_hype(text)]


#: (sentence, the loaded phrase a reader should see marked): one or more per family, none copied from an article.
FAMILY_CASES = [
    ("Orders showed a remarkable surge after the launch.", "remarkable surge"),
    ("The bakery reported an extraordinary jump in weekend sales.", "extraordinary jump"),
    ("Membership has grown exponentially since May.", "grown exponentially"),
    ("Ticket prices climbed dramatically over the summer.", "climbed dramatically"),
    ("The council calls the vote a pivotal moment for the town.", "pivotal moment"),
    ("The firm says it is the undisputed leader in garden tools.", "undisputed leader"),
    ("The hotel promises best-in-class service at every desk.", "best-in-class"),
    ("The mayor unveiled a big and bold plan for the harbour.", "big and bold plan"),
    ("Analysts call it a multibillion-dollar opportunity for the region.", "multibillion-dollar opportunity"),
    ("Retailers face unrelenting demand for the new console.", "unrelenting demand"),
    ("The club paid an eye-popping fee for the striker.", "eye-popping"),
    ("When the figures came out, all hell broke loose on the trading floor.", "all hell broke loose"),
    ("The app took the country by storm within a month.", "took the country by storm"),
    ("This One Weird Trick Will Cut Your Energy Bill", "This One Weird Trick Will"),
    ("Doctors hate this simple habit, a wellness blog claims.", "Doctors hate"),
    ("7 shocking reasons your rent keeps rising", "7 shocking reasons"),
    ("Fans called it the greatest comeback of all time.", "greatest comeback of all time"),
    ("\u201cIt was a stupid decision,\u201d the coach said.", "stupid"),
    ("\u201cWe are thrilled to announce our new partner,\u201d the company said.", "We are thrilled to"),
    ("Investors are PANICKING after the results.", "PANICKING"),
    ("Carbon prices crashed 40% on Monday.", "crashed"),
    ("The landlords will be laughing all the way to the bank.", "laughing all the way to the bank"),
    ("The council moved heaven and earth to keep the library open.", "moved heaven and earth"),
    ("Some say the ship has sailed for cheap train tickets.", "the ship has sailed"),
    ("The bank has painted itself into a corner on rates.", "painted itself into a corner"),
    ("Bond traders threw a tantrum after the speech.", "threw a tantrum"),
    ("The sequel smashed expectations on its first weekend.", "smashed expectations"),
    ("Gold ripped through $3,000 an ounce on Friday.", "ripped through"),
    ("One shopper fumed about the queue outside.", "fumed"),
    ("\u201cIt is absolute madness,\u201d one driver said of the toll.", "absolute madness"),
    ("The Secret Behind Cheap Flights? Here's what airlines don't want you to know.", "don't want you to know"),
    ("Only 40 seats left. But hurry: the sale ends tonight.", "But hurry"),
    ("This herbal tea melts belly fat while you sleep, the advert says.", "melts belly fat"),
    ("It is the most powerful vacuum cleaner on the market, the maker says.", "the most powerful vacuum cleaner on the market"),
    ("Acme Tools, the leader in garden equipment, opened a store.", "the leader in garden equipment"),
    ("The new stand is a star-studded addition to the ground.", "star-studded"),
    ("Tickets are FREE for every child this summer.", "FREE"),
    ("Fans are losing their minds over the new kit.", "losing their minds"),
    ("When the music stops, a lot of people will be hurt.", "When the music stops"),
    ("He signed a mega-money deal on Friday.", "mega-money"),
    ("The project director blamed brutal rises in steel prices.", "brutal"),
    ("It is the biggest show on the planet right now.", "the biggest show on the planet"),
    ("Trust us, you will want to see this.", "Trust us"),
    ("They will not balance the books on the backs of workers.", "on the backs of workers"),
    ("So what are you waiting for? Tickets are on sale.", "So what are you waiting for?"),
    ("The time to buy is NOW. Prices will rise.", "NOW"),
    ("It was a bruising session for miners.", "bruising"),
    ("The charity launches its most ambitious appeal yet.", "most ambitious appeal yet"),
    ("The price war has turned into a knife fight.", "knife fight"),
    ("Rivals went all in on the new chip.", "went all in"),
    ("The league is swimming in money these days.", "swimming in money"),
    ("The race for customers is heating up.", "is heating up"),
    ("The clock is ticking for first-time buyers.", "The clock is ticking"),
    ("Staff called the offer an insult.", "an insult"),
    ("Think renting is safer? Think again.", "Think again"),
    ("The sequel was a flop in its first week.", "flop"),
    ("The minister accused the union of playing politics.", "playing politics"),
    ("It is a race to the bottom on price.", "race to the bottom"),
    ("This is what should keep investors up at night.", "keep investors up at night"),
    ("They pitch the firm as the Uber of trucking.", "the Uber of trucking"),
    ("Its backers call the coin a 100x play.", "100x play"),
    ("The fees vanished into a black hole at head office.", "vanished into a black hole"),
    ("The two chains are neck and neck for the top spot.", "neck and neck"),
    ("The lender is on the brink after a run on deposits.", "on the brink"),
    ("A fully self-driving taxi remains a pipe dream.", "pipe dream"),
    ("The embattled chief executive resigned on Friday.", "embattled"),
    ("For five years it was the easiest trade on the planet.", "the easiest trade on the planet"),
    ("The Question Wall Street Doesn't Want You to Ask", "Doesn't Want You to Ask"),
    ("Rival shares rocket 48% in a month.", "rocket 48%"),
    ("The findings are being described as a breakthrough for patients.", "breakthrough"),
    ("If you're still waiting, DON'T. Seats are going fast.", "DON'T"),
    ("Is the moat GONE? Not quite, say the bulls.", "GONE"),
    ("Founded in 2013, Lumora Technology is a global leader in intelligent devices.", "is a global leader"),
    ("We set out to build the most intelligent phone we have ever made.", "most intelligent phone we have ever made"),
    ("It is the best laptop we've ever built, he said.", "best laptop we've ever built"),
    ("Powered by the all-new Helix X5 chipset, it runs for two days.", "all-new"),
    ("He fought tooth and nail for the catalogue.", "tooth and nail"),
    ("Our children should not be the guinea pigs in this experiment.", "guinea pigs"),
    ("And in a further twist, the player is said to be unhappy.", "in a further twist"),
    ("He is said to be licking his wounds at his ranch.", "licking his wounds"),
    ("SHOCKING scenes at the ground as fans ran onto the pitch before the end.", "SHOCKING"),
]


@pytest.mark.parametrize("sentence, phrase", FAMILY_CASES, ids=[case[1] for case in FAMILY_CASES])
def test_each_family_finds_its_phrase(sentence, phrase):
    found = find_hype(sentence)
    start = sentence.index(phrase)
    assert any(f["start"] < start + len(phrase) and start < f["end"] for f in found), finds(sentence)


#: Sober sentences: plain verbs, factual superlatives, datelines, acronyms and names in capitals.
NOT_HYPE = [
    "LONDON \u2014 Shares in the retailer rose 3% on Tuesday.",
    "NEW DELHI (Reuters) - The central bank kept rates on hold.",
    "The ENFORCE Act passed the Senate by 62 votes to 38.",
    "NASA said the launch would go ahead on Friday.",
    "The report was first published by JURIST on Monday.",
    "Sales jumped 12% and profit slipped 2% in the quarter.",
    "The index slid 1.2% while bond yields spiked briefly.",
    "It is the world's largest provider of cloud storage.",
    "Revenue rose 8% to $4.1 billion, the company said.",
    "The rally lost pace as traders shed riskier assets.",
    "Two people were hurt in a crash on the A56 on Tuesday.",
    "Forty homes were destroyed by the fire, the fire service said.",
    "The storm battered the coast overnight.",
    "On Sunday night the Golden State Warriors beat the visiting team by ten points at home.",
    "The warning was not a disaster, one analyst said, but it was a reminder.",
    "We would be surprised by anything dramatic in either direction, the economist said.",
    "I wouldn't call this panic, the strategist said; it is a recalibration.",
    "What used to be a once-in-a-generation drought now comes every few years, the study found.",
    "Growth came from NEUVANTA\u00ae, the company's migraine drug, and from CARDELYX\u2122 abroad.",
    "The smouldering ruins of the warehouse were cordoned off by firefighters.",
    "Officials say they are in no hurry to cut rates.",
    "What could explain the result? The authors list three causes.",
    "The bakery beat last year's record by 40 loaves.",
    "The CEO of the firm joined the board of the NHS trust.",
    "The oceans are heating up faster than the models predicted.",
    "The gas cloud fell into a black hole at the centre of the galaxy.",
    "Parking at the stadium went up $5 this season.",
    "SHANGHAI/NEW YORK, Jan 27 \u2014 A Chinese lab released a model on Monday.",
    "PRINCETON, N.J. and CAMBRIDGE, Mass., Oct. 19, 2026 -- The two drugmakers agreed terms on Monday.",
    "The rocket lifted off at 9am with two stages.",
    "Such breakthroughs depend on years of basic research.",
    "It looks better than most, but it is not a miracle cure, the researcher said.",
    "There is no silver bullet for the housing shortage.",
    "Nvidia, the leading maker of AI chips, reported results on Wednesday.",
    "It is now the world's most valuable company.",
    "We want American technology to set the standard abroad, he said.",
    "The plan would give China an edge, positioning it as a global leader in AI research.",
    "The sports pages said the club remained in talks.\nNORTHBRIDGE UNITED are plotting a move for the striker.",
    "The sports pages said the club remained in talks.\nLOWESTONE ROVERS have told rivals they want more.",
]


@pytest.mark.parametrize("sentence", NOT_HYPE)
def test_sober_sentences_have_no_hype(sentence):
    assert finds(sentence) == []


def test_every_find_has_a_confidence_and_a_check():
    text = " ".join(sentence for sentence, _ in FAMILY_CASES)
    found = find_hype(text)
    assert found
    for find in found:
        assert 0 < find["confidence"] <= 1
        assert isinstance(find["check"], str) and len(find["check"]) > 20
        assert text[find["start"]:find["end"]] == find["text"]


def test_the_family_table_is_documented_data():
    table = read_table("hype_patterns.csv")
    assert list(table.columns) == ["family", "category", "confidence", "pattern", "cues", "example", "rationale"]
    assert not table.isna().any().any()
    assert table["family"].is_unique
    assert (table["rationale"].str.len() > 40).all()
    assert len(hype_families()) == len(table)
    for family in hype_families():
        assert family["pattern"].search(family["example"].lower()), family["family"]


def test_every_cue_starts_a_word():
    """A cue is looked for at word starts only, so one that opens with a mark ("'ve ever") is never found."""
    for row in read_table("hype_patterns.csv").itertuples(index=False):
        cues = [cue for cue in str(row.cues).split("|") if cue]
        assert all(cue[0].isalnum() for cue in cues), (row.family, [cue for cue in cues if not cue[0].isalnum()])


def test_each_family_example_is_found_by_find_pattern_hype():
    for family in hype_families():
        assert any(f["family"] == family["family"] for f in find_pattern_hype(family["example"])), family["family"]


def test_every_category_has_a_check():
    checks = category_checks()
    for confidence, check in checks.values():
        assert 0 < confidence <= 1 and len(check) > 20


def test_pattern_finds_keep_offsets_with_characters_whose_lower_case_is_longer():
    text = "\u0130stanbul saw a remarkable surge."
    (found,) = find_pattern_hype(text)
    assert text[found["start"]:found["end"]] == found["text"] == "remarkable surge"


def test_the_literal_senses_table_is_read_whole():
    senses = literal_senses()
    assert {"crash", "collapsed", "destroyed", "battlefield"} <= set(senses)
    table = read_table("hype_literal_senses.csv")
    assert list(table.columns) == ["forms", "cues", "rationale"] and not table.isna().any().any()


def test_a_clickbait_thing_is_hype_until_the_text_denies_it():
    assert finds("A miracle cure for belly fat!") == ["miracle cure"]
    assert finds("You won't believe what happened next.") == ["You won't believe"]  # a formula keeps its negation
