"""Golden table: short sentences written for these tests -> the figures the labelling conventions ask for.

One row per sentence, pySBD style: the sentence, then every figure it holds as (text, value, value_high, unit, kind),
following ``../shared/devset/README.md`` and its "Decisions for general news" (money as the English-speaking world
writes it, rates and basis points, index points, ranges, the kinds of general news, and what is not a figure).
"""

from __future__ import annotations

import math

import pytest

from solutions.analyser.figures import find_figures

GOLDEN = [
    # --- money as it is written: pounds and pence, cents, suffixes, A$ and codes, lakh and crore, words ---------
    ("Pre-tax profit fell 6.9% to \u00a33.05 billion.",
     [("6.9%", 6.9, None, "percent", "other"), ("\u00a33.05 billion", 3.05e9, None, "other", "other")]),
    ("It booked a \u00a3540m impairment on its Chinese arm.", [("\u00a3540m", 540e6, None, "other", "other")]),
    ("The shares closed at 293.8p.", [("293.8p", 2.938, None, "other", "stock")]),
    ("A cup of coffee now costs 41 cents more.", [("41 cents", 0.41, None, "USD", "cost")]),
    ("The start-up raised $750K in seed funding.", [("$750K", 750e3, None, "USD", "investment")]),
    ("The service added 2.4mn subscribers.", [("2.4mn", 2.4e6, None, "users", "downloads")]),
    ("Net income slipped to $1.44bn.", [("$1.44bn", 1.44e9, None, "USD", "other")]),
    ("The miner reported revenue of A$5.2bn.", [("A$5.2bn", 5.2e9, None, "other", "other")]),
    ("Ottawa pledged C$2 billion for the rail link.", [("C$2 billion", 2e9, None, "other", "investment")]),
    ("Singapore will spend S$1.2bn on new clinics.", [("S$1.2bn", 1.2e9, None, "other", "investment")]),
    ("The fund lent NZ$50m to the builder.", [("NZ$50m", 50e6, None, "other", "investment")]),
    ("Profits rose to AUD 300m and EUR 40m.", [("AUD 300m", 300e6, None, "other", "other"),
                                              ("EUR 40m", 40e6, None, "other", "other")]),
    ("Tata will invest Rs 2,500 crore in the plant.", [("Rs 2,500 crore", 2.5e10, None, "other", "investment")]),
    ("The scheme has a budget of Rs 3.4 lakh crore.", [("Rs 3.4 lakh crore", 3.4e12, None, "other", "other")]),
    ("Prices of the scooter start at \u20b91.5 lakh.", [("\u20b91.5 lakh", 1.5e5, None, "other", "cost")]),
    ("The flat was sold for Rs 25,00,000 last week.", [("Rs 25,00,000", 2.5e6, None, "other", "cost")]),
    ("The painting sold for six million dollars.", [("six million", 6e6, None, "USD", "cost")]),
    ("The repair cost him a grand.", [("a grand", 1e3, None, "USD", "cost")]),
    ("The council approved a half-billion dollar stadium loan.",
     [("a half-billion", 5e8, None, "USD", "investment")]),
    ("She turned down a quarter-million-dollar salary.", [("a quarter-million", 2.5e5, None, "USD", "other")]),
    ("Earnings per share were $0.31* for the quarter.", [("$0.31", 0.31, None, "USD", "other")]),
    ("The \u20b9500-crore project was approved.", [("\u20b9500-crore", 5e9, None, "other", "investment")]),
    ("Rents rose 5pc last year.", [("5pc", 5, None, "percent", "cost")]),
    ("He signed a \u00a3250,000-a-week contract.", [("\u00a3250,000", 250e3, None, "other", "other")]),
    ("The regulator fined the bank \u00a32m.", [("\u00a32m", 2e6, None, "other", "other")]),
    ("The council's \u00a31.2m regeneration scheme starts in May.",
     [("\u00a31.2m", 1.2e6, None, "other", "investment")]),
    ("She wants to lose 20 pounds before summer.", []),  # a weight, not money
    # --- rates, points and percentage points ---------------------------------------------------------------
    ("The central bank raised rates by 25 basis points.", [("25 basis points", 25, None, "other", "other")]),
    ("The Fed cut rates by a quarter-point.", [("a quarter-point", 0.25, None, "percent", "other")]),
    ("Its market share fell a percentage point to 28.6%.",
     [("a percentage point", 1, None, "percent", "other"), ("28.6%", 28.6, None, "percent", "other")]),
    ("Ten-year yields rose to 4.2%.", [("4.2%", 4.2, None, "percent", "other")]),
    ("Inflation eased to 3.1 per cent in May.", [("3.1 per cent", 3.1, None, "percent", "other")]),
    ("The FTSE 100 fell 120 points, or 1.5%.",
     [("120", 120, None, "other", "stock"), ("1.5%", 1.5, None, "percent", "stock")]),
    # --- market prices: shares, crypto, commodities ---------------------------------------------------------
    ("Bitcoin climbed 8% to $67,000.", [("8%", 8, None, "percent", "stock"), ("$67,000", 67e3, None, "USD", "stock")]),
    ("Gold rose to $2,400 an ounce.", [("$2,400", 2400, None, "USD", "stock")]),
    ("Brent crude slipped 2% to $81 a barrel.",
     [("2%", 2, None, "percent", "stock"), ("$81", 81, None, "USD", "stock")]),
    ("Shares rose 4% in early trading.", [("4%", 4, None, "percent", "stock")]),
    ("The pound fell 1% against the dollar.", [("1%", 1, None, "percent", "stock")]),
    ("Overall trading profit was down 6% to \u00a33.3bn.",
     [("6%", 6, None, "percent", "other"), ("\u00a33.3bn", 3.3e9, None, "other", "other")]),
    ("Earnings per share fell 2.8 per cent to $3.10, above the $2.10 a share analysts expected.",
     [("2.8 per cent", 2.8, None, "percent", "other"), ("$3.10", 3.1, None, "USD", "other"),
      ("$2.10", 2.1, None, "USD", "other")]),
    # --- investment, market size, cost, other --------------------------------------------------------------
    ("The government unveiled a \u00a32bn programme to build homes.",
     [("\u00a32bn", 2e9, None, "other", "investment")]),
    ("His investment of \u00a3200m in price cuts is only a start.",
     [("\u00a3200m", 200e6, None, "other", "investment")]),
    ("The global chip market is expected to reach $1 trillion by 2030.",
     [("$1 trillion", 1e12, None, "USD", "market_size")]),
    ("The average house price rose 5% to \u00a3290,000.",
     [("5%", 5, None, "percent", "cost"), ("\u00a3290,000", 290e3, None, "other", "cost")]),
    ("A monthly subscription now costs $15.49.", [("$15.49", 15.49, None, "USD", "cost")]),
    ("The film's production budget was $200 million.", [("$200 million", 200e6, None, "USD", "cost")]),
    ("The club paid a transfer fee of \u00a3100m.", [("\u00a3100m", 100e6, None, "other", "cost")]),
    ("The film grossed $1.2 billion at the box office.", [("$1.2 billion", 1.2e9, None, "USD", "other")]),
    ("The minimum wage rises to \u00a311.44 an hour.", [("\u00a311.44", 11.44, None, "other", "other")]),
    ("The tariff on steel rises to 25%.", [("25%", 25, None, "percent", "other")]),
    ("The study found that 12% of adults smoke.", [("12%", 12, None, "percent", "other")]),
    ("The deficit widened to \u00a350bn.", [("\u00a350bn", 50e9, None, "other", "other")]),
    # --- users and sign-ups --------------------------------------------------------------------------------
    ("The app now has 30 million customers.", [("30 million", 30e6, None, "users", "downloads")]),
    ("It ended the year with 90mn members, up 3%, and hopes to reach 95mn by June.",
     [("90mn", 90e6, None, "users", "downloads"), ("3%", 3, None, "percent", "downloads"),
      ("95mn", 95e6, None, "users", "downloads")]),
    # --- ranges --------------------------------------------------------------------------------------------
    ("Sales grew 14\u201315% this year.", [("14\u201315%", 14, 15, "percent", "other")]),
    ("Margins should widen by between 3% and 5%.",
     [("3%", 3, None, "percent", "other"), ("5%", 5, None, "percent", "other")]),
    # --- kinds from the words around ----------------------------------------------------------------------
    ("Guests would pay an extra \u00a37.50 a night.", [("\u00a37.50", 7.5, None, "other", "cost")]),  # a payer pays a price
    ("Her total pay for the year was \u00a33.9m.", [("\u00a33.9m", 3.9e6, None, "other", "other")]),  # pay, a noun: wages
    ("Shares rose 3.4% to \u20ac19.82, valuing the group at \u20ac21.6bn.",
     [("3.4%", 3.4, None, "percent", "stock"), ("\u20ac19.82", 19.82, None, "other", "stock"),
      ("\u20ac21.6bn", 21.6e9, None, "other", "stock")]),
    ("The round values the start-up at $9 billion.", [("$9 billion", 9e9, None, "USD", "other")]),
    ("Tickets will cost $12 for adults and $7 for children.",  # people a price is for do not make it a study's share
     [("$12", 12, None, "USD", "cost"), ("$7", 7, None, "USD", "cost")]),
    ("The club has spent \u00a3110m on new players since May.",  # spent on no capital: a price paid
     [("\u00a3110m", 110e6, None, "other", "cost")]),
    ("The lab had spent $450 million on computing.", [("$450 million", 450e6, None, "USD", "investment")]),
    ("Spending on agency staff reached \u00a314.7m.", [("\u00a314.7m", 14.7e6, None, "other", "other")]),
    ("Administration accounted for 9% of spending.", [("9%", 9, None, "percent", "other")]),  # a share of outgoings
    ("The fund owns a 6.8% stake in the retailer.", [("6.8%", 6.8, None, "percent", "other")]),  # a share of ownership
    ("Net loans and advances stood at N5.2 trillion.",  # a bank's lending book is a result
     [("N5.2 trillion", 5.2e12, None, "other", "other")]),
    ("The plan would cut average commute times by 18%.",  # a percentage near a word of investment is no investment
     [("18%", 18, None, "percent", "other")]),
    ("The fund invested $40 million, up 12% on last year.",
     [("$40 million", 40e6, None, "USD", "investment"), ("12%", 12, None, "percent", "investment")]),
    ("Councillors voted to lift rates by 6.9 per cent.",  # a council's rates are a household's bill
     [("6.9 per cent", 6.9, None, "percent", "cost")]),
    ("The council will borrow at an interest rate of 4.35%.", [("4.35%", 4.35, None, "percent", "other")]),
    ("Just 26% of homes sold above list price.", [("26%", 26, None, "percent", "other")]),  # a share of a count
    ("Its finance arm gives input loans of Rs 25,000 to Rs 2 lakh to farmers.",  # 25,000 lakh is no lower end
     [("Rs 25,000", 25000, None, "other", "other"), ("Rs 2 lakh", 2e5, None, "other", "other")]),
    ("The package brings 50-cent public transport fares for a year.", [("50-cent", 0.5, None, "USD", "cost")]),
    ("The budget has a planned 1.5 billion crown increase in defence spending.",
     [("1.5 billion", 1.5e9, None, "other", "other")]),
    ("The attackers made off with about 38,400 ETH and more than 21 million USDT.",  # tokens; "USDT" is no USD
     [("38,400", 38400, None, "other", "other"), ("21 million", 21e6, None, "other", "other")]),
    ("The all-day tariff at the multi-storey rises by 80p to \u00a36.30.",  # a car park's tariff is its price
     [("80p", 0.8, None, "other", "cost"), ("\u00a36.30", 6.3, None, "other", "cost")]),
    ("Since 2008, electricity tariffs have risen by more than 650%.", [("650%", 650, None, "percent", "cost")]),
    ("Tariffs on Chinese goods rose to 145%.", [("145%", 145, None, "percent", "other")]),  # a tariff rate
    # --- not figures ---------------------------------------------------------------------------------------
    ("She has won three crowns in a row.", []),  # a crown is money only with a scale word ("1.5 billion crowns")
    ("One in five adults and two-thirds of children were affected.", []),
    ("A 24-year-old man was one of 300 officers on duty.", []),
    ("The 2019 report covered 45 countries and 1,200 homes.", []),
    ("Flight 370 left on 8 March 2014 at 12:41.", []),
    ("The team scored 30 points in the final quarter.", []),
    ("The clip was streamed in 1080p.", []),
    ("The union's 300 members voted to strike.", []),  # people; "2.4mn members" of a service are users
    ("Rates rose by a 2-percentage-point margin, a 5-per-cent jump.",
     [("2-percentage-point", 2, None, "percent", "other"), ("5-per-cent", 5, None, "percent", "other")]),
    ("It was a grand total of three visits, before a grand jury.", []),
    ("Prices doubled, then rose threefold in a decade.", []),
]


@pytest.mark.parametrize("sentence, expected", GOLDEN, ids=[row[0][:48] for row in GOLDEN])
def test_golden_sentences(sentence, expected):
    found = [(f["text"], f["value"], f["value_high"], f["unit"], f["kind"]) for f in find_figures(sentence)]
    assert [row[0] for row in found] == [row[0] for row in expected], sentence
    for got, want in zip(found, expected):
        assert math.isclose(got[1], want[1], rel_tol=1e-9), (sentence, got, want)
        assert (got[2] is None) == (want[2] is None) and (want[2] is None or math.isclose(got[2], want[2])), got
        assert got[3:] == want[3:], (sentence, got, want)


def test_a_price_cut_off_by_the_end_of_an_excerpt_is_not_a_figure():
    assert find_figures("The new model will cost $5") == []
    assert [f["text"] for f in find_figures("The new model will cost $5.")] == ["$5"]
