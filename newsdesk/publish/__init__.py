"""Publishing: rendering, sanitising and the export formats. No Qt here."""
