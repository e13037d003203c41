"""The store: every unit and every year in one database (SQLite by default, PostgreSQL for a team).

Where it sits: apps, beside the CLI (``apps/store_cmd.py``) and under the web workbench. It keeps
what juesuan computed (documents, figures with their sources, check runs, findings, reviewers'
decisions) and finds the related documents the checks across documents need; it holds no check
logic itself. Modules: ``schema`` (tables), ``db`` (engine, sessions, migrations), ``ingest``
(reading and storing documents), ``query`` (finding documents, related documents for the
checks), ``report`` (a region's review in HTML or Excel).
"""
