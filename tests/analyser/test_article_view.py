"""The article view (``solutions.analyser.article_view``): everything escaped, overlapping marks nested into well-formed
HTML with one tag each, every section present, and questions that follow the text; the report page is offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from solutions.analyser.analysis import analyze_text
from solutions.analyser.article_view import (
    CONTENT_SECURITY_POLICY, article_view_html, figure_sources, highlighted_html, hype_per_thousand, marks_for,
    report_page_html,
)
from solutions.data.paths import data_dir

VOID = {"br", "meta", "img", "hr", "input", "link", "col", "wbr"}


class Tree(HTMLParser):
    """Checks that the HTML is well formed (every tag closed in order) and keeps what a test asks about."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.tags: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.article_text: list[str] = []  # the text of .av-article, without the printed tags
        self.marks_with_tags: list[str] = []
        self.nesting: list[tuple[str, ...]] = []  # for each mark opened, the kinds of the marks around it
        self.feed(html)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {[tag for tag, _ in self.stack]}")

    def _inside(self, cls: str) -> bool:
        return any(cls in attrs.get("class", "").split() for _, attrs in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        if tag == "mark" and self._inside("av-article"):
            around = tuple(a.get("class", "").split()[1] for t, a in self.stack if t == "mark")
            self.nesting.append((attributes.get("class", ""), around))
        self.stack.append((tag, attributes))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._inside("av-article") and not self._inside("av-tag"):
            self.article_text.append(data)
        if self._inside("av-tag") and not self._inside("av-hidden") and self._inside("av-article"):
            self.marks_with_tags.append(data)


def worked_example() -> str:
    return (data_dir() / "worked_example.txt").read_text(encoding="utf-8")


def result_of(**sections) -> dict:
    return {"figures": [], "quotes": [], "vague_attributions": [], "hype_phrases": [], **sections}


def test_markup_and_quotation_marks_in_the_text_are_shown_as_text():
    text = 'He wrote <script>alert(1)</script> and "x" & \'y\' <b onmouseover="alert(2)">bold</b>. It rose 5% to $9.'
    html = article_view_html(text)
    assert "<script" not in html and "<b " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "and &quot;" in html and "&amp; &#x27;" in html  # "x" and 'y' are marked as quotes
    tree = Tree(html)
    assert tree.problems == []
    assert "".join(tree.article_text) == text
    assert all(not name.startswith("on") for _, attributes in tree.tags for name in attributes)


def test_a_hostile_speaker_or_note_cannot_leave_its_attribute():
    text = "“We grew,” she said."
    hostile = 'X" onmouseover="alert(1)'
    result = result_of(quotes=[{"quote": "We grew,", "start": 1, "end": 9, "speaker": hostile, "speaker_role": None,
                                "vague_attribution": False, "attribution": None, "check": '<img src=x onerror=1>'}])
    html = article_view_html(text, result)
    tree = Tree(html)
    assert tree.problems == []
    assert all(not name.startswith("on") for _, attributes in tree.tags for name in attributes)
    assert not [attributes for tag, attributes in tree.tags if tag == "img"]


def test_every_character_of_the_text_comes_back_and_hidden_controls_are_shown():
    text = "Left\u202eright\u2066 and a bell \x07, a tab\there,\r\nline two \u2028 end \ud800."
    tree = Tree(article_view_html(text))
    assert tree.problems == []
    shown = "".join(tree.article_text)
    for control in "\u202e\u2066\x07\u2028\ud800":
        assert control not in shown
        assert f"U+{ord(control):04X}" in shown
    assert "\t" in shown and "line two" in shown


def test_overlapping_marks_nest_and_each_mark_prints_one_tag():
    text = "“It is a total game-changer for us,” analysts say, and sales rose 40% overnight."
    quote_end = text.index(",”")
    hype_start = text.index("total game")
    crossing_start = text.index("analysts")
    result = result_of(
        quotes=[{"quote": text[1:quote_end], "start": 1, "end": quote_end, "speaker": None, "speaker_role": None,
                 "vague_attribution": True, "attribution": None}],
        hype_phrases=[{"text": "total game-changer", "start": hype_start, "end": hype_start + 18,
                       "category": "metaphor", "rationale": "a borrowed image"},
                      # crosses the end of the vague attribution below: it must be split, not mis-nested
                      {"text": "say, and sales", "start": crossing_start + 9, "end": crossing_start + 23,
                       "category": "intensifier", "rationale": "made up for the test"}],
        vague_attributions=[{"text": "analysts say, and", "start": crossing_start,
                             "end": crossing_start + 17}],
        figures=[{"text": "40%", "start": text.index("40%"), "end": text.index("40%") + 3, "value": 40.0,
                  "value_high": None, "unit": "percent", "kind": "other"}],
    )
    html = highlighted_html(text, marks_for(result))
    tree = Tree(f'<div class="av-article">{html}</div>')
    assert tree.problems == []
    assert "".join(tree.article_text) == text
    # the hype phrase inside the quote is nested in it
    assert ("av-mark av-hype", ("av-quote",)) in tree.nesting
    # the crossing hype phrase opens inside the vague one and continues after it closes
    assert ("av-mark av-hype", ("av-vague",)) in tree.nesting
    assert ("av-mark av-hype av-continued", ()) in tree.nesting
    assert sorted(tree.marks_with_tags) == sorted(["quote: no named speaker", "hype", "hype", "vague", "figure"])


def test_marks_sharing_both_ends_nest_quote_vague_hype_figure():
    text = "a mere $6 million"
    span = {"start": 0, "end": len(text), "text": text}
    result = result_of(hype_phrases=[{**span, "category": "intensifier", "rationale": "r"}],
                       vague_attributions=[dict(span)],
                       figures=[{**span, "value": 6e6, "value_high": None, "unit": "USD", "kind": "cost"}])
    tree = Tree(f'<div class="av-article">{highlighted_html(text, marks_for(result))}</div>')
    assert [classes for classes, _ in tree.nesting] == ["av-mark av-vague", "av-mark av-hype", "av-mark av-figure"]


def test_the_worked_example_shows_every_section_and_its_marks():
    text = worked_example()
    html = article_view_html(text, compare={"Article 000": 10.0, "Article 001": 2.0})
    tree = Tree(html)
    assert tree.problems == []
    for heading in ("Figures", "Quotes", "Vague attributions", "Loaded wording", "Questions to ask of this article"):
        assert f">{heading}</h3>" in html
    assert "Key to the highlights" in html
    assert len([1 for tag, attributes in tree.tags if tag == "table"]) == 4
    for kind in ("figure", "quote", "vague", "hype"):
        assert f'class="av-mark av-{kind}"' in html, kind
    assert "Priya Raman" in html
    assert "Article 000: 10.0" in html
    assert "".join(tree.article_text) == text


def test_the_worked_example_asks_about_the_figures_and_the_quote_it_should():
    text = worked_example()
    result = analyze_text(text)
    sources = dict(zip([figure["text"] for figure in result["figures"]], figure_sources(text, result)))
    assert sources["11%"] == "none"
    assert sources["£412 million"] == "named"
    assert sources["£2.5 billion"] == "vague"
    html = article_view_html(text, result)
    questions = html.split("Questions to ask of this article", 1)[1]
    assert "11%" in questions and "£412 million" not in questions
    assert "This is a game-changer" in questions  # the buyer's quote has no named speaker


def test_the_questions_follow_the_text():
    unsourced = "Sales rose 12% to $40 million in the quarter.\n\n“Demand was strong,” said a person.\n"
    sourced = ("Sales rose 12% to $40 million in the quarter, the company said.\n\n"
               "“Demand was strong,” said Jane Okafor, the chief executive.\n")
    first = article_view_html(unsourced).split("Questions to ask of this article", 1)[1]
    second = article_view_html(sourced).split("Questions to ask of this article", 1)[1]
    assert first != second
    assert "Where does <q" in first and "Where does <q" not in second
    assert "Quotes with no named speaker: 1 of 1." in first and "Quotes with a named speaker: 1 of 1." in second
    loud = "Shares skyrocketed in a stunning, jaw-dropping rally. " * 3
    assert "hype score of 0.0" in article_view_html(unsourced)
    assert "hype score of 0.0" not in article_view_html(loud)


def test_the_comparison_says_where_the_text_stands():
    text = "Shares skyrocketed in a stunning, jaw-dropping rally."
    score = hype_per_thousand(text)
    assert score > 0
    louder = article_view_html(text, compare={"Article A": score / 2, "Article B": score * 2})
    assert "louder than 1 of the 2 articles" in louder
    quieter = article_view_html(text, compare={"Article A": score * 2, "Article B": score * 3})
    assert "no louder than any of the 2 articles" in quieter


def test_confidence_and_check_notes_become_columns_when_the_analyser_gives_them():
    text = "It cost 5 million."
    figure = {"text": "5 million", "start": 8, "end": 17, "value": 5e6, "value_high": None, "unit": "count",
              "kind": "other", "confidence": 0.4, "check": "No unit nearby: what is counted?"}
    html = article_view_html(text, result_of(figures=[figure]))
    assert '<th scope="col">Confidence</th><th scope="col">Check this</th>' in html
    assert "<td class=\"av-number\">0.40</td><td>No unit nearby: what is counted?</td>" in html
    assert "Check: No unit nearby" in html  # in the mark's title too
    plain = {key: value for key, value in figure.items() if key not in ("confidence", "check")}
    assert "Confidence" not in article_view_html(text, result_of(figures=[plain]))


def test_a_text_with_nothing_found_still_shows_every_section():
    html = article_view_html("Nothing to see here.")
    for section in ("no figures", "no quotes", "no vague attributions", "no loaded wording"):
        assert f"The analyser found {section}." in html
    assert "Questions to ask of this article" in html


def test_the_report_page_is_one_offline_page_with_no_script():
    text = "<script>alert(1)</script> Revenue rose 14% to £412 million, the company said."
    page = report_page_html(text, 'report <b>"title"</b>\u202e')
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">' in page
    assert CONTENT_SECURITY_POLICY.startswith("default-src 'none'") and "script-src" not in CONTENT_SECURITY_POLICY
    assert "<script" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)\s*=|url\(|@import|https?://""", page, re.I)
    assert "@media (prefers-color-scheme: dark)" in page and 'name="viewport"' in page
    assert "<title>Article check: report &lt;b&gt;&quot;title&quot;&lt;/b&gt;U+202E</title>" in page
    assert Tree(page).problems == []


@pytest.mark.parametrize("text", ["", " ", "\n\n", "5", "“", "”unbalanced“ quotes “here"])
def test_odd_texts_give_a_view(text):
    assert Tree(article_view_html(text)).problems == []


def test_a_long_text_is_shown_in_part_and_says_so():
    from solutions.analyser.article_view import MAX_SHOWN_CHARACTERS, MAX_TABLE_ROWS

    text = "Sales rose 5% to $2 million, analysts say. " * 6000
    html = article_view_html(text)
    assert f"The text has {len(text):,} characters: the first {MAX_SHOWN_CHARACTERS:,} are shown above." in html
    assert f"The table shows the first {MAX_TABLE_ROWS:,} of 12,000." in html
    assert len(html) < 2_000_000  # the tables stop too, so a long text gives a view a browser can hold
    assert Tree(html).problems == []
