"""Draw page 1 of a sample report for the README (docs/report-page-1.png).

    python scripts/make_report_sample.py

Builds the test quarter of ``tests/support/report_scenario.py`` in a temporary SQLite database,
writes its Word report, prints it to PDF with LibreOffice (``soffice --headless``) and draws page
1 with ``pdftoppm`` (poppler-utils; ``scripts/ensure-libreoffice`` installs both).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from sqlalchemy import select  # noqa: E402

from chidao.extract.workdays import default_calendar  # noqa: E402
from chidao.reports.build import build_report  # noqa: E402
from chidao.reports.docx_report import write_docx  # noqa: E402
from chidao.reports.periods import parse_period  # noqa: E402
from chidao.store.engine import session_factory  # noqa: E402
from chidao.store.models import User  # noqa: E402
from db import sqlite_database  # noqa: E402
from support.report_scenario import PERIOD, TODAY, build  # noqa: E402
from support.users import seed  # noqa: E402

OUT = ROOT / "docs" / "report-page-1.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with sqlite_database(work) as engine:
            seed(engine)
            with session_factory(engine)() as session:
                build(session, {u.username: u for u in session.scalars(select(User))})
                report = build_report(
                    session=session, period=parse_period(PERIOD), today=TODAY, calendar=default_calendar()
                )
                (work / "bao-cao.docx").write_bytes(write_docx(report))
        profile = f"-env:UserInstallation=file://{work / 'profile'}"
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "bao-cao.docx"),
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(work / "bao-cao.pdf"),
                str(OUT.with_suffix("")),
            ],
            check=True,
        )
    print(OUT)


if __name__ == "__main__":
    main()
