"""The answers of "Markets and money", checked against the numbers in the fact sheet (seeds/facts.md)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from solutions.data.events import claim_event_date
from solutions.data.markets import days_of_claim, largest_fall, nvidia_moves, selloff_date
from solutions.data.quoting import quote_in_article
from solutions.chapters.markets import (
    arguable_reasons, articles_dated_before, claim_place, claim_sentence, close_before_largest_fall, day_of_claim,
    days_before_fall, fact_summary, forecast_range, index_moves_on,
    loss_to_spending_ratio, market_claims, market_value_before_largest_fall, market_value_lost,
    meta_capex_range, money_figures, previous_close, price_before_move,
    unsupported_reasons, value_before_move,
)


def test_the_largest_fall_is_monday_27_january_2025():
    fall = largest_fall()
    assert selloff_date() == pd.Timestamp("2025-01-27") and selloff_date().day_name() == "Monday"
    assert fall["change_percent"] == pytest.approx(-16.97) and fall["close_usd"] == pytest.approx(118.42)
    assert market_value_lost() == (589e9, 593e9)


def test_nvidia_moves_are_in_date_order_and_only_nvidia():
    moves = nvidia_moves()
    assert moves["date"].is_monotonic_increasing
    assert list(moves["change_percent"]) == [-2, -3.12, -16.97, 9]
    assert list(index_moves_on("2025-01-27")["change_percent"]) == [-3.07]  # Nasdaq Composite (MKT-05)


def test_working_the_percentage_backwards_gives_fridays_close():
    # A4: -16.97% to $118.42 on 27 Jan; the close on Fri 24 Jan was $142.62 (MKT-02).
    assert close_before_largest_fall() == pytest.approx(142.62, abs=0.01)
    assert previous_close()["close_usd"] == pytest.approx(142.62)
    assert previous_close()["date"] == pd.Timestamp("2025-01-24")
    assert price_before_move(90, -10) == pytest.approx(100)
    assert price_before_move(110, 10) == pytest.approx(100)
    assert price_before_move(118.42, -16.97) != pytest.approx(118.42 * 1.1697, abs=0.5)


@pytest.mark.parametrize("close, change", [(100, -100), (100, -150), (-1, 5), (100, float("nan")),
                                           (float("inf"), 3)])
def test_impossible_moves_are_refused(close, change):
    with pytest.raises(ValueError):
        price_before_move(close, change)


def test_market_value_before_the_fall():
    low, high = market_value_before_largest_fall()
    assert low == pytest.approx(589e9 / 0.1697) and high == pytest.approx(593e9 / 0.1697)
    assert 3.4e12 < low < high < 3.5e12
    assert value_before_move(-50, -10) == pytest.approx(500)
    with pytest.raises(ValueError):
        value_before_move(5, 0)


def test_each_phrase_describes_the_days_the_fact_sheet_gives():
    jan27 = pd.Timestamp("2025-01-27")
    jan24 = pd.Timestamp("2025-01-24")
    claims = market_claims()
    by_claim = {row.claim_id: row.sheet_dates for row in claims.itertuples()}
    assert by_claim == {"MKT-01": (pd.Timestamp("2024-12-27"),), "MKT-02": (jan24,),
                        "MKT-05": (jan27,), "MKT-04": (jan27, jan24), "MKT-03": (jan27,)}
    # A phrase that gives neither a size nor a date may also mean the latest fall before the day the rest of
    # its article settles (26 January for 000, 002 and 004): Friday's 3.12%.
    by_claim = {row.claim_id: row.dates for row in claims.itertuples()}
    assert by_claim == {"MKT-01": (pd.Timestamp("2024-12-27"),), "MKT-02": (jan24,),
                        "MKT-05": (jan27, jan24), "MKT-04": (jan27, jan24), "MKT-03": (jan27, jan24)}
    assert dict(zip(claims["claim_id"], claims["bound_key"].fillna(""))) == {
        "MKT-01": "", "MKT-02": "", "MKT-05": "DATE-05.1", "MKT-04": "DATE-05.1", "MKT-03": "ATT-01.1"}
    # MKT-04 (v2, confidence medium): 27 January if article 002 postdates the fall, 24 January otherwise.
    assert days_of_claim("MKT-04") == [jan27, pd.Timestamp("2025-01-24")]
    assert day_of_claim("MKT-04") == selloff_date()  # found through "-16.97%" in its verified value


def test_overlapping_rows_are_one_phrase_quoted_in_the_articles_words():
    phrases = {(r.article_id, r.paragraph, r.quote): r.claim_ids for r in market_claims().itertuples()}
    assert phrases == {
        ("003", 7, "NVIDIA\u2019s stock dropping by 2% following DeepSeek-V3\u2019s launch"): ("MKT-01",),
        ("003", 7, "an additional 3.12% after DeepSeek-R1 discussions"): ("MKT-02",),
        ("000", 10, "witnessing a stock downturn that rippled across the Nasdaq"): ("MKT-03", "MKT-05"),
        ("002", 14, "Nvidia, whose stock has recently dipped"): ("MKT-03", "MKT-04"),
        ("004", 6, "tech stocks tumbled"): ("MKT-03",),
    }


def test_phrases_are_found_where_the_fact_sheet_says():
    assert claim_place("INV-01a")["quote"].startswith("Meta … announced a staggering $60 billion capital influx")
    assert claim_place("INV-01b")["quote"] == "a move perceived as a direct reaction to DeepSeek's burgeoning threat"
    assert claim_place("INV-02b")["quote"] == "signaling an aggressive response to Chinese competition"
    assert claim_place("MKT-01")["quote"] == "NVIDIA\u2019s stock dropping by 2% following DeepSeek-V3\u2019s launch"
    assert quote_in_article("003", 7, "no such words") == "no such words"
    assert claim_sentence("MKT-04").endswith("alternative AI development pathways.")


def test_only_article_003_is_dated_before_the_fall():
    assert articles_dated_before() == ["003"]
    assert articles_dated_before("2025-01-26") == []
    assert days_before_fall("DATE-06") == 1


def test_meta_announced_its_plan_three_days_before_the_sell_off():
    assert claim_event_date("INV-01a") == pd.Timestamp("2025-01-24")
    assert days_before_fall("INV-01a") == 3
    assert meta_capex_range() == (60e9, 65e9)
    assert loss_to_spending_ratio() == pytest.approx(589 / 65)


def test_unsupported_causes_and_motives_follow_the_verdicts():
    claims = ["MKT-01", "MKT-02", "INV-01b", "MKT-05", "INV-02b"]
    assert unsupported_reasons(claims) == ["MKT-01", "INV-01b", "INV-02b"]
    assert arguable_reasons(claims) == []  # INV-01b's also (opinion-as-fact) is unsupported too


def test_fact_summary_is_the_fact_sheets_own_line():
    assert fact_summary("MKT-05") == "Nasdaq Composite \u22123.07% on 27 Jan 2025."
    assert "30 Oct 2024, before V3 or R1 existed" in fact_summary("INV-01b")
    assert "**" not in fact_summary("MKT-03")


def test_bains_forecast_range_is_read_from_the_fact_sheet():
    low, high = forecast_range()
    assert (low, high) == (780e9, 990e9)


def test_money_figures_are_the_ledgers_moves_spending_and_market_sizes():
    figures = money_figures()
    got = {(r.article_id, r.paragraph, r.text, r.claim_id) for r in figures.itertuples()}
    assert got == {("003", 7, "2%", "MKT-01"), ("003", 7, "3.12%", "MKT-02"), ("000", 10, "$60 billion", "INV-01a"),
                   ("003", 11, "$60-65 billion", "INV-02a"), ("003", 13, "$990 billion", "INV-03"),
                   ("004", 10, "$6 million", "COST-05")}
    assert math.isclose(figures.set_index("claim_id").loc["INV-02a", "value_high"], 65e9)
