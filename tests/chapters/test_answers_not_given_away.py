"""Standing check: no answer sits above its own exercise on a built page.

For each number exercise, the text between the previous heading (or exercise) and the exercise itself must
not print the answer: neither the answer as the key writes it nor the number in its usual forms. For each
choice exercise with a long correct option, that option's wording must not be printed there either.
"""

from __future__ import annotations

import re

import pytest

from exercises.book import all_exercises

pytestmark = pytest.mark.book


def answer_forms(exercise) -> list[str]:
    if exercise.kind == "number":
        value = exercise.answer
        forms = {exercise.display} if exercise.display and any(c.isdigit() for c in exercise.display) else set()
        forms |= {f"{value:,.0f}", f"{value:.2f}".rstrip("0").rstrip("."), f"{value:,.1f}"}
        return [f for f in forms if len(re.sub(r"\D", "", f)) >= 2 and f not in ("0", "1")]
    if exercise.kind == "single":
        label = next(o.label for o in exercise.options if o.key == exercise.correct)
        return [label] if len(label) >= 40 else []
    return []


def text_before(section) -> str:
    """The visible text from the previous heading or exercise down to this exercise."""
    parts = []
    for element in section.find_all_previous():
        if element.name in ("h1", "h2", "h3") or "kit-exercise" in (element.get("class") or []):
            break
        if element.name in ("p", "li", "td", "th", "caption", "figcaption") and not element.find_parent(class_="kit-exercise"):
            parts.append(element.get_text(" "))
        if element.name == "img":
            parts.append(element.get("alt", ""))
    return " ".join(" ".join(parts).split())


def test_no_answer_is_printed_just_above_its_exercise(book_html):
    from bs4 import BeautifulSoup

    exercises = {e.id: e for e in all_exercises()}
    problems = []
    for page in sorted((book_html / "book").glob("*.html")):
        if page.stem.startswith("teachers-"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for section in soup.select("section.kit-exercise"):
            exercise = exercises.get(section.get("id", "").removeprefix("exercise-"))
            if exercise is None:
                continue
            before = text_before(section)
            for form in answer_forms(exercise):
                if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", before):
                    problems.append(f"{page.name} {exercise.id}: “{form}” is printed above the exercise")
    assert problems == [], "\n".join(problems)
