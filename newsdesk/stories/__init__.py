"""Stories: the story service (create, save with a version check, status, trash),
revisions, the recovery journal, locks, the workflow, datelines, slugs. No Qt here."""
