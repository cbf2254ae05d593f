"""Principle-level probes across the BL and AC rules, in wording no rule was written from.

The probes live in `principles/roundN.toml`, one file per round of generalisation: `[blameful]`
and `[clean]` map a principle to sentences, `individual_items` and `systemic_items` are action
items, and `blameful_documents` are short texts whose blame spans two sentences (a question and
its answer). Every round's probes keep running, so a later round cannot undo an earlier one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from blameless.api import lint_text

ROUNDS = {
    path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
    for path in sorted(Path(__file__).with_name("principles").glob("round*.toml"))
}


def _grouped(key: str) -> list[Any]:
    return [
        pytest.param(principle, text, id=f"{round_name}: {text}")
        for round_name, probes in ROUNDS.items()
        for principle, texts in probes.get(key, {}).items()
        for text in texts
    ]


def _listed(key: str) -> list[Any]:
    return [
        pytest.param(text, id=f"{round_name}: {text}")
        for round_name, probes in ROUNDS.items()
        for text in probes.get(key, [])
    ]


def test_every_round_has_probes_both_ways() -> None:
    assert [name for name, probes in ROUNDS.items() if not probes["blameful"]] == []
    assert [name for name, probes in ROUNDS.items() if not probes["clean"]] == []
    assert len(ROUNDS) >= 6


@pytest.mark.parametrize(("principle", "sentence"), _grouped("blameful"))
def test_blameful(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert blame(sentence), principle


@pytest.mark.parametrize(("principle", "sentence"), _grouped("clean"))
def test_clean(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert not blame(sentence), principle


@pytest.mark.parametrize("text", _listed("blameful_documents"))
def test_blameful_question_and_answer(text: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL001" in blame(text)


@pytest.mark.parametrize("item", _listed("individual_items"))
def test_person_focused_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert any(rule.startswith("AC0") for rule in item_rules(item))


@pytest.mark.parametrize("item", _listed("systemic_items"))
def test_systemic_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert not any(rule.startswith("AC0") for rule in item_rules(item))


def test_suggestion_asks_about_the_change_of_a_possessor() -> None:
    text = "Yusuf's config push took the payment gateway offline for an hour."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "the config push" in finding.suggestion
    assert "Yusuf" not in finding.suggestion


def test_suggestions_are_one_line_and_keep_phrasal_verbs_natural() -> None:
    text = "Because Ana ran the cleanup\n   script against production, it broke."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "\n" not in finding.suggestion
    assert "the cleanup script to be run against production" in finding.suggestion
    text = "Sunny took down the search cluster when she resized the shards."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "the search cluster to be taken down" in finding.suggestion
