"""Screenshots of the built book for people to look at, saved only when asked for.

A full-page screenshot costs about a second per page in headless Chromium, and nobody looks at the ones a CI run
takes, so the browser tests save them only with ``KIT_SCREENSHOTS=1`` in the environment, under
``tests/artifacts/screenshots/``.
"""

from __future__ import annotations

import os

from support.paths import REPO_ROOT

SCREENSHOTS = REPO_ROOT / "tests" / "artifacts" / "screenshots"


def wanted() -> bool:
    """Whether this run saves screenshots (``KIT_SCREENSHOTS`` set to anything but empty or 0)."""
    return os.environ.get("KIT_SCREENSHOTS", "") not in ("", "0")


def save_screenshot(page, name: str) -> None:
    """Save a full-page screenshot of ``page`` as ``name``.png when this run saves screenshots."""
    if wanted():
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
