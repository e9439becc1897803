"""The admin services page's form: every field of one service (code, name, standard, waiting target, daily
quota, opening hours and days, kiosk order, active) and the live preview of its ticket number and spoken
call (``service_preview``); filled from a saved service, emptied for a new code, and read back as
``save_service``'s keywords (``fields``)."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.gui.admin.service_preview import ServicePreview
from antrian.gui.admin.standards_tab import say_units, unit_combo
from antrian.gui.theme.metrics import SIZE
from antrian.services.setup import ServiceInfo


def _time(edit: QTimeEdit, box: QCheckBox) -> time | None:
    value = edit.time()
    return time(value.hour(), value.minute()) if box.isChecked() else None


class ServiceForm(QWidget):
    """The "Service" tab; ``editable`` False: every field read-only (a supervisor's view)."""

    def __init__(self, editable: bool) -> None:
        super().__init__()
        self.editable = editable
        column = QVBoxLayout(self)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setMaxLength(3)
        self.code.setMaximumWidth(SIZE.code_field)
        self.name.setMaxLength(200)
        self.standard_time = QSpinBox()
        self.standard_time.setRange(1, 100_000)
        self.standard_unit = unit_combo()
        standard = QHBoxLayout()
        standard.addWidget(self.standard_time)
        standard.addWidget(self.standard_unit, 1)
        self.waiting_target = QSpinBox()
        self.waiting_target.setRange(0, 1440)
        self.quota = QSpinBox()
        self.quota.setRange(0, 100_000)
        self.opens_set, self.closes_set = QCheckBox(), QCheckBox()
        self.opens_at, self.closes_at = QTimeEdit(QTime(8, 0)), QTimeEdit(QTime(15, 0))
        hours = QHBoxLayout()
        for box, edit in ((self.opens_set, self.opens_at), (self.closes_set, self.closes_at)):
            edit.setDisplayFormat("HH:mm")
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
            hours.addWidget(box)
            hours.addWidget(edit)
        hours.addStretch(1)
        self.days = [QCheckBox() for _ in range(7)]
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        self.active = QCheckBox()
        self.order = QSpinBox()
        self.order.setRange(0, 9999)
        self.labels = {
            key: QLabel() for key in ("code", "name", "standard", "target", "quota", "hours", "days", "order")
        }
        form.addRow(self.labels["code"], self.code)
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["standard"], standard)
        form.addRow(self.labels["target"], self.waiting_target)
        form.addRow(self.labels["quota"], self.quota)
        form.addRow(self.labels["hours"], hours)
        form.addRow(self.labels["days"], days)
        form.addRow(self.labels["order"], self.order)
        form.addRow("", self.active)
        column.addLayout(form)
        self.preview = ServicePreview()
        self.preview_label, self.preview_call = self.preview.number, self.preview.call
        column.addWidget(self.preview)
        column.addStretch(1)
        for spin in (self.standard_time, self.waiting_target, self.quota, self.order):
            spin.setMaximumWidth(SIZE.wide_field)
        self.standard_unit.setMaximumWidth(SIZE.unit_field)
        self._fields: list[QWidget] = [
            self.name,
            self.standard_time,
            self.standard_unit,
            self.waiting_target,
            self.quota,
            self.opens_set,
            self.closes_set,
            self.order,
            self.active,
            *self.days,
        ]
        for widget in (*self._fields, self.code):
            widget.setEnabled(self.editable)

    def retranslate(self) -> None:
        for key, text in (
            ("code", self.tr("Code")),
            ("name", self.tr("Name")),
            ("standard", self.tr("Service standard")),
            ("target", self.tr("Waiting target")),
            ("quota", self.tr("Daily quota")),
            ("hours", self.tr("Opening hours")),
            ("days", self.tr("Open days")),
            ("order", self.tr("Kiosk order")),
        ):
            self.labels[key].setText(text)
        self.code.setPlaceholderText(self.tr("A-ZZZ"))
        self.waiting_target.setSpecialValueText(self.tr("no target"))
        self.waiting_target.setSuffix(self.tr(" min"))
        self.quota.setSpecialValueText(self.tr("no quota"))
        self.quota.setSuffix(self.tr(" tickets a day"))
        self.opens_set.setText(self.tr("opens at"))
        self.closes_set.setText(self.tr("closes at"))
        names = words.catalogue(words.language())["calendar.days"]
        for box, name in zip(self.days, names, strict=True):
            box.setText(name[:3])
        self.active.setText(self.tr("Active (offered on the kiosk)"))
        self.preview.retranslate()
        say_units(self.standard_unit)

    def fill(self, info: ServiceInfo) -> None:
        """The fields of a saved service (its code fixed)."""
        self.code.setText(info.code)
        self.code.setEnabled(False)
        self.name.setText(info.name)
        self.standard_time.setValue(info.standard_time)
        self.standard_unit.setCurrentIndex(self.standard_unit.findData(info.standard_unit))
        self.waiting_target.setValue(info.waiting_target_minutes or 0)
        self.quota.setValue(info.daily_quota or 0)
        for box, edit, value in (
            (self.opens_set, self.opens_at, info.opens_at),
            (self.closes_set, self.closes_at, info.closes_at),
        ):
            box.setChecked(value is not None)
            if value is not None:
                edit.setTime(QTime(value.hour, value.minute))
        for number, box in enumerate(self.days, start=1):
            box.setChecked(str(number) in info.open_days)
        self.active.setChecked(info.active)
        self.order.setValue(info.display_order)

    def clear(self, order: int) -> None:
        """An empty form for a new code, last in the kiosk's order (``order``)."""
        self.code.clear()
        self.code.setEnabled(self.editable)
        self.name.clear()
        self.standard_time.setValue(15)
        self.standard_unit.setCurrentIndex(0)
        self.waiting_target.setValue(0)
        self.quota.setValue(0)
        self.opens_set.setChecked(False)
        self.closes_set.setChecked(False)
        for number, box in enumerate(self.days, start=1):
            box.setChecked(number <= 5)
        self.active.setChecked(True)
        self.order.setValue(order)
        self.code.setFocus()

    def fields(self) -> dict[str, Any]:
        """The form as ``save_service``'s keywords (a cleared quota, target or hour is None)."""
        return {
            "standard_time": self.standard_time.value(),
            "standard_unit": self.standard_unit.currentData(),
            "waiting_target_minutes": self.waiting_target.value() or None,
            "daily_quota": self.quota.value() or None,
            "opens_at": _time(self.opens_at, self.opens_set),
            "closes_at": _time(self.closes_at, self.closes_set),
            "open_days": "".join(str(n) for n, box in enumerate(self.days, start=1) if box.isChecked()),
            "active": self.active.isChecked(),
            "display_order": self.order.value(),
        }
