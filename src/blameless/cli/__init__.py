"""The `blameless` command line: thin commands over the services, one module per noun."""

from blameless.cli.app import app, main

__all__ = ["app", "main"]
