"""The export formats by name, for the command line and the window: the static site
(``publish.site``), ninjs and Markdown, each run through the export engine."""

from __future__ import annotations

from newsdesk.errors import UserError
from newsdesk.formats.markdown_export import MarkdownFormat
from newsdesk.formats.ninjs import NinjsFormat
from newsdesk.publish.export import (
    Cancelled,
    ExportFormat,
    ExportOptions,
    ExportResult,
    Progress,
    export_with,
)
from newsdesk.publish.site import SiteFormat

FORMATS = ("site", "ninjs", "markdown")


def make_format(options: ExportOptions) -> ExportFormat:
    if options.format == "ninjs":
        return NinjsFormat(options.ninjs_version)
    if options.format == "markdown":
        return MarkdownFormat()
    if options.format == "site":
        return SiteFormat(share_networks=options.share_networks, site_url=options.site_url,
                          review_email=options.review_email, language=options.language)
    raise UserError(f"unknown format {options.format!r} (choose from {', '.join(FORMATS)})",
                    field="--format")


def export(options: ExportOptions, *, progress: Progress | None = None,
           cancelled: Cancelled | None = None) -> ExportResult:
    """Export the selected stories to ``options.out`` in the format it names; all or
    nothing."""
    return export_with(make_format(options), options, progress=progress, cancelled=cancelled)
