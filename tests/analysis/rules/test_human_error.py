from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "Category: operator error.",
        "The investigation concluded it was a PEBKAC issue.",
        "A fat-fingered command emptied the cache tier.",
        "The report blames a mistake by the night-shift technician.",
        "The storage team made the same error again during the resize.",
    ],
)
def test_human_error_as_cause(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL005" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The parser raised an error on the first malformed row.",
        "We never stop an analysis at 'human error'.",
        "A configuration error in the proxy sent traffic to the old pool.",
    ],
)
def test_not_human_error(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL005" not in blame(sentence)
