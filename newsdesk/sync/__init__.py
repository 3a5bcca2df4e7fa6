"""Offline replicas of the team server: a SQLite copy to work in without the network,
pulled from the server's change sequence and pushed back story by story (no Qt)."""
