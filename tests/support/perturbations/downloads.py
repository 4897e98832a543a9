"""For each exercise of "How many downloads?", a change to the data that must change its answer."""

from support.data_edits import replace_in_article, set_cell

ARTICLE_000 = "000_5c72fef99aef7075.txt"

PERTURBATIONS = {
    # Give the undated figure a date: "when" is no longer missing.
    "downloads-missing": lambda d: replace_in_article(d, ARTICLE_000, "1.6 million downloads globally",
                                                      "1.6 million downloads globally by Monday"),
    # Move AppMagic's count before Appfigures' second count.
    "downloads-timeline": lambda d: set_cell(d, "download_counts.csv", "date", "2025-01-28", "date", "2025-01-25"),
    # A larger second count: more downloads a day, and 1.6 million passed sooner (on 24 January, not 25).
    "downloads-per-day": lambda d: set_cell(d, "download_counts.csv", "date", "2025-01-27", "downloads", "4000000"),
    "downloads-crossing-day": lambda d: set_cell(d, "download_counts.csv", "date", "2025-01-27", "downloads",
                                                 "4000000"),
    # If the fact sheet read article 002's chart claim as a count of app downloads, its row would match differently.
    "downloads-what-measures": lambda d: set_cell(d, "facts.csv", "claim_id", "DL-03", "unit", "app downloads"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "downloads-exit-ticket": lambda d: set_cell(d, "download_counts.csv", "date", "2025-01-27", "downloads", "3000000"),
}
