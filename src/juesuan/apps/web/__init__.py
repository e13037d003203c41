"""The web workbench (``juesuan serve``): preparers and reviewers on the store, in the browser.

Where it sits: apps, over ``apps/store`` (documents, findings, decisions, the region report),
``audit``/``compose`` (through the store's ingest and ``compose.build``) and ``apps/workers``
(the killable worker processes). It computes no figure and runs no check of its own. Modules:

- ``tables``: users, sessions, jobs and reasons (migration 0003 of the store);
- ``accounts``: passwords (argon2), sessions, who may see which unit or region;
- ``uploads``: streaming multipart uploads under limits, zip members checked, types by content;
- ``jobs``: the queue in the database and the thread that feeds it to worker processes;
- ``pages``: the page images of a stored PDF with the cited passage boxed;
- ``preparer``: template, built files and 主要原因 kept in the store;
- ``app``: the routes (Starlette), ``templates/``: the pages (Jinja2).
"""
