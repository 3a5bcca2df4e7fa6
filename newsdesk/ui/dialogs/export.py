"""File > Export (Ctrl+E): the choices of ``newsdesk export``, run on a worker thread.

The export runs as a job on the dialog's ``JobRunner`` (its own thread and SQLite
connection); the dialog shows the runner's progress dialog with Cancel and, at the end,
the summary (stories written, skipped, where).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.formats.ninjs import NINJS_VERSIONS
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportCancelled, ExportOptions, ExportResult
from newsdesk.publish.feeds import RELATIVE_LINKS_WARNING
from newsdesk.publish.page_items import SHARE_NETWORKS
from newsdesk.publish.page_language import language_name, page_languages
from newsdesk.publish.pictures import keeps_gps, save_keep_gps
from newsdesk.publish.site import (
    checked_review_email,
    checked_site_url,
    save_share_networks,
    save_site_address,
    save_site_language,
    stored_site_address,
    stored_site_language,
)
from newsdesk.publish.surroundings import configured_share_networks
from newsdesk.store.models import STATUSES
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT
from newsdesk.ui.domain_texts import error_text, status_label
from newsdesk.ui.i18n import number_text, tr
from newsdesk.ui.settings import EXPORT_FOLDER, EXPORT_FORMAT
from newsdesk.ui.workers import Job, JobCancelled, JobRunner

FORMAT_LABELS = {"site": QT_TR_NOOP("Website (HTML, feeds)"),
                 "ninjs": QT_TR_NOOP("IPTC ninjs (JSON)"),
                 "markdown": QT_TR_NOOP("Markdown with front matter")}
# Brand names stay as they are; "Email" is a word.
NETWORK_LABELS = {"facebook": "Facebook", "x": "X", "telegram": "Telegram",
                  "whatsapp": "WhatsApp", "email": QT_TR_NOOP("Email")}
SITE_URL_REQUEST = QT_TR_NOOP("Please give the site's public address: the feeds link to it, "
                              "and RSS readers refuse their links without it.")


def export_summary(result: ExportResult) -> str:
    """What an export did, in one sentence (``ExportResult.summary()`` in the window's
    language)."""
    return tr("Exported %n story(s) as {format} to {folder}: {written} written, {skipped} "
              "unchanged and skipped ({files_written} files written, {files_kept} kept)",
              "", result.stories).format(
                  format=result.format, folder=result.out,
                  written=number_text(result.written), skipped=number_text(result.skipped),
                  files_written=number_text(result.files_written),
                  files_kept=number_text(result.files_kept)) + held_summary(result)


def held_summary(result: ExportResult) -> str:
    """The clause on stories held under embargo, in the window's language ("" when
    none was held)."""
    if not result.held:
        return ""
    first, last = (result.held_time(moment) for moment in (result.held[0], result.held[-1]))
    if first == last:
        return tr("; %n story(s) held under embargo until {time}", "",
                  len(result.held)).format(time=first)
    return tr("; %n story(s) held under embargo until {first} (the last until {last})", "",
              len(result.held)).format(first=first, last=last)


def warning_text(warning: str) -> str:
    """An export's warning in the window's language (the domain words it in English)."""
    if warning == RELATIVE_LINKS_WARNING:
        return tr("the feeds' links are relative, as the site's public address is not set, "
                  "and RSS readers refuse them: give it under Website (Site address)")
    return warning


def export_job(options: ExportOptions) -> Callable[[Job], ExportResult]:
    """The export as a job: progress per file written, Cancel checked between files."""
    def work(job: Job) -> ExportResult:
        def progress(done: int, total: int, path: str) -> None:
            job.progress(done, total, tr("Writing {file}").format(file=path) if path else None)

        try:
            return export(options, progress=progress, cancelled=job.is_cancelled)
        except ExportCancelled as exc:  # the engine cleaned up; say what it says
            raise JobCancelled(str(exc)) from exc

    return work


class ExportDialog(QDialog):
    """The export form; Export starts the worker, the summary appears when it is done."""

    exported = Signal(object)  # ExportResult

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export stories"))
        self.settings = settings
        self.jobs = JobRunner(self, name="export", progress_dialog=True)
        self.progress_dialog = self.jobs.progress_dialog
        self.result: ExportResult | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self._build_statuses())
        layout.addWidget(self._build_site_box())
        self.summary_label = QLabel("", self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(
            tr("&Export", "button"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._update_enabled)
        self.since_check.toggled.connect(self._update_enabled)
        self._update_enabled()

    # -- form ----------------------------------------------------------------------------
    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.folder_edit = QLineEdit(EXPORT_FOLDER.read(self.settings), self)
        self.folder_edit.setPlaceholderText(tr("Folder to export to"))
        browse = QPushButton(tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        label = QLabel(tr("&Folder:"), self)
        label.setBuddy(self.folder_edit)  # a layout as the field gets no buddy by itself
        form.addRow(label, row)
        self.format_combo = QComboBox(self)
        for name, label in FORMAT_LABELS.items():
            self.format_combo.addItem(tr(label), name)
        saved = self.format_combo.findData(EXPORT_FORMAT.read(self.settings))
        self.format_combo.setCurrentIndex(max(saved, 0))
        form.addRow(tr("F&ormat:"), self.format_combo)
        self.version_combo = QComboBox(self)
        for version in NINJS_VERSIONS:
            self.version_combo.addItem(f"ninjs {version}", version)
        form.addRow(tr("ninjs &version:"), self.version_combo)
        self.since_check = QCheckBox(tr("Only stories updated &since"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_check)
        since_row.addWidget(self.since_edit, 1)
        form.addRow("", since_row)
        self.full_check = QCheckBox(tr("Rebuild everything (&full export)"), self)
        self.gps_check = QCheckBox(tr("Keep the pictures' &GPS location"), self)
        self.gps_check.setChecked(keeps_gps())
        self.gps_check.setToolTip(tr("Off, the exported pictures carry no location: a "
                                     "photographer's position can endanger a source."))
        form.addRow("", self.full_check)
        form.addRow("", self.gps_check)
        return form

    def _build_statuses(self) -> QGroupBox:
        box = QGroupBox(tr("Stories with status"), self)
        row = QHBoxLayout(box)
        self.status_checks: dict[str, QCheckBox] = {}
        for status in STATUSES:
            check = QCheckBox(status_label(status), box)
            check.setChecked(status in EXPORTED_BY_DEFAULT)
            row.addWidget(check)
            self.status_checks[status] = check
        return box

    def _build_site_box(self) -> QGroupBox:
        """The newsroom's website settings (stored in the database, shared by the team)."""
        box = QGroupBox(tr("Website"), self)
        form = QFormLayout(box)
        site_url, review_email = stored_site_address()
        self.site_url_edit = QLineEdit(site_url, box)
        self.site_url_edit.setPlaceholderText("https://news.example.az/")
        self.site_url_edit.setToolTip(tr("The site's public address: share links and feeds "
                                         "point readers there. Pages link to each other "
                                         "relatively either way."))
        form.addRow(tr("Site &address:"), self.site_url_edit)
        # Asked for while missing: the feeds' links need it (RSS readers refuse relative
        # ones); the export still runs without it, as the command line's does.
        self.site_url_request = QLabel(tr(SITE_URL_REQUEST), box)
        self.site_url_request.setWordWrap(True)
        self.site_url_request.setObjectName("siteUrlRequest")
        form.addRow("", self.site_url_request)
        self.site_url_edit.textChanged.connect(self._update_site_url_request)
        self.review_email_edit = QLineEdit(review_email, box)
        self.review_email_edit.setPlaceholderText("reviews@example.az")
        self.review_email_edit.setToolTip(tr("Shown under \"Leave a review\" on every story "
                                             "page."))
        form.addRow(tr("&Reviews e-mail:"), self.review_email_edit)
        self.language_combo = QComboBox(box)
        for language in page_languages():
            # Each language by its own name, as language choosers show them.
            self.language_combo.addItem(language_name(language), language)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(stored_site_language()), 0))
        self.language_combo.setToolTip(tr("The language of the index, the people's and "
                                          "organisations' pages and the feeds. Each story "
                                          "page speaks its story's language."))
        form.addRow(tr("Site &language:"), self.language_combo)
        row = QHBoxLayout()
        chosen = configured_share_networks()
        self.network_checks: dict[str, QCheckBox] = {}
        for network in SHARE_NETWORKS:
            check = QCheckBox(tr(NETWORK_LABELS.get(network, network)), box)
            check.setChecked(network in chosen)
            row.addWidget(check)
            self.network_checks[network] = check
        form.addRow(tr("Share links:"), row)
        self.networks_box = box
        return box

    def _update_enabled(self) -> None:
        fmt = self.format_combo.currentData()
        self.version_combo.setEnabled(fmt == "ninjs")
        self.networks_box.setEnabled(fmt == "site")
        self.since_edit.setEnabled(self.since_check.isChecked())
        self._update_site_url_request()

    def _update_site_url_request(self) -> None:
        self.site_url_request.setVisible(self.format_combo.currentData() == "site"
                                         and not self.site_url_edit.text().strip())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Export to folder"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> ExportOptions:
        """What the form says, as ``newsdesk export`` options."""
        folder = self.folder_edit.text().strip()
        if not folder:
            raise UserError(tr("choose a folder to export to"))
        statuses = tuple(s for s, check in self.status_checks.items() if check.isChecked())
        if not statuses:
            raise UserError(tr("choose at least one status to export"))
        since = None
        if self.since_check.isChecked():
            qdate = self.since_edit.date()
            since = date(qdate.year(), qdate.month(), qdate.day())
        fmt = self.format_combo.currentData()
        site_url = review_email = None
        if fmt == "site":
            site_url = checked_site_url(self.site_url_edit.text())
            review_email = checked_review_email(self.review_email_edit.text())
        return ExportOptions(
            out=Path(folder).expanduser(), format=fmt,
            statuses=statuses, ninjs_version=self.version_combo.currentData(), since=since,
            full=self.full_check.isChecked(),
            share_networks=tuple(n for n, c in self.network_checks.items() if c.isChecked()),
            site_url=site_url, review_email=review_email,
            language=self.language_combo.currentData() if fmt == "site" else None)

    # -- running -------------------------------------------------------------------------
    def start_export(self) -> None:
        try:
            options = self.options()
        except UserError as exc:
            self.summary_label.setText(error_text(exc))
            return
        EXPORT_FOLDER.write(self.settings, str(options.out))
        if self.gps_check.isChecked() != keeps_gps():
            save_keep_gps(self.gps_check.isChecked())  # the newsroom's choice, as below
        EXPORT_FORMAT.write(self.settings, options.format)
        if options.format == "site":
            # The newsroom's choices: later exports, scripts and the preview use them too.
            save_share_networks(options.share_networks or ())
            save_site_address(options.site_url or "", options.review_email or "")
            save_site_language(options.language or stored_site_language())
        self.export_button.setEnabled(False)
        self.summary_label.setText(tr("Exporting…"))
        self.result = None
        self.jobs.start(export_job(options), done=self._finished, failed=self._failed,
                        cancelled=self._cancelled, title=tr("Export"),
                        label=tr("Exporting stories…"))

    def cancel_export(self) -> None:
        self.jobs.cancel()

    def is_running(self) -> bool:
        return self.jobs.busy()

    def _finish(self, text: str) -> None:
        self.summary_label.setText(text)
        self.export_button.setEnabled(True)

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        lines = [export_summary(result) + "."]
        lines += [tr("Warning: {warning}").format(warning=warning_text(warning))
                  for warning in result.warnings]
        self._finish("\n".join(lines))
        if RELATIVE_LINKS_WARNING in result.warnings:
            self.site_url_edit.setFocus()  # where the missing address goes
        self.exported.emit(result)

    def _failed(self, reason: str) -> None:
        self._finish(tr("Export failed: {reason}").format(reason=reason))

    def _cancelled(self, _reason: str) -> None:
        # The engine's one reason ("export cancelled; the previous export is unchanged"),
        # said in the window's language.
        self._finish(tr("Export cancelled; the previous export is unchanged."))

    def done(self, code: int) -> None:  # noqa: D401 (Qt override)
        """Closing while an export runs cancels it and waits, so no thread is left behind."""
        if self.is_running():
            self.cancel_export()
            self.jobs.wait()
        super().done(code)
