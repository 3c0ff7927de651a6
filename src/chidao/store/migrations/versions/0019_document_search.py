"""Finding documents: a folded ``search_text`` and the issuing body (``issuer``) as a column.

Revision ID: 0019
Revises: 0018

``search_text`` holds the document's particulars folded as the task search folds its words
(``chidao.text.fold_words``: "Chuyển đổi số" → "chuyen doi so"), its number first and apart
(`` <number> | <title, type, place, issuer, signer, chair, filename>``), so a search without
diacritics finds the document and a number search looks at the number only. ``issuer`` (cơ quan
ban hành) was kept in ``meta["issuer"]``; as a column the list filters on it. Both are filled for
the documents already stored, in batches, inside the migration's one transaction.
"""

import json

import sqlalchemy as sa
from alembic import op

from chidao.store.documents import SEARCHED_PARTICULARS, document_search_text, issuer_line

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

BATCH = 500
_COLUMNS = ("id", "number", *(name for name in SEARCHED_PARTICULARS if name != "issuer"), "meta")


def _backfill(connection: sa.Connection) -> None:
    """Each stored document's issuer (from its meta) and search text, a batch of rows at a time."""
    last = 0
    select = sa.text(f"SELECT {', '.join(_COLUMNS)} FROM documents WHERE id > :last ORDER BY id LIMIT {BATCH}")
    update = sa.text("UPDATE documents SET issuer = :issuer, search_text = :search_text WHERE id = :id")
    while True:
        rows = connection.execute(select, {"last": last}).mappings().all()
        if not rows:
            return
        changes = []
        for row in rows:
            meta = row["meta"]
            meta = json.loads(meta) if isinstance(meta, str) else (meta or {})
            issuer = issuer_line(meta.get("issuer") if isinstance(meta, dict) else None)
            particulars = {name: row[name] for name in _COLUMNS if name not in ("id", "number", "meta")}
            text = document_search_text(row["number"], issuer=issuer, **particulars)
            changes.append({"id": row["id"], "issuer": issuer, "search_text": text})
        connection.execute(update, changes)
        last = rows[-1]["id"]


def upgrade() -> None:
    # Never a table rebuild: it would copy every stored file (``original``) and the triggers and
    # indexes would have to be made again; SQLite adds and drops columns in place.
    with op.batch_alter_table("documents", recreate="never") as batch:
        batch.add_column(sa.Column("issuer", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
        batch.create_index("ix_documents_issuer", ["issuer"])
    _backfill(op.get_bind())


def downgrade() -> None:
    """Back to 0016: the issuer stays in ``meta``; the search text is dropped."""
    with op.batch_alter_table("documents", recreate="never") as batch:
        batch.drop_index("ix_documents_issuer")
        batch.drop_column("search_text")
        batch.drop_column("issuer")
