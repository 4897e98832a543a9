"""The download chapter's solution functions, checked against the fact sheet's numbers (DL-01 to DL-05)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from solutions.chapters.downloads import (
    app_launch_dates, claim_ids, claim_places, daily_rate, date_reaching, dated_counts, day_of_month,
    download_timeline, fact_measure, hindsight_counts, hindsight_month, load_download_counts, measure_of,
    measure_rows, missing_context, model_download_note, quoted_span, series_tracker, tracker_name, tracker_series,
    undated_claim, undated_claim_gaps, undated_crossing, undated_figure,
)
from solutions.data.facts import fact_text


def test_the_undated_figure_is_article_000s_1_6_million():
    claim = undated_claim()
    assert (claim["article_id"], int(claim["paragraph"]), claim["text"]) == ("000", 7, "1.6 million")
    assert undated_figure() == 1_600_000


def test_appfigures_is_the_only_tracker_with_a_curve():
    # facts.md DL-01: Appfigures via TechCrunch, ~1M on Fri 24 Jan -> 2.6M by Mon 27 Jan.
    assert tracker_name(series_tracker()) == "Appfigures"
    series = tracker_series()
    assert list(series["date"].dt.strftime("%Y-%m-%d")) == ["2025-01-24", "2025-01-27"]
    assert list(series["downloads"]) == [1_000_000, 2_600_000]


def test_downloads_per_day_between_the_two_counts():
    assert math.isclose(daily_rate(), (2_600_000 - 1_000_000) / 3)


def test_linear_interpolation():
    dates = pd.to_datetime(["2025-01-24", "2025-01-27"])
    assert date_reaching(1_000_000, dates, [1e6, 2.6e6]) == pd.Timestamp("2025-01-24")
    assert date_reaching(2_600_000, dates, [1e6, 2.6e6]) == pd.Timestamp("2025-01-27")
    assert date_reaching(1_800_000, dates, [1e6, 2.6e6]) == pd.Timestamp("2025-01-25 12:00")
    assert date_reaching(900_000, dates, [1e6, 2.6e6]) is None
    assert date_reaching(3e6, dates, [1e6, 2.6e6]) is None
    assert date_reaching(1e6, [], []) is None


def test_1_6_million_is_passed_early_on_25_january():
    # 0.6M more at 1.6M / 3 days = 1.125 days after 24 Jan.
    assert undated_crossing() == pd.Timestamp("2025-01-25 03:00")
    assert day_of_month(undated_crossing()) == pytest.approx(25.125)


def test_launch_dates_disagree():
    # facts.md DL-01 (v2): "Trackers even disagree on the app's launch date (Reuters: 10 Jan; AppMagic: 15 Jan)".
    launches = app_launch_dates()
    assert list(zip(launches["source"], launches["date"].dt.strftime("%Y-%m-%d"))) == [
        ("Reuters", "2025-01-10"), ("AppMagic", "2025-01-15")]


def test_a_count_given_in_days_stays_undated_and_is_marked_as_hindsight():
    # Review A3: "16M in 18 days" (DL-01, later: 2025-02) must not be turned into a date by guesswork.
    later = hindsight_counts()
    assert list(zip(later["downloads"], later["days_after_launch"], later["later"])) == [(16_000_000, 18, "2025-02")]
    assert hindsight_month("DL-01") == "2025-02"
    assert "later: 2025-02" in fact_text("DL-01")
    assert 16_000_000 not in set(dated_counts()["downloads"])
    assert 16_000_000 not in set(download_timeline()["downloads"].dropna())
    import solutions.chapters.downloads as downloads
    assert not hasattr(downloads, "days_after_launch_window")


def test_every_dated_count_is_from_january_and_every_undated_one_is_hindsight():
    counts = load_download_counts()
    assert (counts.loc[counts["date"].notna(), "later"].isna()).all()
    assert counts.loc[counts["date"].isna(), "later"].notna().all()


def test_timeline_puts_the_no_1_ranking_between_the_two_appfigures_counts():
    timeline = download_timeline()
    assert timeline["date"].is_monotonic_increasing
    assert list(timeline["claim_id"]) == ["DATE-02", "DL-01", "DATE-05", "DL-01", "DL-01"]
    assert timeline.loc[2, "date"] == pd.Timestamp("2025-01-26")


def test_the_sentence_gives_number_and_place_but_no_date_tracker_or_object():
    assert undated_claim_gaps() == ["date", "tracker", "object"]


@pytest.mark.parametrize("sentence, gaps", [
    ("The app had 2.6 million downloads by Monday, according to Appfigures.", {"object", "place"}),
    ("Appfigures counted 2.6 million app downloads on 27 January.", {"place"}),
    ("Its weights were downloaded 10.9 million times from Hugging Face by September 2025.", {"tracker", "place"}),
    ("Millions downloaded it.", {"date", "tracker", "object", "number", "place"}),
])
def test_missing_context_on_other_sentences(sentence, gaps):
    stated = missing_context(sentence)
    assert {key for key, present in stated.items() if not present} == gaps


def test_what_each_claim_measures():
    assert fact_measure("DL-01") == "app-downloads"
    assert claim_ids("DL-02") == ("DL-02a", "DL-02b")
    assert fact_measure("DL-02a") == fact_measure("DL-02b") == "ranking"
    assert fact_measure("DL-03") == "ranking"  # the app topped the chart, not the model
    assert measure_of("Downloads of R1 weights on Hugging Face") == "model-downloads"
    assert measure_of("2.6 million downloads, App Store and Google Play") == "app-downloads"
    with pytest.raises(ValueError):
        measure_of("a stock fell 17%")


def test_measure_rows_cover_the_three_seed_claims_a_tracker_and_the_model_downloads():
    rows = measure_rows()
    seeds = rows[rows["kind"] == "seed"]
    assert list(zip(seeds["claim_ids"], seeds["article_id"], seeds["paragraph"])) == [
        (("DL-01",), "000", 7), (("DL-02a", "DL-02b"), "000", 7), (("DL-03",), "002", 8)]
    assert sorted(rows["measure"].unique()) == ["app-downloads", "model-downloads", "ranking"]
    # Review A17: 000 ¶7 credits the downloads to the R1 model; DL-01 (conflated) does not settle which count.
    assert list(seeds["also_measures"]) == [("model-downloads",), (), ()]
    model = rows[rows["kind"] == "fact sheet"].iloc[0]
    assert model["claim_id"] == "DL-04" and model["measure"] == "model-downloads"
    assert "Hugging Face" in model_download_note() and "10.9 million" in model_download_note()


def test_seed_claims_are_quoted_exactly_as_the_article_writes_them():
    rows = measure_rows()
    seeds = rows[rows["kind"] == "seed"]
    assert list(seeds["text"]) == [
        "The R1 model\u2019s open-source nature, allowing unrestricted access without charge, has captivated over "
        "1.6 million downloads globally",
        "topping app store charts in key markets like the U.S. and China",
        "Its R1 model quickly climbed to the top of Apple\u2019s App Store"]
    for row in seeds.itertuples():
        assert row.text in row.sentence


def test_quoted_span_follows_elisions():
    sentence = "It is topping app store charts in key markets like the U.S. and China."
    assert quoted_span(sentence, "DL-02b") == "topping app store charts in key markets like the U.S. and China"
    assert quoted_span(sentence, "DL-02a") == "topping app store charts in key markets like the U.S."
    assert quoted_span("Nothing here.", "DL-02a") is None


def test_claim_places_give_the_whole_sentence():
    place = claim_places("DL-03").iloc[0]
    assert (place["article_id"], place["paragraph"]) == ("002", 8)
    assert place["sentence"].startswith("Its R1 model quickly climbed")
