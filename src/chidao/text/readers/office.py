"""Word 97 ``.doc``, OpenDocument ``.odt`` and ``.rtf``: converted to DOCX by LibreOffice, then read
by the DOCX reader (issue 15).

Offices still receive Word 97 files; no Python library reads them faithfully (tables, numbering,
fields), and LibreOffice does, headless. Each conversion runs ``soffice --headless --convert-to
docx`` in a private temporary folder with its own profile (``-env:UserInstallation``): two
conversions sharing a profile block each other, or one fails. It is bounded before the work (the
file's size), during it (a wall-clock timeout, after which the whole process group is killed:
``soffice`` starts ``soffice.bin``), and after it (the DOCX reader's own caps). In the upload
worker (``chidao.tracking.sandbox``) LibreOffice inherits the worker's memory and CPU limits.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from chidao.text.readers import detect
from chidao.text.readers.docx import read_docx
from chidao.text.readers.errors import Failure, Unreadable

MAX_BYTES = 20 * 1024 * 1024  # a Word 97 notice is 30-500 KB; a long plan with images, a few MB
TIMEOUT_SECONDS = 60.0  # a notice converts in 1-3 s; a hostile file may never finish
_SUFFIX = {"ole": ".doc", "odt": ".odt", "rtf": ".rtf"}
_LABEL = {"ole": "Word 97 (.doc)", "odt": "OpenDocument (.odt)", "rtf": "RTF"}


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(data: bytes) -> str:
    """The text of a Word 97, OpenDocument or RTF file, through LibreOffice and the DOCX reader."""
    kind = detect.sniff(data)
    if kind not in _SUFFIX:
        raise Unreadable("not a Word 97, OpenDocument or RTF file", Failure.WRONG_TYPE)
    return read_docx(convert_to_docx(data, kind))


def convert_to_docx(data: bytes, kind: str, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes of ``data`` (a "ole", "odt" or "rtf" file, as ``detect.sniff`` names them)
    converted to DOCX; ``Unreadable`` when LibreOffice is missing, fails or takes too long."""
    label = _LABEL[kind]
    if len(data) > MAX_BYTES:
        raise Unreadable(
            f"{label} file too large to convert ({len(data) // 1024 // 1024} MB > {MAX_BYTES // 1024 // 1024} MB)",
            Failure.TOO_LARGE,
        )
    command = soffice()
    if command is None:
        raise Unreadable(f"cannot read {label} files: LibreOffice (soffice) is not installed", Failure.NO_CONVERTER)
    with tempfile.TemporaryDirectory(prefix="chidao-soffice-") as folder:
        work = Path(folder)
        source = work / f"document{_SUFFIX[kind]}"
        source.write_bytes(data)
        out = work / "out"
        _run(_command(command, work, source, out), timeout, label)
        converted = out / "document.docx"
        if not converted.is_file():
            raise Unreadable(f"LibreOffice could not convert this {label} file (corrupt?)", Failure.CONVERSION_FAILED)
        return converted.read_bytes()


def _command(command: str, work: Path, source: Path, out: Path) -> list[str]:
    return [
        command,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]


def _run(command: list[str], timeout: float, label: str) -> None:
    """Run LibreOffice in a process group of its own, killed whole past ``timeout``."""
    environment = {**os.environ, "HOME": str(Path(command[-1]).parent), "SAL_USE_VCLPLUGIN": "svp"}
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
    except OSError as error:
        raise Unreadable(f"cannot start LibreOffice ({error.strerror or error})", Failure.NO_CONVERTER) from None
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise Unreadable(
            f"LibreOffice took longer than {timeout:g} s to convert this {label} file", Failure.NEEDS_TIME
        ) from None
    except BaseException:
        _kill(process)
        raise
    if process.returncode != 0:
        detail = " ".join(errors.decode("utf-8", "replace").split()[:20])[:80]
        status = f"exit {process.returncode}: {detail}" if detail else f"exit {process.returncode}"
        raise Unreadable(f"LibreOffice failed to convert this {label} file ({status})", Failure.CONVERSION_FAILED)


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
