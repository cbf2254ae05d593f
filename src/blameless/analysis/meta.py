"""Meta rules: findings about the linting itself rather than the prose."""

from __future__ import annotations

from typing import ClassVar

from blameless.analysis.finding import Level
from blameless.analysis.rule import Rule


class UnusedSuppression(Rule):
    """A suppression comment that silences nothing.

    The engine reports this rule itself: a `blameless-disable` or
    `blameless-disable-next-line` comment whose rules found nothing in the lines it covers,
    or that names a rule id no rule has (a typo, or a rule that was renamed). A comment whose
    rules are all turned off in this run (`--select`, `--ignore`, configuration) is not
    reported: it may still be needed when they run.

    Why:
        A stale suppression hides the next real finding in those lines, and it tells readers
        that something here needed silencing when nothing does. Remove it once the sentence
        is rewritten.

    Bad:
        ```
        [<!-- blameless-disable-next-line BL001 -->]
        The deploy pipeline did not check the namespace label.
        ```

    Good:
        ```
        The deploy pipeline did not check the namespace label.
        ```
    """

    id: ClassVar[str] = "X001"
    name: ClassVar[str] = "unused-suppression"
    message: ClassVar[str] = "This suppression comment does not silence any finding."
    suggestion: ClassVar[str] = "Remove the comment, or name the rule that still reports here."
    severity: ClassVar[Level] = Level.INFO
    applies_to = frozenset()
