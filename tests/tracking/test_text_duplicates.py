"""Duplicates by words, not bytes (issue 15, item 6): a notice received again with other bytes
(re-saved, another format) returns the stored document, not created, the file linked to it
(``document_files``, an audit entry); the linked file's bytes are then known as stored. On
SQLite and PostgreSQL; and the DOCX of a notice against the PDF LibreOffice prints from it."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chidao.store.agencies import seed_agencies
from chidao.store.document_files import DocumentFile
from chidao.store.document_rows import prepare_document
from chidao.store.models import AuditEntry, Document
from chidao.text.identity import text_hash, text_key
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import add_document, ingest_file, stored_copy, stored_hashes
from chidao.tracking.ingest_batch import Read, store_batch
from chidao.tracking.sandbox import read_document
from db import database_fixture

database = database_fixture()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTICE = (EXAMPLES / "cv-giao-nhiem-vu-y-te.txt").read_text(encoding="utf-8")


def _resaved(text: str) -> bytes:
    """The same words as another program saves them: CRLF, doubled spaces, a BOM, NFD."""
    lines = ["  ".join(line.split(" ")) for line in unicodedata.normalize("NFD", text).splitlines()]
    return "\ufeff".encode() + "\r\n".join(lines).encode("utf-8")


def test_the_key_keeps_letters_and_digits_only_and_drops_page_numbers():
    assert text_key("Số: 12/TB-UBND\n- 2 -\nỦy ban  nhân dân.\nTrang 3/5") == "số12tbubndủybannhândân"
    assert text_hash("Giao Sở Y tế") == text_hash("giao  sở y\ntế.")
    assert text_hash("Giao Sở Y tế 30/6") != text_hash("Giao Sở Y tế 30/7")


def test_a_resaved_copy_is_linked_to_the_stored_document(database):
    sessions = open_sessions(database)
    with sessions.begin() as session:
        seed_agencies(session=session)
        first = add_document(session=session, filename="cv.txt", data=NOTICE.encode())
    copy = _resaved(NOTICE)
    assert copy != NOTICE.encode()
    with sessions.begin() as session:
        again = add_document(session=session, filename="cv-ban-sao.txt", data=copy)
        assert (again.created, again.duplicate, again.document.id) == (False, "text", first.document.id)
    with sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == 1
        linked = session.scalars(select(DocumentFile)).one()
        assert (linked.document_id, linked.filename) == (first.document.id, "cv-ban-sao.txt")
        assert linked.content_hash == hashlib.sha256(copy).hexdigest()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "duplicate")).one()
        assert audit.entity_id == first.document.id and audit.after["filename"] == "cv-ban-sao.txt"
        # the copy's bytes are now known: found without reading, and not linked twice
        assert stored_copy(session=session, data=copy).id == first.document.id
        assert stored_hashes(session=session, digests=[linked.content_hash, "0" * 64]) == {linked.content_hash}
    result, _ = ingest_file(sessions, filename="cv-ban-sao.txt", data=copy)
    assert (result.created, result.duplicate) == (False, "bytes")
    with sessions() as session:
        assert session.scalar(select(func.count(DocumentFile.id))) == 1


def test_a_batch_stores_new_documents_and_links_text_copies_within_it(database):
    sessions = open_sessions(database)
    with sessions.begin() as session:
        seed_agencies(session=session)
    other = NOTICE.replace("Số:", "Số: 99", 1)
    files = [
        Read(name, data, prepare_document(read_document(data, name), name, data))
        for name, data in [("a.txt", NOTICE.encode()), ("b.txt", _resaved(NOTICE)), ("c.txt", other.encode())]
    ]
    outcomes = store_batch(sessions, files)
    assert [(r.created, r.duplicate) for r, _ in outcomes] == [(True, None), (False, "text"), (True, None)]
    assert outcomes[0][1] == 3 and outcomes[1][1] == 0
    # the same batch again: every file is stored, by its bytes now (the batch falls back one by one)
    again = store_batch(sessions, files)
    assert [(r.created, r.duplicate) for r, _ in again] == [(False, "bytes")] * 3
    with sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == 2


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, Path]:
    from text.office import NOTICES, convert_to_pdf, write_docx

    folder = tmp_path_factory.mktemp("printed")
    docx = write_docx(folder / "tb-ket-luan.docx", NOTICES["tb-ket-luan"], "Liberation Serif")
    return docx, convert_to_pdf([docx], folder)[0]


def test_the_pdf_libreoffice_prints_from_a_docx_is_a_duplicate_of_it(database, printed):
    docx, pdf = printed
    sessions = open_sessions(database)
    with sessions.begin() as session:
        seed_agencies(session=session)
        first = add_document(session=session, filename=docx.name, data=docx.read_bytes())
    with sessions.begin() as session:
        second = add_document(session=session, filename=pdf.name, data=pdf.read_bytes())
        assert (second.created, second.duplicate, second.document.id) == (False, "text", first.document.id)
