"""The phrasebook: one set of sentence patterns that writes the 公开说明 and reads it back.

``render.render_narrative`` (composer) and ``parse.parse_narrative`` (auditor) share
``patterns`` (the clauses) and ``grammar`` (the template language); ``glossary`` holds 名词解释.
"""
