"""Output formats for lint results: pure functions from results to strings.

`text` (for people), `json` (for scripts), `sarif` (SARIF 2.1.0, for code-scanning UIs) and
`github` (workflow commands that annotate a pull request).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

from blameless.analysis.engine import FileResult
from blameless.analysis.finding import Finding, Level
from blameless.analysis.rule import Rule
from blameless.analysis.suppress import LineIndex

FORMATS = ("text", "json", "sarif", "github")
RULE_DOCS_URL = "https://github.com/blameless-postmortems/blameless/blob/main/docs/rules/{id}.md"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
_GITHUB_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}
EXCERPT_CONTEXT = 60  # characters of context shown on each side of a span
_COLOR = {Level.ERROR: "31", Level.WARNING: "33", Level.INFO: "36"}


def summarize(results: Sequence[FileResult]) -> dict[str, object]:
    """Counts over all results: files, findings, by severity and by rule."""
    findings = [finding for result in results for finding in result.findings]
    by_severity = Counter(finding.severity.value for finding in findings)
    return {
        "files": len(results),
        "findings": len(findings),
        "by_severity": {level.value: by_severity[level.value] for level in Level},
        "by_rule": dict(sorted(Counter(finding.rule for finding in findings).items())),
        "fixed": sum(result.fixed for result in results),
    }


def format_text(results: Sequence[FileResult], *, color: bool = False) -> str:
    """Each finding with its source line underlined and its suggestion, then a summary."""

    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    blocks: list[str] = []
    for result in results:
        lines = LineIndex(result.text)
        for finding in result.findings:
            where = paint("1", f"{finding.path or '-'}:{finding.line}:{finding.column}:")
            rule = paint(_COLOR[finding.severity], f"{finding.rule}")
            block = [f"{where} {rule} {finding.message} [{finding.name}]"]
            block.extend(_excerpt(finding, lines, paint))
            if finding.suggestion:
                block.append(f"  {paint('32', 'suggestion:')} {finding.suggestion}")
            blocks.append("\n".join(block))
    blocks.append(_summary_line(results))
    return "\n\n".join(blocks) + "\n"


def _excerpt(finding: Finding, lines: LineIndex, paint: Callable[[str, str], str]) -> list[str]:
    source = lines.line_text(finding.line).expandtabs(1)
    number = str(finding.line)
    gutter = " " * len(number)
    first = finding.column - 1
    last = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    # Long lines (table rows, unwrapped paragraphs) are cut to a window around the span.
    begin = max(0, first - EXCERPT_CONTEXT)
    stop = min(len(source), max(last, first + 1) + EXCERPT_CONTEXT)
    shown = ("…" if begin else "") + source[begin:stop] + ("…" if stop < len(source) else "")
    marks = " " * (first - begin + (1 if begin else 0)) + "^" * max(1, last - first)
    return [
        f"  {number} | {shown}",
        f"  {gutter} | {paint(_COLOR[finding.severity], marks)}",
    ]


def _summary_line(results: Sequence[FileResult]) -> str:
    findings = [finding for result in results for finding in result.findings]
    fixed = sum(result.fixed for result in results)
    fixed_note = f" Fixed {_plural(fixed, 'finding')}." if fixed else ""
    if not findings:
        return f"No findings in {_plural(len(results), 'file')}.{fixed_note}"
    counts = Counter(finding.severity for finding in findings)
    parts = [
        _plural(counts[level], level.value, "info" if level is Level.INFO else None)
        for level in Level
        if counts[level]
    ]
    files = sum(1 for result in results if result.findings)
    return (
        f"Found {_plural(len(findings), 'finding')} ({', '.join(parts)}) "
        f"in {_plural(files, 'file')}.{fixed_note}"
    )


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def format_json(results: Sequence[FileResult]) -> str:
    """`{"files": [{"path", "findings": [...]}], "summary": {...}}`."""
    files = [
        {"path": result.path, "findings": [finding.as_dict() for finding in result.findings]}
        for result in results
    ]
    return json.dumps({"files": files, "summary": summarize(results)}, indent=2) + "\n"


def format_github(results: Sequence[FileResult]) -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    out: list[str] = []
    for result in results:
        for f in result.findings:
            props = (
                f"file={_escape_property(result.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},"
                f"title={_escape_property(f'{f.rule} {f.name}')}"
            )
            text = f"{f.message} {f.suggestion}".strip()
            out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(text)}")
    return "".join(line + "\n" for line in out)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_sarif(
    results: Sequence[FileResult], rules: Sequence[type[Rule]], *, version: str
) -> str:
    """A SARIF 2.1.0 log with one run; `rules` become `tool.driver.rules`."""
    index = {rule.id: position for position, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.message},
            "fullDescription": {"text": _first_line(rule.__doc__) or rule.message},
            "helpUri": RULE_DOCS_URL.format(id=rule.id),
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in rules
    ]
    sarif_results = []
    for result in results:
        for f in result.findings:
            entry: dict[str, object] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f"{f.message} {f.suggestion}".strip()},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(result.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "snippet": {"text": f.text},
                            },
                        }
                    }
                ],
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            sarif_results.append(entry)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "blameless",
                        "version": version,
                        "informationUri": RULE_DOCS_URL.rsplit("/docs/", 1)[0],
                        "rules": descriptors,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _first_line(doc: str | None) -> str:
    return doc.strip().splitlines()[0].strip() if doc and doc.strip() else ""


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"))
