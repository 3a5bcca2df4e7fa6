"""``python -m newsdesk.bench``: synthetic data and the performance figures, most of them
set beside a floor (the same work done with bare tools)."""
