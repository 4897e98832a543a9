"""The general article analyser: figures, quotations, vague attributions and loaded wording in any text.

It knows nothing about DeepSeek: it reads only its own lexicons and rules (through
:mod:`solutions.data.datafiles`), never the case data. ``python -m solutions analyze`` is its command line
(:mod:`solutions.analyser.cli`) and :func:`solutions.analyser.analysis.analyze_text` its one-call API.
"""
