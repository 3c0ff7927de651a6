"""The reminder scheduler inside ``chidao serve``: a thread in every worker that, once a
``tick``, tries to take the database lease; the one holder builds the day's digests once the
policy's hour has come on a working day, and sends whatever is due in the outbox (first sends
and retries). Another worker, or another host on the same database, finds the lease taken and
does nothing.

A day missed while the service was off is caught up once: the day due is the latest working day
whose hour has passed; if it was never built, it is built now (only that one: after a week off,
nobody wants five days of reminders at once).
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.reminders.delivery import CONNECTIONS, Backoff, send_pending
from chidao.tracking.reminders.lease import acquire, holder_name, release
from chidao.tracking.reminders.outbox import built
from chidao.tracking.reminders.policy import current_policy
from chidao.tracking.reminders.run import build_day
from chidao.tracking.reminders.smtp import SmtpConfig, connections
from chidao.tracking.reminders.window import VIETNAM

log = logging.getLogger("chidao.reminders")


def day_due(now: datetime, send_hour: int, calendar: WorkCalendar) -> date:
    """The latest working day whose sending hour has come by ``now`` (Vietnam time)."""
    local = now.astimezone(VIETNAM)
    day = local.date()
    if not (calendar.is_working_day(day) and local.hour >= send_hour):
        day = calendar.add_working_days(day, -1)
    return day


class Scheduler:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        config: SmtpConfig,
        *,
        base_url: str,
        calendar: WorkCalendar,
        tick: float = 30.0,
        backoff: Backoff | None = None,
    ) -> None:
        self.sessions, self.config, self.base_url, self.calendar = sessions, config, base_url, calendar
        self.tick, self.backoff = tick, backoff or Backoff()
        self.holder = holder_name()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="chidao-reminders", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        try:
            with self.sessions() as session:
                release(session=session, holder=self.holder)
        except SQLAlchemyError:
            pass

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once(datetime.now(VIETNAM))
            except Exception:  # the service goes on; the next tick tries again
                log.exception("reminders: this round failed")
            self._stop.wait(self.tick)

    def _holds_lease(self) -> bool:
        with self.sessions() as session:
            return acquire(session=session, holder=self.holder, seconds=int(max(self.tick * 4, 120)))

    def run_once(self, now: datetime) -> bool:
        """One tick: False when another process holds the lease."""
        if not self._holds_lease():
            return False
        with self.sessions() as session:
            policy = current_policy(session)
            day = day_due(now, policy.send_hour, self.calendar)
            todo = not built(session, day)
        if todo:
            build_day(self.sessions, day=day, calendar=self.calendar, base_url=self.base_url)
        with connections(self.config, CONNECTIONS) as senders:
            send_pending(self.sessions, senders, backoff=self.backoff, keep_going=self._keep_going)
        return True

    def _keep_going(self) -> bool:
        return not self._stop.is_set() and self._holds_lease()


def start_scheduler(settings, sessions: sessionmaker[Session], calendar: WorkCalendar) -> Scheduler | None:
    """The scheduler of a ``chidao serve`` worker, running; None when no mail server is set."""
    config = SmtpConfig.from_settings(settings)
    if config is None:
        return None
    return Scheduler(sessions, config, base_url=settings.base_url, calendar=calendar).start()
