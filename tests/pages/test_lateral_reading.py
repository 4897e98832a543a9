"""The lateral-reading tasks of the teachers' section: the file is checked, each task quotes its paragraph exactly
and leads to a fact row that exists, what a careful reader finds follows the fact sheet, and the kit's words in
the tasks pass its own hype finder."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
import yaml

from exercises.display import fact_href, paragraph_href
from exercises.teaching.lateral_reading import (
    SKILLS, TASK_KEYS, LateralReadingError, lateral_reading_html, lateral_tasks, tasks_file,
)
from exercises.teaching.notes import LEVELS
from solutions import article_paragraphs, fact
from solutions.analyser.hype import find_hype
from solutions.data.facts import fact_parts
from support.data_edits import set_cell
from support.kit_text import sentences, without_quotations


@pytest.fixture(scope="module")
def tasks():
    return lateral_tasks()


def test_the_file_loads_with_one_task_per_habit_in_order(tasks):
    assert [task.skill for task in tasks] == list(SKILLS)
    assert [task.habit for task in tasks] == ["Check the figures", "Ask who said it", "Hear how loud it is"]
    for task in tasks:
        assert [level.level for level in task.rubric.levels] == list(LEVELS)
        assert task.steps and task.minutes > 0


def test_each_quotation_is_in_its_paragraph_word_for_word(tasks):
    for task in tasks:
        paragraph = article_paragraphs(task.article)["text"].iloc[task.paragraph - 1]
        assert task.quotation in " ".join(paragraph.split()), task.skill


def test_each_fact_exists_is_not_split_and_judges_the_tasks_article(tasks):
    for task in tasks:
        row = fact(task.fact)
        assert fact_parts(task.fact) == ()
        assert task.article in row["seed_ids"], task.skill


def test_the_page_shows_each_task_with_its_links_quotation_and_rubric(tasks):
    html = lateral_reading_html().data
    assert html.startswith('<div class="kit-lateral tex2jax_ignore mathjax_ignore">')
    for task in tasks:
        assert escape(paragraph_href(task.article, task.paragraph)) in html
        assert escape(fact_href(task.fact)) in html
        assert f"<q>{escape(task.quotation)}</q>" in html
        for level in task.rubric.levels:
            assert f'<blockquote class="kit-sample">{escape(level.sample)}</blockquote>' in html
    assert html.count('<ul class="kit-rubric-levels"') == len(tasks)


def test_one_task_can_be_shown_alone(tasks):
    html = lateral_reading_html("ask-who-said-it").data
    assert 'data-skill="ask-who-said-it"' in html and 'data-skill="check-the-figures"' not in html
    with pytest.raises(KeyError, match="no lateral-reading task|No lateral-reading task"):
        lateral_reading_html("read-the-small-print")


def test_what_a_careful_reader_finds_comes_from_the_fact_sheet(tasks):
    html = lateral_reading_html("check-the-figures").data
    row = fact("COST-02")
    assert escape(str(row["verified_value"])) in html
    assert escape(str(row["source_title"])) in html and str(row["source_date"]) in html
    assert escape(str(row["source_url"])) in html
    assert f'class="verdict verdict-{row["verdict"]}"' in html


def test_what_a_careful_reader_finds_follows_an_edit_of_the_fact_sheet(data_copy):
    before = lateral_reading_html("check-the-figures").data
    set_cell(data_copy, "facts.csv", "claim_id", "COST-02", "verified_value", "5.9")
    set_cell(data_copy, "facts.csv", "claim_id", "COST-02", "source_title", "A test report of the training cost")
    set_cell(data_copy, "facts.csv", "claim_id", "COST-02", "source_date", "2025-01-02")
    set_cell(data_copy, "facts.csv", "claim_id", "COST-02", "verdict", "wrong")
    from solutions.data.datafiles import clear_caches
    clear_caches()
    after = lateral_reading_html("check-the-figures").data
    assert after != before
    assert "<dd>5.9 " in after and "A test report of the training cost" in after and "2025-01-02" in after
    assert 'class="verdict verdict-wrong"' in after and "DeepSeek-V3 Technical Report" not in after


def kit_sentences(tasks) -> list[tuple[str, str]]:
    """The kit's own words in the tasks, and the mastery samples (the other samples show weaker answers)."""
    texts = []
    for task in tasks:
        mastery = task.rubric.levels[0]
        own = [task.title, *task.steps, task.offline, task.rubric.look_for,
               *(level.description for level in task.rubric.levels), mastery.sample]
        texts += [(task.skill, sentence) for text in own for sentence in sentences(without_quotations(text))]
    return texts


def test_the_tasks_prose_and_mastery_samples_pass_the_hype_finder(tasks):
    problems = [(skill, sentence, [f["text"] for f in hits])
                for skill, sentence in kit_sentences(tasks) if (hits := find_hype(sentence))]
    assert problems == []


def test_texts_gives_every_teacher_sentence_but_not_the_articles_words(tasks):
    for task in tasks:
        texts = task.texts()
        assert task.title in texts and task.offline in texts and set(task.steps) <= set(texts)
        assert all(level.sample in texts for level in task.rubric.levels)
        assert task.quotation not in texts


# A bad file gives a clear error: each case edits the real file and names the words the error must contain.
def _first_task(data):
    return data["tasks"][0]


BAD_FILES = {
    "not-a-list": (lambda data: data.update(tasks="none"), "give one key, tasks"),
    "extra-top-key": (lambda data: data.update(notes="x"), "give one key, tasks"),
    "missing-key": (lambda data: _first_task(data).pop("offline"), "give exactly skill, title"),
    "unknown-skill": (lambda data: _first_task(data).update(skill="read-the-small-print"), "is not one of"),
    "skills-out-of-order": (lambda data: data["tasks"].reverse(), "one task per habit, in the order"),
    "skill-missing": (lambda data: data["tasks"].pop(), "one task per habit, in the order"),
    "article-as-number": (lambda data: _first_task(data).update(article=2), "write the article id in quotes"),
    "unknown-article": (lambda data: _first_task(data).update(article="009"), "there is no article '009'"),
    "paragraph-out-of-range": (lambda data: _first_task(data).update(paragraph=99), "has paragraphs 1 to"),
    "misquotation": (lambda data: _first_task(data).update(quotation="was developed for exactly $6 million"),
                     "not found word for word in 002 ¶6"),
    "unknown-fact": (lambda data: _first_task(data).update(fact="COST-99"), "No fact with claim id 'COST-99'"),
    "split-fact": (lambda data: data["tasks"][2].update(fact="INV-01"), "was split into parts INV-01a, INV-01b"),
    "fact-of-another-article": (lambda data: _first_task(data).update(fact="COST-03"),
                                "judges articles ['003'], not article 002"),
    "fact-of-another-paragraph": (lambda data: _first_task(data).update(paragraph=9, quotation="DeepSeek"),
                                  "the wording of fact COST-02 is in 002 ¶6, not ¶9"),
    "steps-not-a-list": (lambda data: _first_task(data).update(steps="Search."), "steps must be a list of 2 to 8"),
    "empty-step": (lambda data: _first_task(data)["steps"].append(" "), "step 6: 'step' must be a sentence"),
    "minutes-not-whole": (lambda data: _first_task(data).update(minutes=12.5), "minutes must be a whole number"),
    "too-many-minutes": (lambda data: _first_task(data).update(minutes=90), "minutes must be a whole number"),
    "empty-offline": (lambda data: _first_task(data).update(offline=""), "'offline' must be a sentence"),
    "rubric-level-missing": (lambda data: _first_task(data)["rubric"]["levels"].pop("emerging"),
                             "needs levels mastery, emerging, beginning"),
    "rubric-sample-missing": (lambda data: _first_task(data)["rubric"]["levels"]["mastery"].pop("sample"),
                              "level mastery of lateral-check-the-figures needs exactly a description and a sample"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_says_what_to_fix(case, tmp_path):
    edit, message = BAD_FILES[case]
    data = yaml.safe_load(tasks_file().read_text(encoding="utf-8"))
    edit(data)
    bad = tmp_path / "lateral_reading.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(LateralReadingError) as error:
        lateral_tasks(bad)
    assert message in str(error.value)
    assert str(error.value).startswith("exercises/teaching/lateral_reading.yaml")


def test_invalid_yaml_is_reported_as_such(tmp_path):
    bad = tmp_path / "lateral_reading.yaml"
    bad.write_text("tasks:\n  - skill: [unclosed\n", encoding="utf-8")
    with pytest.raises(LateralReadingError, match="not valid YAML"):
        lateral_tasks(bad)


def test_the_file_says_what_it_is():
    first = Path(str(tasks_file())).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# The lateral-reading tasks") and set(TASK_KEYS) >= {"quotation", "fact", "rubric"}
