"""The Desk mode: story list, editor, tag panel and preview."""
