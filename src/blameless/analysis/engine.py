"""The engine: segment once, run the enabled rules, apply severities and suppressions.

Findings come back in a stable order (position, then rule id), with 1-based lines and columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from blameless.analysis.context import Context, LintConfig
from blameless.analysis.finding import Finding, Fix, Level
from blameless.analysis.meta import UnusedSuppression
from blameless.analysis.registry import all_rules, instance, matches, select_rules
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.segment import roster, segment_markdown, segment_plain
from blameless.analysis.suppress import LineIndex, Suppression, parse_suppressions
from blameless.analysis.units import Document, UnitKind

PLAIN_SUFFIXES = (".txt", ".text")


@dataclass
class FileResult:
    """The outcome of linting one file (or stdin)."""

    path: str
    text: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0  # findings removed by --fix


def is_plain(path: str | None) -> bool:
    """Whether a path is linted as plain text rather than Markdown."""
    return path is not None and path.lower().endswith(PLAIN_SUFFIXES)


def segment(text: str, config: LintConfig, path: str | None = None) -> Document:
    """Segment `text` as Markdown, or as plain text for `.txt` paths."""
    if is_plain(path):
        return segment_plain(text, config)
    return segment_markdown(text, config, path=path)


def lint_text(
    text: str,
    config: LintConfig,
    *,
    path: str | None = None,
    rules: Sequence[type[Rule]] | None = None,
) -> list[Finding]:
    """Lint one document with the rules enabled for `path` (or exactly `rules`, if given)."""
    doc = segment(text, config, path)
    chosen = select_rules(config, path, rules)
    people = {**config.people, **roster(doc.front_matter)}
    ctx = Context(config=config, people=people, path=path)
    return lint_document(doc, [instance(rule) for rule in chosen], ctx)


def lint_document(doc: Document, rules: Sequence[Rule], ctx: Context) -> list[Finding]:
    """Run `rules` over a segmented document and return its findings in stable order."""
    lines = LineIndex(doc.text)
    raw: list[Finding] = []
    by_kind: dict[UnitKind, list[Rule]] = {kind: [] for kind in UnitKind}
    for rule in rules:
        for kind in rule.applies_to:
            by_kind[kind].append(rule)
    for unit in (*doc.units, *doc.headings):
        found: set[str] = set()
        for rule in by_kind[unit.kind]:
            if rule.fallback_for is not None:
                continue
            for hit in rule.check(unit, ctx):
                raw.append(_finding(rule, hit, unit.start, doc.text, lines, ctx))
                found.add(rule.id)
        for rule in by_kind[unit.kind]:
            family = rule.fallback_for
            if family is None or any(i.startswith(family) and i != rule.id for i in found):
                continue
            for hit in rule.check(unit, ctx):
                raw.append(_finding(rule, hit, unit.start, doc.text, lines, ctx))
    for rule in rules:
        for hit in rule.check_document(doc, ctx):
            raw.append(_finding(rule, hit, 0, doc.text, lines, ctx))
    # Two patterns of one rule (a built-in one and a configured blame phrase) may find the same
    # span: report it once.
    unique = list({(f.rule, f.start, f.end, f.message): f for f in raw}.values())
    findings = _apply_suppressions(doc, unique, lines, ctx, rules)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _finding(rule: Rule, hit: Hit, base: int, text: str, lines: LineIndex, ctx: Context) -> Finding:
    start, end = base + hit.start, base + hit.end
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    fix = hit.fix
    if fix is not None:
        fix = Fix(base + fix.start, base + fix.end, fix.replacement)
    override = ctx.config.severity.get(rule.id)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=Level(override) if override else rule.severity,
        path=ctx.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text[start:end],
        message=hit.message or rule.message,
        suggestion=hit.suggestion if hit.suggestion is not None else rule.suggestion,
        start=start,
        end=end,
        fix=fix,
    )


def _apply_suppressions(
    doc: Document, findings: list[Finding], lines: LineIndex, ctx: Context, rules: Sequence[Rule]
) -> list[Finding]:
    suppressions = parse_suppressions(doc, lines)
    if not suppressions:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding.rule, finding.line)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(finding)
    meta = next((rule for rule in rules if isinstance(rule, UnusedSuppression)), None)
    if meta is not None:
        for suppression in suppressions:
            hit = _unused_suppression_hit(suppression, rules)
            if hit is not None:
                kept.append(_finding(meta, hit, 0, doc.text, lines, ctx))
    return kept


def _unused_suppression_hit(suppression: Suppression, rules: Sequence[Rule]) -> Hit | None:
    """An X001 hit for a suppression naming unknown rules, or silencing nothing that ran."""
    comment = suppression.comment
    known = {rule.id for rule in all_rules()} | {rule.id for rule in rules}
    unknown = [s for s in suppression.selectors if not any(matches(i, [s]) for i in known)]
    if unknown:
        names = ", ".join(unknown)
        return Hit(
            comment.start,
            comment.end,
            message=f"This suppression names unknown rule{'s' if len(unknown) > 1 else ''} "
            f"{names}.",
            suggestion="Check the id with `blameless rules`, or remove it from the comment.",
        )
    if suppression.used:
        return None
    running = [rule.id for rule in rules]
    if suppression.selectors and not any(matches(i, suppression.selectors) for i in running):
        return None  # its rules are off in this run, so it may still be needed in others
    return Hit(comment.start, comment.end)
