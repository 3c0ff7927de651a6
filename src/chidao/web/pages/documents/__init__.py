"""The document pages: the list, its filters, and one document's details."""
