"""``python -m solutions analyze FILE [--json]``: see :mod:`solutions.analyser.cli`."""

import sys

from solutions.analyser.cli import main

sys.exit(main())
