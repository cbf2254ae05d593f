from __future__ import annotations

import pytest

from blameless.analysis.language.morphology import (
    adjective_family,
    inflections,
    spelling_variants,
    verb_family,
)


def test_adjective_family_covers_adverbs_and_abstract_nouns() -> None:
    family = adjective_family("careless sloppy negligent irresponsible amateur+ish")
    assert {"carelessly", "carelessness", "sloppily", "sloppiness"} <= family
    assert {"negligence", "negligently", "irresponsibly", "irresponsibility"} <= family
    assert {"amateur", "amateurish", "amateurishly"} <= family


def test_verb_family_inflects_doubles_and_adds_given_nouns() -> None:
    family = verb_family("suspend:suspension bar punish:punishment")
    assert {"suspend", "suspended", "suspends", "suspension", "suspensions"} <= family
    assert {"barred", "barring", "bars"} <= family
    assert {"punishes", "punishment"} <= family


def test_inflected_only_verbs_leave_out_the_base_form() -> None:
    family = verb_family("fine~")
    assert family == {"fined", "fining"}


def test_inflections_leave_out_the_base_form() -> None:
    assert inflections("skip push type") == {
        "skipped",
        "skipping",
        "skips",
        "pushed",
        "pushing",
        "pushes",
        "typed",
        "typing",
        "types",
    }


@pytest.mark.parametrize(
    ("word", "other"),
    [("disorganized", "disorganised"), ("analyse", "analyze"), ("behaviour", "behavior")],
)
def test_spelling_variants_pair_british_and_american(word: str, other: str) -> None:
    assert spelling_variants(word) == (word, other)


def test_spelling_variants_leave_other_words_alone() -> None:
    assert spelling_variants("careless") == ("careless",)
