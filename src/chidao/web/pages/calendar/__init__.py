"""The calendar pages: the month view, its iCal feed, and the deadlines list."""
