"""What a use case raises when it refuses: the web layer turns these into 403, 409 and 422,
the CLI into one line and exit code 2."""

from __future__ import annotations


class OperationError(Exception):
    """An operation refused; the message is one sentence for the user."""


class Forbidden(OperationError):
    """The user may see the task but not do this to it."""


class Conflict(OperationError):
    """The task is not in a state that allows this (changed meanwhile, already done, ...)."""


class Invalid(OperationError):
    """The request itself does not make sense (a deadline in the past, one part to split, ...)."""
