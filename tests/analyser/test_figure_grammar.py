"""The rules of sentence shape that pick the word governing a figure (on sentences written for these tests)."""

from __future__ import annotations

import re

import pytest

from solutions.analyser import figure_grammar
from solutions.analyser.figures import extract_figures


def kinds(text: str) -> dict[str, str]:
    table = extract_figures(text)
    return dict(zip(table["text"], table["kind"]))


@pytest.mark.parametrize("text, expected", [
    # the subject of a verb of movement governs what the verb takes
    ("Shares of Harrow Foods, which rents warehouse space to grocers, rose 6% to $41.20 on Tuesday.",
     {"6%": "stock", "$41.20": "stock"}),
    ("Revenue at the bakery chain, whose shares are listed in Leeds, fell 4% to £88m.", {"4%": "other", "£88m": "other"}),
    ("Sales of its data-centre chips climbed by nearly 40% last quarter.", {"40%": "other"}),
    ("House prices in Perth rose 3.1% in March, while the council spent A$2m on roads.",
     {"3.1%": "cost", "A$2m": "investment"}),
    ("Bitcoin, which funds few real projects, slumped 8% to $61,000.", {"8%": "stock", "$61,000": "stock"}),
    # "is worth": the subject decides
    ("The market for rented computing was worth about $30 billion last year.", {"$30 billion": "market_size"}),
    ("Her fortune is now worth $2 billion.", {"$2 billion": "other"}),
    # a percentage of something takes that thing's kind, or "other"
    ("A rival matched the results with 80% of the model's performance.", {"80%": "other"}),
    ("Only 15% of the processors ordered have arrived.", {"15%": "gpus"}),
    ("Some 30% of its users pay for the app.", {"30%": "other"}),  # a share of people is a survey's share
    ("More than 80% of the app's downloads came from China.", {"80%": "downloads"}),
    ("Around 70% of the company's revenue comes from the north.", {"70%": "other"}),
    ("The servers ran at 40% utilisation in a new data centre.", {"40%": "other"}),
    ("The plant ran at 85% capacity all year.", {"85%": "other"}),
    # an aside does not govern a figure outside it
    ("The chipmaker, which sells its processors at a steep price, lost $40 billion in market value.",
     {"$40 billion": "stock"}),
    # a naming word still wins where no rule of shape applies
    ("Analysts cut their price target on the shares to $165 from $190.", {"$165": "stock", "$190": "stock"}),
    ("The game was built for under $4 million.", {"$4 million": "cost"}),
    ("The round values the company at $9 billion.", {"$9 billion": "other"}),
    # a company's worth is its market value; an industry's is a market size
    ("Even after the fall, Corvel is worth roughly $1.2 trillion.", {"$1.2 trillion": "stock"}),
    ("The rally added $30 billion, leaving the company worth $900 billion.", {"$30 billion": "stock", "$900 billion": "stock"}),
    ("The pet-food industry is worth $40 billion a year.", {"$40 billion": "market_size"}),
    # "raised to" and "cut by" change the figure of their subject
    ("The allocation for libraries has been raised to Rs 1,200 crore.", {"Rs 1,200 crore": "other"}),
    ("The bank's bad-loan ratio rose to 9.1 per cent.", {"9.1 per cent": "other"}),
    # a sum converted into another currency keeps its kind
    ("Shares rose 2% to Sh38.65, giving a market value of Sh115bn ($890mn).",
     {"2%": "stock", "Sh38.65": "stock", "Sh115bn": "stock", "$890mn": "stock"}),
    # an index's level after its move
    ("The FTSE 100 fell 40.2 points to 8,101.5 on Friday.", {"40.2": "stock", "8,101.5": "stock"}),
    ("The Nikkei closed at 39,120 on Friday.", {"39,120": "stock"}),
    # money raised: the subject says for what, and with no subject named it is an investment
    ("The appeal has already raised £2.75m in pledges.", {"£2.75m": "other"}),
    ("In March, Korvex raised $1.3 billion at a valuation of $14 billion.",
     {"$1.3 billion": "investment", "$14 billion": "other"}),
    # public money spent is public finance, unless it builds something
    ("Spending on pensioner benefits is forecast to reach £328bn, the Treasury said.", {"£328bn": "other"}),
    ("The council spent A$2m on roads.", {"A$2m": "investment"}),
    # the noun a figure describes, one word after it
    ("Each pre-order is backed by a $250 refundable deposit.", {"$250": "cost"}),
    ("The winner took home $4.2 million in prize money.", {"$4.2 million": "other"}),
    # forms of the cue families: farm and fuel prices per unit, tokens, prices raised, rates for rooms and tokens,
    # how full planes are, the economy, parking, a player's fee for a match
    ("Corn futures settled at $4.35 a bushel.", {"$4.35": "stock"}),
    ("Jet fuel averaged $745 a tonne over the half.", {"$745": "stock"}),
    ("The token sells for 1.8 cents in the presale.", {"1.8 cents": "stock"}),
    ("The service will raise the price of its streaming plan by $2 to $19.99 a month.", {"$2": "cost", "$19.99": "cost"}),
    ("On a typical room rate of \u00a3150 a night, guests pay more.", {"\u00a3150": "cost"}),
    ("The airline's load factor reached 93.1 per cent.", {"93.1 per cent": "other"}),
    ("Staff expect the economy to expand by 0.9 per cent this year.", {"0.9 per cent": "other"}),
    ("Parking went up $5, to $40.", {"$5": "cost", "$40": "cost"}),
    ("The match fee rises to Rs1.25 million.", {"Rs1.25 million": "other"}),
    ("It charges $0.30 per million output tokens.", {"$0.30": "cost"}),
    # a named company's move is its share price; a shop's price ends in .99; what a thing was made or sold for
    ("Builders edged higher. Larkfield Homes gained 14p to 512p.", {"14p": "stock", "512p": "stock"}),
    ("Home Prices Rise 5% in March", {"5%": "cost"}),
    ("In the UK the console goes to \u00a3479.99 from \u00a3429.99.", {"\u00a3479.99": "cost", "\u00a3429.99": "cost"}),
    ("Shares closed at $12.99 on Friday.", {"$12.99": "stock"}),
    ("It trained a rival model for under $6 million, which sent shares of a chipmaker down 9%.",
     {"$6 million": "cost", "9%": "stock"}),
    ("The fund bought a stake in the firm for $2 billion.", {"$2 billion": "investment"}),
    # what something is made, done or offered for, in any tense, is its cost or price
    ("Nobody trains a model that size for $3 million, the lab admitted.", {"$3 million": "cost"}),
    ("If a small team can do it for $9 million, the giants are overspending.", {"$9 million": "cost"}),
    ("He had advertised the drill online for \u00a390.", {"\u00a390": "cost"}),
    # the head of an "on" phrase is the subject: a tax on shares is a tax; spending on benefits is public finance
    ("Capital gains tax on shares will rise from 20% to 24%.", {"20%": "other", "24%": "other"}),
    ("Spending on pensioner benefits is forecast to reach \u00a3328bn by 2030.", {"\u00a3328bn": "other"}),
    # what a company spends to run is a cost
    ("Research and development expenses were $412 million in the quarter.", {"$412 million": "cost"}),
    # the capital city is no capital, a lender is a company, a benchmark price is a home's price
    ("Asking prices in the capital fell 1.9 per cent to \u00a3672,180.", {"1.9 per cent": "cost", "\u00a3672,180": "cost"}),
    ("The benchmark price fell 3.1 per cent to $1,052,300.", {"3.1 per cent": "cost", "$1,052,300": "cost"}),
    # the head of an "in", "at" or "from" phrase is the subject; a place after a preposition is no company
    ("Revenue in its cloud infrastructure segment grew 11% in the quarter.", {"11%": "other"}),
    ("Unit costs at the smelting operations rose 7.5%.", {"7.5%": "cost"}),
    ("The median house price in Wattle Creek rose 7.4 per cent to $712,000.",
     {"7.4 per cent": "cost", "$712,000": "cost"}),
    # what a building project costs is an investment; a price elsewhere stays a cost
    ("The cost of the new regional hospital has ballooned to C$2.1 billion.", {"C$2.1 billion": "investment"}),
    ("The cost of a weekly shop has risen to \u00a3120.", {"\u00a3120": "cost"}),
    # investors and central banks act; what they act on decides when the sentence names it
    ("Investors were poorer by \u20b96.82 lakh crore as the market capitalisation of listed firms fell.",
     {"\u20b96.82 lakh crore": "stock"}),
    ("Investors put $300 million into the start-up.", {"$300 million": "investment"}),
    ("Traders see a 70% chance that the Federal Reserve delivers a quarter-point cut.",
     {"70%": "other", "a quarter-point": "other"}),
    ("Her farm's interest bill has fallen by 15% since the Reserve Bank began cutting.", {"15%": "cost"}),
    # cue families: box-office totals, closing prices, a market's size, vouchers, trial arms, share falls
    ("It added $171.5 million from 52 international markets for a $317.7 million global launch.",
     {"$171.5 million": "other", "$317.7 million": "other"}),
    ("The stock clawed back 4.8% on Tuesday to close at $118.42.", {"4.8%": "stock", "$118.42": "stock"}),
    ("The therapeutics market is valued at $16.8 billion and is projected to exceed $32 billion by 2033.",
     {"$16.8 billion": "market_size", "$32 billion": "market_size"}),
    ("UK buyers get a \u00a3150 voucher instead.", {"\u00a3150": "cost"}),
    ("Cholesterol fell 8% among those on the diet, against 2% in the comparison group.", {"8%": "other", "2%": "other"}),
    ("By the close it was down 14.2 per cent, a fall worth some $510bn.", {"14.2 per cent": "stock", "$510bn": "stock"}),
    ("It will spend $120 billion in its current fiscal year.", {"$120 billion": "investment"}),
    ("Spot bitcoin ETFs pulled in a net $1.12 billion on Monday.", {"$1.12 billion": "investment"}),
    # a price charged or paid for something; wages paid to someone stay pay
    ("Polaris charges $12 for the same tokens.", {"$12": "cost"}),
    ("She had paid \u20ac1,140 for the family's flights in June.", {"\u20ac1,140": "cost"}),
    ("The striker was paid $2m last year.", {"$2m": "other"}),
    # a payer paying a sum is a price or a bill
    ("Visitors now pay \u00a33.50 for up to two hours.", {"\u00a33.50": "cost"}),
    ("When I withdraw Sh2,000 I pay Sh29.", {"Sh2,000": "other", "Sh29": "cost"}),
    ("The board currently pays private clinics an average of \u20ac1,150 per procedure.", {"\u20ac1,150": "cost"}),
    # energy bills, insurance premiums, short interest, deal values and benchmark scores
    ("Electricity standing charge: 54.12p a day (up from 53.68p).", {"54.12p": "cost", "53.68p": "cost"}),
    ("The benchmark monthly premium would rise to $531 from $486.", {"$531": "cost", "$486": "cost"}),
    ("Short interest stood at 21.4% of the float.", {"21.4%": "stock"}),
    ("The deal has an enterprise value of approximately $7.1 billion.", {"$7.1 billion": "other"}),
    ("On the maths qualifier, the model scores 78.4%.", {"78.4%": "other"}),
])
def test_the_shape_of_the_sentence_decides_the_kind(text, expected):
    assert kinds(text) == expected


def test_each_rule_changes_an_answer_when_it_is_taken_away(monkeypatch):
    aside = "Shares of Harrow Foods, which rents warehouse space to grocers, rose 6% to $41.20 on Tuesday."
    share = "A rival matched the results with 80% of the model's performance, at a lower price."
    worth = "The market for rented computing was worth about $30 billion last year."
    with_rules = (kinds(aside), kinds(share), kinds(worth))
    monkeypatch.setattr(figure_grammar, "verb_gap_fits", lambda lowered, verb_end, figure_start: False)
    monkeypatch.setattr(figure_grammar, "relative_clauses", lambda lowered, span: [])
    monkeypatch.setattr(figure_grammar, "percent_of_phrase", lambda lowered, end: None)
    without = (kinds(aside), kinds(share), kinds(worth))
    assert with_rules[0]["6%"] == "stock" and without[0]["6%"] == "cost"
    assert with_rules[1]["80%"] == "other" and without[1]["80%"] == "cost"
    assert with_rules[2]["$30 billion"] == "market_size" and without[2]["$30 billion"] == "other"


@pytest.mark.parametrize("text, clauses", [
    ("Shares of X, which rents space to Y, rose.", [", which rents space to Y,"]),
    ("Mr Roe, who runs the fund, said so, and Ms Poe, whose firm lost, agreed.",
     [", who runs the fund,", ", whose firm lost,"]),
    ("Which firm, if any, rose?", []),
    ("Shares of X, which rose, which fell.", [", which rose,"]),
])
def test_relative_clauses_are_found_between_commas(text, clauses):
    lowered = text.lower()
    found = [text[start:end] for start, end in figure_grammar.relative_clauses(lowered, (0, len(text)))]
    assert found == clauses


@pytest.mark.parametrize("gap, fits", [
    (" ", True), (" by ", True), (" by nearly ", True), (" to ", True), (" 7% to ", True), (" 9.4% to about ", True),
    (" from 3 per cent to ", True), (" in march to ", False), (", and ", False), (" sharply to ", False),
])
def test_what_may_stand_between_a_verb_and_its_figure(gap, fits):
    lowered = "rose" + gap + "5%"
    assert figure_grammar.verb_gap_fits(lowered, 4, 4 + len(gap)) is fits


@pytest.mark.parametrize("text, expected", [
    ("Net profit rose to Sh18.7bn, or Sh6.42 a share.", [("Sh18.7bn", "other"), ("Sh6.42", "other")]),
    ("Its loan book reached KSh1.26 trillion and deposits ₦45bn.", [("KSh1.26 trillion", "other"), ("₦45bn", "other")]),
    ("Priced in C$: profit was C$84.6 million, or 71 cents a share.", [("C$84.6 million", "other"), ("71 cents", "other")]),
    ("Homes cost A$700,000 and rents rose to $480 a week.", [("A$700,000", "other"), ("$480", "other")]),
    ("Homes cost US$700,000 or A$1m; rents rose to $480 a week.",
     [("US$700,000", "USD"), ("A$1m", "other"), ("$480", "USD")]),
    # a US story with one sum in A$ keeps its "$" in US dollars; a dateline in Melbourne makes "$" Australian
    ("The plan rises by $2 to $19.99 in the US; in Australia it costs A$26.",
     [("$2", "USD"), ("$19.99", "USD"), ("A$26", "other")]),
    ("MELBOURNE \u2014 Drivers earn $52.40 an hour.", [("$52.40", "other")]),
    ("Drivers in Ohio earn $52.40 an hour.", [("$52.40", "USD")]),
    # a state or a province named in the text makes "$" that country's dollar
    ("The NSW Government has committed $12 million to the pool.", [("$12 million", "other")]),
    ("Ontario will spend $3.1 billion on transit.", [("$3.1 billion", "other")]),
    # a miner on the ASX writes the iron ore price in US$ and its own sums in bare "$": those stay Australian
    ("Karinga (ASX: KRR) closed at $4.18; every US$10 move in iron ore is worth $150 million to it.",
     [("$4.18", "other"), ("US$10", "USD"), ("$150 million", "other")]),
    ("Karinga, listed on the ASX and the NYSE, closed at $4.18.", [("$4.18", "USD")]),
    ("Its shares have gone from 240p to £11.40 in a year.", [("240p", "other"), ("£11.40", "other")]),
    ("The film streams at 1080p on every phone.", []),
    ("Revenue slipped 6% to R21.3bn and the dividend was cut to 125 cents.",
     [("6%", "percent"), ("R21.3bn", "other"), ("125 cents", "other")]),
    ("The rand weakened to R18.12; DeepSeek R1 was not affected.", [("R18.12", "other")]),
    ("Star players earn ₩1.5 billion a year.", [("₩1.5 billion", "other")]),
])
def test_currencies_and_what_a_bare_sign_means(text, expected):
    table = extract_figures(text)
    assert list(zip(table["text"], table["unit"])) == expected


def test_the_project_and_place_rules_change_answers_when_taken_away(monkeypatch):
    hospital = "The cost of the new regional hospital has ballooned to C$2.1 billion."
    place = "The median house price in Wattle Creek rose 7.4 per cent to $712,000."
    with_rules = (kinds(hospital), kinds(place))
    monkeypatch.setattr(figure_grammar, "project_cost", lambda lowered, cue: False)
    monkeypatch.setattr(figure_grammar, "_PREPOSITION_BEFORE", re.compile(r"(?!)"))
    without = (kinds(hospital), kinds(place))
    assert with_rules[0]["C$2.1 billion"] == "investment" and without[0]["C$2.1 billion"] == "cost"
    assert with_rules[1]["7.4 per cent"] == "cost" and without[1]["7.4 per cent"] == "stock"


@pytest.mark.parametrize("lowered, paid", [
    ("visitors now pay £3.50", True), ("mrs hulme pays £21,500", True), ("i pay sh29", True),
    ("the club will pay him £300,000", False), ("rovers pay staff £12", False),  # wages, left to the cue words
    ("his pay £40,000", False), ("a t20 international will now pay rs6 lakh", False),
])
def test_a_payer_paying_a_sum(lowered, paid):
    start = next(index for index, char in enumerate(lowered) if char in "£$€" or lowered[index:index + 2] in ("sh", "rs")
                 and lowered[index + 2:index + 3].isdigit())
    assert figure_grammar.paid_by_a_payer(lowered, start) is paid
