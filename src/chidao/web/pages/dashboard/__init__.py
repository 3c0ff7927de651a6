"""The dashboard: the leader's first page."""
