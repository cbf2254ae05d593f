"""The timeline de-duplication key."""

from __future__ import annotations

from blameless.store.tables import source_key


def test_the_key_is_a_stable_signed_64_bit_hash() -> None:
    key = source_key("k8s-audit", "2f1c4e0a-9b1d-4c55-8f0e-6a3e2b7d9c10")
    assert key == source_key("k8s-audit", "2f1c4e0a-9b1d-4c55-8f0e-6a3e2b7d9c10")
    assert key is not None and -(2**63) <= key < 2**63
    # Stored in databases: a change of the function would break de-duplication of old rows.
    assert source_key("slack", "1") == -2268312667281659634


def test_source_and_id_are_kept_apart() -> None:
    assert source_key("ab", "c") != source_key("a", "bc")
    assert source_key("slack", "1") != source_key("git", "1")


def test_events_without_source_or_id_have_no_key() -> None:
    assert source_key(None, "1") is None
    assert source_key("slack", None) is None


def test_ids_that_are_not_valid_unicode_still_get_a_key() -> None:
    # json.loads accepts lone surrogates ("\ud800"), so an importer can meet them.
    assert source_key("notes", "\ud800") is not None
