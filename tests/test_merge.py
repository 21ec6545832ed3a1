"""The edit-preserving merge, table-driven: (machine before, page on disk, machine now) -> page."""

from __future__ import annotations

import pytest

from generator.merge import PageState, body_digest, merge

OLD = {"title": "Japan and South Korea agree", "people": ["Yoshimasa Hayashi", "Yoon Seok-yeol"],
       "topics": ["North Korea"], "notes": [], "reviewed": False}
BODY = "Paragraph one.\n"


def state(machine: dict = OLD, removed: dict | None = None) -> PageState:
    return PageState(machine=dict(machine), body_sha256=body_digest(BODY), removed=removed or {})


CASES = [
    pytest.param(  # untouched page: takes the new machine values (new alias mapping)
        {**OLD}, {**OLD, "people": ["Yoshimasa Hayashi", "Yoon Suk-yeol"]},
        {**OLD, "people": ["Yoshimasa Hayashi", "Yoon Suk-yeol"]}, {}, id="untouched-takes-machine"),
    pytest.param(  # person removed by hand stays removed although the machine still finds him
        {**OLD, "people": ["Yoshimasa Hayashi"]}, {**OLD},
        {**OLD, "people": ["Yoshimasa Hayashi"]}, {"people": ["Yoon Seok-yeol"]}, id="removal-sticks"),
    pytest.param(  # topic added by hand stays, machine additions still arrive
        {**OLD, "topics": ["North Korea", "Diplomacy"]}, {**OLD, "topics": ["North Korea", "Trade"]},
        {**OLD, "topics": ["North Korea", "Diplomacy", "Trade"]}, {}, id="added-topic-stays"),
    pytest.param(  # title typo fixed by hand stays
        {**OLD, "title": "Japan and South Korea agree ties"}, {**OLD, "title": "Japan, S.Korea agree"},
        {**OLD, "title": "Japan and South Korea agree ties"}, {}, id="title-edit-stays"),
    pytest.param(  # reviewed flag and notes belong to people
        {**OLD, "reviewed": True, "notes": ["Checked against the print edition."]}, {**OLD},
        {**OLD, "reviewed": True, "notes": ["Checked against the print edition."]}, {}, id="review-and-notes"),
    pytest.param(  # the machine retracts a find nobody touched
        {**OLD}, {**OLD, "topics": []}, {**OLD, "topics": []}, {}, id="machine-retraction"),
]


@pytest.mark.parametrize("disk, new, expected, removed", CASES)
def test_merge_fields(disk: dict, new: dict, expected: dict, removed: dict) -> None:
    result = merge(new, BODY, state(), disk, BODY)
    assert result.front_matter == expected
    assert result.removed == removed


def test_remembered_removal_survives_machine_forgetting_and_refinding() -> None:
    # Build 2 recorded the removal; build 3's machine finds him again: still not re-added.
    prior = state({**OLD, "people": ["Yoshimasa Hayashi"]}, removed={"people": ["Yoon Seok-yeol"]})
    result = merge({**OLD}, BODY, prior, {**OLD, "people": ["Yoshimasa Hayashi"]}, BODY)
    assert result.front_matter["people"] == ["Yoshimasa Hayashi"]
    assert result.removed == {"people": ["Yoon Seok-yeol"]}


def test_person_put_back_by_hand_is_forgotten_as_removed() -> None:
    prior = state({**OLD, "people": ["Yoshimasa Hayashi"]}, removed={"people": ["Yoon Seok-yeol"]})
    result = merge({**OLD}, BODY, prior, {**OLD}, BODY)
    assert result.front_matter["people"] == ["Yoshimasa Hayashi", "Yoon Seok-yeol"]
    assert result.removed == {}


def test_body_edit_kept_and_untouched_body_refreshed() -> None:
    edited = merge(OLD, "New machine body.\n", state(), dict(OLD), "Paragraph one, fixed.\n")
    assert edited.body == "Paragraph one, fixed.\n"
    assert "body" in edited.human_fields
    fresh = merge(OLD, "New machine body.\n", state(), dict(OLD), BODY)
    assert fresh.body == "New machine body.\n"
    assert fresh.human_fields == ()


def test_unknown_key_added_by_a_person_is_kept() -> None:
    result = merge(OLD, BODY, state(), {**OLD, "peopel": ["X"]}, BODY)
    assert result.front_matter["peopel"] == ["X"]


def test_no_page_yet_and_no_state() -> None:
    assert merge(OLD, BODY, None, None, None).front_matter == OLD
    # A page without state (hand-made or state lost): every value on it is a person's.
    hand = {**OLD, "title": "Hand title"}
    result = merge({**OLD, "title": "Machine title"}, "machine\n", None, hand, "hand body\n")
    assert result.front_matter["title"] == "Hand title"
    assert result.body == "hand body\n"
