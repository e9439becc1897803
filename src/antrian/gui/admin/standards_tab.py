"""The services page's "Standards history" tab: a service's standards in force over time (the newest first)
and, for whoever may keep the standards, "add a dated standard" from a decree.

The page reads the entries and saves through ``services.standards.set_standard``; the tab shows them and
collects what was typed (``dated``).

Signals:
    addRequested(): "Add the standard" was pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.timing import TimeUnit, standard_words
from antrian.gui.admin.base import cell, table
from antrian.gui.widgets import day_edit, day_of
from antrian.services.standards import StandardEntry


def unit_combo() -> QComboBox:
    """A choice of the standards' time units (their words: ``say_units``)."""
    return add_units(QComboBox())


def add_units(combo: QComboBox) -> QComboBox:
    """``combo`` (empty) made a choice of the standards' time units."""
    for unit in TimeUnit:
        combo.addItem("", unit.value)
    return combo


def say_units(combo: QComboBox) -> None:
    for index in range(combo.count()):
        combo.setItemText(index, words.show(TimeUnit(combo.itemData(index))))


@dataclass(frozen=True, slots=True)
class Dated:
    """A dated standard as typed: ``set_standard``'s value, unit, waiting target, day and decree."""

    value: int
    unit: str
    target: int | None
    day: date
    decree: str


class StandardsTab(QWidget):
    addRequested = Signal()

    def __init__(self, may_set_standards: bool) -> None:
        super().__init__()
        self.may_set_standards = may_set_standards
        column = QVBoxLayout(self)
        self.history = table(5)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.history, 1)
        self.dated_box = QGroupBox()
        form = QFormLayout(self.dated_box)
        self.effective = day_edit()
        self.dated_value = QSpinBox()
        self.dated_value.setRange(1, 100_000)
        self.dated_unit = unit_combo()
        value = QHBoxLayout()
        value.addWidget(self.dated_value)
        value.addWidget(self.dated_unit, 1)
        self.dated_target = QSpinBox()
        self.dated_target.setRange(0, 1440)
        self.decree = QLineEdit()
        self.decree.setMaxLength(200)
        self.add_dated = QPushButton()
        self.add_dated.clicked.connect(self.addRequested)
        self.dated_labels = [QLabel() for _ in range(4)]
        form.addRow(self.dated_labels[0], self.effective)
        form.addRow(self.dated_labels[1], value)
        form.addRow(self.dated_labels[2], self.dated_target)
        form.addRow(self.dated_labels[3], self.decree)
        form.addRow("", self.add_dated)
        self.dated_box.setVisible(may_set_standards)
        column.addWidget(self.dated_box)
        self._entries: list[StandardEntry] = []

    def retranslate(self) -> None:
        """Every text in the interface language (the page calls it when the language changes)."""
        self.history.setHorizontalHeaderLabels(
            [self.tr("In force from"), self.tr("Standard"), self.tr("Waiting target"), self.tr("Decree"),
             self.tr("Set by")]
        )  # fmt: skip
        self.dated_target.setSpecialValueText(self.tr("no target"))
        self.dated_target.setSuffix(self.tr(" min"))
        self.dated_box.setTitle(self.tr("Add a dated standard (from a decree)"))
        for label, text in zip(
            self.dated_labels,
            (self.tr("In force from"), self.tr("Standard"), self.tr("Waiting target"), self.tr("Decree")),
            strict=True,
        ):
            label.setText(text)
        self.decree.setPlaceholderText(self.tr("e.g. SK Kepala Dinas No. 12/2026"))
        self.add_dated.setText(self.tr("Add the standard"))
        say_units(self.dated_unit)
        self.show_entries(self._entries)

    def show_entries(self, entries: list[StandardEntry]) -> None:
        """One service's standards, oldest first as read (shown the newest first); none: a new service."""
        self._entries = entries
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            standard = entry.standard
            target = standard.waiting_target_minutes
            for column, text in enumerate(
                (
                    words.show(standard.effective_from),
                    words.say(standard_words(standard.value, standard.unit)),
                    self.tr("{n} min").format(n=target) if target is not None else "—",
                    standard.decree or "—",
                    entry.set_by or self.tr("system"),
                )
            ):
                self.history.setItem(row, column, cell(text))
        current = entries[-1].standard if entries else None
        if current is not None:
            self.dated_value.setValue(current.value)
            self.dated_unit.setCurrentIndex(self.dated_unit.findData(current.unit))
            self.dated_target.setValue(current.waiting_target_minutes or 0)
        self.add_dated.setEnabled(self.may_set_standards and bool(entries))

    def dated(self) -> Dated:
        """The dated standard as typed."""
        return Dated(
            self.dated_value.value(),
            self.dated_unit.currentData(),
            self.dated_target.value() or None,
            day_of(self.effective),
            self.decree.text(),
        )
