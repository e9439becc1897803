"""The admin services page's form: every field of one service (code, name, standard, waiting target, daily
quota, opening hours and days, kiosk order, active) and the live preview of its ticket number and spoken
call (``service_preview``); filled from a saved service, emptied for a new code, and read back as
``save_service``'s keywords (``fields``). The fields are the Designer form ui/admin/service_form.ui."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QTimeEdit, QWidget

from antrian import words
from antrian.gui.admin.service_preview import ServicePreview
from antrian.gui.admin.standards_tab import add_units, say_units
from antrian.gui.forms.service_form_ui import Ui_ServiceForm
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
        self.form = Ui_ServiceForm()  # the service's fields: ui/admin/service_form.ui
        self.form.setupUi(self)
        form = self.form
        self.code, self.name, self.active, self.order = form.code, form.name, form.active, form.order
        self.standard_time, self.standard_unit = form.standard_time, add_units(form.standard_unit)
        self.waiting_target, self.quota = form.waiting_target, form.quota
        self.opens_set, self.closes_set = form.opens_set, form.closes_set
        self.opens_at, self.closes_at = form.opens_at, form.closes_at
        self.days = [form.day_1, form.day_2, form.day_3, form.day_4, form.day_5, form.day_6, form.day_7]
        for box, edit in ((self.opens_set, self.opens_at), (self.closes_set, self.closes_at)):
            box.toggled.connect(edit.setEnabled)
        self.preview = ServicePreview()
        self.preview_label, self.preview_call = self.preview.number, self.preview.call
        form.column.addWidget(self.preview)
        form.column.addStretch(1)
        self.code.setMaximumWidth(SIZE.code_field)
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
        self.form.retranslateUi(self)
        names = words.catalogue(words.language())["calendar.days"]
        for box, name in zip(self.days, names, strict=True):
            box.setText(name[:3])
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
