"""The admin window's audit page: the audit of a period (office-local days), filtered by user and action,
one row per entry with its old → new values; Export CSV writes what is shown on the worker thread
(``reports.audit_csv``, the file ``antrian audit --csv`` writes). Admins, supervisors and viewers read it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.roles import Actor
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.tasks import TaskRunner
from antrian.gui.widgets import day_of
from antrian.services.audit import AuditEntry
from antrian.store.database import Database


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditPage(Retranslated, QWidget):
    kinds = frozenset({"settings_changed"})

    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        from antrian.reports.audit_csv import action_words
        from antrian.services.audit import ACTIONS

        super().__init__(parent)
        self._database, self._runner, self.actor = database, runner, actor
        self.rows: list[AuditEntry] = []  # the AuditEntry rows shown
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        today = date.today()
        self.start = QDateEdit(_qdate(today - timedelta(days=6)), self)
        self.end = QDateEdit(_qdate(today), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.user = QLineEdit(self)
        self.action = QComboBox(self)
        self.action.addItem("", None)
        for action in ACTIONS:
            self.action.addItem(action_words(action), action)
        self.show_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.show_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._ask_export)
        self.table = QTableWidget(0, 7, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.from_label, self.to_label, self.user_label, self.action_label = (QLabel(self) for _ in range(4))
        filters = QHBoxLayout()
        for label, widget in (
            (self.from_label, self.start),
            (self.to_label, self.end),
            (self.user_label, self.user),
            (self.action_label, self.action),
        ):
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Audit")

    def retranslate(self) -> None:
        self.note.setText(
            self.tr(
                "Who changed what, logged in or was refused, when and from which PC; nothing here can change."
            )
        )
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.user_label.setText(self.tr("User"))
        self.action_label.setText(self.tr("Action"))
        self.action.setItemText(0, self.tr("All actions"))
        self.user.setPlaceholderText(self.tr("all users"))
        self.show_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export CSV"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When (UTC)"),
                self.tr("User"),
                self.tr("Role"),
                self.tr("PC"),
                self.tr("Action"),
                self.tr("What"),
                self.tr("Old → new"),
            ]
        )

    def _filters(self) -> tuple[date, date, str | None, str | None]:
        return (
            day_of(self.start),
            day_of(self.end),
            self.user.text().strip() or None,
            self.action.currentData(),
        )

    def refresh(self) -> None:
        database, actor = self._database, self.actor
        start, end, user, action = self._filters()

        def work() -> list[AuditEntry]:
            from antrian.services.audit import audit_rows

            with database.read() as session:
                return audit_rows(session, actor, start, end, user=user, action=action)

        self._runner.submit(work, self._show, self._failed)

    def _show(self, rows: list[AuditEntry]) -> None:
        from antrian.reports.audit_csv import action_words, role_words, target_words, value_text

        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            change = " → ".join(text for text in (value_text(row.old), value_text(row.new)) if text)
            cells = (
                row.at.strftime("%Y-%m-%d %H:%M:%S"),
                row.username,
                role_words(row.role),
                row.pc,
                action_words(row.action),
                target_words(row.action, row.target, row.detail),
                change,
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.message.setText(self.tr("Entries: {n}").format(n=len(rows)))

    def _ask_export(self) -> None:
        start, end, _, _ = self._filters()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), f"audit-{start.isoformat()}-{end.isoformat()}.csv", "CSV (*.csv)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        """Read the audit with the filters shown and write it to ``path`` on the worker thread."""
        database, actor = self._database, self.actor
        start, end, user, action = self._filters()

        def work() -> Path:
            from antrian.reports.audit_csv import write_audit_csv
            from antrian.services.audit import audit_rows

            with database.read() as session:
                rows = audit_rows(session, actor, start, end, user=user, action=action)
            write_audit_csv(rows, path)
            return path

        self.message.setText(self.tr("Exporting…"))
        self._runner.submit(work, self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        self.message.setText(self.tr("Written to {path}").format(path=str(path)))

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
