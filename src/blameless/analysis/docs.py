"""Rule documentation: parse a rule's docstring into sections and examples, render Markdown.

A rule docstring has a summary line, optional prose, then sections headed `Why`, `Bad`,
`Good` and optionally `Known false positives` (a header line is the name, optionally with a
colon, a `#` prefix or a dashed underline). In `Bad` and `Good`, each line is one example (a
leading `- ` is dropped), and each fenced block is one example (a whole document, verbatim).
In `Bad` examples, `[square brackets]` mark the exact span the rule must report.

Examples for rules that only check action items (or timeline entries) are placed under an
`## Action items` (or `## Timeline`) heading as list items, unless they contain a heading.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from blameless.analysis.rule import Rule
from blameless.analysis.units import UnitKind

SECTIONS = ("Why", "Bad", "Good", "Known false positives")
_ALIASES = {"why it matters": "Why", "better": "Good", "false positives": "Known false positives"}
_HEADER = re.compile(r"#*\s*([A-Za-z][A-Za-z ]*?)(?:\s+examples?)?\s*:?\s*$", re.IGNORECASE)
_SPAN = re.compile(
    r"\[(?![ xX]\])(?!(?:source|id|kind|milestone|link|events|owner|due|priority|status|tracker"
    r"|factors):)([^\[\]\n]+)\](?!\()"
)


@dataclass
class RuleDoc:
    """A rule's documentation, split into its parts."""

    summary: str
    body: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def bad(self) -> list[str]:
        """The bad examples, with their `[span]` marks."""
        return split_examples(self.sections.get("Bad", ""))

    @property
    def good(self) -> list[str]:
        """The good examples."""
        return split_examples(self.sections.get("Good", ""))


def parse_doc(rule: type[Rule]) -> RuleDoc:
    """Split a rule's docstring into summary, body and named sections."""
    lines = inspect.cleandoc(rule.__doc__ or "").splitlines()
    summary = lines[0].strip() if lines else ""
    current: str | None = None
    chunks: dict[str | None, list[str]] = {None: []}
    index = 1
    while index < len(lines):
        line = lines[index]
        name = _section_name(line, lines[index + 1] if index + 1 < len(lines) else "")
        if name is not None:
            current = name
            chunks.setdefault(current, [])
            if index + 1 < len(lines) and re.fullmatch(r"\s*[-=]{3,}\s*", lines[index + 1]):
                index += 1
        else:
            chunks[current].append(line)
        index += 1
    sections = {name: _dedent(text) for name, text in chunks.items() if name is not None}
    return RuleDoc(summary=summary, body=_dedent(chunks[None]), sections=sections)


def _section_name(line: str, following: str) -> str | None:
    if line[:1].isspace() or not line.strip():
        return None
    match = _HEADER.fullmatch(line.strip())
    if match is None:
        return None
    word = match.group(1).strip().lower()
    name = _ALIASES.get(word) or next((s for s in SECTIONS if s.lower() == word), None)
    if name is None:
        return None
    marked = line.rstrip().endswith(":") or line.startswith("#")
    return name if marked or re.fullmatch(r"\s*[-=]{3,}\s*", following) else None


def _dedent(lines: list[str]) -> str:
    return inspect.cleandoc("\n".join(lines)) if any(s.strip() for s in lines) else ""


def split_examples(section: str) -> list[str]:
    """The examples of a `Bad`/`Good` section: one per line (a leading `- ` is dropped), and
    one per fenced block (a whole document, kept verbatim)."""
    examples: list[str] = []
    lines = section.splitlines()
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith("```"):
            block: list[str] = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                block.append(lines[index])
                index += 1
            examples.append(inspect.cleandoc("\n".join(block)) + "\n")
        elif stripped:
            examples.append(stripped[2:].strip() if stripped.startswith(("- ", "* ")) else stripped)
        index += 1
    return examples


def unmark(example: str) -> tuple[str, list[tuple[int, int]]]:
    """An example without its `[span]` marks, and the spans (start, end) they marked."""
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    position = removed = 0
    for match in _SPAN.finditer(example):
        pieces.append(example[position : match.start()])
        start = match.start() - removed
        spans.append((start, start + len(match.group(1))))
        pieces.append(match.group(1))
        removed += 2
        position = match.end()
    pieces.append(example[position:])
    return "".join(pieces), spans


def example_document(rule: type[Rule], example: str) -> tuple[str, list[tuple[int, int]]]:
    """The document an example is linted as, and the marked spans as offsets into it."""
    text, spans = unmark(example)
    kinds = rule.applies_to
    prefix = ""
    if UnitKind.SENTENCE not in kinds and not re.search(r"^#", text, re.MULTILINE):
        item = "" if text.startswith(("- ", "* ")) else "- "
        if UnitKind.ACTION_ITEM in kinds:
            prefix = f"## Action items\n\n{item}"
        elif UnitKind.TIMELINE_ENTRY in kinds:
            prefix = f"## Timeline\n\n{item}"
    shift = len(prefix)
    return prefix + text, [(start + shift, end + shift) for start, end in spans]


def render_rule(rule: type[Rule]) -> str:
    """The Markdown page of a rule (`blameless rule ID`, docs/rules/ID.md)."""
    doc = parse_doc(rule)
    out = [f"# {rule.id} {rule.name}", ""]
    out += [f"{doc.summary}", ""] if doc.summary else []
    out += [
        f"- Severity: **{rule.severity.value}**",
        f"- Message: {rule.message}",
    ]
    out += [f"- Suggestion: {rule.suggestion}"] if rule.suggestion else []
    out.append("")
    out += [doc.body, ""] if doc.body else []
    for name in SECTIONS:
        text = doc.sections.get(name)
        if not text:
            continue
        out += [f"## {name}", ""]
        if name in ("Bad", "Good"):
            for example in split_examples(text):
                plain, spans = unmark(example)
                out += ["```markdown", plain.rstrip("\n"), "```", ""]
                if spans:
                    flagged = ", ".join(f"`{plain[a:b]}`" for a, b in spans)
                    out += [f"Flagged: {flagged}", ""]
        else:
            out += [text, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_index(rules: Sequence[type[Rule]]) -> str:
    """The Markdown index of all rules (docs/rules/index.md)."""
    out = [
        "# Rules",
        "",
        "Generated by `scripts/gen_rule_docs.py` from the rule docstrings; do not edit by hand.",
        "",
        "| id | name | severity | what it flags |",
        "| --- | --- | --- | --- |",
    ]
    for rule in rules:
        summary = parse_doc(rule).summary.replace("|", "\\|")
        out.append(
            f"| [{rule.id}]({rule.id}.md) | {rule.name} | {rule.severity.value} | {summary} |"
        )
    return "\n".join(out) + "\n"
