from __future__ import annotations

from blameless.analysis.language import analyze


def test_tokens_keep_offsets_and_strip_possessives() -> None:
    analysis = analyze("Priya’s on-call shift ended at 22:52.")
    first = analysis.tokens[0]
    assert (first.text, first.base, first.possessive) == ("Priya’s", "priya", True)
    assert analysis.text[first.start : first.end] == "Priya’s"
    assert "on-call" in analysis.words


def test_quotes_but_not_apostrophes() -> None:
    analysis = analyze("Katya's note said 'should have' twice.")
    assert analysis.quoted(analysis.text.index("should"))
    assert not analysis.quoted(analysis.text.index("note"))


def test_clock_times_are_no_clause_boundary_but_colons_are() -> None:
    analysis = analyze("Root cause: at 22:52 the link dropped.")
    words = [t.text for t in analysis.tokens]
    assert analysis.hard_before[words.index("at")]
    assert not analysis.hard_before[words.index("52")]
