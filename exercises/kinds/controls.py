"""What the kinds' answer controls share: the static page's choice list and menu, the live widgets' width.

The static HTML here is read by the kinds' scripts in ``static/quiz/kinds/`` (names, values and ``data-``
attributes); every text passes through :func:`html.escape`. ipywidgets is imported only where a live widget is made, never at import time.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .base import Option

#: A control as wide as the cell and no wider. ``width: 100%`` plus the margin JupyterLab gives every widget
#: overflows the cell by a few pixels (a horizontal scrollbar); ``auto`` lets the column stretch it to fit,
#: margins included, and a ``max_width`` sets how wide it may grow.
FILL_CELL = {"width": "auto", "max_width": "100%"}


def choices_html(exercise_id: str, options: Iterable[Option], input_type: str, legend: str) -> str:
    """A fieldset of radio buttons or checkboxes, one per option."""
    name = f"exercise-{exercise_id}-choice"
    items = "".join(
        f'<label class="kit-choice"><input type="{input_type}" name="{name}" value="{escape(o.key)}"> '
        f"<span>{escape(o.label)}</span></label>"
        for o in options
    )
    return f'<fieldset class="kit-fieldset"><legend>{legend}</legend>{items}</fieldset>'


def select_html(select_id: str, attribute: str, options: Iterable[Option], placeholder: str = "Choose…") -> str:
    """A menu of the options after an empty placeholder choice."""
    choices = "".join(f'<option value="{escape(o.key)}">{escape(o.label)}</option>' for o in options)
    return (f'<select id="{select_id}" {attribute}><option value="">{escape(placeholder)}</option>'
            f"{choices}</select>")
