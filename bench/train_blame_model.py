"""Train the bundled blame-tone (BL008) and person-focused-item (AC008) models and report how
they generalise.

Training data: the shared dev set (`../shared/data`), challenge A (`bench/data/*-challenge`),
hold-out B (`bench/data/holdout`), final C (`bench/data/final`), D (`bench/data/set-d`) and,
since round 5, E and F (`bench/data/set-e`, `set-f`, development data after their first contact),
plus the blameless postmortems of `bench/data/clean-prose/` as negatives: their sentences and
timeline entries that mention a person (BL008) and their action items (AC008, systemic), each
with weight `--clean-weight`. Never set G (the next hold-out), never `tests/corpus/` or
`examples/` (the no-false-alarm test). Units are segmented by the engine
(`segment_markdown`) and people found with the document's roster, as at lint time.

It prints three measures, per threshold:

- leave-one-set-out CV over the labelled sets: train on the others (and all clean prose), test
  on the held-out set, for the rules alone and the hybrid (rules OR a confident model on a
  sentence with a person). Baselines: `current` (the rules of this checkout, tuned on every set,
  so the fold only shows the hybrid's cost) and `first-contact` (the rules before each set was
  seen, from `--first-contact DIR`: `A.json` ... `D.json`, the `eval_accuracy.py --json` output
  of commits f186d11, af1ebd8, 68384af and 9bab6e0; see bench/README.md). First contact is the
  honest measure of the recall gained;
- leave-one-file-out over clean prose: train without file i, count BL008 false alarms on file
  i's person sentences (the document-level false-alarm rate the labelled sets cannot show);
- BL008 findings of the fully trained model on `tests/corpus/*-*.md` and `examples/INC-*.md`.

    python bench/train_blame_model.py [--first-contact DIR] [--clean-weight W] [--write]

`--write` trains on every training set and writes `blame_model.json` (BL008) and
`action_model.json` (AC008) under `src/blameless/analysis/language/data/`. Training is
deterministic (seeded).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from blameless.analysis.context import Context, LintConfig
from blameless.analysis.language import Agent, Lexicon, analyze, lexicon_for
from blameless.analysis.language.blame_model import ACTION_WEIGHTS, BLAME_WEIGHTS, agents, features
from blameless.analysis.segment import roster, segment_markdown
from blameless.analysis.units import UnitKind
from eval_accuracy import CHALLENGE_DATA, DEFAULT_DATA, item_flagged, load, scores, sentence_flagged

SETS = {
    "dev": (DEFAULT_DATA, "dev"),
    "A": (CHALLENGE_DATA, "challenge"),
    "B": (CHALLENGE_DATA / "holdout", "holdout"),
    "C": (CHALLENGE_DATA / "final", "final"),
    "D": (CHALLENGE_DATA / "set-d", "d"),
    "E": (CHALLENGE_DATA / "set-e", "e"),
    "F": (CHALLENGE_DATA / "set-f", "f"),
}
CLEAN_PROSE = CHALLENGE_DATA / "clean-prose"
ROOT = CHALLENGE_DATA.parents[1]
EPOCHS = 40
L2 = 1e-2  # chosen by the cross-validation below (1e-4 .. 3e-2 tried)
RATE = 0.2
PRUNE = 1e-3  # weights smaller than this are not shipped
CLEAN_WEIGHT = 2.0  # chosen by the cross-validation and leave-one-file-out below (1-3 tried)
MODEL_RULES = {"BL008", "AC008"}
POSITIVE = {"blame": "blame", "items": "individual"}
Row = dict[str, Any]
Example = tuple[list[str], bool, float]  # features, label, weight
Scored = tuple[str, bool, float, bool]  # row id, label, model probability, person cue


@dataclass(frozen=True)
class ProseUnit:
    """A unit of a whole postmortem: where it is, its text, features and person cue."""

    path: str
    text: str
    feats: list[str]
    person: bool


def featurise(text: str, lex: Lexicon | None = None) -> list[str]:
    """The model's features of one unit (the same code path as the rules)."""
    analysis = analyze(text)
    return features(analysis, agents(analysis, lex or lexicon_for(None)))


def prose_units(path: Path) -> dict[str, list[ProseUnit]]:
    """A postmortem's blame units (sentences, timeline entries) and action items, featurised
    with the document's roster as the linter sees them."""
    text = path.read_text(encoding="utf-8")
    config = LintConfig()
    doc = segment_markdown(text, config, path=str(path))
    lex = lexicon_for(Context(config=config, people={**config.people, **roster(doc.front_matter)}))
    out: dict[str, list[ProseUnit]] = {"blame": [], "items": []}
    for unit in doc.units:
        kind = "items" if unit.kind is UnitKind.ACTION_ITEM else "blame"
        analysis = analyze(unit.text)
        if not analysis.tokens:
            continue
        kinds = agents(analysis, lex)
        feats = features(analysis, kinds)
        out[kind].append(ProseUnit(path.name, unit.text, feats, Agent.PERSON in kinds))
    return out


def train(
    examples: Sequence[Example], l2: float = L2, seed: int = 13
) -> tuple[float, dict[str, float]]:
    """Weighted logistic regression by AdaGrad SGD with L2; returns bias and weights."""
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            feats, label, weight = examples[index]
            score = bias + sum(weights.get(f, 0.0) for f in feats)
            error = weight * (probability_of(score) - float(label))
            bias_sq += error * error
            bias -= RATE * error / math.sqrt(bias_sq)
            for feat in set(feats):
                w = weights.get(feat, 0.0)
                g = error * feats.count(feat) + l2 * w
                grad_sq[feat] = grad_sq.get(feat, 1e-8) + g * g
                weights[feat] = w - RATE * g / math.sqrt(grad_sq[feat])
    return bias, weights


def probability_of(score: float) -> float:
    """Sigmoid, clamped."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def probability(bias: float, weights: dict[str, float], feats: list[str]) -> float:
    """The model's probability for a feature list."""
    return probability_of(bias + sum(weights.get(f, 0.0) for f in feats))


def load_sets() -> dict[str, dict[str, list[Row]]]:
    """Rows of the labelled training sets, per kind."""
    return {
        name: {
            "blame": load(folder / f"blame-{suffix}.jsonl"),
            "items": load(folder / f"action-items-{suffix}.jsonl"),
        }
        for name, (folder, suffix) in SETS.items()
    }


def load_prose(paths: Sequence[Path]) -> dict[str, dict[str, list[ProseUnit]]]:
    """Per file, its blame units and action items."""
    return {path.name: prose_units(path) for path in paths}


def first_contact_flags(
    folder: Path | None, data: dict[str, dict[str, list[Row]]]
) -> dict[str, dict[str, dict[str, bool]]]:
    """Per set and kind, row id -> flagged, from `eval_accuracy.py --json` files (A-D)."""
    flags: dict[str, dict[str, dict[str, bool]]] = {}
    if folder is None:
        return flags
    for name in data:
        path = folder / f"{name}.json"
        if name == "dev" or not path.exists():
            continue
        result = json.loads(path.read_text(encoding="utf-8"))
        flags[name] = {}
        for kind, key in (("blame", "blame"), ("items", "action-items")):
            wrong = {e["id"] for e in result[key]["errors"]}
            flags[name][kind] = {
                row["id"]: (row["label"] == POSITIVE[kind]) != (row["id"] in wrong)
                for row in data[name][kind]
            }
    return flags


def current_flags(data: dict[str, dict[str, list[Row]]]) -> dict[str, dict[str, dict[str, bool]]]:
    """Per set and kind, row id -> flagged by the rules of this checkout, without the model
    rules (BL008, AC008): they are what the hybrid adds."""
    checks: dict[str, Callable[[str], tuple[bool, list[str]]]] = {
        "blame": sentence_flagged,
        "items": item_flagged,
    }
    return {
        name: {
            kind: {row["id"]: bool(set(checks[kind](row["text"])[1]) - MODEL_RULES) for row in rows}
            for kind, rows in kinds.items()
        }
        for name, kinds in data.items()
    }


def labelled_examples(data: dict[str, dict[str, list[Row]]], kind: str) -> dict[str, list[Example]]:
    """Per labelled set, its examples of one kind (weight 1)."""
    return {
        name: [(featurise(row["text"]), row["label"] == POSITIVE[kind], 1.0) for row in kinds[kind]]
        for name, kinds in data.items()
    }


def prose_examples(units: Sequence[ProseUnit], kind: str, weight: float) -> list[Example]:
    """Clean-prose negatives: blame units that mention a person (BL008 fires only on those),
    every action item (systemic)."""
    return [(u.feats, False, weight) for u in units if u.person or kind == "items"]


def cross_validate(
    labelled: dict[str, list[Example]],
    data: dict[str, dict[str, list[Row]]],
    clean: list[Example],
    kind: str,
    l2: float,
) -> dict[str, list[Scored]]:
    """Leave-one-set-out, with all clean prose in every training fold."""
    out: dict[str, list[Scored]] = {}
    for held in labelled:
        training = [ex for name, rows in labelled.items() if name != held for ex in rows]
        bias, weights = train(training + clean, l2)
        out[held] = [
            (row["id"], label, probability(bias, weights, feats), "c:person" in feats)
            for row, (feats, label, _) in zip(data[held][kind], labelled[held], strict=True)
        ]
    return out


def leave_one_file_out(
    labelled: dict[str, list[Example]],
    prose: dict[str, dict[str, list[ProseUnit]]],
    kind: str,
    weight: float,
    l2: float,
) -> list[tuple[float, ProseUnit]]:
    """Train without clean-prose file i; the model's probability on file i's units that the
    rule would score (blame: those with a person; items: all)."""
    every = [ex for rows in labelled.values() for ex in rows]
    out: list[tuple[float, ProseUnit]] = []
    for held in prose:
        clean = [
            ex
            for name, kinds in prose.items()
            if name != held
            for ex in prose_examples(kinds[kind], kind, weight)
        ]
        bias, weights = train(every + clean, l2)
        out += [
            (probability(bias, weights, u.feats), u)
            for u in prose[held][kind]
            if u.person or kind == "items"
        ]
    return out


def hybrid(flag: bool, p: float, person: bool, threshold: float, kind: str) -> bool:
    """Rules OR a confident model (for blame, only on a sentence with a person)."""
    return flag or (p >= threshold and (person or kind == "items"))


def fmt(figures: dict[str, float]) -> str:
    return f"P {figures['precision']:.3f} R {figures['recall']:.3f} acc {figures['accuracy']:.3f}"


def report_cv(
    kind: str,
    cv: dict[str, list[Scored]],
    baselines: dict[str, dict[str, dict[str, dict[str, bool]]]],
    thresholds: Sequence[float],
) -> None:
    """Per fold and pooled: model alone, rules alone and hybrid at each threshold."""
    print(f"== {kind}: leave-one-set-out")
    model_alone = [(label, p >= 0.5) for rows in cv.values() for _, label, p, _ in rows]
    print(f"   model alone (p >= 0.5), pooled: {fmt(scores(model_alone))}")
    for base_name, flags in baselines.items():
        folds = [name for name in cv if name in flags]
        for threshold in (None, *thresholds):
            line = []
            pooled: list[tuple[bool, bool]] = []
            for name in folds:
                pairs = [
                    (
                        label,
                        flags[name][kind][rid]
                        if threshold is None
                        else hybrid(flags[name][kind][rid], p, person, threshold, kind),
                    )
                    for rid, label, p, person in cv[name]
                ]
                pooled += pairs
                s = scores(pairs)
                line.append(f"{name} {s['precision']:.3f}/{s['recall']:.3f}/{s['accuracy']:.3f}")
            label = "rules alone" if threshold is None else f"hybrid t={threshold:.2f}"
            print(f"   {base_name:<13} {label:<14} {fmt(scores(pooled))} | " + "  ".join(line))


def report_flags(
    title: str, scored: list[tuple[float, ProseUnit]], thresholds: Sequence[float], show: int
) -> None:
    """False alarms per threshold (every unit scored here is clean), and the highest scores."""
    n = len(scored)
    print(f"== {title}: {n} units scored")
    for threshold in thresholds:
        flagged = sum(1 for p, _ in scored if p >= threshold)
        print(
            f"   t={threshold:.2f}: {flagged} false alarms ({1000 * flagged / max(n, 1):.1f}/1000)"
        )
    for p, unit in sorted(scored, key=lambda pair: -pair[0])[:show]:
        print(f"   {p:.3f} {unit.path}: {unit.text[:110]}")


def corpus_paths() -> list[Path]:
    """The no-false-alarm test: the test corpus and the shipped examples (never trained on)."""
    return sorted((ROOT / "tests" / "corpus").glob("*-*.md")) + sorted(
        (ROOT / "examples").glob("INC-*.md")
    )


def fit(
    labelled: dict[str, list[Example]],
    prose: dict[str, dict[str, list[ProseUnit]]],
    kind: str,
    weight: float,
    l2: float,
) -> tuple[float, dict[str, float], int]:
    """Train on every labelled set and all clean prose; bias, weights and example count."""
    examples = [ex for rows in labelled.values() for ex in rows] + [
        ex for kinds in prose.values() for ex in prose_examples(kinds[kind], kind, weight)
    ]
    bias, weights = train(examples, l2)
    return bias, weights, len(examples)


def write_weights(
    kind: str, fitted: tuple[float, dict[str, float], int], threshold: float, path: Path
) -> None:
    """Write a weights file."""
    bias, weights, count = fitted
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= PRUNE}
    payload = {
        "kind": kind,
        "trained_on": sorted([*SETS, "clean-prose"]),
        "date": date.today().isoformat(),
        "examples": count,
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": kept,
    }
    path.write_text(json.dumps(payload, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(kept)} weights)")


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, print the figures, and optionally write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-contact", type=Path, help="folder of A.json ... D.json")
    # BL008: the gate of bench/README.md ("Model stage: BL008 trained on clean whole
    # postmortems") with every clean test sentence unflagged (0.85 until round 5; with E and F
    # in training, "That's Ana's rollback." scores 0.87); AC008: the corpus stays clean.
    parser.add_argument("--threshold", type=float, default=0.9, help="BL008 threshold")
    parser.add_argument("--item-threshold", type=float, default=0.9, help="AC008 threshold")
    parser.add_argument("--l2", type=float, default=L2, help="L2 regularisation")
    parser.add_argument("--clean-weight", type=float, default=CLEAN_WEIGHT, help="clean prose")
    parser.add_argument("--kinds", default="blame,items", help="blame, items or both")
    parser.add_argument("--show", type=int, default=8, help="highest-scoring clean units shown")
    parser.add_argument("--write", action="store_true", help="write both weights files")
    args = parser.parse_args(argv)
    data = load_sets()
    prose = load_prose(sorted(CLEAN_PROSE.glob("*.md")))
    corpus = load_prose(corpus_paths())
    baselines = {"current": current_flags(data)}
    fc = first_contact_flags(args.first_contact, data)
    if fc:
        baselines["first-contact"] = fc
    thresholds = {"blame": args.threshold, "items": args.item_threshold}
    fitted = {}
    for kind in args.kinds.split(","):
        grid = sorted({0.5, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, thresholds[kind]})
        labelled = labelled_examples(data, kind)
        clean = [
            ex
            for kinds in prose.values()
            for ex in prose_examples(kinds[kind], kind, args.clean_weight)
        ]
        report_cv(kind, cross_validate(labelled, data, clean, kind, args.l2), baselines, grid)
        lofo = leave_one_file_out(labelled, prose, kind, args.clean_weight, args.l2)
        report_flags(f"{kind}: clean prose, leave-one-file-out", lofo, grid, args.show)
        fitted[kind] = fit(labelled, prose, kind, args.clean_weight, args.l2)
        bias, weights, _ = fitted[kind]
        scored = [
            (probability(bias, weights, u.feats), u)
            for kinds in corpus.values()
            for u in kinds[kind]
            if u.person or kind == "items"
        ]
        report_flags(f"{kind}: tests/corpus + examples, full model", scored, grid, args.show)
    if args.write:
        write_weights("blame", fitted["blame"], args.threshold, BLAME_WEIGHTS)
        write_weights("items", fitted["items"], args.item_threshold, ACTION_WEIGHTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
