"""Readers' reviews: importing review files, the rule engine and its stored rules,
decisions and their undo, bans, re-checks and the moderation queues. No Qt here."""
