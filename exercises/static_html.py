"""An exercise as plain HTML for the static book, driven with no kernel by the quiz script
(``static/quiz/``, shipped as one file, ``kit-quiz.js``).

This is the frame every kind shares (title, prompt, Check button, feedback, hints, answer); each kind draws its
own inputs (``exercise.static_inputs()``). The weight explorer, which is not an exercise, is drawn here too.
Every text passes through :func:`html.escape`; the exercise's spec travels as JSON in a
``data-exercise`` attribute, so the page needs no inline script. The student edition encodes that spec and the
answer when the book is built (:func:`exercises.editions.student_html`), and shows :data:`STUDENT_NOSCRIPT`.
"""

from __future__ import annotations

import json
import math
from html import escape

from .display import fact_href, paragraph_href
from .explorer import WeightExplorer
from .kinds import LAUNCH_PLACEHOLDER, Exercise, Source

__all__ = ["LAUNCH_PLACEHOLDER", "STUDENT_NOSCRIPT", "exercise_html", "explorer_html", "ranking_rows", "score_text",
           "source_links"]

#: What an exercise says without JavaScript in the student edition, where the answer is encoded.
STUDENT_NOSCRIPT = ('<noscript><p class="kit-noscript">Checking an answer needs JavaScript, and so does showing '
                    "the answer after a first try.</p></noscript>")


def source_links(sources: tuple[Source, ...]) -> str:
    """Links to the fact-sheet cards and article paragraphs an answer rests on."""
    links = []
    for source in sources:
        if source.fact:
            from solutions import fact

            row = fact(source.fact)  # the title is a source's own words: a <cite>
            links.append(f'<a href="{escape(fact_href(source.fact))}">Fact {escape(source.fact)}: '
                         f'<cite>{escape(row["source_title"])}</cite> ({escape(row["source_date"])})</a>')
        if source.article:
            href = paragraph_href(source.article, source.paragraph)
            links.append(f'<a href="{escape(href)}">{escape(source.paragraph_label())}</a>')
    return "; ".join(links)


def exercise_html(exercise: Exercise) -> str:
    """The exercise as a self-contained ``<section>`` for the static book."""
    base = f"exercise-{exercise.id}"
    spec = escape(json.dumps(exercise.spec(), ensure_ascii=False), quote=True)
    header = (f'<p class="kit-exercise-title" id="{base}-title"><span class="kit-exercise-label">Exercise</span> '
              f"{escape(exercise.title)}</p><p class=\"kit-prompt\" id=\"{base}-prompt\">{escape(exercise.prompt)}</p>")
    if not exercise.runs_in_browser:  # no form: what the kind shows instead (the code kind's link to a notebook)
        return (f'<section class="kit-exercise kit-kind-{exercise.kind} tex2jax_ignore mathjax_ignore" id="{base}" '
                f'data-kind="{exercise.kind}" aria-labelledby="{base}-title">{header}{exercise.static_inputs()}</section>')
    reveal = exercise.reveal_label
    reveal_block = (f'<details class="kit-answer" id="{base}-answer"><summary>{reveal}</summary>'
                    f"{exercise.answer_html()}"
                    f"<p>{escape(exercise.explanation)}</p>"
                    f'<p class="kit-source"><strong>Source:</strong> {source_links(exercise.sources)}</p></details>')
    check_label = exercise.check_label
    hints = "".join(f"<li hidden>{escape(hint)}</li>" for hint in exercise.hints)
    return (
        f'<section class="kit-exercise kit-kind-{exercise.kind} tex2jax_ignore mathjax_ignore" id="{base}" data-kind="{exercise.kind}" '
        f'data-exercise="{spec}" aria-labelledby="{base}-title">{header}'
        f'<form class="kit-form" aria-describedby="{base}-prompt" novalidate>{exercise.static_inputs()}'
        f'<div class="kit-buttons"><button type="submit" class="kit-check">{check_label}</button></div></form>'
        f'<div class="kit-feedback" role="status" aria-live="polite"></div>'
        f'<div class="kit-hints" hidden><p class="kit-hints-title">Hints</p><ol>{hints}</ol></div>'
        f"{reveal_block}"
        f'<noscript><p class="kit-noscript">Checking an answer needs JavaScript. The answer and its source '
        f'are under "{reveal}".</p></noscript></section>'
    )


def score_text(score: float) -> str:
    """A score to one decimal, rounding halves up (``static/quiz/explorer.js`` rounds the same way)."""
    return f"{math.floor(score * 10 + 0.5) / 10:.1f}"


def ranking_rows(explorer: WeightExplorer, ranked: list[tuple[str, float]]) -> str:
    """The ranking table's rows (rank, item and score) for ``explorer.ranked(weights)``."""
    return "".join(f'<tr><td>{rank}</td><th scope="row">{escape(explorer.label_of(key))}</th>'
                   f"<td>{score_text(score)}</td></tr>"
                   for rank, (key, score) in enumerate(ranked, start=1))


def explorer_html(explorer: WeightExplorer) -> str:
    """The weight explorer for the static book: range sliders and a ranking table that the script re-sorts."""
    base = f"explorer-{explorer.id}"
    spec = escape(json.dumps(explorer.spec(), ensure_ascii=False), quote=True)
    sliders = "".join(
        f'<div class="kit-slider"><label for="{base}-{escape(w.key)}">{escape(w.label)}</label>'
        f'<input type="range" id="{base}-{escape(w.key)}" data-weight="{escape(w.key)}" min="{explorer.minimum:g}" '
        f'max="{explorer.maximum:g}" step="{explorer.step:g}" value="{w.default:g}">'
        f'<output for="{base}-{escape(w.key)}">{w.default:.1f}</output></div>'
        for w in explorer.weights
    )
    return (
        f'<section class="kit-explorer tex2jax_ignore mathjax_ignore" id="{base}" data-explorer="{spec}" '
        f'aria-labelledby="{base}-title">'
        f'<p class="kit-exercise-title" id="{base}-title"><span class="kit-exercise-label">Try it</span> '
        f"{escape(explorer.title)}</p><p class=\"kit-prompt\">{escape(explorer.prompt)}</p>"
        f'<form class="kit-weights"><fieldset class="kit-fieldset"><legend>Weight of each kind of wording</legend>'
        f'{sliders}</fieldset><div class="kit-buttons"><button type="reset" class="kit-check">Reset weights</button>'
        f"</div></form>"
        f'<table class="kit-ranking"><caption>Articles ranked by weighted loaded phrases per 1,000 words</caption>'
        f'<thead><tr><th scope="col">Rank</th><th scope="col">Article</th><th scope="col">Score</th></tr></thead>'
        f"<tbody>{ranking_rows(explorer, explorer.ranked())}</tbody></table>"
        f'<p class="kit-ranking-status" role="status" aria-live="polite"></p>'
        f'<noscript><p class="kit-noscript">Moving the sliders needs JavaScript; the table shows the ranking '
        f"with the default weights.</p></noscript></section>"
    )
