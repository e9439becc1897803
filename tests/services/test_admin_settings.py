"""The office profile, logo, ticket lines and kiosk order as the admin window saves them: validated with
nothing saved on bad input, the admin's only, and every change an event carrying the old and new values."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import select

from antrian.domain.errors import InvalidInput, PermissionDenied
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.branding import (
    MAX_LOGO_BYTES,
    TicketText,
    get_logo,
    get_ticket_text,
    set_logo,
    set_ticket_text,
)
from antrian.services.counters import counter_info
from antrian.services.office import get_office, update_office
from antrian.services.setup import edit_counter, edit_service, list_services, reorder_services
from antrian.services.slips import ticket_slip
from antrian.store.database import Database
from antrian.store.models import Event
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

CLOCK = FixedClock(MONDAY_9AM)
SUPERVISOR = Actor(Role.SUPERVISOR, None, "kabid")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def events(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        return list(
            s.execute(select(Event.data).where(Event.kind == "settings_changed").order_by(Event.id)).scalars()
        )


def test_the_office_profile_changes_with_old_and_new_in_its_event(office: Database) -> None:
    before = len(events(office))
    with office.write() as s:
        saved = update_office(
            s, SYSTEM, CLOCK, name="  Kantor Baru ", timezone="Asia/Makassar", recall_limit=0, address="Jl. A"
        )
    assert (saved.name, saved.timezone, saved.recall_limit, saved.address) == (
        "Kantor Baru",
        "Asia/Makassar",
        0,
        "Jl. A",
    )
    assert events(office)[before:] == [
        {
            "office": {
                "name": ["Kantor Uji", "Kantor Baru"],
                "timezone": ["Asia/Jakarta", "Asia/Makassar"],
                "recall_limit": [3, 0],
                "address": ["", "Jl. A"],
            }
        }
    ]
    with office.write() as s:  # the same values again: nothing changed, no event
        update_office(s, SYSTEM, CLOCK, name="Kantor Baru")
    assert len(events(office)) == before + 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "  ", "office.name_missing"),
        ("name", "x" * 201, "office.name_too_long"),
        ("running_text", "x" * 1001, "office.running_text_too_long"),
        ("recall_limit", 11, "office.recall_limit"),
        ("recall_limit", "tiga", "office.recall_limit"),
        ("label_width", 7, "office.label_width"),
        ("priority_interleave", -1, "office.interleave"),
        ("timezone", "Asia/Bandung", "office.timezone_unknown"),
    ],
)
def test_a_bad_office_value_saves_nothing(office: Database, field: str, value: object, code: str) -> None:
    with office.read() as s:
        before = get_office(s)
    with raises_code(InvalidInput, code), office.write() as s:
        update_office(s, SYSTEM, CLOCK, address="Jl. Baru", **{field: value})
    with office.read() as s:
        assert get_office(s) == before


def test_the_logo_is_kept_office_wide_and_refused_when_not_an_image(office: Database) -> None:
    before = len(events(office))
    with office.write() as s:
        set_logo(s, PNG, actor=SYSTEM, clock=CLOCK)
    with office.read() as s:
        assert get_logo(s) == PNG
    summary = {"format": "png", "bytes": len(PNG), "sha256": hashlib.sha256(PNG).hexdigest()}
    assert events(office)[before:] == [{"office": {"logo": [None, summary]}}]
    with raises_code(InvalidInput, "office.logo_not_image"), office.write() as s:
        set_logo(s, b"GIF89a....", actor=SYSTEM, clock=CLOCK)
    with raises_code(InvalidInput, "office.logo_too_big", kb=513, limit=512), office.write() as s:
        set_logo(s, PNG + b"\x00" * MAX_LOGO_BYTES, actor=SYSTEM, clock=CLOCK)
    with office.write() as s:
        set_logo(s, SVG, actor=SYSTEM, clock=CLOCK)
    with office.read() as s:
        assert get_logo(s) == SVG
    with office.write() as s:
        set_logo(s, None, actor=SYSTEM, clock=CLOCK)
    with office.read() as s:
        assert get_logo(s) is None


def test_the_ticket_lines_print_on_the_slip(office: Database) -> None:
    with office.write() as s:
        assert set_ticket_text(s, " Jl. Merdeka 1 ", "Terima kasih", actor=SYSTEM, clock=CLOCK) == TicketText(
            "Jl. Merdeka 1", "Terima kasih"
        )
    assert events(office)[-1] == {
        "office": {"ticket_header": ["", "Jl. Merdeka 1"], "ticket_footer": ["", "Terima kasih"]}
    }
    with office.write() as s:
        ticket = queue.issue_ticket(s, "A", clock=CLOCK)
    with office.read() as s:
        slip = ticket_slip(s, ticket.id, clock=CLOCK)
    assert (slip.header, slip.footer) == ("Jl. Merdeka 1", "Terima kasih")
    with raises_code(InvalidInput, "office.ticket_footer_too_long", length=201), office.write() as s:
        set_ticket_text(s, "", "x" * 201, actor=SYSTEM, clock=CLOCK)
    with office.read() as s:
        assert get_ticket_text(s) == TicketText("Jl. Merdeka 1", "Terima kasih")


def test_a_supervisor_changes_nothing(office: Database) -> None:
    for work in (
        lambda s: update_office(s, SUPERVISOR, CLOCK, name="X"),
        lambda s: set_logo(s, PNG, actor=SUPERVISOR, clock=CLOCK),
        lambda s: set_ticket_text(s, "a", "b", actor=SUPERVISOR, clock=CLOCK),
        lambda s: reorder_services(s, ["C", "B", "A"], actor=SUPERVISOR, clock=CLOCK),
    ):
        with pytest.raises(PermissionDenied), office.write() as s:
            work(s)


def test_the_kiosk_order_changes(office: Database) -> None:
    with office.write() as s:
        ordered = reorder_services(s, ["c", "A", "B"], actor=SYSTEM, clock=CLOCK)
    assert [(info.code, info.display_order) for info in ordered] == [("C", 1), ("A", 2), ("B", 3)]
    assert events(office)[-1] == {"service_order": [["A", "B", "C"], ["C", "A", "B"]]}
    with raises_code(InvalidInput, "service.order_incomplete", codes=["A", "B", "C"]), office.write() as s:
        reorder_services(s, ["A", "B"], actor=SYSTEM, clock=CLOCK)
    with office.read() as s:
        assert [info.code for info in list_services(s, CLOCK)] == ["C", "A", "B"]


def test_edits_carry_old_and_new_values(office: Database) -> None:
    with office.write() as s:
        edit_service(s, "A", actor=SYSTEM, clock=CLOCK, name="KTP-el", daily_quota=40)
        edit_service(s, "A", actor=SYSTEM, clock=CLOCK, daily_quota=None)
        edit_counter(s, 1, actor=SYSTEM, clock=CLOCK, services=["B", "A"])
    assert events(office)[-3:] == [
        {"service": "A", "changes": {"name": ["KTP Elektronik", "KTP-el"], "daily_quota": [None, 40]}},
        {"service": "A", "changes": {"daily_quota": [40, None]}},
        {"counter": 1, "changes": {"services": [["A", "B"], ["B", "A"]]}},
    ]
    with office.read() as s:
        assert counter_info(s, 1).services == ("B", "A")
