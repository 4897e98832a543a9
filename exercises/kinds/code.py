"""The code kind: write a function in a notebook cell; it is run against the solution function on many cases.

The static page cannot run Python, so it shows the signature, a link to open the page as a notebook, and the
solution; :mod:`.learner_function` runs the learner's function in the kernel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any, ClassVar

from .base import Exercise, Feedback
from .learner_function import TIME_LIMIT, check_function

#: Replaced by the book's Sphinx extension with this page's Binder launch URL.
LAUNCH_PLACEHOLDER = "#kit-launch-notebook"


@dataclass(frozen=True)
class CodeExercise(Exercise):
    """Write a function in a notebook cell; it is run against the solution function on many cases.

    ``time_limit`` is the seconds the learner's function may take on one case (see :func:`check_function`).
    """

    function_name: str = ""
    signature: str = ""
    #: The model solution "Show a solution" prints: plain Python that uses only names a learner can see in the
    #: notebook (a test runs it on its own and checks it with ``check``), never the kit's private helpers.
    solution: str = ""
    reference: Callable[..., Any] | None = None
    cases: tuple[tuple, ...] = ()
    tolerance: float = 1e-6
    time_limit: float = TIME_LIMIT
    kind: ClassVar[str] = "code"
    runs_in_browser: ClassVar[bool] = False
    check_label: ClassVar[str] = "Check my function"
    reveal_label: ClassVar[str] = "Show a solution"
    hide_label: ClassVar[str] = "Hide a solution"

    def check(self, answer: Any) -> Feedback:
        return check_function(self, answer)

    def correct_answer(self) -> Callable[..., Any]:
        return self.reference

    def answer_text(self) -> str:
        return f"A function like solutions.{self.reference.__module__.split('.')[-1]}.{self.reference.__name__}"

    def solution_source(self) -> str:
        return self.solution

    def kind_spec(self) -> dict:
        return {"function_name": self.function_name}

    def answer_html(self) -> str:
        return f"<pre>{escape(self.solution_source())}</pre>"

    def static_inputs(self) -> str:
        """No inputs: the signature, a link to open the page as a notebook, and the solution to unfold."""
        return (
            f'<pre class="kit-signature"><code>{escape(self.signature)}</code></pre>'
            f'<p class="kit-launch-note">This exercise runs your own Python code, so it needs a notebook: '
            f'<a class="kit-launch" href="{LAUNCH_PLACEHOLDER}">open this page as a notebook on Binder</a>, '
            f"write the function in a code cell, and press <strong>{self.check_label}</strong>.</p>"
            f'<details class="kit-solution"><summary>{self.reveal_label}</summary>'
            f"<pre><code>{escape(self.solution_source())}</code></pre></details>"
        )

    def make_widgets(self) -> tuple[list, dict]:
        """No controls: the learner writes the function in a code cell, which the Check button reads."""
        import ipywidgets as w

        note = w.HTML(value=f"<pre>{escape(self.signature)}</pre><p>Write your <code>"
                            f"{escape(self.function_name)}</code> in the code cell below this exercise, "
                            f"run that cell (Shift+Enter), then press <strong>{self.check_label}</strong>.</p>")
        return [note], {}

    def read_widgets(self, inputs: dict) -> Any:  # noqa: ARG002 - the answer is in the notebook, not a control
        return learner_function(self.function_name)

    def fill_widgets(self, inputs: dict, answer: Any) -> None:  # noqa: ARG002 - the answer goes in the notebook
        """Define (or, with None, remove) the notebook's function of this exercise's name, as the learner's cell would."""
        from IPython import get_ipython

        shell = get_ipython()
        if shell is None:  # no notebook: nowhere to define it
            return
        shell.user_ns.pop(self.function_name, None)
        if answer is not None:
            shell.user_ns[self.function_name] = answer

    def sample_wrong_answers(self) -> list[Callable[..., Any]]:
        """A function with the wrong formula, and one that raises: the feedback names a failing case or the error.

        Each is marked as defined in the notebook (``__main__``), as a learner's is: ``check`` refuses the kit's own.
        """
        mistakes = [lambda hours, gpus: hours / gpus, lambda hours, gpus: 1 / 0]
        for function in mistakes:
            function.__module__ = "__main__"
        return mistakes

    def sample_refused_answers(self) -> list:
        return [None, 42, "def cluster_days(): pass"]


def learner_function(name: str) -> Any:
    """What the notebook's ``name`` holds (the learner's function, or None when there is no notebook or no name)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    return shell.user_ns.get(name) if shell is not None else None


