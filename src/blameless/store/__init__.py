"""Storage: SQLAlchemy tables, the engine and session factory, Alembic migrations, row access.

Only `blameless.services` should use this package; the CLI and the web app go through services.
"""
