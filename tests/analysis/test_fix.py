import pytest

from blameless.analysis.context import LintConfig
from blameless.analysis.engine import lint_text
from blameless.analysis.finding import Finding, Fix, Level
from blameless.analysis.fix import apply_fixes, fix_text


def finding(fix: Fix) -> Finding:
    return Finding("NM900", "n", Level.INFO, None, 1, 1, 1, 1, "", "", "", fix=fix)


def test_applies_non_overlapping_fixes_back_to_front() -> None:
    fixes = [Fix(0, 3, "A"), Fix(8, 11, "BBBB"), Fix(1, 5, "overlap")]
    assert apply_fixes("one two six", [finding(f) for f in fixes]) == ("A two BBBB", 2)


@pytest.mark.usefixtures("test_rules")
def test_fix_text_relints_until_clean() -> None:
    text = "---\nparticipants:\n  - {name: Priya, role: the SRE}\n---\nPriya paged Priya.\n"
    fixed, count, findings = fix_text(text, lambda t: lint_text(t, LintConfig()))
    assert fixed.endswith("the SRE paged the SRE.\n")
    assert count == 2
    assert findings == []
