"""``python -m newsdesk.bench``: synthetic data and benchmarks (design.md section 9)."""
