"""The phrasebook: one set of sentence patterns that writes the 公开说明 and reads it back.

``render.render_narrative`` (composer) and ``parse.parse_narrative`` (auditor) share
``patterns`` (the clauses) and ``grammar`` (the template language); ``glossary`` holds 名词解释.
Section writers: ``sections`` / ``sections_more`` (the seed's and the neutral national wording) and
``sections_sh`` (Shanghai wording), chosen by the profile's ``narrative.style``.
"""
