"""Timeline reconstruction (pure): importers per source, merge, milestones and durations."""

from blameless.timeline.base import ImportContext, ImportOptions, ImportStats
from blameless.timeline.registry import Importer, get_importer, importer_names, read_events

__all__ = [
    "ImportContext",
    "ImportOptions",
    "ImportStats",
    "Importer",
    "get_importer",
    "importer_names",
    "read_events",
]
