"""The admin window's zones page: the agencies of a Mal Pelayanan Publik (DUKCAPIL, PAJAK ...), each with the
services and counters that belong to it (picked by ticking them). Every change goes through
``services.zones`` (which checks the role and writes the event); a supervisor or viewer sees it read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.errors import PermissionDenied
from antrian.domain.roles import Actor, Permission
from antrian.gui import theme
from antrian.gui.errors import error_text
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
        root = QVBoxLayout(self)
        self.read_only = QLabel(self)
        self.read_only.setObjectName("readOnly")
        self.read_only.setVisible(not self.editable)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        root.addWidget(self.read_only)
        root.addWidget(self.intro)
        body = QHBoxLayout()
        root.addLayout(body, 1)

        left = QVBoxLayout()
        self.zone_list = QListWidget(self)
        self.zone_list.currentRowChanged.connect(self._zone_chosen)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_zone)
        left.addWidget(self.zone_list, 1)
        left.addWidget(self.new_button)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        self.zone_box = QGroupBox(self)
        form = QFormLayout(self.zone_box)
        self.code = QLineEdit(self.zone_box)
        self.code.setMaxLength(16)
        self.name = QLineEdit(self.zone_box)
        self.name.setMaxLength(120)
        self.order = QSpinBox(self.zone_box)
        self.order.setRange(-999, 999)
        self.code_label, self.name_label, self.order_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.code_label, self.code)
        form.addRow(self.name_label, self.name)
        form.addRow(self.order_label, self.order)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.zone_box)
        self.save_button.clicked.connect(self.save_zone)
        self.remove_button = QPushButton(self.zone_box)
        self.remove_button.clicked.connect(self.remove_zone)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        right.addWidget(self.zone_box)

        self.members_box = QGroupBox(self)
        members = QHBoxLayout(self.members_box)
        self.services_list = QListWidget(self.members_box)
        self.counters_list = QListWidget(self.members_box)
        self.services_heading, self.counters_heading = QLabel(), QLabel()
        for heading, listed in (
            (self.services_heading, self.services_list),
            (self.counters_heading, self.counters_list),
        ):
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addWidget(listed, 1)
            members.addLayout(column, 1)
        self.members_button = QPushButton(self.members_box)
        self.members_button.clicked.connect(self.save_members)
        right.addWidget(self.members_box, 1)
        right.addWidget(self.members_button, 0, Qt.AlignmentFlag.AlignRight)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        body.addLayout(right, 2)

    def retranslate(self) -> None:
        self.read_only.setText(self.tr("Read only: only an admin changes the zones."))
        self.intro.setText(
            self.tr(
                "A zone is an agency of a Mal Pelayanan Publik. A counter of a zone serves only its zone's "
                "services; a kiosk or display PC can be limited to its zones (zones = [...] in its settings "
                "file) and reports can be filtered by zone."
            )
        )
        self.new_button.setText(self.tr("New zone"))
        self.zone_box.setTitle(self.tr("Zone"))
        self.code_label.setText(self.tr("Code"))
        self.name_label.setText(self.tr("Name"))
        self.order_label.setText(self.tr("Order"))
        self.code.setPlaceholderText(self.tr("for example DUKCAPIL"))
        self.save_button.setText(self.tr("Save zone"))
        self.remove_button.setText(self.tr("Remove zone"))
        self.members_box.setTitle(self.tr("Services and counters of this zone (tick to include)"))
        self.services_heading.setText(self.tr("Services"))
        self.counters_heading.setText(self.tr("Counters"))
        self.members_button.setText(self.tr("Save services and counters"))

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
