"""An exercise as plain HTML for the static book, driven by ``static/kit-quiz.js`` with no kernel.

Every text passes through :func:`html.escape`; the exercise's spec travels as JSON in a
``data-exercise`` attribute, so the page needs no inline script.
"""

from __future__ import annotations

import json
import math
from html import escape

from .display import fact_href, paragraph_href
from .explorer import WeightExplorer
from .model import CodeExercise, Exercise, Source

#: Replaced by the book's Sphinx extension with this page's Binder launch URL.
LAUNCH_PLACEHOLDER = "#kit-launch-notebook"


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


def _choices(exercise: Exercise, input_type: str, legend: str) -> str:
    name = f"exercise-{exercise.id}-choice"
    items = "".join(
        f'<label class="kit-choice"><input type="{input_type}" name="{name}" value="{escape(o.key)}"> '
        f"<span>{escape(o.label)}</span></label>"
        for o in exercise.options
    )
    return f'<fieldset class="kit-fieldset"><legend>{legend}</legend>{items}</fieldset>'


def _select(select_id: str, attribute: str, options, placeholder: str = "Choose…") -> str:
    choices = "".join(f'<option value="{escape(o.key)}">{escape(o.label)}</option>' for o in options)
    return (f'<select id="{select_id}" {attribute}><option value="">{escape(placeholder)}</option>'
            f"{choices}</select>")


def _inputs(exercise: Exercise) -> str:
    base = f"exercise-{exercise.id}"
    if exercise.kind == "single":
        return _choices(exercise, "radio", "Choose one")
    if exercise.kind == "multiple":
        return _choices(exercise, "checkbox", "Tick all that apply")
    if exercise.kind == "number":
        label = exercise.unit_label()
        units = f' <span class="kit-units">({"" if exercise.month else "in "}{escape(label)})</span>' if label else ""
        return (f'<label class="kit-label" for="{base}-input">Your answer</label> '
                f'<input class="kit-number" id="{base}-input" type="text" inputmode="decimal" autocomplete="off" '
                f'spellcheck="false">{units}')
    if exercise.kind == "matching":
        rows = "".join(
            f'<div class="kit-row"><label for="{base}-row-{i}">{escape(row.label)}</label>'
            f'{_select(f"{base}-row-{i}", f"data-row={json.dumps(row.key)}", exercise.options)}</div>'
            for i, row in enumerate(exercise.rows)
        )
        return f'<fieldset class="kit-fieldset"><legend>Choose for each row</legend>{rows}</fieldset>'
    if exercise.kind == "ordering":
        items = "".join(f"<li>{escape(item.label)}</li>" for item in exercise.items)
        slots = "".join(
            f'<div class="kit-row"><label for="{base}-position-{i}">Position {i}</label>'
            f'{_select(f"{base}-position-{i}", f"data-position={i}", exercise.items)}</div>'
            for i in range(1, len(exercise.items) + 1)
        )
        return (f'<p class="kit-label">The items:</p><ul class="kit-items">{items}</ul>'
                f'<fieldset class="kit-fieldset"><legend>Put them in order</legend>{slots}</fieldset>')
    if exercise.kind == "reflection":
        return (f'<blockquote class="kit-original">{escape(exercise.original)}</blockquote>'
                f'<label class="kit-label" for="{base}-text">Your version</label>'
                f'<textarea id="{base}-text" rows="4" spellcheck="true"></textarea>')
    return ""


def _code_body(exercise: CodeExercise) -> str:
    return (
        f'<pre class="kit-signature"><code>{escape(exercise.signature)}</code></pre>'
        f'<p class="kit-launch-note">This exercise runs your own Python code, so it needs a notebook: '
        f'<a class="kit-launch" href="{LAUNCH_PLACEHOLDER}">open this page as a notebook on Binder</a>, '
        f"write the function in a code cell, and press <strong>Check my function</strong>.</p>"
        f'<details class="kit-solution"><summary>Show a solution</summary>'
        f"<pre><code>{escape(exercise.solution_source())}</code></pre></details>"
    )


def exercise_html(exercise: Exercise) -> str:
    """The exercise as a self-contained ``<section>`` for the static book."""
    base = f"exercise-{exercise.id}"
    spec = escape(json.dumps(exercise.spec(), ensure_ascii=False), quote=True)
    header = (f'<p class="kit-exercise-title" id="{base}-title"><span class="kit-exercise-label">Exercise</span> '
              f"{escape(exercise.title)}</p><p class=\"kit-prompt\" id=\"{base}-prompt\">{escape(exercise.prompt)}</p>")
    reveal = "Show a model answer" if exercise.kind == "reflection" else "Show answer"
    answer = (f'<details class="kit-answer" id="{base}-answer"><summary>{reveal}</summary>'
              f"<p><strong>Answer:</strong> {escape(exercise.answer_text())}</p>"
              f"<p>{escape(exercise.explanation)}</p>"
              f'<p class="kit-source"><strong>Source:</strong> {source_links(exercise.sources)}</p></details>')
    if exercise.kind == "code":
        return (f'<section class="kit-exercise kit-kind-code tex2jax_ignore mathjax_ignore" id="{base}" data-kind="code" aria-labelledby="{base}-title">'
                f"{header}{_code_body(exercise)}</section>")
    check_label = "Get feedback" if exercise.kind == "reflection" else "Check"
    hints = "".join(f"<li hidden>{escape(hint)}</li>" for hint in exercise.hints)
    return (
        f'<section class="kit-exercise kit-kind-{exercise.kind} tex2jax_ignore mathjax_ignore" id="{base}" data-kind="{exercise.kind}" '
        f'data-exercise="{spec}" aria-labelledby="{base}-title">{header}'
        f'<form class="kit-form" aria-describedby="{base}-prompt" novalidate>{_inputs(exercise)}'
        f'<div class="kit-buttons"><button type="submit" class="kit-check">{check_label}</button></div></form>'
        f'<div class="kit-feedback" role="status" aria-live="polite"></div>'
        f'<div class="kit-hints" hidden><p class="kit-hints-title">Hints</p><ol>{hints}</ol></div>'
        f"{answer}"
        f'<noscript><p class="kit-noscript">Checking an answer needs JavaScript. The answer and its source '
        f'are under "{reveal}".</p></noscript></section>'
    )


def score_text(score: float) -> str:
    """A score to one decimal, rounding halves up (``static/kit-quiz.js`` rounds the same way)."""
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
