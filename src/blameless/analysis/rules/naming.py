"""NM001: a person is named (information only: naming is not blaming)."""

from __future__ import annotations

from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.finding import Fix, Level
from blameless.analysis.language import analyze, lexicon_for
from blameless.analysis.language.agents import Lexicon
from blameless.analysis.language.text import Analysis
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.units import Unit, UnitKind

_DETERMINERS = ("the ", "a ", "an ", "our ", "their ")


class PersonNamed(Rule):
    """A person is named in the write-up.

    Why:
        Naming is not blaming: "14:02 Priya restarted the pods" is a good timeline entry. Some
        teams still publish postmortems with roles instead of names, so that readers focus on
        the situation. With a roster (`people` setting or front-matter `participants`), `--fix`
        replaces each name with the person's role.

    Bad:
        14:02 [Priya] restarted the pods.
        The change was reviewed by [Tomasz Nowak] before the freeze.

    Good:
        14:02 the on-call engineer restarted the pods.
        Jenkins marked the build green.
        Harvey, the release bot, tagged the build.
    """

    id = "NM001"
    name = "person-named"
    message = "A person is named here."
    suggestion = "If this write-up is shared widely, consider naming the role instead."
    severity = Level.INFO
    applies_to = frozenset({UnitKind.SENTENCE, UnitKind.TIMELINE_ENTRY, UnitKind.ACTION_ITEM})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Every name from the bundled list or the roster; a fix when the roster knows the role."""
        analysis = analyze(unit.text)
        lex = lexicon_for(ctx)
        roles = _roles(ctx)
        tokens = analysis.tokens
        i = 0
        while i < len(tokens):
            if not lex.is_name(analysis, i):
                i += 1
                continue
            last = _surname_end(analysis, i, lex)
            start = tokens[i].start
            end = tokens[last].end - (2 if tokens[last].possessive else 0)
            name = unit.text[start:end]
            role = roles.get(name.lower()) or roles.get(tokens[i].base)
            fix = None
            suggestion = None
            if role:
                replacement = _with_determiner(role, capital=_sentence_start(analysis, i))
                fix = Fix(start, end, replacement)
                suggestion = f"Name the role instead: '{replacement}'."
            yield Hit(start, end, suggestion=suggestion, fix=fix)
            i = last + 1


def _surname_end(analysis: Analysis, i: int, lex: Lexicon) -> int:
    """Index of the last token of the name that starts at `i` ("Priya Natarajan")."""
    tokens = analysis.tokens
    j = i
    while (
        j + 1 < len(tokens)
        and not tokens[j].possessive
        and tokens[j + 1].capitalized
        and tokens[j + 1].text[1:].islower()
        and not analysis.hard_before[j + 1]
        and not analysis.soft_before[j + 1]
        and tokens[j + 1].end - tokens[j].end == len(tokens[j + 1].text) + 1
        and tokens[j + 1].base not in lex.systems
        and j - i < 2
    ):
        j += 1
    return j


def _roles(ctx: Context) -> dict[str, str]:
    """Roster lookups: full name, handle and (when unambiguous) first name -> role, built once
    per document."""
    roles: dict[str, str] | None = ctx.cache.get(_ROLES_KEY)
    if roles is None:
        roles = ctx.cache[_ROLES_KEY] = _build_roles(ctx)
    return roles


_ROLES_KEY = ("naming", "roles")


def _build_roles(ctx: Context) -> dict[str, str]:
    roles: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for key, role in ctx.people.items():
        if not role:
            continue
        roles[key.lower()] = role
        first = key.lower().lstrip("@").split()[0] if key.strip() else ""
        firsts.setdefault(first, set()).add(role)
    for first, found in firsts.items():
        if first and len(found) == 1 and first not in roles:
            roles[first] = next(iter(found))
    return roles


def _with_determiner(role: str, *, capital: bool) -> str:
    text = role if role.lower().startswith(_DETERMINERS) else f"the {role}"
    return text[0].upper() + text[1:] if capital else text


def _sentence_start(analysis: Analysis, i: int) -> bool:
    """Whether token `i` starts the unit's text (ignoring Markdown emphasis and time stamps)."""
    prefix = analysis.text[: analysis.tokens[i].start].strip(" *_")
    return not prefix or prefix.endswith((".", "!", "?"))
