"""Every story format in and out: agency wire copy, IPTC ninjs and Markdown with front
matter (read and write), and the importer that picks a format. No Qt here."""
