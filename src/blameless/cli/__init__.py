"""The `blameless` command line: thin commands over the services, one module per noun."""

from blameless.cli import db as _db  # noqa: F401
from blameless.cli import history as _history  # noqa: F401
from blameless.cli import lint as _lint  # noqa: F401
from blameless.cli import new as _new  # noqa: F401
from blameless.cli import timeline as _timeline  # noqa: F401
from blameless.cli import transfer as _transfer  # noqa: F401
from blameless.cli.app import app, main

__all__ = ["app", "main"]
