"""The benchmark script still runs and prints its table (it measures; tests never time anything)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # runs a benchmark script


def test_throughput_benchmark_prints_a_table():
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "analyze_throughput.py"),
                             "--articles", "20"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for measure in ("articles", "throughput", "peak Python memory", "figures found"):
        assert measure in result.stdout
