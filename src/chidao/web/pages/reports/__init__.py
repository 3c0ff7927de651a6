"""The report pages: the periodic report, its print and download forms, and its charts."""
