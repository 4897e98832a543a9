"""Where the kit's data lives, in a source checkout and in an installed package."""

from __future__ import annotations

import os
from pathlib import Path

#: Set this environment variable to a folder laid out like ``seeds/`` to use other data (tests use it).
DATA_ENVIRONMENT_VARIABLE = "DEEPSEEK_KIT_DATA"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the solutions package
#: In a wheel, ``seeds/`` is shipped inside the package under this name (see pyproject.toml).
_INSTALLED_DATA = _PACKAGE_DIR / "_data"
#: In a source checkout or an editable install, the data is the top-level ``seeds/`` folder.
_CHECKOUT_DATA = _PACKAGE_DIR.parent / "seeds"


def data_dir() -> Path:
    """Return the folder holding the seed articles, ``articles.csv`` and ``facts.csv``."""
    override = os.environ.get(DATA_ENVIRONMENT_VARIABLE)
    if override:
        if not (Path(override) / "articles.csv").is_file():
            raise FileNotFoundError(f"{DATA_ENVIRONMENT_VARIABLE} is set to {override}, which has no articles.csv.")
        return Path(override)
    for candidate in (_INSTALLED_DATA, _CHECKOUT_DATA):
        if (candidate / "articles.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "The kit's data folder was not found. Looked for "
        f"{_INSTALLED_DATA} (installed package) and {_CHECKOUT_DATA} (source checkout). "
        "Reinstall the kit with `pip install .` from its repository."
    )
