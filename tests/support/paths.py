"""Where things are: the repository, the tests and their data folders, and the shared material beside the checkout."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO_ROOT = TESTS.parent
SHARED = REPO_ROOT.parent / "shared"
GOLDENS = TESTS / "goldens"
