"""`python -m blameless`."""

from blameless.cli import main

main()
