"""The counter panel's left side: the current ticket (its number, priority, service and status, how long it
waited, since when it was called, its service time against the service's standard, the offer to mark it not
present), today's figures, the message bar, and a button for every action with its key.

An action not allowed now has its button disabled and its tooltip says why; the hint line names a key only
while its action is allowed.

Signals:
    pressed(object): a button was clicked: its ``DeskAction``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.desk import DeskAction, offer_no_show, service_level, standard_duration
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.status import Status
from antrian.domain.timing import standard_words
from antrian.gui import theme
from antrian.gui.counter.actions import KEYS
from antrian.gui.counter.look import size
from antrian.gui.counter.messages import MessageBar
from antrian.gui.counter.rules import break_key
from antrian.gui.counter.spans import span_text
from antrian.gui.counter.texts import LABELS, NAMES, STATUS_WORDS, say
from antrian.gui.theme.metrics import PANEL, SIZE
from antrian.services.desk import DeskView


class Panel(QWidget):
    pressed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        left.addWidget(self._card(), 1)
        # right above the buttons, where the operator's eyes are when pressing one
        self.message = MessageBar()
        left.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.buttons: dict[DeskAction, QPushButton] = {}
        for index, action in enumerate(KEYS):
            button = QPushButton()
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: self.pressed.emit(a))
            if action is DeskAction.CALL_NEXT:
                button.setObjectName("primary")
            grid.addWidget(button, index // 5, index % 5)
            self.buttons[action] = button
        left.addLayout(grid)

    def _card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        c = QGridLayout(card)
        c.setContentsMargins(18, 12, 18, 12)
        self.number_label = QLabel("—")
        self.number_label.setObjectName("number")
        self.priority_label = QLabel("")
        self.priority_label.setObjectName("priority")
        self.service_label = QLabel()
        self.status_label = QLabel("")
        self.waited_label = QLabel("")
        self.called_label = QLabel("")
        self.service_time_label = QLabel("")
        self.service_time_label.setObjectName("serviceTime")
        self.service_bar = QProgressBar()
        self.service_bar.setObjectName("serviceBar")
        self.service_bar.setTextVisible(False)
        self.service_bar.setMaximumHeight(SIZE.service_bar)
        self.offer = QLabel("")
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        c.addWidget(self.number_label, 0, 0, 3, 1)
        c.addWidget(self.priority_label, 0, 1)
        c.addWidget(self.service_label, 1, 1)
        c.addWidget(self.status_label, 2, 1)
        times = QHBoxLayout()
        times.addWidget(self.waited_label)
        times.addSpacing(24)
        times.addWidget(self.called_label)
        times.addStretch(1)
        c.addLayout(times, 3, 0, 1, 2)
        c.addWidget(self.service_time_label, 4, 0, 1, 2)
        c.addWidget(self.service_bar, 5, 0, 1, 2)
        c.addWidget(self.offer, 6, 0, 1, 2)
        c.setColumnStretch(1, 1)
        c.setHorizontalSpacing(24)
        c.setRowStretch(7, 1)
        self.stats = QLabel("")
        self.stats.setWordWrap(True)
        c.addWidget(self.stats, 8, 0, 1, 2)
        return card

    def label_buttons(self, view: DeskView | None) -> None:
        """Each button's words and key; F10's says what F10 does now."""
        for action, button in self.buttons.items():
            shown = break_key(view) if action is DeskAction.PAUSE else action
            button.setText(f"{say(LABELS[shown])}\n{KEYS[action]}")
            button.setAccessibleName(say(NAMES[shown]))

    def show_ticket(self, view: DeskView | None) -> None:
        """The ticket at the counter now, or that none is."""
        ticket = view.current if view else None
        if ticket is None or view is None:
            self.number_label.setText("")  # a huge dash read as a bar, not as "no number"
            self.priority_label.hide()
            self.service_label.setText(self.tr("No number called yet"))
            self.status_label.setText("")  # the hint, by the rules: show_rules
            for label in (self.waited_label, self.called_label, self.service_time_label):
                label.setText("")
            self.service_bar.hide()
            self.offer.hide()
            return
        self.number_label.setText(ticket.number)
        if ticket.priority_group:
            try:
                group = words.show(PriorityGroup(ticket.priority_group))
            except ValueError:
                group = ticket.priority_group
            self.priority_label.setText(self.tr("★ Priority service: {group}").format(group=group))
            self.priority_label.show()
        else:
            self.priority_label.hide()
        self.service_label.setText(f"{ticket.service} · {ticket.service_name}")
        calls = view.recalls
        status = say(STATUS_WORDS[ticket.status]) if ticket.status in STATUS_WORDS else ticket.status
        if ticket.status == Status.CALLED.value and calls:
            status = self.tr("{status} · called again {n}×").format(status=status, n=calls)
        self.status_label.setText(status)
        offered = ticket.status == Status.CALLED.value and offer_no_show(calls, view.recall_limit)
        self.offer.setVisible(offered)  # its words, by the rules: show_rules
        no_show = self.buttons[DeskAction.NO_SHOW]
        if no_show.objectName() != ("warn" if offered else ""):
            no_show.setObjectName("warn" if offered else "")
            theme.restyle(no_show)  # the sheet selects on the name

    def show_times(self, view: DeskView | None, now: datetime) -> None:
        """How long the ticket at the counter waited, since when it was called, and its service time."""
        ticket = view.current if view else None
        if ticket is None or view is None:
            return
        waited_until = ticket.first_called_at or now
        self.waited_label.setText(
            self.tr("Waited {time}").format(time=span_text(waited_until - ticket.issued_at))
        )
        if ticket.last_called_at:
            self.called_label.setText(
                self.tr("Called {time} ago").format(time=span_text(now - ticket.last_called_at))
            )
        value, unit = view.standard_value, view.standard_unit
        standard = standard_duration(value, unit) if value is not None and unit else None
        said = words.say(standard_words(value, unit)) if value is not None and unit else "—"
        if ticket.started_at is None:
            self.service_time_label.setText(
                self.tr("Service standard for {service}: {standard}").format(
                    service=ticket.service, standard=said
                )
            )
            self.service_bar.hide()
            return
        elapsed = now - ticket.started_at
        level = service_level(elapsed, standard)
        if standard:
            text = self.tr("Service time {elapsed} / standard {standard} ({share})").format(
                elapsed=span_text(elapsed), standard=said, share=f"{elapsed / standard:.0%}"
            )
        else:
            text = self.tr("Service time {elapsed} / standard {standard}").format(
                elapsed=span_text(elapsed), standard=said
            )
        self.service_time_label.setText(text)
        theme.mark(self.service_time_label, "level", level.value)
        if standard:
            self.service_bar.setRange(0, int(standard.total_seconds()))
            self.service_bar.setValue(min(int(elapsed.total_seconds()), int(standard.total_seconds())))
            self.service_bar.show()
        else:
            self.service_bar.hide()
        theme.mark(self.service_bar, "level", level.value)

    def show_stats(self, view: DeskView) -> None:
        average = span_text(view.average_service) if view.average_service is not None else "—"
        self.stats.setText(
            self.tr(
                "Today at this counter: {served} served · average service time {average}"
                " · {missed} not present"
            ).format(
                served=words.number(view.served_today),
                average=average,
                missed=words.number(view.no_show_today),
            )
        )

    def show_rules(self, found: dict[DeskAction, Message | None], view: DeskView | None) -> None:
        """The buttons allowed now (``found``: why not), and the lines that name a key name it only while its
        action is allowed; otherwise they say why not."""
        for action, button in self.buttons.items():
            reason = found[action]
            text = say(LABELS[break_key(view) if action is DeskAction.PAUSE else action])
            button.setEnabled(reason is None)
            button.setToolTip(
                self.tr("{action} ({key})").format(action=text, key=KEYS[action])
                if reason is None
                else self.tr("Not possible now: {reason}").format(reason=words.say(reason))
            )
        if view is None or view.current is None:
            state = view.state if view else "open"
            reason = found[DeskAction.CALL_NEXT if state == "open" else DeskAction.PAUSE]
            if reason is None:
                hint = (
                    self.tr("Press F2 to call the next citizen")
                    if state == "open"
                    else self.tr("Counter on a break: press F10 to open it again")
                    if state == "paused"
                    else self.tr("Counter closed: press F10 to open it")
                )
            else:
                hint = words.say(reason)
            self.status_label.setText(hint)
        if not self.offer.isHidden() and view is not None:
            if found[DeskAction.NO_SHOW] is None:
                offer = self.tr(
                    "Called again {n}× and the citizen has not come. Mark as not present? Press F6 "
                    "(Not Present); the citizen can still be called by number later today."
                )
            else:
                offer = self.tr(
                    "Called again {n}× and the citizen has not come. They can be marked as not present "
                    "once the counter can act again."
                )
            self.offer.setText(offer.format(n=view.recalls))

    def scale(self, unit: int) -> None:
        size(self.number_label, unit, PANEL.number, True)
        for label in (self.service_label, self.status_label, self.priority_label):
            size(label, unit, PANEL.ticket, True)
        for label in (self.waited_label, self.called_label, self.service_time_label, self.offer):
            size(label, unit, PANEL.detail, label is self.offer)
        for widget in (self.message.sign, self.message.label, self.message.dismiss):
            size(widget, unit, PANEL.message, True)
        for button in self.buttons.values():
            size(button, unit, PANEL.button, True)
            button.setFixedHeight(int(unit * PANEL.button_height))
        self.service_bar.setFixedHeight(int(unit * PANEL.service_bar))
