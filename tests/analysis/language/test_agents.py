from __future__ import annotations

import pytest

from blameless.analysis.context import Context, LintConfig
from blameless.analysis.language import Agent, analyze, classify, lexicon_for
from blameless.analysis.language.cues import meta_talk, negated


def _kind(sentence: str, word: str, ctx: Context | None = None) -> Agent | None:
    analysis = analyze(sentence)
    index = [t.text for t in analysis.tokens].index(word)
    return classify(analysis, index, lexicon_for(ctx))


@pytest.mark.parametrize(
    ("sentence", "word", "kind"),
    [
        ("Then Oluwaseun restarted it.", "Oluwaseun", Agent.PERSON),
        ("Then Jenkins restarted it.", "Jenkins", Agent.SYSTEM),
        ("Winston, the release bot, tagged it.", "Winston", None),
        ("The Kafka operator recreated the pod.", "operator", Agent.SYSTEM),
        ("The junior operator recreated the pod.", "operator", Agent.PERSON),
        ("Nobody touched the pod.", "Nobody", Agent.NOBODY),
        ("Our clusters trust each other.", "Our", None),
        ("Developer access was removed.", "Developer", None),
        ("@dana approved it.", "@dana", Agent.PERSON),
        ("@deploy-bot approved it.", "@deploy-bot", None),
    ],
)
def test_classify(sentence: str, word: str, kind: Agent | None) -> None:
    assert _kind(sentence, word) == kind


def test_configured_systems_and_roster() -> None:
    ctx = Context(LintConfig(systems=["Marvin"]), people={"Zed Quill": "SRE"})
    assert _kind("Then Marvin paged us.", "Marvin", ctx) is Agent.SYSTEM
    assert _kind("Then Zed paged us.", "Zed", ctx) is Agent.PERSON


def test_negation_stays_in_its_clause() -> None:
    analysis = analyze("We do not want to point fingers, but Lars was careless.")
    index = [t.low for t in analysis.tokens].index("careless")
    assert not negated(analysis, index)
    analysis = analyze("Nobody here was careless.")
    assert negated(analysis, 3)


def test_meta_talk() -> None:
    analysis = analyze("It is easy to call this human error.")
    assert meta_talk(analysis, len(analysis.tokens) - 1)
    analysis = analyze("The engineer on call was careless.")
    assert not meta_talk(analysis, len(analysis.tokens) - 1)


@pytest.mark.parametrize(
    ("sentence", "word", "kind"),
    [
        # names that are also words, and unlisted names, in agent position
        ("Hunter's hotfix reached every region.", "Hunter's", Agent.PERSON),
        ("Then Ivy deployed the build.", "Ivy", Agent.PERSON),
        ("The cutover was botched by Dawn, sadly.", "Dawn", Agent.PERSON),
        ("Ngozi restarted the broker twice.", "Ngozi", Agent.PERSON),
        ("Then Radomir pushed the tag.", "Radomir", Agent.PERSON),
        # the same words out of agent position, or ordinary capitalised words
        ("Grace periods apply to renewals.", "Grace", None),
        ("Hunter is the name of the new index.", "Hunter", None),
        ("Monday's deploy reached every region.", "Monday's", None),
        ("Replication stopped at noon.", "Replication", None),
        ("Checkout pushed errors to the log.", "Checkout", None),
        # an appositive naming software, and products
        ("Bo, the booking orchestrator, restarted it.", "Bo", None),
        ("Cloudflare pushed a rule at noon.", "Cloudflare", Agent.SYSTEM),
        ("Marvin deployed the build.", "Marvin", Agent.SYSTEM),
        # occupational role heads
        ("The dispatcher uploaded the file.", "dispatcher", Agent.PERSON),
        ("The outsourced help desk closed the ticket.", "desk", Agent.PERSON),
        ("The release captain shipped it.", "captain", Agent.PERSON),
    ],
)
def test_people_beyond_the_name_list(sentence: str, word: str, kind: Agent | None) -> None:
    assert _kind(sentence, word) == kind
