"""How long reading a typed agency name takes (``tracking.agency_match``, issue 14).

    python benchmarks/agency_match.py [--extra 2000] [--rounds 200]

A new SQLite store in a temporary folder with the registry seeded, plus ``--extra`` agencies of
the kind notices add ("Ủy ban nhân dân xã N", with an alias each); then, for a few spellings
(found after folding, after dropping the province, by initials, and not found at all, which
computes the suggestions), the median and the slowest of ``--rounds`` lookups, warm.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from chidao.store.agencies import agency_key
from chidao.store.engine import session_factory
from chidao.store.models import Agency
from chidao.tracking.agency_match import AgencyNotMatched, match_agency
from chidao.tracking.database import create_database

TYPED = ("Sở Nội vụ", "so noi vu", "Sở Nội Vụ tỉnh Lâm Đồng", "Sở NV", "SKHĐT", "Sở Nội vụu", "zzz qqq")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="chidao-agency-match-"))
    engine = create_database(f"sqlite:///{folder / 'chidao.sqlite3'}")
    with session_factory(engine)() as session:
        for n in range(args.extra):
            name = f"Ủy ban nhân dân xã Số {n}"
            session.add(Agency(name=name, key=agency_key(name), aliases=[f"UBND xã Số {n}"]))
        session.commit()
        print(f"{session.scalar(select(func.count(Agency.id)))} agencies")
        for typed in TYPED:
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                try:
                    answer = match_agency(session, typed).name
                except AgencyNotMatched as error:
                    answer = f"{type(error).__name__} {error.names}"
                times.append((time.perf_counter() - start) * 1000)
            print(f"{typed!r:28} → {answer}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()
