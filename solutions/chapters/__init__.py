"""The DeepSeek case: the answers each chapter of the book computes from the data.

Modules here may use :mod:`solutions.analyser` and :mod:`solutions.data`; nothing in the analyser or the data
layer imports them.
"""
