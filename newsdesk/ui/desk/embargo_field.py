"""The editor's embargo field: a check box to hold the story, and the moment it is released,
entered and shown on the newsroom's clock (setting ``newsroom_time_zone``; UTC without one)
and stored in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from newsdesk.store.timestamps import as_utc, utcnow
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon

_UTC = QTimeZone(QTimeZone.Initialization.UTC)


def zone_label(zone: tzinfo) -> str:
    """A zone as people read it: its IANA name (``Asia/Baku``), else ``UTC``."""
    return str(getattr(zone, "key", "") or "UTC")


def embargo_text(embargo: datetime, zone: tzinfo) -> str:
    """A stored embargo (naive UTC) as the list and the preview show it: in the
    newsroom's zone, named."""
    shown = as_utc(embargo).astimezone(zone)
    return f"{shown:%Y-%m-%d %H:%M} {zone_label(zone)}"


class EmbargoField(QWidget):
    """``value()``: the release time as stored (naive UTC), or None when not held."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone: tzinfo = UTC
        self.held = QCheckBox(tr("Embargo until"), self)
        self.held.setIcon(icon("mdi6.clock-outline"))
        self.held.setToolTip(tr("Exports leave the story out until this time"))
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yy HH:mm")
        # The edit shows the newsroom's wall clock; as UTC to Qt, so the computer's own
        # zone (and its daylight-saving gaps) never shifts it.
        self.when.setTimeZone(_UTC)
        self.zone_name = QLabel("", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.held)
        layout.addWidget(self.when)
        layout.addWidget(self.zone_name)
        layout.addStretch(1)
        self.held.toggled.connect(self._toggled)
        self.when.dateTimeChanged.connect(self._time_changed)
        self.set_zone(UTC)
        self.set_value(None)

    def set_zone(self, zone: tzinfo) -> None:
        """Show times on ``zone``'s clock (the value stays the same moment)."""
        value = self.value()
        self.zone = zone
        self.zone_name.setText(zone_label(zone))
        self.when.setToolTip(tr("The release time in the newsroom's time zone ({zone})")
                             .format(zone=zone_label(zone)))
        self._show(value)

    def set_value(self, value: datetime | None) -> None:
        """Show a stored embargo (naive UTC) without announcing a change."""
        self._show(value)

    def value(self) -> datetime | None:
        if not self.held.isChecked():
            return None
        local = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        return as_utc(local.replace(tzinfo=self.zone)).replace(tzinfo=None)

    def set_read_only(self, read_only: bool) -> None:
        self.held.setEnabled(not read_only)
        self.when.setEnabled(not read_only and self.held.isChecked())

    def _show(self, value: datetime | None) -> None:
        blocked = self.held.blockSignals(True), self.when.blockSignals(True)
        try:
            self.held.setChecked(value is not None)
            # Unset, the time offered is the next full hour: a sensible start to change.
            moment = value or (utcnow() + timedelta(hours=1)).replace(minute=0, second=0,
                                                                      microsecond=0)
            local = as_utc(moment).astimezone(self.zone).replace(tzinfo=None)
            self.when.setDateTime(QDateTime(
                QDate(local.year, local.month, local.day), QTime(local.hour, local.minute),
                _UTC))
            self.when.setEnabled(self.held.isEnabled() and value is not None)
        finally:
            self.held.blockSignals(blocked[0])
            self.when.blockSignals(blocked[1])

    def _toggled(self, checked: bool) -> None:
        self.when.setEnabled(checked and self.held.isEnabled())
        self.changed.emit()

    def _time_changed(self, _moment: QDateTime) -> None:
        if self.held.isChecked():
            self.changed.emit()
