"""Quotations and who said them: ``extract_quotes(text)`` lists every quoted passage that gives someone's words.

One module per stage, in the order :func:`~.extract.extract_quotes` runs them:

1. :mod:`.marks`: pair quotation marks into passages (apostrophes and nested quotes left out).
2. :mod:`.attribute` and :mod:`.carry_over`: find the phrase naming who said each passage, in its own sentence
   or carried over from a neighbouring quote, a dash line, a colon or the sentence before; :mod:`.subjects`
   reads the subject of a speech verb, :mod:`.words` holds the speech verbs and patterns.
3. :mod:`.keep`: keep real quotations, drop scare quotes, terms and titles.
4. :mod:`.describe`: name the speaker and the attribution phrase (through
   :class:`~solutions.analyser.attribution.Sources`).

:mod:`.context` and :mod:`.block_index` answer the questions each stage asks about the text around a quote,
reading each stretch a bounded number of times, so the work grows linearly with the text.
"""

from solutions.analyser.quotes.extract import extract_quotes
from solutions.analyser.quotes.marks import Passage, quoted_passages
from solutions.analyser.quotes.words import INVERTIBLE_VERBS, LABEL_VERBS, PARTICIPLES, SPEECH_VERBS

__all__ = ["INVERTIBLE_VERBS", "LABEL_VERBS", "PARTICIPLES", "SPEECH_VERBS", "Passage", "extract_quotes",
           "quoted_passages"]
