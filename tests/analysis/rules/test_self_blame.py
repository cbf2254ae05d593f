from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "Totally my mistake, I pasted the wrong bucket name.",
        "I screwed up the DNS cut-over.",
        "I felt awful about the lost orders.",
        "I dropped the staging table by mistake.",
        "That's all on me.",
    ],
)
def test_first_person_fault(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL007" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I paged the database team at 03:12.",
        "I am accountable for funding the fix as the product owner.",
        "The cron job deleted the files by mistake because its glob was empty.",
    ],
)
def test_first_person_without_fault(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL007" not in blame(sentence)
