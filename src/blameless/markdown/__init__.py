"""The postmortem file format: Markdown with YAML front matter <-> the domain model.

See docs/format.md. Reading keeps every prose line byte-for-byte; writing gives the canonical
form, so a canonical file round-trips unchanged.
"""

from blameless.markdown.parse import check_postmortem, parse_postmortem, read_postmortem
from blameless.markdown.render import render_postmortem
from blameless.markdown.template import default_template
from blameless.markdown.timestamps import parse_timestamp

__all__ = [
    "check_postmortem",
    "default_template",
    "parse_postmortem",
    "parse_timestamp",
    "read_postmortem",
    "render_postmortem",
]
