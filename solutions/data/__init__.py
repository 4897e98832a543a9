"""The kit's data: where it lives, cached table loaders, the seed articles, the fact sheet and the seed ledger,
the dated events, the market moves, the people register, and which phrase of which article reports which event.

Every loader reads through :func:`solutions.data.datafiles.read_table` or the cached readers beside it;
the answers in :mod:`solutions.chapters` and the exercises take their data from here.
"""
