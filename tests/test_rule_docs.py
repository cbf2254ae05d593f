"""Every rule is registered, documented, and its documented examples hold (exact spans)."""

from __future__ import annotations

import importlib.util
import pkgutil
import sys
from pathlib import Path

import pytest

from blameless.analysis import rules as rules_package
from blameless.analysis.context import LintConfig
from blameless.analysis.docs import SECTIONS, example_document, parse_doc, split_examples, unmark
from blameless.analysis.engine import lint_text
from blameless.analysis.registry import META_RULES, RULE_ID
from blameless.analysis.rule import Rule

ROOT = Path(__file__).resolve().parents[1]
BUILT_IN: tuple[type[Rule], ...] = getattr(rules_package, "ALL_RULES", ())
RULES = (*BUILT_IN, *META_RULES)


@pytest.fixture(autouse=True)
def built_in_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the rule set exists, the registry holds only the meta rules."""
    monkeypatch.setattr(rules_package, "ALL_RULES", BUILT_IN, raising=False)


def _load_generator() -> object:
    spec = importlib.util.spec_from_file_location(
        "gen_rule_docs", ROOT / "scripts/gen_rule_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_rule_docs"] = module
    spec.loader.exec_module(module)
    return module


def test_registry_ids_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(RULE_ID.fullmatch(rule_id) for rule_id in ids)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_every_rule_class_in_the_rules_package_is_registered() -> None:
    defined: set[type[Rule]] = set()
    for info in pkgutil.iter_modules(rules_package.__path__):
        module = importlib.import_module(f"{rules_package.__name__}.{info.name}")
        defined |= {
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Rule) and "id" in vars(value)
        }
    assert defined <= set(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_is_documented(rule: type[Rule]) -> None:
    doc = parse_doc(rule)
    assert doc.summary, f"{rule.id} has no summary line"
    for name in SECTIONS[:3]:
        assert doc.sections.get(name), f"{rule.id} has no {name} section"
    assert rule.message and rule.name


def _examples(kind: str) -> list[tuple[type[Rule], str]]:
    return [
        (rule, example)
        for rule in RULES
        for example in split_examples(parse_doc(rule).sections.get(kind, ""))
    ]


def _config(rule: type[Rule]) -> LintConfig:
    """Default settings; an opt-in rule is selected so that its examples run."""
    return LintConfig() if rule.default_enabled else LintConfig(select=[rule.id])


@pytest.mark.parametrize(("rule", "example"), _examples("Bad"), ids=lambda x: getattr(x, "id", ""))
def test_bad_examples_are_flagged_at_exactly_the_marked_spans(
    rule: type[Rule], example: str
) -> None:
    text, spans = example_document(rule, example)
    assert spans, f"{rule.id}: bad example without a [marked] span: {example!r}"
    found = [(f.start, f.end) for f in lint_text(text, _config(rule)) if f.rule == rule.id]
    assert sorted(found) == sorted(spans), f"{rule.id}: {example!r}"


@pytest.mark.parametrize(("rule", "example"), _examples("Good"), ids=lambda x: getattr(x, "id", ""))
def test_good_examples_are_clean(rule: type[Rule], example: str) -> None:
    text, _ = example_document(rule, example)
    assert [f.text for f in lint_text(text, _config(rule)) if f.rule == rule.id] == []


def test_docs_rules_is_not_stale() -> None:
    generator = _load_generator()
    assert generator.stale_pages() == []  # type: ignore[attr-defined]


def test_unmark_returns_spans_of_the_clean_text() -> None:
    text, spans = unmark("- [ ] [Remind] the [team](x) [owner: @a] of [it].")
    assert text == "- [ ] Remind the [team](x) [owner: @a] of it."
    assert [text[a:b] for a, b in spans] == ["Remind", "it"]
