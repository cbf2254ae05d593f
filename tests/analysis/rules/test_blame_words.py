from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.analysis.context import LintConfig


@pytest.mark.parametrize(
    "sentence",
    [
        "Honestly, the whole thing was Bruno's fault.",
        "The storage vendor's support engineers are to blame for the corruption.",
        "Teodoro botched the certificate renewal.",
        "The night shift messed up the failover drill.",
        "That one is on Ingrid, not on the tooling.",
        "Responsibility for the data loss rests with the platform lead.",
        "The guilty contractor was escorted out.",
    ],
)
def test_fault_vocabulary_aimed_at_people(sentence: str, blame: Callable[..., set[str]]) -> None:
    assert "BL002" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No one here is at fault for trusting a green dashboard.",
        "This review is not about whose fault it was.",
        "A ground fault tripped the breaker in hall B.",
        "Segmentation faults appeared after the glibc upgrade.",
        "The culprit turned out to be a leaked file descriptor.",
        "Ingrid is responsible for the follow-up on retention settings.",
        "We want to talk about blame language in the next retro.",
        "The migration script messed up the permissions on every bucket.",
    ],
)
def test_fault_words_not_aimed_at_people(sentence: str, blame: Callable[..., set[str]]) -> None:
    assert "BL002" not in blame(sentence)


def test_configured_blame_phrases(blame: Callable[..., set[str]]) -> None:
    config = LintConfig(blame_phrases=["dropped a clanger"])
    assert "BL002" in blame("Pieter dropped a clanger on the release.", config)
    assert "BL002" not in blame("Pieter dropped a clanger on the release.")
