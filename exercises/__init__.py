"""Exercise definitions and how they render: a live widget, a kernel-free quiz and an answer-key entry.

Every correct answer comes from a function in :mod:`solutions`; nothing here types one in.
"""
