"""Reminders (issue 11): the policy (``policy``), when a deadline is reminded (``schedule``),
who receives what (``contacts``, ``digests``, ``summary``), the mails (``render``), the outbox
and its sending (``outbox``, ``smtp``, ``delivery``), the sending lease (``lease``) and the run
of one day (``run``) that ``chidao remind`` and the scheduler inside ``chidao serve`` call."""
