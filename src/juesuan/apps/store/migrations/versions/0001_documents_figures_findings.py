"""Units and their names, documents (versions), figures, check runs and their findings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from juesuan.apps.store.schema import Exact

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(40), nullable=False, server_default=""),
        sa.Column("level", sa.String(10), nullable=False, server_default=""),
        sa.Column("code", sa.String(40), nullable=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("units.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "unit_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("scope", sa.String(10), nullable=False, server_default=""),
        sa.Column("form", sa.String(20), nullable=False, server_default="standard"),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("unit_name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(40), nullable=False, server_default=""),
        sa.Column("profile", sa.String(60), nullable=False, server_default=""),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=True),
        sa.UniqueConstraint("unit_id", "kind", "scope", "year", "version", name="uq_documents_version"),
    )
    op.create_index("ix_documents_year_kind", "documents", ["year", "kind"])
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("value", Exact(), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("line", sa.Integer, nullable=True),
        sa.Column("cell", sa.Text, nullable=True),
        sa.Column("excerpt", sa.Text, nullable=True),
        sa.Column("mark_start", sa.Integer, nullable=True),
        sa.Column("mark_end", sa.Integer, nullable=True),
    )
    op.create_index("ix_figures_document_key", "figures", ["document_id", "key"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("juesuan_version", sa.String(20), nullable=False),
        sa.Column("profile", sa.String(60), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("warnings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("infos", sa.Integer, nullable=False, server_default="0"),
        sa.Column("checks", sa.JSON, nullable=False),
        sa.Column("related", sa.JSON, nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("section", sa.Text, nullable=False, server_default=""),
        sa.Column("figures", sa.JSON, nullable=False),
        sa.Column("location", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("findings", "runs", "figures", "documents", "unit_aliases", "units"):
        op.drop_table(table)
