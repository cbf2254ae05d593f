"""The bundled model weights load, and score known blameful and clean text as expected."""

from __future__ import annotations

import json

from blameless.analysis.language import analyze, lexicon_for
from blameless.analysis.language.agents import classify
from blameless.analysis.language.blame_model import (
    ACTION_WEIGHTS,
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
    for path in (BLAME_WEIGHTS, ACTION_WEIGHTS):
        payload = json.loads(path.read_text(encoding="utf-8"))
        # Never the hold-outs (E, F) nor the test corpus: only the training sets.
        assert payload["trained_on"] == ["A", "B", "C", "D", "E", "F", "clean-prose", "dev"]
        assert payload["weights"]


def test_blame_model_separates_a_blameful_from_a_clean_sentence() -> None:
    model = blame_model()
    blameful = model.probability(_features("Typical Benedikt: he took the shortcut again."))
    clean = model.probability(_features("The scheduler retried the job after the lock expired."))
    assert blameful >= model.threshold
    assert clean < 0.5


def test_blame_model_scores_praise_and_reports_of_a_person_below_its_threshold() -> None:
    model = blame_model()
    for text in (
        "Thanks to Leopold for forwarding the customer reports to the platform channel.",
        "Zainab's look at the heap dump found the leaking cache.",
        "Kofi noticed the queue depth climbing and paged the storage team.",
    ):
        assert model.probability(_features(text)) < model.threshold, text


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


def test_agents_skips_only_tokens_classify_would_not_make_agents() -> None:
    lex = lexicon_for(None)
    for text in (
        "sam shouldve drained the node before the subcontractor rebooted it.",
        "The installer who took the shortcut told nobody; no one noticed.",
        "The duty controller and the support agent paged @oncall and the co-pilot.",
        "Ms Page asked QA, and Ops restarted the Kafka broker at 14:02.",
    ):
        analysis = analyze(text)
        full = [classify(analysis, i, lex) for i in range(len(analysis.tokens))]
        assert agents(analysis, lex) == full, text
