"""Shared fixtures: every storage test runs on SQLite and on a PostgreSQL server the tests start.

PostgreSQL comes from the Debian binaries (`/usr/lib/postgresql/*/bin`). When they are missing
the PostgreSQL half is skipped, except under CI (`CI` is set), where it fails loudly.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from blameless.model import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    Incident,
    IncidentStatus,
    Milestone,
    Participant,
    Postmortem,
    PostmortemStatus,
    Priority,
    Section,
    Severity,
    TimelineEvent,
)
from blameless.store import migrate
from blameless.store.engine import create_database_engine, session_factory

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TEMPLATE_DATABASE = "blameless_template"


@dataclass
class PostgresServer:
    """A throwaway PostgreSQL cluster listening on 127.0.0.1 with trust authentication."""

    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        import psycopg

        conninfo = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(sql.encode())


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    return Path(found[-1]).parent if found else None


def _version_key(path: str) -> int:
    version = Path(path).parent.parent.name
    return int(version) if version.isdigit() else 0


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole test session, stopped and deleted at the end."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        _unavailable("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
        return
    as_postgres: list[str] = []
    data = Path(tempfile.mkdtemp(prefix="blameless-pg-"))
    if os.geteuid() == 0:
        # The server refuses to run as root.
        if (
            shutil.which("runuser") is None
            or subprocess.run(["id", "postgres"], capture_output=True).returncode
        ):
            shutil.rmtree(data)
            _unavailable("running as root needs the `postgres` system user and runuser")
            return
        shutil.chown(data, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    try:
        _run(
            [
                *as_postgres,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        port = _start(as_postgres, bin_dir, data)
        yield PostgresServer(port)
    finally:
        subprocess.run(
            [
                *as_postgres,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


def _start(as_postgres: list[str], bin_dir: Path, data: Path) -> int:
    problem = ""
    for _attempt in range(3):  # another process may grab the free port before the server does
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        started = subprocess.run(
            [
                *as_postgres,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(data / "server.log"),
                "-w",
                "-t",
                "30",
                "start",
                "-o",
                options,
            ],
            capture_output=True,
            text=True,
        )
        if started.returncode == 0:
            return port
        problem = started.stderr + (data / "server.log").read_text(errors="replace")
    pytest.fail(f"PostgreSQL did not start:\n{problem}", pytrace=False)


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        pytest.fail(f"{command[0]} failed:\n{done.stdout}{done.stderr}", pytrace=False)


def _upgrade(url: str) -> None:
    engine = create_database_engine(url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A migrated database that each test's database is copied from (fast: no migration run)."""
    postgres_server.execute(f"CREATE DATABASE {TEMPLATE_DATABASE}")
    _upgrade(postgres_server.url(TEMPLATE_DATABASE))
    return TEMPLATE_DATABASE


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    _upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of the test: `sqlite` or `postgresql`."""
    name: str = request.param
    return name


def _fresh_database(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path, *, migrated: bool
) -> Iterator[str]:
    if backend == "sqlite":
        path = tmp_path / "blameless.db"
        if migrated:
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"test_{uuid.uuid4().hex[:16]}"
    template = f" TEMPLATE {request.getfixturevalue('postgres_template')}" if migrated else ""
    server.execute(f"CREATE DATABASE {name}{template}")
    yield server.url(name)
    server.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database with no tables (not migrated)."""
    yield from _fresh_database(request, backend, tmp_path, migrated=False)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database migrated to the head."""
    yield from _fresh_database(request, backend, tmp_path, migrated=True)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a fresh migrated database."""
    engine = create_database_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on a fresh migrated database; the test decides when to commit."""
    with session_factory(engine)() as session:
        yield session


@pytest.fixture
def sample_postmortem() -> Postmortem:
    """A postmortem that uses every field of the model, built in code."""
    t0 = datetime(2026, 3, 4, 13, 58, tzinfo=UTC)
    return Postmortem(
        incident=Incident(
            id="INC-2026-001",
            title="Production namespace deleted during staging cleanup",
            severity=Severity.SEV2,
            status=IncidentStatus.RESOLVED,
            services=["checkout", "payments-api"],
            started=t0,
            detected=t0 + timedelta(minutes=3),
            resolved=t0 + timedelta(hours=1, minutes=12),
            impact="Checkout unavailable for 42 minutes for all EU customers.",
        ),
        status=PostmortemStatus.IN_REVIEW,
        authors=["Alex Kim"],
        reviewers=["Sam Okafor"],
        participants=[
            Participant(name="Priya Natarajan", role="on-call engineer", handle="@priya")
        ],
        preamble="\nA short preamble.\n",
        sections=[
            Section(title="Summary", body="\nThe namespace was deleted.\n"),
            Section(title="Timeline", body="\nAll times UTC.\n\n", trailer="\nMore later.\n"),
            Section(title="Why it happened", body="\n"),
            Section(title="How we prevent it", body="\n"),
        ],
        timeline=[
            TimelineEvent(
                t0,
                "Ran the cleanup script.",
                actor="Priya Natarajan",
                source="shell",
                milestone=Milestone.STARTED,
            ),
            TimelineEvent(
                t0 + timedelta(minutes=3),
                "HighErrorRate fired.",
                source="alertmanager",
                source_id="a-1",
                kind="alert",
                link="https://alerts.example/a-1",
                milestone=Milestone.DETECTED,
            ),
        ],
        factors=[
            ContributingFactor(FactorCategory.ACCESS_CONTROL, "One shared admin role.", [1]),
            ContributingFactor(
                FactorCategory.TOOLING_AUTOMATION, "Any namespace accepted.", [1, 2]
            ),
        ],
        action_items=[
            ActionItem(
                "Separate service accounts.",
                kind=ActionKind.PREVENT,
                owner="@alex",
                due=date(2026, 4, 1),
                priority=Priority.P1,
                linked_factors=[1],
            ),
            ActionItem(
                "Refuse unlabelled namespaces.",
                kind=ActionKind.PREVENT,
                status=ActionStatus.DONE,
                tracker_url="https://issues.example/7",
            ),
        ],
        extra={"team": "platform", "reviewed_on": date(2026, 3, 9), "tags": ["k8s"]},
    )
