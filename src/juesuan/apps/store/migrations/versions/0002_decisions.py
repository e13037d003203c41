"""Reviewers' decisions on findings; a finding's identity across runs (``location_hash``),
computed for the findings already stored.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from juesuan.apps.store.schema import location_hash

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("location_hash", sa.String(16), nullable=False, server_default=""))
    findings = sa.table("findings", sa.column("id", sa.Integer), sa.column("code", sa.String),
                        sa.column("location", sa.JSON), sa.column("location_hash", sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(findings.c.id, findings.c.code, findings.c.location)).all()
    for fid, code, location in rows:
        conn.execute(findings.update().where(findings.c.id == fid)
                     .values(location_hash=location_hash(code, location or {})))
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("location_hash", sa.String(16), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_decisions_finding", "decisions", ["document_id", "code", "location_hash"])


def downgrade() -> None:
    op.drop_index("ix_decisions_finding", "decisions")
    op.drop_table("decisions")
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("location_hash")
