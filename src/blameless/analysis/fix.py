"""Apply safe fixes: non-overlapping replacements, back to front, then lint again."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from blameless.analysis.finding import Finding, Fix

MAX_PASSES = 5  # a fix can reveal another; stop if fixes keep producing fixes


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, int]:
    """`text` with every fix that overlaps no earlier one applied, and how many were applied."""
    fixes = sorted({f.fix for f in findings if f.fix is not None}, key=lambda x: (x.start, x.end))
    chosen: list[Fix] = []
    for fix in fixes:
        if not chosen or fix.start >= chosen[-1].end:
            chosen.append(fix)
    for fix in reversed(chosen):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text, len(chosen)


def fix_text(text: str, lint: Callable[[str], list[Finding]]) -> tuple[str, int, list[Finding]]:
    """Fix `text` until no fix applies; returns the text, the fix count and the last findings."""
    total = 0
    findings = lint(text)
    for _ in range(MAX_PASSES):
        text, applied = apply_fixes(text, findings)
        if not applied:
            break
        total += applied
        findings = lint(text)
    return text, total, findings
