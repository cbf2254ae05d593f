"""Generate docs/rules/ (one page per rule and an index) from the rule docstrings.

python scripts/gen_rule_docs.py          # write the pages
python scripts/gen_rule_docs.py --check  # exit 1 if docs/rules/ is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from blameless.analysis.docs import render_index, render_rule
from blameless.analysis.registry import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def expected_pages() -> dict[str, str]:
    """File name -> content of every page docs/rules/ should hold."""
    rules = all_rules()
    pages = {f"{rule.id}.md": render_rule(rule) for rule in rules}
    pages["index.md"] = render_index(rules)
    return pages


def stale_pages(folder: Path = DOCS) -> list[str]:
    """Pages that are missing, different, or no longer generated."""
    pages = expected_pages()
    present = {path.name for path in folder.glob("*.md")}
    stale = [
        name
        for name, text in pages.items()
        if name not in present or (folder / name).read_text(encoding="utf-8") != text
    ]
    return sorted(stale + [name for name in present if name not in pages])


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) docs/rules/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/rules/ is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_pages()
        for name in stale:
            print(f"stale: docs/rules/{name} (run python scripts/gen_rule_docs.py)")
        return 1 if stale else 0
    DOCS.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
    for path in DOCS.glob("*.md"):
        if path.name not in pages:
            path.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
