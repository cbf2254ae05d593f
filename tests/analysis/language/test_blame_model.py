"""The bundled model weights load, and score known blameful and clean text as expected."""

from __future__ import annotations

import json

from blameless.analysis.language import analyze, lexicon_for
from blameless.analysis.language.blame_model import (
    BLAME_WEIGHTS,
    action_model,
    agents,
    blame_model,
    features,
)


def _features(text: str) -> list[str]:
    analysis = analyze(text)
    return features(analysis, agents(analysis, lexicon_for(None)))


def test_weights_file_records_its_training_sets() -> None:
    payload = json.loads(BLAME_WEIGHTS.read_text(encoding="utf-8"))
    assert payload["trained_on"] == ["A", "B", "C", "dev"]
    assert payload["weights"]


def test_blame_model_separates_a_blameful_from_a_clean_sentence() -> None:
    model = blame_model()
    blameful = model.probability(_features("Typical Benedikt: he took the shortcut again."))
    clean = model.probability(_features("The scheduler retried the job after the lock expired."))
    assert blameful >= model.threshold
    assert clean < 0.5


def test_action_model_separates_a_person_focused_from_a_systemic_item() -> None:
    model = action_model()
    person = model.probability(_features("Remind the on-call engineers to be more careful."))
    systemic = model.probability(_features("Block deploys when the canary error rate rises."))
    assert person >= model.threshold
    assert systemic < 0.5


def test_features_abstract_people_and_systems() -> None:
    feats = _features("Priya restarted the Kafka broker.")
    assert "w:<per>" in feats and "w:priya" not in feats
    assert "b:<s> <per>" in feats
    assert "c:person" in feats
