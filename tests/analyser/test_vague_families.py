"""Vague-attribution families for general news (unnamed groups doing anything, unnamed consensus, "according to" +
an unnamed noun, noun hedges, rhetorical "they say" forms, "reported" hedges, unnamed officials and sources, "studies
show"), named bodies that must not be flagged, and the confidence and check of every find. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from solutions.analyser.attribution import vague_attributions


def phrases(text: str) -> list[str]:
    return [found["text"] for found in vague_attributions(text)]


#: (sentence, a phrase the find must overlap)
VAGUE_CASES = [
    ("Investors are betting on a rate cut in March.", "Investors are betting"),
    ("Scientists warn that the glacier is thinning faster.", "Scientists warn"),
    ("Traders fled to government bonds on Friday.", "Traders fled"),
    ("Wall Street had expected a small loss.", "Wall Street had expected"),
    ("Profit beat analysts' expectations for the third quarter.", "analysts' expectations"),
    ("The chain has 300 stores, according to local reports.", "according to local reports"),
    ("Sales fell, according to financial reports.", "according to financial reports"),
    ("There is growing speculation about the manager's future.", "speculation about"),
    ("There is talk of a merger between the two airlines.", "talk of"),
    ("Depending on who you ask, the new road is a blessing or a curse.", "Depending on who you ask"),
    ("Money can't buy happiness, as they say.", "as they say"),
    ("The striker joined for a reported fee of \u00a340 million.", "a reported"),
    ("The painting, said to be worth $2 million, was stolen.", "said to be"),
    ("Government sources said the plan would be dropped.", "Government sources"),
    ("A senior official said talks would resume next week.", "A senior official"),
    ("Studies show that children sleep less than a decade ago.", "Studies show"),
    ("Clinical studies show the cream works within a week.", "Clinical studies show"),
    ("Sources in the Transport Department said the line would close.", "Sources in the Transport Department said"),
    ("It is learnt that two mills have shut.", "It is learnt"),
    ("A friend of the family said the couple were delighted.", "A friend of the family said"),
    ("Many small landlords say the rules came too late.", "Many small landlords say"),
    ("Many women report better sleep after the change.", "Many women report"),
    ("Scientists have long suspected a link between the two.", "Scientists have long suspected"),
    ("Traders, for their part, are betting on a cut.", "Traders, for their part, are betting"),
    ("For years the gold crowd mocked the coin.", "the gold crowd"),
    ("Others inside the ministry sound less sure.", "Others inside the ministry"),
    ("Hollywood insiders reckon the film will make a profit.", "Hollywood insiders"),
    ("It's being described as the bargain of the year.", "It's being described as"),
    ("Bulls will tell you that prices only go up.", "Bulls will tell you"),
    ("Investors were unimpressed by the results.", "Investors were unimpressed"),
    ("The service boasts a 92% win rate, according to members.", "according to members"),
    ("\u201cIt paid for itself,\u201d one satisfied subscriber said.", "one satisfied subscriber said"),
    ("Aid agencies estimate that one in three schools has no water.", "Aid agencies estimate"),
    ("Gold could reach $3,000, a view shared by several banks.", "a view shared by several banks"),
    ("Sources within OPEC+ said output would rise.", "Sources within OPEC+ said"),
    ("Rumour has it the club wants a new coach.", "Rumour has it"),
    ("It was a story that few in the industry saw coming.", "few in the industry"),
    ("The cost could reach $600 billion, by one widely circulated estimate.", "by one widely circulated estimate"),
    ("One senior hospital manager, who did not want to be named, said beds were short.",
     "One senior hospital manager, who did not want to be named, said"),
    ("One senior club figure, speaking on condition of anonymity, said the fee was too high.", "One senior club figure"),
    ("The deal is fair, said one veteran dealer.", "one veteran dealer"),
    ("A grain analyst at a Chicago brokerage said supplies were tight.", "A grain analyst at a Chicago brokerage"),
    ("One first-time buyer we spoke to said she had been outbid.", "One first-time buyer we spoke to"),
    ("Profit came in below the figure economists had widely forecast.", "economists had widely forecast"),
    ("Developers we spoke to say the tools are slow.", "Developers we spoke to say"),
    ("It's been said that the club never sells its best players.", "It's been said"),
    ("Some bankers in Singapore privately question the plan.", "Some bankers in Singapore privately question"),
    ("Cattle traded at $197, according to market reporters.", "according to market reporters"),
    ("The cut was agreed online, three delegates said.", "three delegates said"),
    ("A senior Republican aide said the vote would slip.", "A senior Republican aide"),
    ("Travel insiders say the trick is to book early; travel is cheaper in May.", "insiders say"),
    ("Some heart specialists have also questioned the dose.", "Some heart specialists have also questioned"),
    ("Economists at several of the big banks expect another cut.", "Economists at several of the big banks expect"),
    ("A woman in the front row who did not give her name shouted at the mayor.", "who did not give her name"),
    ("The trigger? A rumour that a rival will cut prices.", "A rumour"),
]


@pytest.mark.parametrize("sentence, phrase", VAGUE_CASES, ids=[case[1] for case in VAGUE_CASES])
def test_each_family_finds_its_phrase(sentence, phrase):
    found = vague_attributions(sentence)
    start = sentence.index(phrase)
    assert any(f["start"] < start + len(phrase) and start < f["end"] for f in found), phrases(sentence)


#: Named sources and ordinary wording: nothing vague in them.
NAMED_OR_PLAIN = [
    "EU officials said the rules would apply from June.",
    "U.S. regulators said the merger could go ahead.",
    "Analysts surveyed by FactSet had expected $1.10 a share.",
    "Revenue rose 8%, according to the company.",
    "Prices rose 2%, according to data from the Office for National Statistics.",
    "The company's reported revenue rose 4% to $2 billion.",
    "The study, published in The Lancet, found a small effect.",
    "Nvidia investors said they were pleased, the chief executive told the meeting.",
    "The research shows, its author Jane Park said, a clear link.",
    "Sales beat the firm's own forecasts for the quarter.",
    "Many stores closed early on Sunday.",
    "Elena Varga, a former aerospace engineer, runs the company.",
    "Downloads reached 3 million, according to estimates from app analytics firm Appcount.",
    "\"We are ready,\" said Marcus Lee, the co-founder and a former cloud engineer.",
    "The analysts said the results were strong.",
    "Asthma is estimated to cost the health service about \u00a31.1bn a year.",
]


@pytest.mark.parametrize("sentence", NAMED_OR_PLAIN)
def test_named_bodies_and_plain_wording_are_not_flagged(sentence):
    assert phrases(sentence) == []


def test_every_find_has_a_confidence_and_a_check():
    text = " ".join(sentence for sentence, _ in VAGUE_CASES)
    found = vague_attributions(text)
    assert len(found) >= len(VAGUE_CASES)
    for find in found:
        assert 0 < find["confidence"] <= 1
        assert isinstance(find["check"], str) and len(find["check"]) > 20
        assert text[find["start"]:find["end"]] == find["text"]


def test_a_relative_clause_about_the_same_source_joins_it_and_a_hedge_stays_apart():
    assert phrases("One industry executive who asked not to be named said the rules were strict.") == [
        "One industry executive who asked not to be named"]
    assert phrases("One veteran trader reportedly told colleagues to sell.") == ["One veteran trader", "reportedly"]


def test_an_anonymity_hedge_joins_the_source_it_describes():
    sentence = "One official, speaking on condition of anonymity, said the vote was close."
    assert phrases(sentence) == ["One official, speaking on condition of anonymity"]
