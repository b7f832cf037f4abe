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


def test_the_year_in_the_events_name_dates_a_day_without_one() -> None:
    [event] = events_of("2026东岳智能制造论坛开幕\n\n11月20日，2026东岳智能制造论坛在东岳召开。")
    assert event.date == "2026-11-20"


def test_every_organizing_clause_names_organizers_and_the_venue_is_the_place() -> None:
    text = ("11月20日，由东岳市人民政府主办，东岳市科学技术局、东岳理工大学承办，东岳市软件行业协会协办的"
            "2026东岳智能制造论坛在东岳国际会议中心举行。")
    analysis = analyse(Document("d", text, "zh"))
    [event] = analysis.events
    organizers = {analysis.mentions[i].text for i, role in event.participants if role is EventRole.ORGANIZER}
    assert organizers == {"东岳市人民政府", "东岳市科学技术局", "东岳理工大学", "东岳市软件行业协会"}
    assert event.place == "东岳国际会议中心"
    assert "东岳国际会议中心" not in [m.text for m in analysis.mentions]  # a venue, not an organization


def test_organizers_joined_before_a_verb_that_also_ends_a_name() -> None:
    text = "东岳数字经济大会2025年年会在杭州召开。会议由东岳数字经济发展组织和东岳软件行业协会共同组织。"
    analysis = analyse(Document("d", text, "zh"))
    [event] = analysis.events
    organizers = {analysis.mentions[i].text for i, role in event.participants if role is EventRole.ORGANIZER}
    assert organizers == {"东岳数字经济发展组织", "东岳软件行业协会"}
