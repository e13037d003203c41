"""The phrasebook: one set of sentence patterns that writes the 公开说明 and reads it back.

``render.render_narrative`` (composer) and ``parse.parse_narrative`` (auditor) share
``patterns`` (the clauses that state figures) and ``grammar`` (their template language);
``glossary`` holds 名词解释. The composer's section builders (``sections``, ``sections_more``)
are one set for every region: the sentences around the clauses, the headings and their order are
data (``wording.yaml``, read by ``wording``), chosen by the profile's ``narrative.style`` and
``narrative.skeleton`` and overridable entry by entry with ``narrative.phrases``.

All reading of text happens here, never in a check: ``parse`` states the figures (and the words
comparing 决算 with 预算), ``parse_claims`` reads the other words checks need (years, 项 heads and
purposes, lists after 包括, grades, amounts beside a project's name) and ``parse_performance``
the values a 绩效自评表's 实际完成情况 writes for its indicators.
"""
