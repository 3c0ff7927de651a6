"""The overdue check inside ``chidao serve``: a daemon thread that runs ``check_overdue`` a minute
after the server starts and then every hour, so the bell and the webhooks learn of a passed
deadline on the day it passes without a cron line. Every worker runs one: the check marks each
(task, day) under a unique key, so whichever worker comes first tells it and the others find
nothing to tell (``tracking/overdue.py``). ``chidao notify --date`` does the same from cron.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.overdue import check_overdue
from chidao.tracking.reminders.window import VIETNAM

LOG = logging.getLogger("chidao.overdue")
FIRST_DELAY = 60.0
EVERY = 3600.0


class OverdueTicker:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: WorkCalendar,
        *,
        first_delay: float = FIRST_DELAY,
        every: float = EVERY,
        today: Callable[[], date] = lambda: datetime.now(VIETNAM).date(),
    ) -> None:
        self.sessions, self.calendar, self.first_delay, self.every = sessions, calendar, first_delay, every
        self.today = today
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chidao-overdue", daemon=True)

    def start(self) -> OverdueTicker:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def run_once(self) -> None:
        """One check for today in Vietnam, committed."""
        with self.sessions.begin() as session:
            check_overdue(session=session, today=self.today(), calendar=self.calendar)

    def _run(self) -> None:
        wait = self.first_delay
        while not self._stop.wait(wait):
            try:
                self.run_once()
            except Exception:  # the database away, a bug: logged, tried again at the next hour
                LOG.exception("overdue check failed")
            wait = self.every
