"""Accuracy of the blame (BL) and action-item (AC0xx) rules on the shared dev sets.

Runs every row through the real engine (`blameless.api.lint_text`):

- a sentence is *flagged* when any BL finding of severity warning or error lands on it;
- an action item is *person-focused* when an AC0xx finding lands on it, linted as the only item
  of an `## Action items` section.

Prints precision / recall / F1 / accuracy overall and per category, and lists the misclassified
rows. It only reports: the exit status is 0 whatever the figures.

    python bench/eval_accuracy.py [--data DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from blameless.analysis.finding import Level
from blameless.api import lint_text

# The shared dev sets live beside the repository (../shared/data); the challenge sets in bench/data.
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CHALLENGE_DATA = Path(__file__).resolve().parent / "data"
TARGETS = {"blame": {"precision": 0.95, "recall": 0.92}, "action-items": {"accuracy": 0.92}}


def load(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sentence_flagged(text: str) -> tuple[bool, list[str]]:
    """Whether a BL warning/error lands on the sentence, and the rule ids that fired."""
    findings = lint_text(text, path="sentence.txt")
    ids = [
        f.rule
        for f in findings
        if f.rule.startswith("BL") and f.severity in (Level.WARNING, Level.ERROR)
    ]
    return bool(ids), ids


def item_flagged(text: str) -> tuple[bool, list[str]]:
    """Whether an AC0xx finding lands on the item linted under an action-items heading."""
    document = f"## Action items\n\n- [ ] {text}\n"
    findings = lint_text(document, path="item.md")
    ids = [f.rule for f in findings if f.rule.startswith("AC0")]
    return bool(ids), ids


def scores(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of (expected, predicted) pairs."""
    tp = sum(1 for e, p in pairs if e and p)
    fp = sum(1 for e, p in pairs if not e and p)
    fn = sum(1 for e, p in pairs if e and not p)
    correct = sum(1 for e, p in pairs if e == p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(pairs),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "accuracy": round(correct / len(pairs), 3) if pairs else 1.0,
    }


def evaluate(rows: list[dict[str, Any]], positive: str, kind: str) -> dict[str, Any]:
    """Scores overall and per category, and the misclassified rows."""
    check = sentence_flagged if kind == "blame" else item_flagged
    pairs: list[tuple[bool, bool]] = []
    by_category: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    errors: list[dict[str, Any]] = []
    for row in rows:
        expected = row["label"] == positive
        predicted, ids = check(row["text"])
        pairs.append((expected, predicted))
        by_category[f"{row['label']}/{row['category']}"].append((expected, predicted))
        if expected != predicted:
            errors.append(
                {
                    "id": row["id"],
                    "label": row["label"],
                    "category": row["category"],
                    "rules": ids,
                    "text": row["text"],
                }
            )
    return {
        "overall": scores(pairs),
        "categories": {name: scores(p) for name, p in sorted(by_category.items())},
        "errors": errors,
        "targets": TARGETS[kind],
    }


def report(name: str, result: dict[str, Any]) -> None:
    """Print one data set's figures as text."""
    overall = result["overall"]
    print(
        f"== {name}: n={overall['n']}  "
        + "  ".join(
            f"{key}={overall[key]:.3f}" for key in ("precision", "recall", "f1", "accuracy")
        )
        + f"   (targets: {result['targets']})"
    )
    for category, figures in result["categories"].items():
        print(f"   {category:<44} n={figures['n']:<3} accuracy={figures['accuracy']:.3f}")
    for error in result["errors"]:
        kind = "missed" if error["label"] in ("blame", "individual") else "false alarm"
        rules = ",".join(error["rules"]) or "-"
        print(f"   {kind:<11} {error['id']} [{error['category']}] ({rules}) {error['text']}")


def main(argv: list[str] | None = None) -> int:
    """Run both evaluations and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the dev sets")
    parser.add_argument(
        "--challenge",
        action="store_true",
        help="evaluate the independent challenge sets in bench/data instead of the dev sets",
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="evaluate the hold-out sets in bench/data/holdout (never tune rules on them)",
    )
    parser.add_argument(
        "--final",
        action="store_true",
        help="evaluate the final hold-out sets in bench/data/final (never tune rules on them)",
    )
    parser.add_argument(
        "--set-d",
        action="store_true",
        help="evaluate hold-out set D in bench/data/set-d (never tune rules on it)",
    )
    parser.add_argument(
        "--set-e",
        action="store_true",
        help="evaluate hold-out set E in bench/data/set-e (the last hold-out: never tune on it)",
    )
    parser.add_argument(
        "--set-f",
        action="store_true",
        help="evaluate hold-out set F in bench/data/set-f (never tune on it)",
    )
    parser.add_argument(
        "--set-g",
        action="store_true",
        help="evaluate hold-out set G in bench/data/set-g (never tune on it)",
    )
    parser.add_argument(
        "--set-h",
        action="store_true",
        help="evaluate hold-out set H in bench/data/set-h (never tune on it)",
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = parser.parse_args(argv)
    if args.set_h:
        data, suffix = CHALLENGE_DATA / "set-h", "h"
    elif args.set_g:
        data, suffix = CHALLENGE_DATA / "set-g", "g"
    elif args.set_f:
        data, suffix = CHALLENGE_DATA / "set-f", "f"
    elif args.set_e:
        data, suffix = CHALLENGE_DATA / "set-e", "e"
    elif args.set_d:
        data, suffix = CHALLENGE_DATA / "set-d", "d"
    elif args.final:
        data, suffix = CHALLENGE_DATA / "final", "final"
    elif args.holdout:
        data, suffix = CHALLENGE_DATA / "holdout", "holdout"
    elif args.challenge:
        data, suffix = CHALLENGE_DATA, "challenge"
    else:
        data, suffix = args.data, "dev"
    results = {
        "blame": evaluate(load(data / f"blame-{suffix}.jsonl"), "blame", "blame"),
        "action-items": evaluate(
            load(data / f"action-items-{suffix}.jsonl"), "individual", "action-items"
        ),
    }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        report("blame sentences (BL warning/error)", results["blame"])
        report("action items (AC0xx)", results["action-items"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
