"""Compact lexicons for the blame-language rules: who can be an agent, and what words judge.

Everything is lowercase. The large lists (given names, system names) are data files in `data/`
(see `data/SOURCES.md`); the small, hand-curated sets live here so a reader can audit them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from blameless.analysis.language.morphology import inflections


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


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


@cache
def word_names() -> frozenset[str]:
    """Given names that are also English words (Will, Grace, Dawn): names only as agents."""
    return _load("word_names.txt")


@cache
def common_words() -> frozenset[str]:
    """Capitalised ordinary words (Yesterday, Checkout, Billing) that are never a given name."""
    return _load("common_words.txt")


@cache
def vader_judgements() -> frozenset[str]:
    """Judgements of a person from the VADER lexicon (filtered subset, MIT; see SOURCES.md)."""
    return _load("judgements_vader.txt")


# People by role. A role noun is a person unless it modifies a system noun ("operator error"
# is handled by the human-error rule; "developer access" is not an agent).
# Occupational heads count too: "release captain", "help desk", "clinical informatics lead"
# are people because their last word is.
PERSON_NOUNS = _set(
    "admin administrator administrators admins analyst analysts anyone apprentice apprentices "
    "approver architect auditor auditors author board captain captains ceo cfo cio ciso "
    "clerk clerks clinician clinicians coder colleague colleagues commander committer "
    "consultant consultants contractor contractors contributor contributors coordinator "
    "coordinators crew cto customer customers dba dbas department departments desk dev "
    "developer developers devs director directors dispatcher dispatchers doctor doctors "
    "electrician electricians employee employees engineer engineers everyone executive "
    "executives expert experts facilities foreman freelancer freelancers group groups guy guys "
    "he helpdesk her him hire hires human humans i individual individuals inspector inspectors "
    "intern interns junior juniors lead leadership leads maintainer maintainers management "
    "manager managers me mechanic mechanics newbie newcomer newcomers noc novice nurse nurses "
    "officer officers on-call on-caller oncall oncaller operator operators owner people person "
    "pharmacist pharmacists physician physicians programmer programmers rep reps "
    "representative representatives responder responders reviewer reviewers rookie scientist "
    "scientists senior seniors she shift soc somebody someone specialist specialists squad sre "
    "sres staff staffer staffers student students supervisor supervisors supplier suppliers "
    "surgeon surgeons sysadmin sysadmins team teammate teammates teams tech technician "
    "technicians tester testers them they trainee trainees us user users vendor vendors vp we "
    "whoever worker workers you porter porters locum locums cashier cashiers teller tellers "
    "trader traders courier couriers rigger riggers fitter fitters signaller signallers picker "
    "pickers packer packers receptionist receptionists accountant accountants paramedic "
    "paramedics folks offender offenders perpetrator perpetrators cab mgmt "
    "driver drivers pilot pilots invigilator invigilators examiner examiners adjuster adjusters "
    "registrar registrars bursar bursars steward stewards warden wardens treasurer treasurers "
    "trustee trustees secretary secretaries caretaker caretakers volunteer volunteers teacher "
    "teachers"
)

# What a person makes or does, as in "Sunny's migration", "Ivy's typo": a capitalised possessor
# of one of these is a person even when the name is not listed.
PERSON_ARTIFACTS = _set(
    "account branch call change changes cleanup command commands commit commits config "
    "credentials cutover decision deletion deploy deployment edit edits error errors failover "
    "fix flush hotfix keyboard laptop merge migration mistake mistakes oversight override patch "
    "pr purge push query reboot refactor reindex replay restart rollback rollout script "
    "shortcut slip switchover tweak typo typos update upgrade workaround"
)

# Pronouns that stand for people.
PERSON_PRONOUNS = _set("he her him his i me mine my she them they us we you")

# Possessive determiners that only introduce the real agent ("our clusters", "their requests").
DETERMINER_PRONOUNS = _set("its our their your")

# "nobody is at fault": the agent itself negates.
NEGATIVE_AGENTS = _set("neither nobody none noone")

# Words that make a following role noun a system: "the Kafka operator", "the k8s operator".
OPERATOR_SYSTEM_MODIFIERS = _set(
    "argo cert-manager cluster crd database db elastic etcd flink helm k8s kafka kubernetes "
    "mongodb mysql postgres postgresql prometheus rabbitmq redis spark strimzi zalando"
)

# Things that act in a sentence without being people.
SYSTEM_NOUNS = _set(
    "access account accounts agent agents alarm alarms alert alerts api apis app application "
    "automation balancer balancers bot bots broker brokers bug build builds cache caches "
    "certificate change changes check checker checks cli cluster clusters code command commands "
    "compiler component config configs configuration configurations console container "
    "containers controller controllers credential credentials cron daemon dashboard dashboards "
    "database databases db default defaults defect dependency deploy deployment deployments "
    "deploys disk disks dns endpoint feature file files firewall firmware flag flags gate "
    "guardrail hardware hook host hosts instance instances interface interpreter job jobs "
    "kernel key laptop leak library limit limits link links linter loop migration migrations "
    "model module monitor monitoring network networks node nodes operator's orchestrator page "
    "parser patch printer printers device devices "
    "patches pipeline pipelines platform playbook pod pods policies policy primary procedure "
    "procedures process processes proxy queries query queue queues quota regression release "
    "releases replica replicas request requests retries retry rollback rollout router routers "
    "rule rules runbook runbooks scanner scheduler script scripts sensor server servers service "
    "services setting settings shell site software stack storm suite switch switches system "
    "systems template templates terminal test tests timeout token tool tooling tools ui update "
    "updates upgrade validator validators version webhook workflow workstation"
)


# A person's standing, as in "Jade's production access": a capitalised possessor of one of these
# is a person.
PERSON_POSSESSIONS = _set(
    "access badge bonus bonuses clearance conduct handling permissions privileges rights role "
    "salary stipend"
)

# Departments named without "team" ("Ops should have caught it", "QA let it through"): people
# when capitalised and the subject of a human or hindsight verb.
TEAM_NAMES = _set(
    "ops qa security secops netops devops infosec infra networking legal finance procurement "
    "it hr compliance"
)

# "the tier-1 agent", "a support agent": an agent of a help desk is a person, not software.
HUMAN_AGENT_MODIFIERS = _set(
    "support tier-1 tier-2 tier-3 tier-one tier-two service customer call-centre call-center "
    "helpdesk help-desk sales booking ticket gate desk contact-centre contact-center field "
    "human live chat"
)

# Titles before a surname: "Mr. Castillo", "Dr Osei".
HONORIFICS = _set("mr mrs ms mx dr miss prof sir madam")

_HUMAN_VERB_STEMS = (
    "approve assume botch bungle bypass click commit configure copy decide delete deploy "
    "disable download edit enable escalate execute fumble ignore install invoke launch merge "
    "misconfigure misread mistype neglect overlook paste press push reboot rename restart "
    "revert rush ship skip submit toggle trigger type typo uninstall unplug upload wipe"
)
# Base forms of deliberate human acts, plus acts of checking: "failed to escalate / follow".
HUMAN_STEMS = _set(_HUMAN_VERB_STEMS) | _set(
    "follow check verify read ask tell inform notify page confirm report review test update "
    "lock close stop pause flag warn"
)

# Verbs of deliberate human action and of hindsight: the subject of one is an agent, so an
# unlisted capitalised word before one ("Kwame triggered", "Aleksandra running") is a person.
HUMAN_VERBS = inflections(_HUMAN_VERB_STEMS) | _set(
    "accidentally broke brought didn't dropped flipped forgot knocked misjudged missed "
    "shouldve couldve should've could've pulled let "
    "mistakenly nuked ought overrode ran should shouldn't took typo'd wrote"
)

# Endings of ordinary nouns that no given name has (Replication, Latency, Autoscaling).
NOUN_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ency",
    "ance",
    "ence",
    "ity",
    "ing",
    "ics",
    "ism",
    "ogy",
    "ure",
    "age",
    "ship",
    "ware",
)

# Adverbs and relative words skipped when looking back from a verb to its agent.
AGENT_SKIP = _set(
    "again already also apparently certainly clearly even just obviously only probably really "
    "simply still surely that then which who"
)

# Words before "who" that ask a question rather than name a person ("nobody knew who ran it").
INTERROGATIVE_HOSTS = _set(
    "know knew known knows ask asked asks see saw seen sees show showed shows shown tell told "
    "tells find found finds check checked checks decide decided determine determined wonder "
    "wondered clear unclear sure matter matters confirm confirmed remember remembered identify "
    "identified track tracked and or but of to is was are were it that this there exactly"
)

# Verbs whose negation denies an excuse and so keeps the blame that follows them.
EXCUSES = _set(
    "excuse excuses excused justify justifies justified absolve absolves absolved erase "
    "erases change changes"
)

# A sentence that opens with the gerund of a claim talks about that claim.
CLAIMS = _set("saying claiming arguing suggesting asserting insisting")

NEGATORS = _set("cannot neither never no nobody none noone nor not without")

# Words that show a sentence talks about blame instead of assigning it ("call" is handled
# apart: "on call" is no meta talk).
META_CUES = _set(
    "avoid avoiding avoids blame-free blameful blameless counterfactual counterfactuals "
    "coverage headline headlines label labeled labeling labelled labelling labels linter phrase "
    "phrases punitive rewrite rewriting tempting wording"
)

# Clause starters: the subject of a verb after one of these is searched after it.
CLAUSE_STARTERS = _set(
    "after although because before but since so though unless until when whereas while"
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
