"""The set-up wizard: welcome and language, the office, services, counters, the admin, a summary that writes
it all at once (off the GUI thread, ``services.first_run.complete_setup``), and the page saying which window
to open on which PC.

Signals:
    setUp(object, object): the office is set up: the ``Database`` written to, and ``SetupDone``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from antrian.domain.errors import AntrianError
from antrian.domain.timing import Clock, system_clock
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.tasks import TaskRunner
from antrian.gui.theme.metrics import SIZE
from antrian.gui.wizard.pages import AdminPage, OfficePage, WelcomePage, message_line
from antrian.gui.wizard.tables import CountersPage, ServicesPage
from antrian.services.first_run import ZONES, SetupDone, SetupPlan, complete_setup
from antrian.store.database import Database

WELCOME, OFFICE, SERVICES, COUNTERS, ADMIN, SUMMARY, FINISH = range(7)


class SummaryPage(Retranslated, QWizardPage):
    """Everything entered, to be confirmed; Next ("Set up the office") writes it, the page waits meanwhile."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.message = message_line()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.setCommitPage(True)
        self.written = False
        self.busy = False
        self.retranslate()

    def initializePage(self) -> None:
        self.message.setText("")
        self.text.setText(self._wizard.summary_html())

    def validatePage(self) -> bool:
        if self.written:
            return True
        if not self.busy:
            self.busy = True
            self.message.setText(self.tr("Saving…"))
            self._wizard.write()
        return False

    def isComplete(self) -> bool:
        return not self.busy

    def landed(self, error: BaseException | None) -> None:
        self.busy = False
        self.completeChanged.emit()
        if error is None:
            self.written = True
            self.message.setText("")
            self._wizard.next()
        else:
            self.message.setText(error_text(error))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(
            self.tr("Check what will be saved; it can all be changed later in the admin window.")
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Set up the office"))
        if self.text.text():
            self.text.setText(self._wizard.summary_html())


class FinishPage(Retranslated, QWizardPage):
    """Which window to open on which PC, and how several PCs share the office's database."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.text = QLabel()
        self.text.setObjectName("commands")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        self.text.setText(self._commands())

    def _commands(self) -> str:
        done, database = self._wizard.outcome, self._wizard.database
        if done is None or database is None:
            return ""
        rows = [
            (self.tr("Kiosk PC (ticket machine)"), "antrian kiosk"),
            *(
                (self.tr("PC of counter {0}").format(number), f"antrian counter {number}")
                for number in done.counters
            ),
            (self.tr("Display PC (waiting room screen)"), "antrian display"),
            (self.tr("Supervisor's PC"), "antrian supervisor"),
            (self.tr("Administration (any PC)"), "antrian admin"),
        ]
        table = "".join(
            f"<tr><td>{html.escape(where)}</td><td><code>{html.escape(command)}</code></td></tr>"
            for where, command in rows
        )
        login = self.tr(
            "Log in to the admin window as <b>{0}</b> to add the staff (operators, supervisor)."
        ).format(html.escape(done.admin))
        if database.is_sqlite:
            shared = self.tr(
                "This office's database is a file on this PC ({0}): the windows above work on this PC only. "
                "For several PCs, create a PostgreSQL database on a server of the office's network, then on "
                'every PC put <code>database = "postgresql://antrian@SERVER/antrian"</code> in the settings '
                "file that <code>antrian config-path</code> names (or pass <code>--db URL</code>)."
            ).format(html.escape(database.location))
        else:
            shared = self.tr(
                "Every PC of the office uses this database ({0}): put its URL in the settings file that "
                "<code>antrian config-path</code> names (or pass <code>--db URL</code>)."
            ).format(html.escape(database.location))
        after = self._wizard.then
        opening = (
            self.tr("Finish opens the window you started: <code>antrian {0}</code>.").format(
                html.escape(after)
            )
            if after
            else ""
        )
        ready = self.tr("The office {0} is ready. Open these windows:").format(html.escape(done.office))
        return (
            f"<p>{ready}</p>"
            f"<table cellspacing='6'>{table}</table><p>{login}</p><p>{shared}</p><p>{opening}</p>"
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Which window to open on which PC"))
        if self._wizard.outcome is not None:
            self.text.setText(self._commands())


class SetupWizard(Retranslated, QWizard):
    """The first-run set-up. ``open_database`` gives the database to write to; it runs off the GUI thread
    when the summary is confirmed (so the default SQLite file is created only then, migrated to head).
    ``then``: the window command that asked for the set-up, named on the last page."""

    setUp = Signal(object, object)

    def __init__(
        self,
        open_database: Callable[[], Database],
        runner: TaskRunner,
        *,
        then: str | None = None,
        clock: Clock = system_clock,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self._open_database = open_database
        self._runner = runner
        self._clock = clock
        self.then = then
        self.database: Database | None = None
        self.outcome: SetupDone | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        theme.apply(self, "wizard")
        self.welcome = WelcomePage()
        self.office = OfficePage(self._background)
        self.services = ServicesPage()
        self.counters = CountersPage(self.services)
        self.admin = AdminPage()
        self.summary = SummaryPage(self)
        self.finish = FinishPage(self)
        pages: tuple[QWizardPage, ...] = (
            self.welcome,
            self.office,
            self.services,
            self.counters,
            self.admin,
            self.summary,
            self.finish,
        )
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        self.resize(SIZE.wizard_width, SIZE.wizard_height)
        self.retranslate()

    def _background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._runner.submit(work, done, done)

    def plan(self) -> SetupPlan:
        return SetupPlan(
            office_name=self.office.name.text().strip(),
            address=self.office.address.text().strip(),
            timezone=self.office.timezone,
            logo=self.office.logo,
            services=tuple(self.services.plans()),
            counters=tuple(self.counters.plans()),
            admin_username=self.admin.username.text().strip(),
            admin_full_name=self.admin.full_name.text().strip(),
            admin_password=self.admin.password.text(),
        )

    def write(self) -> None:
        """Write the plan off the GUI thread; the summary page learns how it went."""
        plan, clock, opener = self.plan(), self._clock, self._open_database

        def work() -> tuple[Database, SetupDone]:
            database = opener()
            with database.write() as session:
                done = complete_setup(session, plan, clock=clock)
            return database, done

        self._runner.submit(work, self._written, self._failed)

    def _written(self, result: tuple[Database, SetupDone]) -> None:
        self.database, self.outcome = result
        self.summary.landed(None)
        self.setUp.emit(self.database, self.outcome)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, AntrianError):
            from antrian.gui.errors import log_failure

            log_failure("the set-up could not be saved", error)
        self.summary.landed(error)

    def summary_html(self) -> str:
        plan = self.plan()
        zone = next((short for short, name in ZONES.items() if name == plan.timezone), plan.timezone)
        services = "".join(
            "<li>"
            + html.escape(f"{s.code.upper()}  {s.name}")
            + " — "
            + html.escape(self._standard(s.standard_time, s.standard_unit, s.waiting_target_minutes))
            + "</li>"
            for s in plan.services
        )
        counters = "".join(
            "<li>"
            + html.escape(self.tr("Counter {0}").format(c.number) if not c.name else f"{c.number}  {c.name}")
            + ": "
            + html.escape(", ".join(c.services))
            + "</li>"
            for c in plan.counters
        )
        logo = self.tr("own logo") if plan.logo else self.tr("Antrian's emblem")
        titles = (self.tr("Services"), self.tr("Counters"), self.tr("Administrator"))
        return (
            f"<p><b>{html.escape(plan.office_name)}</b><br>{html.escape(plan.address)}<br>"
            f"{html.escape(zone)} ({html.escape(plan.timezone)}), {html.escape(logo)}</p>"
            f"<p><b>{titles[0]}</b></p><ul>{services}</ul>"
            f"<p><b>{titles[1]}</b></p><ul>{counters}</ul>"
            f"<p><b>{titles[2]}</b>: {html.escape(plan.admin_username.lower())}"
            f" {html.escape(plan.admin_full_name)}</p>"
        )

    def _standard(self, value: int, unit: str, target: int | None) -> str:
        units = {
            "minutes": self.tr("minutes"),
            "hours": self.tr("hours"),
            "working_days": self.tr("working days"),
        }
        text = self.tr("standard {0} {1}").format(value, units.get(unit, unit))
        if target:
            text += ", " + self.tr("waiting target {0} minutes").format(target)
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Antrian: setting up the office"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
