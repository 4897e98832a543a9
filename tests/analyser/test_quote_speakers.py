"""Quote speakers in general news: pronouns, organisations ("it said", "the letter said"), appositives, quotes that run
over several paragraphs, and the confidence and check of every quote. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions.analyser.attribution.sources import Sources, name_and_capitals_pattern
from solutions.analyser.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q["quote"], q["speaker"]) for q in extract_quotes(text)]


SPEAKER_CASES = [
    ("Maria Lopez runs the bakery on Hill Street.\n\n\u201cWe sold out by noon,\u201d she said.",
     [("We sold out by noon", "Maria Lopez")]),
    ("Harbourline posted a loss in its letter to shareholders. \u201cThe winter was hard,\u201d it said.",
     [("The winter was hard", "Harbourline")]),
    ("The ferry operator Harbourline published its results on Tuesday. \u201cWe expect a better spring,\u201d "
     "the letter said.",
     [("We expect a better spring", "Harbourline")]),
    ("\u201cPrices will settle,\u201d said Tom Reyes, an economist at the university.",
     [("Prices will settle", "Tom Reyes")]),
    ("Tom Reyes, chief economist at Coastbank, said: \u201cRates have peaked.\u201d",
     [("Rates have peaked.", "Tom Reyes")]),
    # several asides between a name and its verb, and a quote paragraph it introduces
    ("Retired nurse Ada Quill, 74, who has lived in Port Ellen for fifty years, said the ferry mattered most.\n\n"
     "\u201cWithout it we cannot see a doctor.\u201d",
     [("Without it we cannot see a doctor.", "Ada Quill")]),
    ("Dr Omar Bex, a surgeon at St Cuthbert's Hospital who was not involved in the trial, said it was careful.\n\n"
     "\u201cThe numbers are small.\u201d",
     [("The numbers are small.", "Omar Bex")]),
    # a nationality or an age standing for the person just named
    ("Coach Lena Moretti, 48, was calm. \u201cWe will recover,\u201d the Italian said.",
     [("We will recover", "Lena Moretti")]),
    # a name with an initial, then an organisation inside its aside
    ("R. Iyer, president of the Salem Weavers Federation, said the plan was \u201cnot enough\u201d.",
     [("not enough", "R. Iyer")]),
    # "he" after a place name: the place is not the speaker
    ("Ben Orr, who farms near Kelso, said prices had fallen. He lives in Coldstream Mill.\n\n"
     "\u201cWe cannot go on like this,\u201d he said.",
     [("We cannot go on like this", "Ben Orr")]),
    # a handle that spoke is who "he" means when no person is named
    ("The trader known online as QuietFox, who told his followers to hold, was unmoved.\n\n"
     "\u201cThey always panic,\u201d he wrote.",
     [("They always panic", "QuietFox")]),
    # a first name the text gives with one family name only
    ("Rosa Lind's bakery opened in May.\n\nRosa, who trained in Lyon, told us: \u201cWe sold out by noon.\u201d",
     [("We sold out by noon.", "Rosa Lind")]),
    # a one-word company is given as the text names it in full
    ("Helion Semiconductor makes chips. Helion said the model was \u201cimpressive engineering\u201d.",
     [("impressive engineering", "Helion Semiconductor")]),
    # "the company" is the start-up the text described
    ("PARIS \u2014 Vellure AI, a French start-up, released a model trained for 1.9 million GPU hours. "
     "It is \u201copen for research\u201d, the company said.",
     [("open for research", "Vellure AI")]),
    # a source is unnamed whoever it works for; a spokesperson speaks for the body
    ("One Northbridge source said: \u201cThe coach wanted him.\u201d", [("The coach wanted him.", None)]),
    ("\u201cWe are fine,\u201d a Northbridge spokesperson said.", [("We are fine", "Northbridge")]),
    # a place in a speaker phrase names no one
    ("\u201cIt was a rout,\u201d said one New York trader.", [("It was a rout", None)]),
    # the text's own "she" and "he" say who a later pronoun is
    ("Mei Tan, 38, founded the firm. She said it would grow. Ron Park, an analyst, said he was doubtful.\n\n"
     "\u201cWe would rather be slow,\u201d she said.",
     [("We would rather be slow", "Mei Tan")]),
    # a hyphenated given name, and a place among the asides
    ("Kim Do-hyun took the prize.\n\n\u201cWe are first now,\u201d said Kim.",
     [("We are first now", "Kim Do-hyun")]),
    ("Rose Abe, 34, a teacher in Kamuli District, Uganda, whose school got a well, said it had "
     "\u201cchanged everything\u201d.",
     [("changed everything", "Rose Abe")]),
    # "the council" is the body whose name ends in "Council"
    ("The study was funded by the Coastal Energy Research Council. The council said the work was "
     "\u201can important input\u201d.",
     [("an important input", "Coastal Energy Research Council")]),
    ("The singer had a good night. \u201cI could cry,\u201d she laughed, after Mia Vance took the prize.",
     [("I could cry", None)]),
    # a family name first with two given names, named again by the family name alone
    ("\u201cWe are small,\u201d said Lee Mei Hua, the founder. Ron Park, an analyst, was unsure.\n\n"
     "Lee said she would wait.\n\n\u201cSlow is fine,\u201d she said.",
     [("We are small", "Lee Mei Hua"), ("Slow is fine", "Lee Mei Hua")]),
    # a title of three capitalised words is a role, not a person
    ("Asha Rao, Additional Chief Secretary, said the plan was ready.\n\n\u201cWe can start,\u201d she said.",
     [("We can start", "Asha Rao")]),
    # the sentence before a quote opens with its speaker; a passive speech verb names no one
    ("\u201cI wanted this,\u201d Dan Cole said.\n\nHe said he had called Eli Ward before the deal was "
     "announced. \u201cEli is family.\u201d",
     [("I wanted this", "Dan Cole"), ("Eli is family.", "Dan Cole")]),
    # "the statement said": who issued the last statement the text mentions
    ("Tom Reyes, a parent from Bethlehem, spoke first.\n\nSuperintendent Ana Silva said in a statement that the "
     "budget was fair.\n\n\u201cIt is a lean year,\u201d the statement said.",
     [("It is a lean year", "Ana Silva")]),
    # "the company said" after a sentence that opens with the company; a firm that supplied data is not it
    ("Downloads passed 3 million, according to estimates from analytics firm Appcount. Tidewell did not reply "
     "to questions.\n\nIn a statement, the company said the app was \u201cbuilt to be light\u201d.",
     [("built to be light", "Tidewell")]),
    # a capitalised word of trade ends a company's name, and "she" never points to it
    ("Sara Holt, Northwind Airways' chief executive, was pleased.\n\n\u201cWe flew more people,\u201d she said.",
     [("We flew more people", "Sara Holt")]),
    # "-based" describes the name after it
    ("Nadia Rehman, Lahore-based Sunrise's director, signed. She called it \u2018a long bet\u2019.",
     [("a long bet", "Nadia Rehman")]),
    # a name inside someone's words is not whom a later "he" points to
    ("\u201cPortland took a chance on me,\u201d Dan Cole said.\n\nHe said he had called Eli Ward first. "
     "\u201cEli is family.\u201d",
     [("Portland took a chance on me", "Dan Cole"), ("Eli is family.", "Dan Cole")]),
    # a name written after "the" is an organisation, and a family name may carry its own capital
    ("The Portland Pioneers signed Dan Cole on Tuesday.\n\nFiona MacLeod, 61, who runs the Esplanade House Hotel, "
     "said it was late.\n\n\u2018Bills have doubled,\u2019 she said.",
     [("Bills have doubled", "Fiona MacLeod")]),
    # a spokesperson of no body named speaks for the organisation the sentence before opens with
    ("Audiences stayed away from the new Starhaven Media film.\n\nStarhaven played down the result. "
     "\u201cWe are pleased,\u201d a spokesperson said.",
     [("We are pleased", "Starhaven Media")]),
    # a US politician's party and state is an aside; a title's full stop does not end the sentence
    ("The talks stalled.\n\nSen. Ada Brenner, R-Kan., the chairman of the Senate Budget Committee, said: "
     "\u201cWe are spending money we do not have.\u201d",
     [("We are spending money we do not have.", "Ada Brenner")]),
    ("\u201cThey want to cut help,\u201d said Rep. Lena Okoro, D-Md., the top Democrat on the panel.",
     [("They want to cut help", "Lena Okoro")]),
    ("House Speaker Dale Whitford, R-Ohio, told reporters he would act. \u201cWe will not be rushed,\u201d he said.",
     [("We will not be rushed", "Dale Whitford")]),
    # "the statement said": the issuer may come after "In a statement," in its sentence
    ("In a statement, the White House said the bill fell short. \u201cIt is time to act,\u201d the statement said.",
     [("It is time to act", "White House")]),
    # places joined by "and" are not who "it" points to
    ("Lagoon Bank posted a record profit.\n\n\u201cWe will grow in Ghana and Kenya,\u201d the bank said. "
     "\u201cDigital is the future,\u201d it said.",
     [("We will grow in Ghana and Kenya", "Lagoon Bank"), ("Digital is the future", "Lagoon Bank")]),
    # a state's abbreviation is a place
    ("Farmers sued Brackett in 2023.\n\nBrackett, which is based in Omaha, Neb., said it would appeal. "
     "\u201cWe disagree,\u201d the company said.",
     [("We disagree", "Brackett")]),
    # a name after the role that follows an inverted verb
    ("Halden was not ready to quit. \u201cWord of mouth is strong,\u201d said the studio\u2019s distribution chief, "
     "Gregory Amsel.",
     [("Word of mouth is strong", "Gregory Amsel")]),
    # "adding:" goes on with the speaker of the sentence's first quote
    ("Rupert Ellacott, an analyst at Harlow, said the quarter was \u201ccleaner than feared\u201d, adding: "
     "\u201cCosts are under control.\u201d",
     [("cleaner than feared", "Rupert Ellacott"), ("Costs are under control.", "Rupert Ellacott")]),
    # "the union" is the body whose name says it is one, never a word inside the quote
    ("The results drew a response from the Cabin Crew Association, which represents 2,400 crew. "
     "\u201cCabin crew are being asked to do more,\u201d the union said.",
     [("Cabin crew are being asked to do more", "Cabin Crew Association")]),
    # a name after "to" is an object, and "the bank" is the bank named before
    ("Kestrel Bank Plc has raised N312bn. In a notice to the Nigerian Exchange (NGX) on Tuesday, the bank said the "
     "offer was subscribed, describing it as \"a resounding vote of confidence by investors.\"",
     [("a resounding vote of confidence by investors.", "Kestrel Bank Plc")]),
    # a quote that ends its sentence: the next sentence's "X, she noted" is not its attribution
    ("Council member Angela Ruiz, who sponsored the measure, said the levy was \"the cheapest way to give people back "
     "their time.\" The city's own analysis, she noted, estimates shorter commutes.",
     [("the cheapest way to give people back their time.", "Angela Ruiz")]),
    # a person described but never named is no one the text names, not the company of the story
    ("Cirrusline cut 900 jobs. One engineer, who asked not to be identified, described the mood. "
     "\"It was quiet in a way I've never seen,\" the engineer said.",
     [("It was quiet in a way I've never seen", None)]),
    # a headline quote takes the speaker of the body quote that repeats its words
    ("Fold 2 hands-on: \"The moment foldables stop being a compromise\" and more\n"
     "\"This is the moment foldables stop being a compromise,\" chief executive Dario Venn told a packed hall.",
     [("The moment foldables stop being a compromise", "Dario Venn"),
      ("This is the moment foldables stop being a compromise", "Dario Venn")]),
    # "of" and a country end an organisation's name; "of" and a firm follow a person's
    ("In a statement, the Pharmaceutical Innovators of America, a trade group, called it \"price controls\".",
     [("price controls", "Pharmaceutical Innovators of America")]),
    ("\"It is cheap,\" said Dan Ives of Wedbush.", [("It is cheap", "Dan Ives")]),
    # a social platform is where a post appeared, not who wrote it
    ("Gao Wenbo, the founder, is staying quiet. His only comment so far? A post on Weibo: \u201cWe did not expect "
     "this much attention.\u201d", [("We did not expect this much attention.", None)]),
    # a loaded speech verb before its subject, as "said X" is
    ("\u201cBest night of my life,\u201d gushed fan Tilly Marsh, 22.", [("Best night of my life", "Tilly Marsh")]),
    # an organisation, a role word and a person: the person speaks
    ("Ardley Borough Council leader Joan Pike backed the plan, calling it \u201ca fair deal\u201d.",
     [("a fair deal", "Joan Pike")]),
    ("\u201cRents have peaked,\u201d said Coastbank's chief economist, Tom Reyes.", [("Rents have peaked", "Tom Reyes")]),
    # a possessor's description, then the body it describes
    ("Growers' lobby group, the Fenland Produce Forum, said costs rose and warned that \"margins are gone\".",
     [("margins are gone", "Fenland Produce Forum")]),
    # "he" after an unnamed speaker stays unnamed, and a region is no person
    ("Ana Silva, the minister, spoke first. One broker in Lisbon said buyers in West Africa were short. "
     "\u201cNobody wants to sell,\u201d he said.", [("Nobody wants to sell", None)]),
    # "she" skips a name that is the object of "from", even past role words
    ("Manager Rosa Quint was angry after a tackle from City defender Luke Brand.\n"
     "\u201cIt was a red card,\u201d she said.", [("It was a red card", "Rosa Quint")]),
    # "it" inside a relative clause with no "that", and a plural possessive inside a name
    ("The National Growers' Union put the damage at $40 million, a figure it said would \"only go up\".",
     [("only go up", "National Growers' Union")]),
    # "is said to be": the named person is who it is said about, not who says it
    ("The mayor, Joan Pike, is said to be \"furious\" about the leak.", [("furious", None)]),
    # a clause giving the quote to unnamed people
    ("Harbourline admits the total leaves out legal fees, which insiders put at \"over $2 million\".",
     [("over $2 million", None)]),
    # "the firm": the firm that opened the sentence before, not a name inside the quote
    ("Coast Capital, the lender behind the deal, backed it. \"Harbourline has earned this,\" the firm said.",
     [("Harbourline has earned this", "Coast Capital")]),
    # "police said" once the text has named the force
    ("Detective Sergeant Amy Roe, of Kent Police, led the inquiry.\n\"Most thefts are by insiders,\" police said.",
     [("Most thefts are by insiders", "Kent Police")]),
    # "the statement" issued by the subject after an opening phrase
    ("In a statement read in court, the owners, brothers Tim and Rob Hale, said they were hurt.\n"
     "\"We trusted Dee,\" the statement said.", [("We trusted Dee", "Tim and Rob Hale")]),
    # "said its director, Helen Marsh": the name after the role
    ("Consumer group FairFly said so. \"Claim your money,\" said its director, Helen Marsh.",
     [("Claim your money", "Helen Marsh")]),
    # a friend of someone is no named source
    ("A pal of the Under-21 ace told us: \"He wants to win trophies.\"", [("He wants to win trophies.", None)]),
    # the unnamed opener of a sentence speaks through its participle, not the person it talks about
    ("One senior government figure said Ms Pryce had held firm, describing the plan as \u201cas tight as it gets\u201d.",
     [("as tight as it gets", None)]),
    # a name with letters beyond ASCII is a person; "the Croatian" points back to him
    ("Wearside boss Stefan Kova\u010d was angry. The Croatian, 51, insisted: \u201cHe is not for sale.\u201d",
     [("He is not for sale.", "Stefan Kova\u010d")]),
    # two verbs sharing one subject: "X would only smile and say"
    ("The phone has a foldable sibling, though Mara Lind would only smile and say, \"We never talk about it.\"",
     [("We never talk about it.", "Mara Lind")]),
    # "it" after a description that spoke in the paragraph before
    ("The Harbour Valley NHS Trust runs three hospitals. Union leader Ana Reyes said \"enough\". In a statement, "
     "the trust said it was 'deeply sorry' to every patient who had waited too long for an operation.\n"
     "\"We are seeing record demand for our services in every department,\" it said.",
     [("enough", "Ana Reyes"), ("deeply sorry", "Harbour Valley NHS Trust"),
      ("We are seeing record demand for our services in every department", "Harbour Valley NHS Trust")]),
    # a name that opens what someone said is not whom a later "he" or "she" points to
    ("Another investor, who asked not to be named, said Rourke had been kind. \u201cHe came to the funeral,\u201d he said.",
     [("He came to the funeral", None)]),
    ("Inspector Mark Hale, of Kent Police, said Rourke had \"preyed on trust\".\n\u2018It was a lie,\u2019 he said.",
     [("preyed on trust", "Mark Hale"), ("It was a lie", "Mark Hale")]),
    ("Ana Silva said Tom Reyes had left. \u201cI miss him,\u201d she said.", [("I miss him", "Ana Silva")]),
    ("\u201cWe will recover,\u201d said Tom Reyes. \u201cIt takes time,\u201d he added.",
     [("We will recover", "Tom Reyes"), ("It takes time", "Tom Reyes")]),
    # a name inside an aside ("a partner at Marlow Barnes", "(Lab, Hollingford North)") or a clause ("when Akande
    # went down") is not whom a later "she" or "he" points to; a role before a name is not part of it
    ("Helen Sayer, a partner at Marlow Barnes, said that \u201calmost none have shipped\u201d.\n"
     "\u201cThe graveyard is already full,\u201d she said.",
     [("almost none have shipped", "Helen Sayer"), ("The graveyard is already full", "Helen Sayer")]),
    ("Leanne Whitfield said the grant helped. \u201cIt helps,\u201d she said.\nBec Thornton, principal of Thornton "
     "Property in Ridgevale, said she expected a rush.\n\u201cCouples have been waiting,\u201d she said.",
     [("It helps", "Leanne Whitfield"), ("Couples have been waiting", "Bec Thornton")]),
    ("Karen Holt said the bill was too high. \u201cIt makes my blood boil,\u201d she said.\nGillian Farrow, 67, "
     "from Ashby Lees, has waited 19 months for a new hip.\n\u201cI\u2019m in agony,\u201d she told the Echo.",
     [("It makes my blood boil", "Karen Holt"), ("I\u2019m in agony", "Gillian Farrow")]),
    ("Local MP Tom Redfern (Lab, Hollingford North) said he would raise it. \u201cPatients deserve better,\u201d "
     "he said.", [("Patients deserve better", "Tom Redfern")]),
    ("Coach Anna Lindqvist was fuming that her side were denied a penalty when Akande went down under a challenge "
     "from defender Marcus Hale.\n\u201cIt\u2019s a clear penalty,\u201d she said.",
     [("It\u2019s a clear penalty", "Anna Lindqvist")]),
    # a word that describes the name after it ("Hong Kong-based") is no name; letters after a name are no part of it
    ("Mei-Lin Osterhout, a Hong Kong-based analyst at Brightwater Capital, called it \"aggressive\".\n"
     "\"They are giving it away,\" she said.",
     [("aggressive", "Mei-Lin Osterhout"), ("They are giving it away", "Mei-Lin Osterhout")]),
    ("Fergal Dunne SC, defending, said his client was \"deeply ashamed\".", [("deeply ashamed", "Fergal Dunne")]),
    ("The health spokesperson, Rhys Cadwaladr MS, said: \"These figures are a scandal.\"",  # Member of the Senedd
     [("These figures are a scandal.", "Rhys Cadwaladr")]),
    # a title-case headline's capitals are its style: "Vaultra Hit" is no name
    ("Vaultra Hit by $187M Hot Wallet Exploit as Hackers Drain Tokens\n"
     "Hackers drained $187 million from Vaultra, according to data reviewed by ChainPulse.\n"
     "Vaultra confirmed the breach on Sunday.\n"
     "The exchange said it would cover losses \u201cin full\u201d from its reserves.",
     [("in full", "Vaultra")]),
    # "the watchdog" is the regulator the text named, not the last organisation
    ("The Digital Assets Oversight Board issued a warning about ZEPH and other tokens. \"Consumers could lose it "
     "all,\" the watchdog said.", [("Consumers could lose it all", "Digital Assets Oversight Board")]),
    # a subhead quote takes the speaker of the quote below that repeats it
    ("Prices rose 4%, according to Ofwat's figures.\n\u2018A kick in the teeth\u2019\n"
     "\u201cThis rise is a kick in the teeth for families,\u201d said Jo Marr, who runs a food bank.",
     [("A kick in the teeth", "Jo Marr"), ("This rise is a kick in the teeth for families", "Jo Marr")]),
]


@pytest.mark.parametrize("text, expected", SPEAKER_CASES, ids=[case[1][0][0][:20] for case in SPEAKER_CASES])
def test_speakers_are_resolved(text, expected):
    assert speakers(text) == expected


RUN = ("The mayor spoke for ten minutes.\n\n"
       "\u201cWe have waited long enough for this bridge,\u201d said Ana Silva, the mayor. "
       "\u201cThe old one is closing\n\n"
       "\u201cand the ferry cannot carry everyone.\n\n"
       "\u201cSo we will build it ourselves.\u201d\n\n"
       "The council meets again in May.")


def test_a_quote_over_several_paragraphs_is_one_entry_per_paragraph_with_one_speaker():
    found = extract_quotes(RUN)
    assert [q["quote"] for q in found] == [
        "We have waited long enough for this bridge", "The old one is closing",
        "and the ferry cannot carry everyone.", "So we will build it ourselves."]
    assert {q["speaker"] for q in found} == {"Ana Silva"}
    for quote in found:
        assert RUN[quote["start"]:quote["end"]] == quote["quote"]
        assert "\n" not in quote["quote"]


def test_confidence_and_check_say_how_the_speaker_was_found():
    beside = extract_quotes("\u201cRates have peaked,\u201d said Tom Reyes.")[0]
    assert beside["confidence"] >= 0.9 and beside["check"] is None
    pronoun = extract_quotes("Maria Lopez runs the bakery.\n\n\u201cWe sold out,\u201d she said.")[0]
    assert pronoun["confidence"] < 0.9 and "she" in pronoun["check"] and "Maria Lopez" in pronoun["check"]
    unnamed = extract_quotes("One shopper called the prices \u201cfrankly absurd and impossible to justify.\u201d")
    for quote in unnamed:
        assert quote["confidence"] < 0.9 and quote["check"]


def test_every_quote_has_a_confidence_from_zero_to_one():
    for text, _ in SPEAKER_CASES:
        for quote in extract_quotes(text):
            assert 0 < quote["confidence"] <= 1
            assert quote["check"] is None or len(quote["check"]) > 20


def test_a_headline_wrapped_in_quotation_marks_is_nobodys_words():
    text = ("Ferry News\n\n\u201cThe Best Year We Have Ever Had For Ferries\u201d\n\n"
            "The ferry operator Harbourline said profits rose by a fifth.")
    assert extract_quotes(text) == []


def test_a_news_agency_or_a_place_is_not_what_it_said_points_to():
    text = ("LONDON (Reuters) - Profits at the ferry operator fell sharply in the year to March.\n\n"
            "\u201cThe winter was hard for everyone,\u201d it said in a statement.")
    (quote,) = extract_quotes(text)
    assert quote["speaker"] is None and quote["confidence"] < 0.9 and quote["check"]


def test_an_organisation_last_named_as_a_speaker_is_what_it_said_points_to():
    text = ("The train operator Northern said it would add 40 services a week on routes between Leeds and York. "
            "\u201cPassengers asked for more trains, and we are responding,\u201d it said.")
    assert speakers(text) == [("Passengers asked for more trains, and we are responding", "Northern")]


def test_a_pronoun_goes_to_the_person_named_just_before_not_to_an_object():
    text = ("\u201cWe are ready,\u201d said Ana Silva, the mayor. Her deputy, Tom Reyes, spoke to Paula Gray "
            "after the vote. \u201cWe will see,\u201d he said.")
    assert speakers(text) == [("We are ready", "Ana Silva"), ("We will see", "Tom Reyes")]


# --- a name in full: the index of capitalised words finds what a search of the whole text finds -----------------

_WORDS = ["Helion", "Helion", "Semiconductor", "Corp", "Inc.", "Bank", "helion", "the", "said", "Helion's", "Helion-Tech",
          "\u00c9mile", "Group", ",", ".", "\n", "&", "Co", "O'Neil", "Holdings"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join),
       st.sampled_from(["Helion", "Bank", "\u00c9mile", "O'Neil", "Co", "Corp"]))
@settings(max_examples=300, deadline=None)
def test_the_index_of_capitalised_words_finds_a_name_as_a_search_of_the_text_would(text, name):
    index = Sources(text)
    found = [(m.start(1), m.group(1)) for m in index.capitals_after(name)]
    assert found == [(m.start(1), m.group(1)) for m in name_and_capitals_pattern(name).finditer(text)]


def test_a_one_word_organisation_is_named_in_full_from_where_the_text_first_does():
    text = ("Helion Semiconductor Corp. makes chips. \u201cDemand is strong,\u201d Helion said.")
    assert speakers(text) == [("Demand is strong", "Helion Semiconductor Corp.")]
