"""The workbench's own tables, beside the store's (same database, same migrations).

Where it sits: apps/web, over ``apps/store/schema`` (its ``Base``, so one Alembic history covers
both). Created by migration 0003::

    users ─< web_sessions          who may sign in, with what role, for which unit or region
    users ─< jobs                  each uploaded file's way through the queue (survives a restart)
    units ─< reasons               主要原因 typed into the page, kept as data for the next build

A password is kept only as its argon2 hash; a session cookie only as its SHA-256 (a stolen
database does not sign anybody in).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..store.schema import Base, now

ROLES = {"preparer": "编制人员", "reviewer": "审核人员", "admin": "管理员"}
JOB_STATES = {"queued": "排队中", "running": "处理中", "done": "已完成", "failed": "未能处理"}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))  # preparer | reviewer | admin
    unit: Mapped[str] = mapped_column(String(200), default="")  # a preparer's unit (any of its names)
    region: Mapped[str] = mapped_column(String(200), default="")  # a reviewer's regions, separated by "、" or ","
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class WebSession(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # review | prepare
    filename: Mapped[str] = mapped_column(String(300))
    path: Mapped[str] = mapped_column(Text, default="")  # the saved upload, removed once stored
    region: Mapped[str] = mapped_column(String(40), default="")  # for a document that does not name its region
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    report_html: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Reason(Base):
    __tablename__ = "reasons"
    __table_args__ = (UniqueConstraint("unit_id", "year", "key", name="uq_reasons_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    year: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(120))  # as in the 说明与原因 sheet: "收支总计.增减"
    text: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
