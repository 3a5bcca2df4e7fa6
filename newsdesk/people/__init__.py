"""The registry of people and organisations (aliases, merges) and the tag suggester.
No Qt here."""
