"""The export engine (being split by concern: the whole engine is in ``transaction`` for
one commit so that history follows the file)."""

from newsdesk.publish.export.transaction import (  # noqa: F401
    MANIFEST_NAME,
    Cancelled,
    ExportCancelled,
    ExportFormat,
    ExportOptions,
    ExportResult,
    Plan,
    PlannedFile,
    Progress,
    StorySource,
    content_key,
    export_with,
    is_map_of,
    plan_per_story,
    recover_interrupted_export,
    unsafe_name_reason,
)
