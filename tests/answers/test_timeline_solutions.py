"""The answers of "What could the writer have known, and when?", checked against the fact sheet's dates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from support.data_edits import set_cell, set_verdict
from solutions import fact
from solutions.data.datafiles import clear_caches
from solutions.data.articles import articles_shown_before, stated_date
from solutions.data.events import (
    chronological, days_between, event, event_date, events_after, events_before, load_events, timeline_events,
)
from solutions.data.markets import selloff_date
from solutions.data.mentions import article_mentions, claim_readings
from solutions.chapters.timeline import (
    AFTER, BEFORE, CLUE, DATED_BEFORE, EVENT, LIKELY_NOT_BEFORE, NOT_BEFORE, NOT_SHOWN, SAME_DAY, STATED, article_dating, articles_likely_not_before,
    articles_shown_not_before, could_have_known, date_clues,
    dates_in_articles, earliest_possible, earliest_possible_date,
    knowable_events, likely_earliest_date, paragraph_kind, relative_to,
    selloff_event, standing,
)

# The fact sheet's dates, written out here so that the tests can fail.
V3_WEIGHTS, V3_REPORT = pd.Timestamp(2024, 12, 26), pd.Timestamp(2024, 12, 27)
R1_RELEASE, META_PLAN = pd.Timestamp(2025, 1, 20), pd.Timestamp(2025, 1, 24)
APP_NO_1, ARTICLE_003, SELLOFF = pd.Timestamp(2025, 1, 26), pd.Timestamp(2025, 1, 26), pd.Timestamp(2025, 1, 27)
R1_COST = pd.Timestamp(2025, 9, 17)
NASDAQ_CLOSE_24 = pd.Timestamp(2025, 1, 24)
ALIBABA_CLOUD = pd.Timestamp(2025, 2, 3)
HUAWEI_CLOUD = pd.Timestamp(2025, 1, 30)
DAVOS_OPENS = pd.Timestamp(2025, 1, 20)


def test_load_events_keeps_its_columns_and_date_order():
    events = load_events()
    assert list(events.columns) == ["date", "event", "kind", "claim_id", "reported"]
    assert set(events["reported"]) == {"yes", "likely", "no"}
    assert events["date"].is_monotonic_increasing


def test_keys_are_unique_and_count_each_claims_events_in_file_order():
    events = timeline_events()
    assert events["key"].is_unique
    assert event_date("DATE-01.1") == V3_WEIGHTS and event_date("DATE-01.2") == V3_REPORT
    assert event_date("MKT-03.1") == SELLOFF and event_date("MKT-03.2") == SELLOFF + pd.Timedelta(days=1)
    assert event_date("COST-11.1") == R1_COST
    with pytest.raises(KeyError):
        event("MKT-03.9")


def test_event_dates_match_the_fact_sheet():
    assert "2025-01-20" in str(fact("DATE-02")["source_date"]) and event_date("DATE-02.1") == R1_RELEASE
    assert "24 Jan 2025" in str(fact("INV-01a")["note"]) + str(fact("INV-01a")["verified_value"])
    assert event_date("INV-01a.1") == META_PLAN and event_date("DATE-05.1") == APP_NO_1


def test_before_and_after_a_date():
    before = events_before(ARTICLE_003)
    assert "INV-01a.1" in set(before["key"]) and "MKT-03.1" not in set(before["key"])
    assert "DATE-05.1" not in set(before["key"]) and "DATE-05.1" in set(events_before(ARTICLE_003, inclusive=True)["key"])
    after = events_after(ARTICLE_003)
    assert after["key"].iloc[0] == "MKT-03.1" and after["key"].iloc[-1] == "COST-11.1"
    assert len(before) + len(after) + len(timeline_events().query("date == @ARTICLE_003")) == len(timeline_events())


def test_days_between_counts_across_months_and_years():
    assert days_between(V3_WEIGHTS, SELLOFF) == (date(2025, 1, 27) - date(2024, 12, 26)).days == 32
    assert days_between(R1_RELEASE, SELLOFF) == 7
    assert days_between(SELLOFF, R1_RELEASE) == -7
    assert days_between(ARTICLE_003, R1_COST) == 234


def test_chronological_orders_keys_and_refuses_ties():
    assert chronological(["MKT-03.1", "DATE-03.1", "INV-01a.1", "DATE-01.1"]) == [
        "DATE-03.1", "DATE-01.1", "INV-01a.1", "MKT-03.1"]
    with pytest.raises(ValueError):
        chronological(["INV-01a.1", "MKT-02.1"])  # both on 24 January


def test_the_selloff_is_nvidias_largest_fall():
    assert selloff_date() == SELLOFF
    assert "27 Jan 2025" in str(fact("MKT-03")["verified_value"])
    assert selloff_event()["key"] == "MKT-03.1"


def test_only_article_003_states_a_date():
    assert stated_date("003") == ARTICLE_003
    assert "26 January 2025" in str(fact("DATE-06")["seed_wording"])
    assert all(pd.isna(stated_date(a)) for a in ["000", "001", "002", "004"])
    with pytest.raises(KeyError):
        stated_date("999")


def test_readings_of_a_claim():
    assert claim_readings("MKT-03") == [("MKT-03.1",)]  # the rebound (MKT-03.2) is context, not reported
    assert claim_readings("MKT-04") == [("MKT-03.1",), ("MKT-02.1",)]  # 27 Jan, or 24 Jan if written on 26 Jan
    assert claim_readings("MKT-05") == [("MKT-03.1",)]
    assert claim_readings("OTH-03") == [("OTH-03.1", "OTH-03.2")]
    assert claim_readings("OTH-06") == []  # Qwen2.5-Max is not the Qwen-72B that article 001 names
    assert claim_readings("DL-01") == []  # the trackers' counts are not where 000's 1.6 million comes from


def test_mentions_come_from_claim_ids_and_quote_the_articles_words():
    mentions = article_mentions()
    row = mentions[(mentions["article_id"] == "003") & (mentions["claim_id"] == "MKT-02")].iloc[0]
    assert row["paragraph"] == 7 and row["evidence"] and row["date"] == META_PLAN and row["settled"]
    assert row["quote"] == "an additional 3.12% after DeepSeek-R1 discussions"
    sell = mentions[mentions["event_key"] == "MKT-03.1"]
    assert set(sell["article_id"]) == {"000", "002", "004"}
    quotes = dict(zip(sell["article_id"], sell["quote"]))
    assert quotes == {"000": "witnessing a stock downturn that rippled across the Nasdaq",
                      "002": "Nvidia, whose stock has recently dipped", "004": "tech stocks tumbled"}
    dipped = sell[sell["article_id"] == "002"].iloc[0]
    assert not dipped["settled"] and dipped["earliest_date"] == NASDAQ_CLOSE_24 and dipped["alternatives"] == ("MKT-02.1",)
    assert dipped["sheet_alternatives"] == ("MKT-02.1",)  # MKT-04 gives this reading itself
    # The words of 000 and 004 give neither a size nor a date either: written on 26 January, the day the rest of
    # each article settles, they would describe Friday's fall, so they settle only that.
    for article_id, bound in (("000", "DATE-05.1"), ("004", "ATT-01.1")):
        row = sell[sell["article_id"] == article_id].iloc[0]
        assert row["vague_fall"] and not row["settled"] and row["earliest_key"] == "MKT-02.1"
        assert row["alternatives"] == ("MKT-02.1",) and row["sheet_alternatives"] == () and row["bound_key"] == bound
    numbered = mentions[mentions["claim_id"].isin(["MKT-01", "MKT-02"])]
    assert not numbered["vague_fall"].any() and numbered["settled"].all()
    assert "DATE-06" not in {c for ids in mentions["claim_ids"] for c in ids}  # a dateline is not a reported event
    assert "OTH-06" not in {c for ids in mentions["claim_ids"] for c in ids}


def test_earliest_possible_dates():
    assert earliest_possible_date("000") == APP_NO_1  # "topping app store charts"; the downturn may be Friday's
    assert earliest_possible("000")["paragraph"] == 7 and likely_earliest_date("000") == SELLOFF
    assert earliest_possible_date("002") == APP_NO_1  # "recently dipped" could also mean 24 January (MKT-04)
    assert likely_earliest_date("002") == SELLOFF
    assert earliest_possible_date("004") == APP_NO_1  # Andreessen's post of 26 January (ATT-01)
    assert earliest_possible("004")["paragraph"] == 7 and likely_earliest_date("004") == SELLOFF
    assert earliest_possible_date("003") == META_PLAN <= stated_date("003")
    assert earliest_possible_date("001") == DAVOS_OPENS  # Nadella's Davos remarks, 20-24 January (ATT-02)
    assert earliest_possible("001")["claim_id"] == "ATT-02"
    assert likely_earliest_date("001") == HUAWEI_CLOUD  # the first step of OTH-03, dated only roughly


def test_dates_written_in_the_articles_are_told_apart():
    dates = dates_in_articles().set_index(["article_id", "paragraph"])
    assert dates.loc[("000", 1), "what"] == CLUE and dates.loc[("000", 1), "date"] == pd.Timestamp(2025, 1, 28)
    assert dates.loc[("000", 1), "where"] == "an image's file path"
    assert dates.loc[("004", 3), "what"] == CLUE and dates.loc[("004", 3), "date"] == SELLOFF
    assert dates.loc[("004", 3), "where"] == "a photo caption"
    assert dates.loc[("003", 4), "what"] == STATED and dates.loc[("003", 3), "what"] == STATED
    assert dates.loc[("003", 9), "what"] == EVENT and dates.loc[("003", 9), "date"] == R1_RELEASE
    clues = date_clues()
    assert list(zip(clues["article_id"], clues["date"])) == [("000", pd.Timestamp(2025, 1, 28)), ("004", SELLOFF)]


def test_paragraph_kind():
    assert paragraph_kind("![A headline](/media/News/2025/01/28/x.png)") == "an image's file path"
    assert paragraph_kind("A message on a phone. Photo by Someone/Getty Images") == "a photo caption"
    assert paragraph_kind("Beijing, Sunday, 26 January 2025.") == "the text"


def test_article_dating_table():
    table = article_dating().set_index("article_id")
    assert table.loc["003", "stated_date"] == ARTICLE_003
    assert table.loc["000", "clues"] == [pd.Timestamp(2025, 1, 28)]
    assert table.loc["004", "claim_id"] == "ATT-01" and table.loc["001", "earliest_possible"] == DAVOS_OPENS
    assert table.loc["001", "likely_earliest"] == HUAWEI_CLOUD and table.loc["001", "likely_paragraph"] == 8
    assert table.loc["002", "quote"] == "quickly climbed to the top of Apple\u2019s App Store"


def test_which_articles_are_shown_before_or_not_before_the_selloff():
    assert articles_shown_before(SELLOFF) == ["003"]
    assert articles_shown_not_before(SELLOFF) == []  # no undated article surely reports the fall
    assert articles_likely_not_before(SELLOFF) == ["000", "001", "002", "004"]
    assert articles_shown_not_before(APP_NO_1) == ["000", "002", "003", "004"]
    assert standing(SELLOFF) == {"000": LIKELY_NOT_BEFORE, "001": LIKELY_NOT_BEFORE, "002": LIKELY_NOT_BEFORE,
                                 "003": DATED_BEFORE, "004": LIKELY_NOT_BEFORE}
    assert standing(APP_NO_1)["000"] == NOT_BEFORE and standing(APP_NO_1)["001"] == LIKELY_NOT_BEFORE
    assert standing(pd.Timestamp(2025, 2, 10))["001"] == NOT_SHOWN
    assert articles_shown_before(R1_RELEASE) == []


def test_what_article_003_could_know():
    assert relative_to(ARTICLE_003, V3_REPORT) == BEFORE
    assert relative_to(ARTICLE_003, APP_NO_1) == SAME_DAY
    assert relative_to(ARTICLE_003, SELLOFF) == AFTER
    status = knowable_events("003").set_index("key")["status"]
    assert status["OTH-06.1"] == AFTER
    assert status["DATE-01.2"] == BEFORE and status["DATE-05.1"] == SAME_DAY and status["COST-11.1"] == AFTER
    assert could_have_known("003", ["COST-11.1", "MKT-03.1", "INV-01a.1", "GPU-06.1", "GPU-06.2", "DATE-05.1"]) == [
        "INV-01a.1", "GPU-06.1"]
    with pytest.raises(ValueError):
        knowable_events("000")


def test_answers_follow_the_data(data_copy):
    set_verdict(data_copy, "MKT-03", "wrong")
    set_verdict(data_copy, "MKT-05", "wrong")
    clear_caches()
    assert earliest_possible_date("000") == APP_NO_1
    set_cell(data_copy, "events.csv", "event", "Huawei's ModelArts cloud offers distilled versions of R1, by about this date",
             "reported", "yes")
    clear_caches()
    assert earliest_possible_date("001") == pd.Timestamp(2025, 1, 30)
    set_cell(data_copy, "articles.csv", "id", "003", "date", "2025-01-28")
    clear_caches()
    assert "MKT-03.1" in could_have_known("003", ["MKT-03.1"])
    assert dates_in_articles().set_index(["article_id", "paragraph"]).loc[("003", 4), "what"] == CLUE
    set_cell(data_copy, "market_moves.csv", "date", "2025-01-24", "change_percent", "-30")
    clear_caches()
    assert selloff_date() == META_PLAN


def test_a_vague_fall_follows_the_day_the_rest_of_the_article_settles(data_copy):
    # Move Andreessen's post to Monday: the latest fall by then is Monday's, so "tumbled" settles 27 January.
    set_cell(data_copy, "events.csv", "claim_id", "ATT-01", "date", "2025-01-27")
    clear_caches()
    row = article_mentions().query("article_id == '004' and paragraph == 6").iloc[0]
    assert row["settled"] and row["earliest_date"] == SELLOFF and row["alternatives"] == ()
    assert standing(SELLOFF)["004"] == NOT_BEFORE
    # With nothing else dated in the article, the words may mean any fall in the data, the earliest first.
    for claim_id in ("ATT-01", "DATE-01", "DATE-02", "DATE-03"):
        set_verdict(data_copy, claim_id, "unverifiable")
    clear_caches()
    row = article_mentions().query("article_id == '004' and paragraph == 6").iloc[0]
    assert pd.isna(row["bound_key"]) and row["earliest_key"] == "MKT-01.1"
    assert set(row["alternatives"]) == {"MKT-01.1", "MKT-02.1"}
