"""Search: the in-memory index (store/search.py) and the replica's search over real items."""

from __future__ import annotations

import dataclasses

import pytest

from coopshare.service import views
from coopshare.store.search import SearchIndex

from .conftest import MakeCoop


def _id(n: int) -> str:
    return f"{n:064x}"


def _ids(hits: list[tuple[str, str]]) -> list[str]:
    return [i for i, _ in hits]


def test_prefixes_as_you_type_and_every_word_must_match() -> None:
    ix = SearchIndex()
    ix.put_many(
        [
            (_id(1), "note", "Inkoopstrategie", "Tender voor de gemeente"),
            (_id(2), "lead", "Interim CFO", "finance zorg"),
            (_id(3), "idea", "Koffie", "inkoop van bonen bij de boer"),
        ]
    )
    assert ix.query("i") == []  # one letter: wait for the second
    assert set(_ids(ix.query("in"))) == {_id(1), _id(2), _id(3)}
    assert set(_ids(ix.query("ink"))) == {_id(1), _id(3)}
    assert set(_ids(ix.query("inko"))) == {_id(1), _id(3)}
    assert _ids(ix.query("inkoopstr")) == [_id(1)]
    assert _ids(ix.query("inkoop bonen")) == [_id(3)]
    assert _ids(ix.query("tender gem")) == [_id(1)]
    assert ix.query("tender b") == []  # a one-letter last word must match whole
    assert ix.query("tender zorg") == []
    assert ix.query("finance zorg") == [(_id(2), "lead")]


def _filler(ix: SearchIndex) -> None:
    """Notes without the words searched for: bm25 ranks a word that is in every note at 0."""
    ix.put_many([(_id(1000 + n), "note", "Filler", f"nothing else {n}") for n in range(20)])


def test_a_title_match_ranks_above_a_text_match() -> None:
    ix = SearchIndex()
    _filler(ix)
    ix.put_many(
        [
            (_id(1), "note", "Notulen", "over de begroting gesproken, en verder niets"),
            (_id(2), "note", "Begroting 2027", "cijfers"),
            (_id(3), "note", "Vergadering", "begroting begroting begroting"),
            (_id(4), "note", "Begroting 2028 en een heel lange titel", "meer cijfers"),
            (_id(5), "note", "Begroting 2027 herzien", "de begroting, opnieuw"),
        ]
    )
    # title matches first, by bm25 (both words in the title, then the shorter title); then
    # the items that match in the text only, most recently indexed first
    assert _ids(ix.query("begroting 2027")) == [_id(2), _id(5)]
    assert _ids(ix.query("begro")) == [_id(2), _id(5), _id(4), _id(3), _id(1)]


def test_words_with_punctuation_underscores_and_accents_are_found() -> None:
    ix = SearchIndex()
    ix.put_many([(_id(1), "note", "Café", "snake_case and l'eau, naïve x-ray")])
    for query in ("cafe", "café", "snake_case", "snake_ca", "l'eau", "naive", "x-ray"):
        assert _ids(ix.query(query)) == [_id(1)], query
    assert ix.query("!!! ...") == []
    assert ix.query('"') == []


def test_a_replaced_or_removed_item_is_returned_once_or_not_at_all() -> None:
    ix = SearchIndex()
    ix.put(_id(1), "note", "Old title", "apples")
    ix.put(_id(1), "note", "New title", "pears")  # an edit indexes the item again
    ix.put(_id(2), "note", "Other", "pears and apples")
    assert _ids(ix.query("apples")) == [_id(2)]
    assert sorted(_ids(ix.query("pears"))) == [_id(1), _id(2)]
    ix.remove(_id(2))
    assert _ids(ix.query("pears")) == [_id(1)]
    assert ix.query("apples") == []
    assert len(ix) == 1


def test_stale_rows_do_not_push_live_ones_out_of_the_results() -> None:
    ix = SearchIndex()
    for version in range(30):  # one note edited 30 times: 29 stale index rows match
        ix.put(_id(1), "note", "Apples", f"apples version {version}")
    ix.put_many([(_id(n), "note", "Other", "apples") for n in range(2, 12)])
    assert len(ix.query("apples", limit=5)) == 5
    assert sorted(_ids(ix.query("apples", limit=50))) == [_id(n) for n in range(1, 12)]


def test_a_query_matching_more_than_rank_at_most_ranks_the_most_recent_matches() -> None:
    ix = SearchIndex(rank_at_most=3)
    _filler(ix)
    ix.put(_id(1), "note", "Apples", "apples, rare ones")  # the best match, but the oldest
    ix.put_many([(_id(n), "note", "Fruit", f"apples and more {n}") for n in range(2, 7)])
    assert sorted(_ids(ix.query("apples"))) == [_id(4), _id(5), _id(6)]  # the newest three
    assert sorted(_ids(ix.query("ap"))) == [_id(4), _id(5), _id(6)]
    assert _ids(ix.query("apples rare")) == [_id(1)]  # a narrower query still finds it
    ix.put(_id(1), "note", "Apples", "apples, rare ones")  # edited: now among the newest
    assert _ids(ix.query("apples"))[0] == _id(1)  # and ranked first (a title match)


def test_replica_search_finds_notes_leads_and_ideas_and_follows_edits(
    make_replica: MakeCoop,
) -> None:
    alice = make_replica("Alice")
    alice.create_coop("C")
    note = alice.add_note("Inkoopstrategie", "Samen inkopen bij de groothandel", ["tender"])
    lead = alice.add_lead({"title": "Interim CFO", "org": "Zorggroep", "rate_min": 90})
    idea = alice.add_idea("Inkoopcollectief", "Een collectief voor inkoop", "ask-before-use")
    assert {st.item_id for st in alice.search("in")} == {note, lead, idea}
    assert {st.item_id for st in alice.search("inko")} == {note, idea}
    assert [st.item_id for st in alice.search("zorggr")] == [lead]
    assert [st.item_id for st in alice.search("tender")] == [note]  # tags are searched
    alice.edit_item(note, {"title": "Verkoopstrategie"}, "Alleen verkopen")
    assert {st.item_id for st in alice.search("inko")} == {idea}
    assert [st.item_id for st in alice.search("verkoop")] == [note]
    alice.delete_item(idea)
    assert alice.search("inko") == []
    hits = views.search(alice, "verk")
    assert [h["title"] for h in hits] == ["Verkoopstrategie"]
    assert hits[0]["kind"] == "note" and hits[0]["author"] == "Alice"


def test_list_rows_read_like_the_summaries_they_replace(make_replica: MakeCoop) -> None:
    alice = make_replica("Alice")
    alice.create_coop("C")
    alice.add_note("Eerste", "Een   tekst\nover  meerdere regels", ["a", "b"])
    (row,) = views.page(alice, None, 0, 10)
    assert row.title == "Eerste" and row.status == ""
    with pytest.raises(dataclasses.FrozenInstanceError):  # a typed, frozen read model
        row.title = "changed"  # type: ignore[misc]
    assert not hasattr(row, "__dict__") and not hasattr(row, "get")  # slots, no dict access
    assert row.tags == ("a", "b") and row.author == "Alice" and row.mine
    assert row.snippet == "Een tekst over meerdere regels"
    assert row.as_dict()["tags"] == ["a", "b"]
    assert views.summary(alice, alice.items()[0]) == row.as_dict()
