"""BL008 and AC008: the bundled statistical stage, for blame and person-focused fixes the word
lists miss (open vocabulary, idiom, register). Weights: `language/data/*_model.json`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from blameless.analysis.context import Context
from blameless.analysis.language import Agent, Analysis, Lexicon, analyze, lexicon_for, person_span
from blameless.analysis.language.blame_model import (
    action_model,
    action_probability,
    agents,
    blame_model,
    blame_probability,
)
from blameless.analysis.language.lexicons import PERSON_PRONOUNS
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.units import Unit, UnitKind


class BlameTone(Rule):
    """The sentence reads as blame of a person, in words the other BL rules do not list.

    A small model scores the sentence; it is flagged when the score passes the threshold and a
    person is mentioned, and only when no other BL rule found anything in the sentence (it is
    their fallback, so a sentence is never reported twice). The span is the first person
    mentioned (a name or role before a pronoun). The model was trained on labelled postmortem
    sentences and on whole blameless postmortems (thanks, praise, people's reports, timelines,
    counterfactuals about systems), so that a name in clean prose is not enough to flag it.

    Why:
        Blame comes in open vocabulary and idiom ("made a right hash of", "out of her depth",
        "asleep on the job") that no word list keeps up with. Whatever the words, a sentence
        that pins the incident on a person stops the review at the person instead of asking
        why the action was possible and what would have caught it.

    Bad:
        Typical [Benedikt]: he took the shortcut again and left us to clean up.
        [Odile] really outdid herself this time with that cutover.

    Good:
        Marguerite ran the cutover at 02:10 and paged the database team when replication lagged.
        Tobias led the storage migration review and flagged the missing rollback plan.
        Odile deployed the release at 16:40 on Friday, as the calendar allowed.

    Known false positives:
        A statistical check can misread an unusual sentence. Silence it with
        `<!-- blameless-disable-next-line BL008 -->`, or switch it off with `ignore = ["BL008"]`.
    """

    id = "BL008"
    name = "blame-tone"
    message = "The tone of this sentence puts the incident on a person."
    suggestion = (
        "Ask why the action was possible and why it made sense at the time: what did the system "
        "allow, hide or fail to catch?"
    )
    applies_to = frozenset({UnitKind.SENTENCE, UnitKind.TIMELINE_ENTRY})
    fallback_for = "BL"

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """The first person mentioned, when the model's probability passes its threshold."""
        analysis = analyze(unit.text)
        if not analysis.tokens:
            return
        lex = lexicon_for(ctx)
        kinds = agents(analysis, lex)
        if Agent.PERSON not in kinds:
            return
        if blame_probability(analysis, lex) < blame_model().threshold:
            return
        yield _person_mention(analysis, kinds, lex)


def _person_mention(analysis: Analysis, kinds: Sequence[Agent | None], lex: Lexicon) -> Hit:
    """The first named or role person, else the first pronoun (alone: no phrase around it)."""
    people = [i for i, kind in enumerate(kinds) if kind is Agent.PERSON]
    named = [i for i in people if analysis.tokens[i].base not in PERSON_PRONOUNS]
    if named:
        return Hit(*person_span(analysis, named[0], lex))
    token = analysis.tokens[people[0]]
    return Hit(token.start, token.end)


class PersonFocusedItem(Rule):
    """The action item reads as a fix that works on people, in words AC001-AC007 do not list.

    A small model trained on labelled action items scores the item; it is flagged when the
    score is high and no AC001-AC007 rule found anything in the item (it is their fallback).
    The span is the whole item.

    Why:
        Person-focused fixes (be careful, remind, retrain, punish, check by hand, write it
        down) come in endless wordings. They change nothing the next time someone is tired,
        new or rushed; a fix should change the system so the same slip is caught or harmless.

    Bad:
        [Have a word with the release team about Friday deploys]
        [Sit down with the contractor and go over what happened]

    Good:
        Make the firewall pipeline reject rules that open port 22 to the internet.
        Run every payments deploy through a canary stage with automatic rollback.

    Known false positives:
        A statistical check can misread an unusual item. Silence it with
        `<!-- blameless-disable-next-line AC008 -->`, or switch it off with `ignore = ["AC008"]`.
    """

    id = "AC008"
    name = "person-focused-item"
    message = "This action item seems to rely on people rather than change a system."
    suggestion = "What check, default, guardrail or automation would make the same slip harmless?"
    applies_to = frozenset({UnitKind.ACTION_ITEM})
    fallback_for = "AC0"

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """The whole item, when the model's probability passes its threshold."""
        analysis = analyze(unit.text)
        if not analysis.tokens:
            return
        if action_probability(analysis, lexicon_for(ctx)) >= action_model().threshold:
            yield Hit(analysis.tokens[0].start, analysis.tokens[-1].end)
