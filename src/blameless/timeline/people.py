"""Participants' names in events mapped to roles, for anonymised output.

The mapping comes from the `people` setting (`[tool.blameless.people]`, name or handle → role)
and from the postmortem's participants. Actors are replaced, and whole-word occurrences of a
name (or `@name`) in the text as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from blameless.errors import ConfigError
from blameless.model import Participant, TimelineEvent


def people_roles(
    setting: object = None, participants: Sequence[Participant] = ()
) -> dict[str, str]:
    """Name → role from the `people` setting (a table of strings) and the participants."""
    roles: dict[str, str] = {}
    for person in participants:
        if person.role:
            roles[person.name] = person.role
            if person.handle:
                roles[person.handle.lstrip("@")] = person.role
    if setting is None:
        return roles
    if not isinstance(setting, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in setting.items()
    ):
        raise ConfigError('people must be a table of name = "role" strings')
    roles.update({name.lstrip("@"): role for name, role in setting.items()})
    return roles


def anonymise(events: Iterable[TimelineEvent], roles: Mapping[str, str]) -> list[TimelineEvent]:
    """Events with every known name (actor and in text) replaced by its role."""
    if not roles:
        return list(events)
    names = sorted(roles, key=len, reverse=True)
    folded = {name.casefold(): role for name, role in roles.items()}
    pattern = re.compile(
        r"(?<![\w@])@?(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )

    def swap(match: re.Match[str]) -> str:
        return f"[{folded[match.group(1).casefold()]}]"

    result = []
    for event in events:
        actor = event.actor
        if actor is not None and actor.casefold().lstrip("@") in folded:
            actor = folded[actor.casefold().lstrip("@")]
        elif actor is not None:
            actor = pattern.sub(swap, actor)
        result.append(replace(event, actor=actor, text=pattern.sub(swap, event.text)))
    return result
