"""The event a report is about (``kg/extract/events.py``), on invented reports run
through the real pipeline."""
from __future__ import annotations

from kg.extract.pipeline import analyse
from kg.model import Document, EventRole


def events_of(text: str):
    return analyse(Document("d", text, "zh")).events


def test_a_named_meeting_with_its_date_and_place() -> None:
    [event] = events_of("2024年5月8日，东岳软件行业协会2024年年会在杭州召开。会议由林启华主持。")
    assert event.name.endswith("年会") and event.name.startswith("东岳软件行业协会")
    assert (event.date, event.place) == ("2024-05-08", "杭州")


def test_the_host_of_the_meeting_is_a_participant_with_that_role() -> None:
    analysis = analyse(Document("d", "东岳软件行业协会2024年年会在杭州召开。会议由林启华主持。", "zh"))
    [event] = analysis.events
    roles = {analysis.mentions[i].text: role for i, role in event.participants}
    assert roles.get("林启华") is EventRole.HOST


def test_the_object_of_a_verb_is_not_the_name_of_an_event() -> None:
    assert events_of("出席会议的有林启华、孙明远等。") == []
