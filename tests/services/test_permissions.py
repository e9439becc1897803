"""Who may call every service operation: a table of the roles allowed for each function that takes an
``actor``, checked against a real database for every role (admin, supervisor, operator, viewer, kiosk,
system). The functions are found by scanning ``antrian.services``: a new one without a row fails here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy.orm import Session

import antrian.services
from antrian.domain.desk import DeskAction
from antrian.domain.errors import AntrianError, PermissionDenied
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import (
    audit,
    branding,
    calendar,
    counters,
    desk,
    display,
    monitor,
    office,
    queue,
    reports,
    setup,
    skm,
    standards,
    ticket_log,
    users,
    zones,
)
from antrian.services.queue import counter_lock
from antrian.store.database import Database
from tests.conftest import MONDAY_9AM

R = Role
EVERYONE = frozenset(Role)
ISSUERS = EVERYONE - {R.VIEWER}
SERVERS = frozenset({R.ADMIN, R.SUPERVISOR, R.OPERATOR, R.SYSTEM})
CLOSERS = frozenset({R.ADMIN, R.SUPERVISOR, R.SYSTEM})
ADMINS = frozenset({R.ADMIN, R.SYSTEM})
READERS = frozenset({R.ADMIN, R.SUPERVISOR, R.VIEWER, R.SYSTEM})
PEOPLE = frozenset({R.ADMIN, R.SUPERVISOR, R.OPERATOR, R.VIEWER})
MONDAY = date(2026, 11, 30)

# Functions that take an actor only to record who acts, for a caller that has checked the role already.
RECORDERS = {
    "action_log.who",
    "audit.record",
    "office.log_settings_changed",
    "office.log_office_changed",
    "queue.record",
    "standards.write_entry",
}

Call = Callable[[Session, Actor, Database], Any]

SVG = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
ROWS: dict[str, tuple[frozenset[Role], Call]] = {
    # the queue
    "queue.issue_ticket": (ISSUERS, lambda s, a, db: queue.issue_ticket(s, "A", actor=a)),
    "queue.issue_ticket_in": (ISSUERS, lambda s, a, db: queue.issue_ticket_in(db, "A", actor=a)),
    "queue.call_next": (SERVERS, lambda s, a, db: queue.call_next(s, 1, actor=a)),
    "queue.call_ticket": (SERVERS, lambda s, a, db: queue.call_ticket(s, 1, "A001", actor=a)),
    "queue.recall": (SERVERS, lambda s, a, db: queue.recall(s, 1, actor=a)),
    "queue.start": (SERVERS, lambda s, a, db: queue.start(s, 1, actor=a)),
    "queue.finish": (SERVERS, lambda s, a, db: queue.finish(s, 1, actor=a)),
    "queue.no_show": (SERVERS, lambda s, a, db: queue.no_show(s, 1, actor=a)),
    "queue.hold": (SERVERS, lambda s, a, db: queue.hold(s, 1, actor=a)),
    "queue.resume": (SERVERS, lambda s, a, db: queue.resume(s, 1, "A001", actor=a)),
    "queue.transfer": (SERVERS, lambda s, a, db: queue.transfer(s, 1, "B", actor=a)),
    "queue.desk": (
        SERVERS,
        lambda s, a, db: counter_lock.desk(s, 1, a, FixedClock(MONDAY_9AM), need_open=False),
    ),
    "queue.cancel": (SERVERS, lambda s, a, db: queue.cancel(s, "A001", actor=a)),
    "queue.expire_past_days": (CLOSERS, lambda s, a, db: queue.expire_past_days(s, actor=a)),
    "counters.open_counter": (SERVERS, lambda s, a, db: counters.open_counter(s, 1, actor=a)),
    "counters.pause_counter": (
        SERVERS,
        lambda s, a, db: counters.pause_counter(s, 1, "Makan siang", actor=a),
    ),
    "counters.close_counter": (SERVERS, lambda s, a, db: counters.close_counter(s, 1, actor=a)),
    "desk.open_desk": (SERVERS, lambda s, a, db: desk.open_desk(s, 1, actor=a)),
    "desk.act": (SERVERS, lambda s, a, db: desk.act(s, 1, DeskAction.CALL_NEXT, expect=None, actor=a)),
    # the office set-up
    "office.update_office": (ADMINS, lambda s, a, db: office.update_office(s, a, running_text="Halo")),
    "branding.set_logo": (ADMINS, lambda s, a, db: branding.set_logo(s, SVG, actor=a)),
    "branding.set_ticket_text": (
        ADMINS,
        lambda s, a, db: branding.set_ticket_text(s, "Selamat datang", "", actor=a),
    ),
    "branding.office_profile": (READERS, lambda s, a, db: branding.office_profile(s, a)),
    "zones.add_zone": (ADMINS, lambda s, a, db: zones.add_zone(s, a, "PAJAK", "Bapenda")),
    "zones.edit_zone": (ADMINS, lambda s, a, db: zones.edit_zone(s, a, "PAJAK", name="Samsat")),
    "zones.remove_zone": (ADMINS, lambda s, a, db: zones.remove_zone(s, a, "PAJAK")),
    "zones.set_service_zone": (ADMINS, lambda s, a, db: zones.set_service_zone(s, a, "A", None)),
    "zones.set_counter_zone": (ADMINS, lambda s, a, db: zones.set_counter_zone(s, a, 1, None)),
    # the satisfaction survey: paper forms by the supervisor, the index for those who read the figures
    "skm.submit_answers": (
        CLOSERS,
        lambda s, a, db: skm.submit_answers(s, a, service="A", day=date(2026, 11, 30), answers=[4] * 9),
    ),
    "skm.skm_report": (
        READERS,
        lambda s, a, db: skm.skm_report(s, a, date(2026, 11, 30), date(2026, 11, 30)),
    ),
    "skm.edit_questionnaire": (ADMINS, lambda s, a, db: skm.edit_questionnaire(s, a, [])),
    "setup.reorder_services": (ADMINS, lambda s, a, db: setup.reorder_services(s, ["C", "B", "A"], actor=a)),
    "display.save_voice_settings": (
        ADMINS,
        lambda s, a, db: display.save_voice_settings(s, display.VoiceSettings(), actor=a),
    ),
    "setup.save_service": (
        ADMINS,
        lambda s, a, db: setup.save_service(s, "D", "Baru", actor=a, standard_time=5),
    ),
    "setup.add_service": (
        ADMINS,
        lambda s, a, db: setup.add_service(s, "D", "Baru", actor=a, standard_time=5),
    ),
    "setup.edit_service": (ADMINS, lambda s, a, db: setup.edit_service(s, "A", actor=a, name="KTP")),
    "setup.save_counter": (ADMINS, lambda s, a, db: setup.save_counter(s, 9, "Loket 9", ["A"], actor=a)),
    "setup.add_counter": (ADMINS, lambda s, a, db: setup.add_counter(s, 9, "Loket 9", ["A"], actor=a)),
    "setup.edit_counter": (ADMINS, lambda s, a, db: setup.edit_counter(s, 1, actor=a, name="Loket Satu")),
    "calendar.add_holiday": (
        ADMINS,
        lambda s, a, db: calendar.add_holiday(s, a, date(2026, 12, 25), "Natal"),
    ),
    "calendar.remove_holiday": (ADMINS, lambda s, a, db: calendar.remove_holiday(s, a, date(2026, 12, 25))),
    "calendar.add_breaks": (
        ADMINS,
        lambda s, a, db: calendar.add_breaks(s, a, [5], time(11, 30), time(13), "Salat Jumat"),
    ),
    "calendar.remove_break": (ADMINS, lambda s, a, db: calendar.remove_break(s, a, 1)),
    "standards.set_standard": (
        CLOSERS,
        lambda s, a, db: standards.set_standard(s, a, "A", 20, "minutes", None, MONDAY),
    ),
    "standards.list_standards": (READERS, lambda s, a, db: standards.list_standards(s, a)),
    # reading the office's figures
    "monitor.monitor_snapshot": (READERS, lambda s, a, db: monitor.monitor_snapshot(s, a)),
    "reports.compliance_report": (
        READERS,
        lambda s, a, db: reports.compliance_report(
            s, MONDAY, MONDAY, actor=a, standard_for=reports.standards_in_force(s)
        ),
    ),
    "ticket_log.log_snapshot": (
        READERS,
        lambda s, a, db: ticket_log.log_snapshot(
            s, ticket_log.LogFilter(MONDAY, MONDAY), actor=a, standard_for=reports.standards_in_force(s)
        ),
    ),
    "ticket_log.log_rows": (
        READERS,
        lambda s, a, db: ticket_log.log_rows(s, [1], actor=a, standard_for=reports.standards_in_force(s)),
    ),
    "ticket_log.ticket_events": (READERS, lambda s, a, db: ticket_log.ticket_events(s, 1, actor=a)),
    # users and the audit
    "users.create_user": (
        ADMINS,
        lambda s, a, db: users.create_user(s, "baru", "B", "operator", "rahasia123", actor=a),
    ),
    "users.add_user": (ADMINS, lambda s, a, db: users.add_user(s, a, "baru", "Baru", "viewer")),
    "users.list_users": (READERS, lambda s, a, db: users.list_users(s, a)),
    "users.edit_user": (ADMINS, lambda s, a, db: users.edit_user(s, a, "op", full_name="Op Baru")),
    "users.set_user_active": (ADMINS, lambda s, a, db: users.set_user_active(s, a, "op", False)),
    "users.disable_user": (ADMINS, lambda s, a, db: users.disable_user(s, a, "op")),
    "users.enable_user": (ADMINS, lambda s, a, db: users.enable_user(s, a, "op")),
    "users.unlock_user": (ADMINS, lambda s, a, db: users.unlock_user(s, a, "op")),
    "users.reset_password": (ADMINS, lambda s, a, db: users.reset_password(s, a, "op")),
    "users.change_own_password": (
        PEOPLE,
        lambda s, a, db: users.change_own_password(s, a, "rahasia123", "kata-sandi-baru"),
    ),
    "audit.audit_rows": (READERS, lambda s, a, db: audit.audit_rows(s, a, MONDAY, MONDAY)),
}


def _operations() -> set[str]:
    """Every public function of ``antrian.services`` with an ``actor`` parameter, as "module.function" (the
    module of ``antrian.services``, or the package holding it: "queue.call_next")."""
    found = set()
    for module_info in pkgutil.walk_packages(antrian.services.__path__, "antrian.services."):
        module = importlib.import_module(module_info.name)
        top = module_info.name.split(".")[2]
        for name, function in inspect.getmembers(module, inspect.isfunction):
            own = function.__module__ == module.__name__ and not name.startswith("_")
            if own and "actor" in inspect.signature(function).parameters:
                found.add(f"{top}.{name}")
    return found


def test_every_operation_has_a_row() -> None:
    assert _operations() == set(ROWS) | RECORDERS


@pytest.fixture
def actors(office: Database) -> dict[Role, Actor]:
    """A person of each role (every one's password rahasia123), the kiosk and the system."""
    made = {R.KIOSK: KIOSK, R.SYSTEM: SYSTEM}
    with office.write() as s:
        for role, username in (
            (R.ADMIN, "adm"),
            (R.SUPERVISOR, "spv"),
            (R.OPERATOR, "op"),
            (R.VIEWER, "lihat"),
        ):
            made[role] = Actor(
                role,
                users.create_user(s, username, username, role.value, "rahasia123", actor=SYSTEM),
                username,
            )
        users.create_user(s, "adm2", "Admin Dua", "admin", "rahasia123", actor=SYSTEM)
        calendar.add_breaks(s, SYSTEM, [1], time(12), time(13), "Makan siang")
    return made


@pytest.mark.parametrize("operation", sorted(ROWS))
def test_who_may_call(office: Database, actors: dict[Role, Actor], operation: str) -> None:
    allowed, call = ROWS[operation]
    outcome: dict[Role, bool] = {}
    for role, actor in actors.items():
        session = office.writer()
        try:
            call(session, actor, office)
            outcome[role] = True
        except PermissionDenied as refusal:
            outcome[role] = refusal.code.startswith("counter.held")  # held by another: allowed to try
        except AntrianError:
            outcome[role] = True  # allowed past the role check; refused for what the request is
        finally:
            session.rollback()
            session.close()
    assert {role for role, ok in outcome.items() if ok} == set(allowed)
