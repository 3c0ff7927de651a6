"""The task pages: the list, its filters and CSV export, one task's page and its forms."""
