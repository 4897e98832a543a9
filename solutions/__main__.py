"""``python -m solutions analyze FILE [--json]``: see :mod:`solutions.cli`."""

import sys

from .cli import main

sys.exit(main())
