"""juesuan (决算): compose and audit Chinese government 部门决算公开 disclosures.

Layers (imports point down only)::

    core   money, codes, model, keys, findings, profiles      — no I/O
    rules  derive, scoring (绩效), checks                     — pure functions
    io     readers (xlsx, yaml, text, docx, pdf, html), writers (md, html, docx, xlsx, pdf, json)
    api    load / read / check / build / score
    apps   cli
"""

__version__ = "0.1.0"
