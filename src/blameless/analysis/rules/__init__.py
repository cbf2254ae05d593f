"""The built-in rules, listed explicitly (a test checks that no rule module is left out)."""

from __future__ import annotations

from blameless.analysis.rule import Rule
from blameless.analysis.rules.action_checks import Awareness, DocumentationOnly, ManualCheck
from blameless.analysis.rules.action_items import BeCareful, Discipline, Reminder, Retrain
from blameless.analysis.rules.action_quality import (
    MissingDueDate,
    MissingOwner,
    NoSystemicAction,
    VagueAction,
)
from blameless.analysis.rules.blame_attribution import BlameAttribution
from blameless.analysis.rules.blame_words import BlameWords
from blameless.analysis.rules.character import CharacterJudgement
from blameless.analysis.rules.counterfactual import Counterfactual
from blameless.analysis.rules.empty_section import EmptySection
from blameless.analysis.rules.human_error import HumanErrorCause
from blameless.analysis.rules.model_stage import BlameTone, PersonFocusedItem
from blameless.analysis.rules.naming import PersonNamed
from blameless.analysis.rules.punitive import PunitiveOutcome
from blameless.analysis.rules.self_blame import SelfBlame
from blameless.analysis.rules.structure_sections import (
    MissingImpact,
    MissingPrevention,
    MissingTimeline,
    MissingWhatHappened,
    MissingWhy,
)
from blameless.analysis.rules.structure_times import (
    MilestoneMarkerConflict,
    MilestoneOrder,
    TimelineGap,
    TimelineOrder,
)

ALL_RULES: tuple[type[Rule], ...] = (
    BlameAttribution,
    BlameWords,
    CharacterJudgement,
    Counterfactual,
    HumanErrorCause,
    PunitiveOutcome,
    SelfBlame,
    BlameTone,
    BeCareful,
    Reminder,
    Retrain,
    Discipline,
    ManualCheck,
    DocumentationOnly,
    Awareness,
    PersonFocusedItem,
    MissingOwner,
    MissingDueDate,
    VagueAction,
    NoSystemicAction,
    MissingWhatHappened,
    MissingWhy,
    MissingPrevention,
    MissingTimeline,
    MissingImpact,
    TimelineOrder,
    MilestoneOrder,
    MilestoneMarkerConflict,
    TimelineGap,
    EmptySection,
    PersonNamed,
)

__all__ = ["ALL_RULES"]
