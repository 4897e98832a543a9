"""The lateral-reading tasks of the teachers' section: one per habit of the book, read from ``lateral_reading.yaml``.

Lateral reading means leaving the page: opening new tabs to find out who is behind a claim and what other sources
say, instead of reading the page more closely. Each task starts from the exact words of one paragraph of a seed
article and leads learners to the source of one row of the fact sheet::

    tasks:
      - skill: check-the-figures          # one task per habit, in the order of SKILLS
        title: Trace the $6 million to the document it comes from
        article: "002"                      # in quotes, so that YAML keeps the id as text
        paragraph: 6
        quotation: its v3 model, ... (words found exactly in that paragraph)
        fact: COST-02                       # a row of seeds/facts.csv that judges this paragraph's claim
        steps: [What learners search for, open and compare, ...]
        minutes: 15
        offline: The variant for a classroom without internet, where the fact card is the other tab.
        rubric: {look_for: ..., levels: {mastery: ..., emerging: ..., beginning: ...}}

What a careful reader finds is not written in the file: :func:`lateral_reading_html` draws it from the fact row
(verdicts with their reasons, what the sources give, each source's title, date and address) when the page is
built, so it always agrees with the fact sheet. :func:`lateral_tasks` says exactly what is wrong with the file.
None of this is shown in the student edition.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from IPython.display import HTML

from exercises.display import NOT_STATED, fact_link, paragraph_link
from exercises.teaching.notes import NotesError, Rubric, read_rubric
from exercises.teaching.rubrics import rubric_levels_html
from solutions import article_ids, article_paragraphs, fact, locate_wording
from solutions.data.facts import verdict_reasons
from solutions.data.sources import fact_sources

#: The book's three habits (book/index.md), in the order the page shows their tasks: skill id to habit name.
SKILLS = {
    "check-the-figures": "Check the figures",
    "ask-who-said-it": "Ask who said it",
    "hear-how-loud-it-is": "Hear how loud it is",
}
TASK_KEYS = ("skill", "title", "article", "paragraph", "quotation", "fact", "steps", "minutes", "offline", "rubric")
#: The fewest and most minutes a task may take, and the fewest and most steps it may have.
MINUTES_RANGE = (5, 50)
STEPS_RANGE = (2, 8)
WHERE = "exercises/teaching/lateral_reading.yaml"


class LateralReadingError(ValueError):
    """The lateral-reading tasks are missing or wrong; the message names the task and what to change."""


@dataclass(frozen=True)
class LateralTask:
    """One lateral-reading task: where it starts (an article's paragraph and its exact words), the fact row it
    leads to, the steps for learners, its minutes, a variant without internet and a rubric."""

    skill: str
    title: str
    article: str
    paragraph: int
    quotation: str
    fact: str
    steps: tuple[str, ...]
    minutes: int
    offline: str
    rubric: Rubric

    @property
    def habit(self) -> str:
        return SKILLS[self.skill]

    def texts(self) -> list[str]:
        """Every sentence the task shows a teacher, in the kit's voice or as a sample answer (not the article's)."""
        return [self.title, *self.steps, self.offline, *self.rubric.texts()]


def tasks_file():
    """``lateral_reading.yaml`` (a package resource, so it is found from a plain install too)."""
    return resources.files("exercises.teaching") / "lateral_reading.yaml"


def lateral_tasks(source: Path | None = None) -> list[LateralTask]:
    """The checked tasks, one per habit in the order of :data:`SKILLS`, from ``source`` (default :func:`tasks_file`).

    Raises :class:`LateralReadingError` naming what to fix.
    """
    import yaml  # comes with jupytext and jupyter-book, which every place that reads the pages has

    source = tasks_file() if source is None else Path(source)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LateralReadingError(f"{WHERE}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or set(data) != {"tasks"} or not isinstance(data["tasks"], list):
        raise LateralReadingError(f"{WHERE}: give one key, tasks, holding a list of tasks.")
    tasks = [_read_task(number, entry) for number, entry in enumerate(data["tasks"], start=1)]
    skills = [task.skill for task in tasks]
    if skills != list(SKILLS):
        raise LateralReadingError(f"{WHERE}: give one task per habit, in the order {list(SKILLS)}; "
                                  f"the tasks are {skills}.")
    return tasks


def _read_task(number: int, entry) -> LateralTask:
    where = f"{WHERE}, task {number}"
    if not isinstance(entry, dict) or set(entry) != set(TASK_KEYS):
        given = sorted(entry) if isinstance(entry, dict) else type(entry).__name__
        raise LateralReadingError(f"{where}: give exactly {', '.join(TASK_KEYS)}; it holds {given}.")
    skill = entry["skill"]
    if skill not in SKILLS:
        raise LateralReadingError(f"{where}: skill {skill!r} is not one of {list(SKILLS)}.")
    where = f"{WHERE}, task {skill}"
    article, paragraph = _read_place(where, entry["article"], entry["paragraph"])
    quotation = _sentence(where, entry, "quotation")
    text = " ".join(article_paragraphs(article)["text"].iloc[paragraph - 1].split())
    if quotation not in text:
        raise LateralReadingError(f"{where}: the quotation is not found word for word in {article} ¶{paragraph}; "
                                  f"copy it from the paragraph, which starts {text[:60]!r}.")
    claim_id = _read_fact(where, entry["fact"], article, paragraph)
    steps = entry["steps"]
    if not isinstance(steps, list) or not STEPS_RANGE[0] <= len(steps) <= STEPS_RANGE[1]:
        raise LateralReadingError(f"{where}: steps must be a list of {STEPS_RANGE[0]} to {STEPS_RANGE[1]} sentences.")
    steps = tuple(_sentence(f"{where}, step {n}", {"step": step}, "step") for n, step in enumerate(steps, start=1))
    minutes = entry["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
        raise LateralReadingError(f"{where}: minutes must be a whole number from {MINUTES_RANGE[0]} to "
                                  f"{MINUTES_RANGE[1]} (not {minutes!r}).")
    title = _sentence(where, entry, "title")
    try:
        rubric = read_rubric(WHERE, entry["rubric"], f"lateral-{skill}", title)
    except NotesError as error:
        raise LateralReadingError(str(error)) from None
    return LateralTask(skill, title, article, paragraph, quotation, claim_id, steps, minutes,
                       _sentence(where, entry, "offline"), rubric)


def _sentence(where: str, data: dict, key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LateralReadingError(f"{where}: '{key}' must be a sentence of text.")
    return " ".join(value.split())


def _read_place(where: str, article, paragraph) -> tuple[str, int]:
    if not isinstance(article, str):
        raise LateralReadingError(f"{where}: write the article id in quotes, as text (\"002\"), not {article!r}.")
    if article not in article_ids():
        raise LateralReadingError(f"{where}: there is no article {article!r}; the articles are {article_ids()}.")
    count = len(article_paragraphs(article))
    if isinstance(paragraph, bool) or not isinstance(paragraph, int) or not 1 <= paragraph <= count:
        raise LateralReadingError(f"{where}: article {article} has paragraphs 1 to {count}, not {paragraph!r}.")
    return article, paragraph


def _read_fact(where: str, claim_id, article: str, paragraph: int) -> str:
    """The fact row's id, checked: it exists, is not a split version-1 id, and judges the task's paragraph."""
    if not isinstance(claim_id, str):
        raise LateralReadingError(f"{where}: fact must be a fact id such as COST-02, not {claim_id!r}.")
    try:
        row = fact(claim_id)
    except KeyError as error:
        raise LateralReadingError(f"{where}: {error.args[0]}") from None
    if article not in row["seed_ids"]:
        raise LateralReadingError(f"{where}: fact {claim_id} judges articles {list(row['seed_ids'])}, "
                                  f"not article {article}.")
    found = locate_wording(claim_id)
    found = found[found["article_id"] == article]
    if not found.empty and paragraph not in set(found["paragraph"]):
        raise LateralReadingError(f"{where}: the wording of fact {claim_id} is in {article} "
                                  f"¶{', ¶'.join(map(str, sorted(set(found['paragraph']))))}, not ¶{paragraph}.")
    return claim_id


def findings_html(claim_id: str) -> str:
    """What a careful reader finds, drawn from the fact row: its verdicts with their reasons, what the sources
    give, and each source with its kind, title, date and address. It is set as a fact card (``fact-card``), as on
    the fact-sheet page: the words are the fact sheet's, not the kit's prose."""
    row = fact(claim_id)
    reasons = verdict_reasons(claim_id)
    verdicts = [str(row["verdict"]), *(v for v in row["also"] if v != str(row["verdict"]))]
    verdict_items = "".join(
        f'<li><span class="verdict verdict-{escape(v)}">{escape(v)}</span> {escape(reasons.get(v, ""))}</li>'
        for v in verdicts)
    value = escape(str(row["verified_value"])) if row["verified_value"] else NOT_STATED
    if row["unit"] and row["unit"] != "quote":
        value += f' <span class="kit-unit">({escape(str(row["unit"]))})</span>'
    sources = "".join(
        f'<li><span class="source-kind source-{escape(s.kind)}">{escape(s.kind)}</span> '
        f"<cite>{escape(s.title)}</cite>, "
        f'{escape(s.date)}, <a href="{escape(s.url)}" rel="noopener">{escape(s.host)}</a>'
        f'{"; " + escape(s.read) if s.read else ""}</li>'
        for s in fact_sources(claim_id).itertuples())
    return (f'<div class="fact-card kit-findings"><dl class="article-facts">'
            f'<dt>Verdict</dt><dd><ul class="fact-sources">{verdict_items}</ul></dd>'
            f"<dt>What the sources give</dt><dd>{value}</dd>"
            f'<dt>Sources</dt><dd><ul class="fact-sources">{sources}</ul></dd>'
            f"<dt>Fact card</dt><dd>{fact_link(claim_id)}</dd></dl></div>")


def task_html(task: LateralTask) -> str:
    """One task for a teacher: where it starts, the steps, the time, what a careful reader finds, the variant
    without internet and the rubric."""
    steps = "".join(f"<li>{escape(step)}</li>" for step in task.steps)
    start = paragraph_link(task.article, task.paragraph)
    return (
        f'<section class="kit-lateral-task" data-skill="{escape(task.skill)}" '
        f'aria-label="Lateral-reading task: {escape(task.habit)}">'
        f'<p class="kit-lateral-title"><strong>{escape(task.title)}</strong></p>'
        f'<dl class="article-facts"><dt>Habit</dt><dd>{escape(task.habit)}</dd>'
        f"<dt>Time</dt><dd>{task.minutes} minutes</dd>"
        f"<dt>Starts from</dt><dd>{start}: <q>{escape(task.quotation)}</q></dd></dl>"
        f'<p class="kit-lateral-part"><strong>Steps for learners</strong></p><ol>{steps}</ol>'
        f'<p class="kit-lateral-part"><strong>What a careful reader finds</strong></p>{findings_html(task.fact)}'
        f'<p class="kit-lateral-part"><strong>Without internet</strong></p><p>{escape(task.offline)}</p>'
        f'<p>The other tab: fact card {fact_link(task.fact)}, beside the starting paragraph, {start}.</p>'
        f'<p class="kit-lateral-part"><strong>Rubric</strong></p>'
        f'<p class="kit-look-for"><strong>Look for:</strong> {escape(task.rubric.look_for)}</p>'
        f"{rubric_levels_html(task.rubric, f'Rubric: {task.title}')}</section>")


def lateral_reading_html(skill: str | None = None) -> HTML:
    """The lateral-reading tasks for a teacher, all of them or the one for ``skill`` (a key of :data:`SKILLS`)."""
    tasks = lateral_tasks()
    if skill is not None:
        tasks = [task for task in tasks if task.skill == skill]
        if not tasks:
            raise KeyError(f"No lateral-reading task for skill {skill!r}; the skills are {list(SKILLS)}.")
    return HTML('<div class="kit-lateral tex2jax_ignore mathjax_ignore">'
                + "".join(task_html(task) for task in tasks) + "</div>")
