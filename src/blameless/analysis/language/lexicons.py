"""Compact lexicons for the blame-language rules: who can be an agent, and what words judge.

Everything is lowercase. The large lists (given names, system names) are data files in `data/`
(see `data/SOURCES.md`); the small, hand-curated sets live here so a reader can audit them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _load(name: str) -> frozenset[str]:
    text = files("blameless.analysis.language").joinpath("data", name).read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def first_names() -> frozenset[str]:
    """Given names, lowercase (bundled list)."""
    return _load("first_names.txt")


@cache
def system_names() -> frozenset[str]:
    """Products and tools whose names look like people (Jenkins, Travis, Otto...)."""
    return _load("systems.txt")


# People by role. A role noun is a person unless it modifies a system noun ("operator error"
# is handled by the human-error rule; "developer access" is not an agent).
PERSON_NOUNS = frozenset(
    """
    engineer engineers developer developers dev devs admin admins administrator administrators
    sysadmin sysadmins intern interns contractor contractors operator operators on-call oncall
    on-caller oncaller sre sres technician technicians tech lead leads manager managers director
    architect analyst analysts tester testers programmer programmers coder employee employees
    staffer staff person people someone somebody whoever anyone everyone colleague colleagues
    teammate teammates newcomer hire junior senior responder responders commander reviewer
    reviewers approver author committer vendor vendors supplier suppliers customer customers
    user users owner team teams group groups department departments board shift squad crew
    facilities management leadership executive executives cto ceo vp guy guys he him she her
    they them i me we us you individual individuals human humans worker's
    """.split()
)

# Possessive or object forms that mark a person without being a subject.
PERSON_PRONOUNS = frozenset(
    "i me my mine we us our he him his she her they them their you your".split()
)

# "nobody is at fault": the agent itself negates.
NEGATIVE_AGENTS = frozenset("nobody noone none neither".split())

# Words that make a following role noun a system: "the Kafka operator", "the k8s operator".
OPERATOR_SYSTEM_MODIFIERS = frozenset(
    "kafka postgres postgresql kubernetes k8s mysql redis elastic prometheus database db cluster "
    "cert-manager crd helm etcd mongodb rabbitmq spark flink argo strimzi zalando".split()
)

# Things that act in a sentence without being people.
SYSTEM_NOUNS = frozenset(
    """
    tool tools tooling pipeline pipelines script scripts service services bot bots job jobs
    alert alerts alarm alarms config configs configuration configurations system systems server
    servers cluster clusters automation scheduler controller controllers daemon agent agents
    validator validators scanner linter checker check checks test tests suite monitor monitoring
    dashboard dashboards api apis endpoint proxy balancer balancers firewall dns router routers
    switch switches link links network networks disk disks host hosts node nodes pod pods
    container containers instance instances replica replicas primary database databases db cache
    caches queue queues broker brokers cron process processes procedure procedures workflow
    runbook runbooks playbook release releases build builds deploy deploys deployment deployments
    change changes rollout rollback migration migrations upgrade update updates patch patches
    code software hardware firmware kernel sensor interpreter parser compiler template
    templates policy policies rule rules limit limits quota setting settings default defaults
    flag flags gate guardrail interface ui console cli command commands file files request
    requests query queries model version library dependency loop storm bug defect regression
    leak timeout retry retries certificate key token stack platform app application site page
    module component feature hook webhook operator's
    """.split()
)

# Adverbs and relative words skipped when looking back from a verb to its agent.
AGENT_SKIP = frozenset(
    "that who which really simply just obviously clearly also then probably surely certainly "
    "again still already even only apparently".split()
)

NEGATORS = frozenset("no not never nobody none neither nor without cannot noone".split())

# Words that show a sentence talks about blame instead of assigning it.
META_CUES = frozenset(
    """
    calling called labelled labeled labelling labeling avoid avoids avoiding tempting headline
    headlines coverage wording phrase phrases rewrite rewriting blameless blame-free
    """.split()
)

# Clause starters: the subject of a verb after one of these is searched after it.
CLAUSE_STARTERS = frozenset(
    "because when while although though since so but after before until unless whereas".split()
)

# Irregular past forms -> past participle, for questions built from the sentence.
PARTICIPLES = {
    "ran": "run",
    "took": "taken",
    "broke": "broken",
    "wrote": "written",
    "did": "done",
    "gave": "given",
    "drove": "driven",
    "began": "begun",
    "forgot": "forgotten",
    "chose": "chosen",
    "shook": "shaken",
    "threw": "thrown",
    "overrode": "overridden",
    "rode": "ridden",
}
