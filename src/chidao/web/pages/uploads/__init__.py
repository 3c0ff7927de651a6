"""The upload page: notices sent in, queued for reading, and the reading jobs' progress."""
