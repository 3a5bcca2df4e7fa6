"""The People & Organisations mode."""
