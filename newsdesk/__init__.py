"""newsdesk: an offline desktop newsroom editor."""

__version__ = "0.1.0"
