"""Writers: one module per output format, each with ``write(doc: Document, path: Path) -> Path``.

Where it sits: the end of the build flow. ``layout`` and ``performance`` turn the model into
format-neutral grids; the writers render a composed :class:`~juesuan.core.document.Document`.
The mapping of format names to writers lives in :data:`juesuan.compose.WRITERS`.
"""
