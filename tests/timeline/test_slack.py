"""Slack export: names, mentions, threads, bots, edits, joins, channels, zip archives."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent
from blameless.timeline.slack import resolve_mentions

Reader = Callable[..., list[TimelineEvent]]


def test_messages_resolve_users_and_mentions(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", channels=frozenset({"inc-billing-eu"}))
    assert len(events) == 19
    assert {e.actor for e in events} == {
        "Priya Natarajan",
        "Ramesh Iyer",  # an empty display name falls back to the real name
        "Lucía Fernández",
        "Alex Kim",
        "Kenji Watanabe",
        "Argo CD",
    }
    by_id = {e.source_id: e for e in events}
    command = by_id["C07BLNG3U1/1772633361.660102"]
    assert command.actor == "Lucía Fernández"
    assert command.text == (
        "#inc-billing-eu: I'm taking incident command. @Priya Natarajan leads recovery, "
        "@Ramesh Iyer please stay with us for context. Deploys are frozen on all clusters and "
        "I've paused the cleanup cron in staging."
    )
    assert command.timestamp == datetime(2026, 3, 4, 14, 9, 21, 660102, tzinfo=UTC)
    assert command.source == "slack"
    declared = by_id["C07BLNG3U1/1772633165.402211"]
    assert declared.text.endswith("Declaring SEV2. @here")
    shell_output = by_id["C07BLNG3U1/1772633234.550314"]
    assert shell_output.actor == "Ramesh Iyer"
    assert shell_output.text.endswith(  # a message of several lines, on one line
        "not staging: ```$ ./scripts/cleanup-stale-namespaces.sh --older-than 30d "
        'namespace "billing" deleted ^C``` I stopped it with Ctrl-C before the next namespace.'
    )


def test_thread_reply_points_to_parent(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", link_base="https://acme.slack.com/")
    (reply,) = [e for e in events if e.kind == "reply"]
    assert reply.actor == "Alex Kim"
    assert reply.link == (
        "https://acme.slack.com/archives/C07BLNG3U1/p1772633497771845"
        "?thread_ts=1772633361.660102&cid=C07BLNG3U1"
    )


def test_bot_messages_are_marked_and_links_unwrapped(read: Reader, fixtures: Path) -> None:
    failed, synced = [e for e in read("slack", fixtures / "slack") if e.kind == "bot"]
    assert (failed.actor, synced.actor) == ("Argo CD", "Argo CD")
    assert failed.text.startswith(
        "#inc-billing-eu: The sync operation of application billing-prod has failed"
    )
    assert failed.text.endswith(
        "SecretSyncedError: could not get provider client Sync operation details are available at: "
        "https://argocd.prod-eu-1.acme.example/applications/argocd/billing-prod?operation=true ."
    )
    assert synced.timestamp == datetime(2026, 3, 4, 14, 33, 9, 774800, tzinfo=UTC)


def test_joins_skipped_by_default_and_kept_on_request(read: Reader, fixtures: Path) -> None:
    default = read("slack", fixtures / "slack")
    assert not any("has joined" in e.text for e in default)
    kept = read("slack", fixtures / "slack", include_joins=True)
    assert len(kept) == len(default) + 6
    assert next(e.text for e in kept if e.actor == "Kenji Watanabe") == (
        "#inc-billing-eu: @Kenji Watanabe has joined the channel"
    )


def test_channel_selection_and_unknown_channel(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", channels=frozenset({"general"}))
    assert [e.text for e in events] == [
        "#general: The coffee machine on the 3rd floor works again :coffee:",
        "#general: Reminder: the all-hands moved to Thursday 16:00 CET, same room.",
    ]
    with pytest.raises(InputError, match="no such channel in the export: random"):
        read("slack", fixtures / "slack", channels=frozenset({"random"}))


def test_time_window(read: Reader, fixtures: Path) -> None:
    since = datetime(2026, 3, 4, 14, 10, tzinfo=UTC)
    until = datetime(2026, 3, 4, 14, 18, 35, 330400, tzinfo=UTC)  # inclusive
    events = read("slack", fixtures / "slack", since=since, until=until)
    assert [(e.kind, e.actor) for e in events] == [
        ("reply", "Alex Kim"),
        ("message", "Priya Natarajan"),
        ("bot", "Argo CD"),
        ("message", "Priya Natarajan"),
        ("message", "Kenji Watanabe"),
    ]


@pytest.mark.parametrize("prefix", ["", "acme Slack export Mar 4 2026/"])
def test_zip_export_same_as_folder(
    read: Reader, fixtures: Path, tmp_path: Path, prefix: str, zip_folder: Callable[..., Path]
) -> None:
    archive = zip_folder(fixtures / "slack", tmp_path / "export.zip", prefix)
    assert read("slack", archive) == read("slack", fixtures / "slack")


def test_message_changed_replaces_text(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    export = tmp_path / "slack"
    shutil.copytree(fixtures / "slack", export)
    day = export / "general" / "2026-03-04.json"
    messages = json.loads(day.read_text())
    messages.append(
        {
            "type": "message",
            "subtype": "message_changed",
            "ts": "1772629200.000900",
            "message": {
                "type": "message",
                "user": "U04SO3JN6P",
                "text": "The coffee machines on the 2nd and 3rd floor work again",
                "ts": "1772629120.118800",
                "edited": {"user": "U04SO3JN6P", "ts": "1772629200.000000"},
            },
        }
    )
    day.write_text(json.dumps(messages))
    events = read("slack", export, channels=frozenset({"general"}))
    assert [e.text for e in events] == [
        "#general: The coffee machines on the 2nd and 3rd floor work again",
        "#general: Reminder: the all-hands moved to Thursday 16:00 CET, same room.",
    ]


def test_malformed_message_names_member_and_line(
    read: Reader, fixtures: Path, tmp_path: Path
) -> None:
    export = tmp_path / "slack"
    shutil.copytree(fixtures / "slack", export)
    (export / "general" / "2026-03-04.json").write_text('[\n  {"type": "message"},\n  3\n]\n')
    with pytest.raises(InputError) as caught:
        read("slack", export)
    assert caught.value.path == str(export / "general" / "2026-03-04.json")
    assert caught.value.line == 2
    assert "missing required field 'ts'" in caught.value.message
    assert len(read("slack", export, skip_invalid=True)) == 19  # those of #inc-billing-eu


def test_not_an_export(read: Reader, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="not a Slack export"):
        read("slack", tmp_path)
    with pytest.raises(InputError, match="not a Slack export folder or zip"):
        read("slack", tmp_path / "notes.txt")
    with pytest.raises(InputError, match="no such file or folder"):
        read("slack", tmp_path / "missing")


def test_resolve_mentions_without_known_user() -> None:
    assert resolve_mentions("<@U999|bob> see <#C1|ops> &amp; <https://x.io>", {}) == (
        "@bob see #ops & https://x.io"
    )
