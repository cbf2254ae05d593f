import time

from hypothesis import given
from hypothesis import strategies as st

from blameless.analysis.sentences import MAX_SENTENCE, split_sentences


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_splits_on_terminal_punctuation() -> None:
    assert texts("The pod crashed. Alerts fired!  Why? ") == [
        "The pod crashed.",
        "Alerts fired!",
        "Why?",
    ]


def test_keeps_abbreviations_initials_and_decimals_together() -> None:
    text = "We paged Dr. Lee and J. Smith, e.g. the leads. Latency rose 1.5x vs. Monday."
    assert texts(text) == [
        "We paged Dr. Lee and J. Smith, e.g. the leads.",
        "Latency rose 1.5x vs. Monday.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert texts('He said "stop." Then it stopped.') == ['He said "stop."', "Then it stopped."]


def test_lowercase_continuation_is_not_a_new_sentence() -> None:
    assert texts("See the runbook p. 4 for details. ok.") == [
        "See the runbook p. 4 for details. ok."
    ]


def test_respects_a_window_of_the_text() -> None:
    text = "skip. Take this. And this. skip"
    assert split_sentences(text, 6, 26) == [(6, 16), (17, 26)]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'")), max_size=60))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_over_long_runs_are_cut_at_clause_ends_then_spaces() -> None:
    text = "the queue grew while the workers waited, " * 100
    spans = split_sentences(text)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert text[spans[0][0] : spans[0][1]].endswith("waited,")
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    words = "word " * 1000
    assert all(b - a <= MAX_SENTENCE and words[b - 1] == "d" for a, b in split_sentences(words))


def test_a_long_token_without_spaces_is_cut_and_fast() -> None:
    blob = "abcdefghij" * 100_000 + ". Next."
    started = time.perf_counter()
    spans = split_sentences(blob)
    assert time.perf_counter() - started < 0.5  # was quadratic: minutes
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert blob[spans[-1][0] : spans[-1][1]] == "Next."
