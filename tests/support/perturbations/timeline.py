"""For each exercise of "What could the writer have known, and when?", a change to the data that must change its answer.

The edits leave article 003 as the one article dated before the sell-off, which other chapters rely on.
"""

from support.data_edits import set_cell


def _event_date(folder, event: str, date: str) -> None:
    set_cell(folder, "events.csv", "event", event, "date", date)


PERTURBATIONS = {
    # OpenAI's o3 announcement moved after V3's weights: the order changes.
    "timeline-event-order": lambda d: set_cell(d, "events.csv", "claim_id", "DATE-03", "date", "2024-12-28"),
    # V3's weights a day earlier: one more day to the sell-off.
    "timeline-days-to-selloff": lambda d: _event_date(d, "DeepSeek posts the V3 model's weights on Hugging Face",
                                                      "2024-12-25"),
    # Alibaba's model released before article 003's date: its writer could have known it.
    "timeline-known-on-date": lambda d: _event_date(d, "Alibaba releases its Qwen2.5-Max model", "2025-01-25"),
    # Article 001 dated after the sell-off: it joins the articles that cannot be older.
    "timeline-not-before-selloff": lambda d: set_cell(d, "articles.csv", "id", "001", "date", "2025-01-28"),
    # The app's No. 1 ranking a day earlier: the latest event article 000 surely reports ("topping app store
    # charts") moves, and its "stock downturn" still settles no later day.
    "timeline-earliest-date": lambda d: _event_date(d, "The DeepSeek app becomes the No. 1 free app in Apple's US "
                                                       "App Store", "2025-01-25"),
    # R1's own cost disclosed before article 003's date: leaving it out becomes a fair criticism.
    "timeline-fair-criticism": lambda d: set_cell(d, "events.csv", "claim_id", "COST-11", "date", "2025-01-10"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "timeline-exit-ticket": lambda d: _event_date(d, "Appfigures counts 2.6 million downloads of the DeepSeek app",
                                                  "2025-01-25"),
}
