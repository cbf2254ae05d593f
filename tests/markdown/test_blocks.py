from blameless.markdown.blocks import LineKind, classify, heading_text, split_lines

OP, T, H1, H2 = LineKind.OPAQUE, LineKind.TEXT, LineKind.H1, LineKind.H2


def kinds(text: str) -> list[LineKind]:
    return classify(split_lines(text))


def test_split_lines_splits_only_on_newline() -> None:
    assert split_lines("a\u2028b\r\nc\x0cd\n") == ["a\u2028b\r\n", "c\x0cd\n"]
    assert split_lines("a\nb") == ["a\n", "b"]
    assert split_lines("") == []


def test_headings_outside_code() -> None:
    assert kinds("# T\n## S\n### Sub\n   ## indented\n    ## code\n#no\n") == [H1, H2, T, H2, T, T]


def test_fenced_code_is_opaque_until_a_matching_fence() -> None:
    text = "````md\n## a\n```\n- [ ] b\n````\n## after\n"
    assert kinds(text) == [OP, OP, OP, OP, OP, H2]


def test_tilde_fence_and_unclosed_fence() -> None:
    assert kinds("~~~\n## x\n~~~\n## y\n") == [OP, OP, OP, H2]
    assert kinds("```\n## never closed\n") == [OP, OP]


def test_backtick_line_with_backticks_in_info_is_not_a_fence() -> None:
    assert kinds("``` a ` b\n## real\n") == [T, H2]


def test_html_comments_are_opaque() -> None:
    assert kinds("<!--\n## x\n-->\n## y\n<!-- one line -->\n## z\n") == [OP, OP, OP, H2, OP, H2]


def test_heading_text_keeps_inner_text() -> None:
    assert heading_text("##   Why it happened  \r\n") == "Why it happened"
    assert heading_text("##\n") == ""
