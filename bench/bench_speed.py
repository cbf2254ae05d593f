"""Speed of `blameless lint`: words per second, warm latency, cold start, and proselint.

    python bench/bench_speed.py           # 1,000,000-word corpus (about a minute)
    python bench/bench_speed.py --quick   # 100,000 words

The corpus is generated deterministically (seeded) from sentence templates: postmortem-like
Markdown with front matter, clean and blameful prose, timelines and action items. Results are
printed as a table; record them in bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "speed"
BIN = Path(sys.executable).with_name("blameless")

SYSTEMS = ["checkout", "payments-api", "the ingress controller", "Kafka", "the cache", "etcd"]
PEOPLE = ["Priya", "Sam", "Alex", "Maya", "Quinn", "Bogdan"]
CLEAN = [
    "The {s} returned errors for {n} minutes after the deploy.",
    "Alerts for {s} fired at {t} UTC and paged the on-call engineer.",
    "The retry policy of {s} multiplied the load on {s2} by {n}.",
    "Nothing in the pipeline checked that the config was valid for {s}.",
    "The runbook did not mention that {s} depends on {s2}.",
    "Latency on {s} rose from {n} ms to {n2} ms within five minutes.",
    "We rolled back the change, e.g. the new connection pool, and errors stopped.",
    "Why was it possible to deploy {s} without a canary stage?",
    "Dashboards showed saturation on {s2} before the first customer report.",
    "See `kubectl rollout undo` and https://runbooks.example.com/{s} for details.",
]
BLAMEFUL = [
    "{p} should have checked the dashboard before deploying {s}.",
    "The outage happened because {p} pushed a bad config to {s}.",
    "It was {p}'s fault that {s} went down.",
    "Root cause: human error by {p} during the migration.",
    "{p} was careless and forgot to run the tests.",
    "If {p} had followed the runbook, {s} would not have failed.",
]
ACTIONS = [
    "Add a canary stage to the {s} deploy pipeline.",
    "Remind {p} to double-check configs before deploying.",
    "Alert on saturation of {s2} before it reaches {n} percent.",
    "Make the cleanup script refuse namespaces without the staging label.",
    "Be more careful when editing {s} settings.",
]


def sentence(rng: random.Random, templates: list[str]) -> str:
    """One filled-in template."""
    return rng.choice(templates).format(
        s=rng.choice(SYSTEMS),
        s2=rng.choice(SYSTEMS),
        p=rng.choice(PEOPLE),
        n=rng.randint(2, 90),
        n2=rng.randint(100, 900),
        t=f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    )


def prose(rng: random.Random) -> str:
    """A paragraph: mostly clean sentences, about one in six blameful."""
    return " ".join(
        sentence(rng, BLAMEFUL if rng.random() < 0.17 else CLEAN) for _ in range(rng.randint(3, 6))
    )


def document(rng: random.Random, words: int, number: int) -> str:
    """A postmortem of about `words` words."""
    parts = [
        f"---\nid: INC-2026-{number:04d}\ntitle: Incident {number}\n"
        f"participants:\n  - name: {rng.choice(PEOPLE)}\n    role: on-call engineer\n---\n",
        f"# Incident {number}\n",
        "## Summary\n",
    ]
    while sum(len(part.split()) for part in parts) < words:
        parts.append(prose(rng) + "\n")
        roll = rng.random()
        if roll < 0.2:
            entries = [
                f"- 2026-03-04 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} UTC — "
                + sentence(rng, CLEAN if rng.random() < 0.8 else BLAMEFUL)
                for _ in range(rng.randint(3, 8))
            ]
            parts.append("## Timeline\n\n" + "\n".join(entries) + "\n")
        elif roll < 0.3:
            items = [f"- [ ] {sentence(rng, ACTIONS)}" for _ in range(rng.randint(2, 5))]
            parts.append("## Action items\n\n" + "\n".join(items) + "\n")
        elif roll < 0.35:
            parts.append("```\n$ kubectl get pods -n checkout\nerror: the fault\n```\n")
        elif roll < 0.45:
            parts.append(f"## {rng.choice(['What happened', 'Why it happened', 'Impact'])}\n")
    return "\n".join(parts)


def build_corpus(total_words: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write documents of ~2,000 words until `total_words`; returns their paths."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paths, written, number = [], 0, 0
    while written < total_words:
        number += 1
        text = document(rng, 2000, number)
        path = folder / f"pm-{number:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        written += len(text.split())
    return paths


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """The median wall time of `action`, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _proselint() -> Callable[[str], object] | None:
    """proselint's lint function for a text, across its 0.14 and 0.16 APIs."""
    try:
        from proselint.checks import __register__  # 0.16
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        try:
            from proselint.tools import lint as old_lint  # 0.14
        except ImportError:
            return None
        return old_lint  # type: ignore[no-any-return]
    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("sample.md", text).lint()


def bench_proselint(texts: list[str], budget_words: int) -> tuple[float, int] | None:
    """proselint's words/s over a sample of at most `budget_words` words (None if missing)."""
    lint = _proselint()
    if lint is None:
        return None
    sample: list[str] = []
    for text in texts:
        if sum(len(t.split()) for t in sample) >= budget_words:
            break
        sample.append(text)
    words = sum(len(t.split()) for t in sample)
    seconds = timed(lambda: [lint(text) for text in sample])
    return words / seconds, words


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print a table."""
    parser = argparse.ArgumentParser(description="Speed benchmark of blameless lint.")
    parser.add_argument("--quick", action="store_true", help="100,000 words instead of 1M")
    parser.add_argument("--proselint-words", type=int, default=50_000, help="proselint sample")
    args = parser.parse_args(argv)

    from blameless.analysis.context import LintConfig
    from blameless.api import lint_text
    from blameless.lintrun import LintOptions, lint_paths

    total = 100_000 if args.quick else 1_000_000
    paths = build_corpus(total, OUT / "corpus")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    words = sum(len(text.split()) for text in texts)
    config = LintConfig()
    lint_text(texts[0], path="warmup.md", config=config)

    rows: list[tuple[str, str]] = [("corpus", f"{len(paths)} files, {words:,} words")]
    findings = 0

    def in_process() -> None:
        nonlocal findings
        findings = sum(len(lint_text(t, path="x.md", config=config)) for t in texts)

    seconds = timed(in_process)
    rows.append(("findings", f"{findings:,}"))
    rows.append(("in-process, 1 core", f"{words / seconds:,.0f} words/s ({seconds:.2f} s)"))
    names = [str(path) for path in paths]
    for jobs in (1, 2):
        seconds = timed(lambda jobs=jobs: lint_paths(names, LintOptions(), jobs=jobs))
        rows.append((f"files, --jobs {jobs}", f"{words / seconds:,.0f} words/s ({seconds:.2f} s)"))

    rng = random.Random(5)
    five_k = document(rng, 5000, 1)
    seconds = timed(lambda: lint_text(five_k, path="x.md", config=config), repeat=7)
    rows.append((f"{len(five_k.split()):,}-word doc, warm", f"{seconds * 1000:.1f} ms"))

    two_k = OUT / "two-thousand.md"
    two_k.write_text(document(rng, 2000, 2), encoding="utf-8")
    cold = timed(
        lambda: subprocess.run([str(BIN), "lint", str(two_k)], capture_output=True, check=False),
        repeat=5,
    )
    rows.append(("`blameless lint` 2,000 words, fresh process", f"{cold * 1000:.0f} ms"))

    ours = words / timed(in_process)
    prose = bench_proselint(texts, args.proselint_words)
    if prose is None:
        rows.append(("proselint", "not installed (pip install -e '.[bench]')"))
    else:
        rate, sample = prose
        rows.append(("proselint (sample)", f"{rate:,.0f} words/s on {sample:,} words"))
        rows.append(("blameless / proselint", f"{ours / rate:,.1f}x faster"))

    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
