"""The admin window's zones page: the agencies of a Mal Pelayanan Publik (DUKCAPIL, PAJAK ...), each with the
services and counters that belong to it (picked by ticking them). Every change goes through
``services.zones`` (which checks the role and writes the event); a supervisor or viewer sees it read-only.
The page's widgets are the Designer form ui/admin/zones/zones_page.ui.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from antrian.domain.errors import PermissionDenied
from antrian.domain.roles import Actor, Permission
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.forms.zones_page_ui import Ui_ZonesPage
from antrian.gui.tasks import TaskRunner
from antrian.services.results import CounterInfo
from antrian.services.setup import ServiceInfo
from antrian.services.zones import ZoneInfo
from antrian.store.database import Database

Key = TypeVar("Key", str, int)  # a service's code or a counter's number

CODE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class ZonesView:
    """What the page shows, read in one transaction."""

    zones: tuple[ZoneInfo, ...]
    services: tuple[ServiceInfo, ...]
    counters: tuple[CounterInfo, ...]


def read_zones(database: Database) -> ZonesView:
    from antrian.services.counters import list_counters
    from antrian.services.setup import list_services
    from antrian.services.zones import list_zones

    with database.read() as session:
        return ZonesView(
            tuple(list_zones(session)), tuple(list_services(session)), tuple(list_counters(session))
        )


def save_members(
    database: Database,
    actor: Actor,
    zone: str,
    services: tuple[set[str], set[str]],
    counters: tuple[set[int], set[int]],
) -> None:
    """Put the ticked services and counters in ``zone`` and take the unticked ones out, in one transaction,
    in the order the rule allows (a counter leaves before its services do, and comes in after them)."""
    from antrian.services.zones import set_counter_zone, set_service_zone

    (services_in, services_out), (counters_in, counters_out) = services, counters
    with database.write() as session:
        for number in sorted(counters_out):
            set_counter_zone(session, actor, number, None)
        for code in sorted(services_in):
            set_service_zone(session, actor, code, zone)
        for code in sorted(services_out):
            set_service_zone(session, actor, code, None)
        for number in sorted(counters_in):
            set_counter_zone(session, actor, number, zone)


class ZonesPage(QWidget):
    """Signals:
    saved(): a change was saved (the page has read the database again).
    """

    saved = Signal()
    read = Signal()
    kinds = frozenset({"settings_changed"})

    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database, self._runner, self._actor = database, runner, actor
        try:
            actor.require(Permission.MANAGE)
            self.editable = True
        except PermissionDenied:
            self.editable = False
        self.view: ZonesView | None = None
        self._build()
        self.retranslate()
        self._set_editable()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = Ui_ZonesPage()  # the zones, a zone's fields and its members: ui/admin/zones/zones_page.ui
        self.form.setupUi(self)
        form = self.form
        self.read_only, self.intro, self.status = form.readOnly, form.intro, form.status
        self.read_only.setVisible(not self.editable)
        self.zone_list, self.new_button, self.zone_box = form.zone_list, form.new_button, form.zone_box
        self.code, self.name, self.order = form.code, form.name, form.order
        self.save_button, self.remove_button = form.save_button, form.remove_button
        self.members_box, self.members_button = form.members_box, form.members_button
        self.services_list, self.counters_list = form.services_list, form.counters_list
        self.zone_list.currentRowChanged.connect(self._zone_chosen)
        self.new_button.clicked.connect(self.new_zone)
        self.save_button.clicked.connect(self.save_zone)
        self.remove_button.clicked.connect(self.remove_zone)
        self.members_button.clicked.connect(self.save_members)

    def retranslate(self) -> None:
        self.form.retranslateUi(self)

    def title(self) -> str:
        return self.tr("Zones")

    def _set_editable(self) -> None:
        for widget in (self.code, self.name, self.order):
            widget.setEnabled(self.editable)
        for button in (self.new_button, self.save_button, self.remove_button, self.members_button):
            button.setVisible(self.editable)
        for listed in (self.services_list, self.counters_list):
            listed.setEnabled(self.editable)

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the zones, services and counters again, off the GUI thread."""
        database = self._database
        self._runner.submit(lambda: read_zones(database), self._apply, self._failed)

    def _apply(self, view: ZonesView) -> None:
        chosen = self.current_code()
        self.view = view
        self.zone_list.blockSignals(True)
        self.zone_list.clear()
        for zone in view.zones:
            item = QListWidgetItem(f"{zone.code} · {zone.name}")
            item.setData(CODE, zone.code)
            self.zone_list.addItem(item)
        self.zone_list.blockSignals(False)
        codes = [zone.code for zone in view.zones]
        if chosen in codes:
            self.zone_list.setCurrentRow(codes.index(chosen))
        elif codes:
            self.zone_list.setCurrentRow(0)
        else:
            self.new_zone()
        self.read.emit()

    def _failed(self, error: Exception) -> None:
        self._say(error_text(error), error=True)

    def current_code(self) -> str | None:
        item = self.zone_list.currentItem()
        return None if item is None else str(item.data(CODE))

    def _zone(self) -> ZoneInfo | None:
        code = self.current_code()
        found = [z for z in self.view.zones if z.code == code] if self.view else []
        return found[0] if found else None

    def _zone_chosen(self, _row: int) -> None:
        zone = self._zone()
        if zone is None:
            return
        self.code.setText(zone.code)
        self.code.setReadOnly(True)
        self.name.setText(zone.name)
        self.order.setValue(zone.order)
        self.remove_button.setEnabled(self.editable)
        self._fill_members(zone)

    def _fill_members(self, zone: ZoneInfo | None) -> None:
        view = self.view
        self.services_list.clear()
        self.counters_list.clear()
        if view is None:
            return
        for service in view.services:
            self._member(
                self.services_list, f"{service.code} · {service.name}", service.code, service.zone, zone
            )
        for counter in view.counters:
            self._member(
                self.counters_list, f"{counter.number} · {counter.name}", counter.number, counter.zone, zone
            )
        self.members_box.setEnabled(zone is not None)

    def _member(
        self, listed: QListWidget, text: str, key: object, in_zone: str | None, zone: ZoneInfo | None
    ) -> None:
        elsewhere = in_zone is not None and (zone is None or in_zone != zone.code)
        item = QListWidgetItem(
            self.tr("{text} (zone {zone})").format(text=text, zone=in_zone) if elsewhere else text
        )
        item.setData(CODE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        mine = zone is not None and in_zone == zone.code
        item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)
        listed.addItem(item)

    # -- saving ---------------------------------------------------------------------------------------
    def new_zone(self) -> None:
        self.zone_list.blockSignals(True)
        self.zone_list.setCurrentRow(-1)
        self.zone_list.clearSelection()
        self.zone_list.blockSignals(False)
        self.code.setReadOnly(False)
        self.code.clear()
        self.name.clear()
        self.order.setValue(len(self.view.zones) if self.view else 0)
        self.remove_button.setEnabled(False)
        self._fill_members(None)

    def save_zone(self) -> None:
        database, actor = self._database, self._actor
        code, name, order = self.code.text(), self.name.text(), self.order.value()
        adding = not self.code.isReadOnly()

        def work() -> ZoneInfo:
            from antrian.services.zones import add_zone, edit_zone

            with database.write() as session:
                if adding:
                    return add_zone(session, actor, code, name, order=order)
                return edit_zone(session, actor, code, name=name, order=order)

        self._run(work, self.tr("Zone {code} saved."), code)

    def remove_zone(self) -> None:
        zone = self._zone()
        if zone is None:
            return
        database, actor = self._database, self._actor

        def work() -> ZoneInfo:
            from antrian.services.zones import remove_zone

            with database.write() as session:
                return remove_zone(session, actor, zone.code)

        self._run(work, self.tr("Zone {code} removed."), zone.code)

    def save_members(self) -> None:
        zone = self._zone()
        if zone is None:
            return
        services = _changes(self.services_list, set(zone.services))
        counters = _changes(self.counters_list, set(zone.counters))
        database, actor = self._database, self._actor
        self._run(
            lambda: save_members(database, actor, zone.code, services, counters),
            self.tr("Services and counters of zone {code} saved."),
            zone.code,
        )

    def _run(self, work: Callable[[], object], done: str, code: str) -> None:
        for button in (self.save_button, self.remove_button, self.members_button):
            button.setEnabled(False)

        def finished(result: object) -> None:
            self._enable()
            if isinstance(result, Exception):
                self._say(error_text(result), error=True)
                return
            self._say(done.format(code=code.strip().upper()))
            self.refresh()
            self.saved.emit()

        def failed(error: Exception) -> None:
            finished(error)

        self._runner.submit(work, finished, failed)

    def _enable(self) -> None:
        self.save_button.setEnabled(self.editable)
        self.members_button.setEnabled(self.editable)
        self.remove_button.setEnabled(self.editable and self.code.isReadOnly())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText, theme.colour("error_text" if error else "ok_deep"))
        self.status.setPalette(palette)


def _changes(listed: QListWidget, current: set[Key]) -> tuple[set[Key], set[Key]]:
    """The keys ticked that are not in ``current``, and those in it no longer ticked."""
    ticked: set[Key] = {
        listed.item(row).data(CODE)
        for row in range(listed.count())
        if listed.item(row).checkState() == Qt.CheckState.Checked
    }
    return ticked - current, current - ticked
