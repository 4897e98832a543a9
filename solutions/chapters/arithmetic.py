"""Consistency arithmetic for the cost and GPU chapters: GPU-hours, costs, days, and rounding checks.

Each function raises :class:`ValueError` with a plain message for impossible input (a negative
rate, zero GPUs, a value that is not a finite number); the exercises turn those into feedback.
"""

from __future__ import annotations

import math

HOURS_PER_DAY = 24
#: How far a reported figure may be from the reference and still count as a rounding of it.
DEFAULT_TOLERANCE = 0.10


def _finite(name: str, value: float, positive: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    if positive and number <= 0:
        raise ValueError(f"{name} must be greater than zero, not {value!r}")
    if number < 0:
        raise ValueError(f"{name} cannot be negative ({value!r})")
    return number


def cost_from_gpu_hours(gpu_hours: float, usd_per_gpu_hour: float) -> float:
    """Cost of renting ``gpu_hours`` at a price per GPU-hour: 2.788M h at $2/h is $5.576M."""
    return _finite("GPU-hours", gpu_hours) * _finite("the hourly price", usd_per_gpu_hour)


def gpu_hours_from_cost(cost_usd: float, usd_per_gpu_hour: float) -> float:
    """GPU-hours a cost buys at a price per GPU-hour: $5.576M at $2/h is 2.788M h."""
    return _finite("the cost", cost_usd) / _finite("the hourly price", usd_per_gpu_hour, positive=True)


def wall_clock_days(gpu_hours: float, gpus: float) -> float:
    """Days of wall-clock time for ``gpu_hours`` spread over ``gpus`` GPUs running at once."""
    return _finite("GPU-hours", gpu_hours) / _finite("the number of GPUs", gpus, positive=True) / HOURS_PER_DAY


def relative_difference(reported: float, reference: float) -> float:
    """How far ``reported`` is from ``reference``, as a signed fraction of the reference (0.076 = 7.6% high)."""
    reference = _finite("the reference value", reference, positive=True)
    return (_finite("the reported value", reported) - reference) / reference


def significant_figures(value: float) -> int:
    """Significant figures of a reported value as written: 6,000,000 has 1; 5,600,000 has 2; 2,048 has 4."""
    value = abs(_finite("the value", abs(value)))
    if value == 0:
        return 1
    digits = f"{value:.15g}".replace(".", "").lstrip("0").split("e")[0]
    return max(1, len(digits.rstrip("0")))


def rounds_to(reported: float, reference: float) -> bool:
    """True when ``reference`` rounded to the significant figures of ``reported`` gives ``reported``."""
    figures = significant_figures(reported)
    rounded = float(f"{_finite('the reference value', reference):.{figures}g}")
    return math.isclose(rounded, reported, rel_tol=1e-9)


def classify_against_reference(reported: float, reference: float, tolerance: float = DEFAULT_TOLERANCE) -> str:
    """Classify a reported figure against the reference value.

    - ``"exact"``: the same number;
    - ``"rounded"``: the reference rounded to the reported figure's precision, or within ``tolerance``
      (a fraction, 0.10 by default) of it;
    - ``"inconsistent"``: anything else.
    """
    tolerance = _finite("the tolerance", tolerance)
    difference = relative_difference(reported, reference)
    if math.isclose(reported, reference, rel_tol=1e-9):
        return "exact"
    if rounds_to(reported, reference) or abs(difference) <= tolerance:
        return "rounded"
    return "inconsistent"
