"""Desk and moderation figures, for the window's Dashboard and ``newsdesk stats``.

Every number is an SQL aggregate (GROUP BY in the database, never a loop over rows here),
written once for SQLite and PostgreSQL (``queries``). ``period`` fixes what "the last 30
days" and "this week" mean: the user's calendar days, ending today. ``dashboard`` runs the
queries and holds the answers as plain records. No Qt here.
"""
