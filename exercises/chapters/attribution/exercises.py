"""The exercises of the chapter "Who said it?" that trace a claim: its original source, the warning signs in an
article, and a rewrite that credits the source. Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import pandas as pd

from solutions import article_ids, article_text, fact
from solutions.data.articles import paragraph_at
from solutions.data.facts import VERDICT_MEANINGS
from solutions.chapters.people import check_names
from solutions.analyser.provenance import find_date
from solutions.chapters.provenance import SIGNALS
from solutions.data.reference import reference_value
from solutions.chapters.sourcing_seeds import attribution_for, document_owner, source_owner
from solutions.chapters.vocabulary import VAGUE_SOURCES

from exercises.formatting import trim
from exercises.kinds import Criterion, MultipleChoice, Option, Reflection, SingleChoice, Source
from .warning_signs import NAME_PROBLEMS, SIGN_LABELS, WARNING_ARTICLE, arguable_signs, warning_signs_in
from .wording import first_date_text, plain_title, source_title


#: The claim traced back to its source, and the fact rows whose sources are offered as its origin.
TRACED_CLAIM = "COST-01"
ORIGIN_CANDIDATES = ("COST-09", "COST-07", "COST-08", "INV-03", "GPU-06")


def _base_title(title: str) -> str:
    """A source title without its notes: "DeepSeek-V3 Technical Report, Table 1" -> "DeepSeek-V3 Technical Report"."""
    return plain_title(title).split(",")[0].strip().casefold()


def original_source() -> SingleChoice:
    traced = fact(TRACED_CLAIM)
    row = attribution_for(TRACED_CLAIM)
    origin = _base_title(source_title(TRACED_CLAIM))
    first = {claim_id: fact(claim_id)["first_source_date"] for claim_id in ORIGIN_CANDIDATES}
    matches = [claim_id for claim_id in ORIGIN_CANDIDATES if _base_title(source_title(claim_id)) == origin]
    if len(matches) != 1:
        raise ValueError(f"{TRACED_CLAIM}'s source should be exactly one candidate's; it matches {matches}")
    (chosen,) = matches
    origin_date = first[chosen]
    origin_text = first_date_text(chosen)
    reported = reference_value("v3_reported_cost_usd")
    owner = source_owner(TRACED_CLAIM)
    options = []
    for claim_id in ORIGIN_CANDIDATES:
        candidate = fact(claim_id)
        title, date, date_text = source_title(claim_id), first[claim_id], first_date_text(claim_id)
        cited = f"The fact sheet cites it for {claim_id}: “{candidate['seed_wording']}”."
        other_owner = document_owner(title)
        if claim_id == chosen:
            feedback = (f"Yes. Published on {date_text}, it gives the cost of the final training run as "
                        f"${trim(reported / 1e6)} million ({candidate['verified_value']}). Rounded, that is the "
                        f"$6 million. {owner or 'The company'} wrote it about its own model, so the figure is "
                        "self-reported, not an estimate by independent experts.")
        elif pd.notna(date) and pd.notna(origin_date) and date < origin_date:
            feedback = (f"Published in {date_text}, before the report that first gave the figure "
                        f"({origin_text}): it cannot be where the figure started. {cited}")
        else:
            own = f" It is one of {other_owner}'s own documents, but a different one." if other_owner else ""
            feedback = (f"Published on {date_text}, after the report that first gave the figure "
                        f"({origin_text}): a later document cannot be where the figure started.{own} {cited}")
        options.append(Option(key=claim_id, label=f"{title} ({date_text})", feedback=feedback, short=title))
    return SingleChoice(
        id="attribution-original-source",
        title="Where does the $6 million come from?",
        prompt=(f"Article {row['article_id']} ¶{row['paragraph']} says: “{row['sentence']}” Trace the figure "
                "back. Which of these documents is its original source?"),
        options=tuple(options), correct=chosen,
        hints=("The original source is the first document that gives the figure with its working, not a later "
               "article or essay that repeats it.",
               "Look at the dates, and ask which document could give a figure about DeepSeek's own training."),
        explanation=(f"The fact sheet traces the figure to {source_title(TRACED_CLAIM)}, published "
                     f"{first_date_text(TRACED_CLAIM)} ({TRACED_CLAIM}; the breakdown is {chosen}). "
                     f"Its verdict on the article's sentence is {traced['verdict']}: "
                     f"{VERDICT_MEANINGS[str(traced['verdict'])].lower()} The number is "
                     f"{owner + chr(39) + 's' if owner else 'the company' + chr(39) + 's'} own, not an estimate by "
                     "independent experts."),
        sources=(Source(fact=TRACED_CLAIM, article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact=chosen)),
    )


def _warning_sources() -> tuple[Source, ...]:
    """The fact rows and paragraphs behind the name problems and the arguable signs of the warning-signs
    article."""
    text = article_text(WARNING_ARTICLE)
    places = dict.fromkeys((flag["claim_id"], paragraph_at(text, flag["start"])) for flag in check_names(text))
    for rows in arguable_signs(WARNING_ARTICLE).values():
        places.update(dict.fromkeys((row["claim_id"], row["paragraph"]) for row in rows))
    return tuple(Source(fact=claim_id, article=WARNING_ARTICLE, paragraph=paragraph) for claim_id, paragraph in places)


def warning_signs() -> MultipleChoice:
    signs = {article_id: warning_signs_in(article_id) for article_id in article_ids()}
    present = signs[WARNING_ARTICLE]
    arguable = arguable_signs(WARNING_ARTICLE)
    options = []
    for sign in (*SIGNALS, *NAME_PROBLEMS):
        if sign in present:
            feedback = " ".join(dict.fromkeys(present[sign]))
        elif sign in arguable:
            feedback = (" ".join(row["message"] for row in arguable[sign])
                        + " The kit's own check does not find the sign here, and the fact sheet's main verdict "
                          "does not give it; its other verdict does, so the evidence does not settle it.")
        else:
            elsewhere = [article_id for article_id, found in signs.items() if sign in found]
            feedback = f"Not in article {WARNING_ARTICLE}."
            if sign == "missing_date":
                span = find_date(article_text(WARNING_ARTICLE))
                if span:
                    feedback += f" It is dated: “{article_text(WARNING_ARTICLE)[span[0]:span[1]]}”."
            if elsewhere:
                feedback += f" You will find it in article{'s' if len(elsewhere) > 1 else ''} {', '.join(elsewhere)}."
        options.append(Option(key=sign, label=SIGN_LABELS[sign], feedback=feedback))
    shown = [sign for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in present]
    either = [sign for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in arguable]
    either_text = "".join(
        f" Tick the option on {SIGN_LABELS[sign][:1].lower()}{SIGN_LABELS[sign][1:]} or leave it: both are right, "
        "because the fact sheet also rates "
        + ", ".join(f"{row['claim_id']} ({WARNING_ARTICLE} ¶{row['paragraph']})" for row in arguable[sign])
        + " misattributed, but not as its main verdict." for sign in either)
    return MultipleChoice(
        id="attribution-warning-signs",
        title=f"Warning signs in article {WARNING_ARTICLE}",
        prompt=(f"Which of these warning signs does article {WARNING_ARTICLE} show? Read it on the articles page "
                "and tick all that apply."),
        options=tuple(options), correct=frozenset(shown), either=frozenset(either),
        hints=("Look at the top of the article for a byline and a date, and at the end for a list of sources.",
               "Compare the names of the people quoted with the fact sheet's spelling, and their labels with "
               "what the sources say they do."),
        explanation=(f"Article {WARNING_ARTICLE} shows: " + "; ".join(SIGN_LABELS[sign].lower() for sign in shown)
                     + "." + either_text + " None of these proves a claim wrong. Together they tell you how little "
                       "the article gives a reader to check its claims with."),
        sources=_warning_sources(),
    )


def rewrite_experts() -> Reflection:
    row = attribution_for(TRACED_CLAIM)
    owner = source_owner(TRACED_CLAIM) or ""
    document = plain_title(source_title(TRACED_CLAIM)).split(",")[0].strip()
    document_words = tuple(dict.fromkeys(w for w in (document.casefold(), document.split()[-1].casefold(),
                                                      "paper") if w))
    reported = reference_value("v3_reported_cost_usd")
    millions = reported / 1e6
    figure_words = tuple(dict.fromkeys((trim(millions, 3), trim(millions, 2), trim(millions, 1),
                                        f"{trim(round(millions), 0)} million", f"${trim(round(millions), 0)}m")))
    published = first_date_text(TRACED_CLAIM)
    return Reflection(
        id="attribution-rewrite-experts",
        title="Give the $6 million its real source",
        prompt=(f"Rewrite this sentence from article {row['article_id']} ¶{row['paragraph']} so that a reader "
                "knows who produced the figure, where they published it and what it covers."),
        original=str(row["sentence"]),
        criteria=(
            Criterion("who", f"You credit the figure to {owner}, not to unnamed experts.",
                      f"Credit the figure to whoever produced it: {owner} itself, in place of unnamed "
                      "sources such as “industry experts”.",
                      any_of=(owner.casefold(),), none_of=VAGUE_SOURCES),
            Criterion("where", "You say where it was published.",
                      f"Say where: {document}, published {published}.",
                      any_of=document_words),
            Criterion("scope", "You say that it covers one training run.",
                      "Say what it covers: the final training run of the V3 model, not the whole development.",
                      any_of=("training run", "final run", "final training", "official training", "one run",
                              "single run", "training of")),
            Criterion("figure", "You keep the figure.",
                      f"Keep the number: ${trim(millions)} million, or about $6 million.", any_of=figure_words),
        ),
        model_answer=(f"In its own technical report ({document}, {published}), {owner} puts the cost of the V3 "
                      f"model's final training run at ${trim(millions)} million of computing time, leaving out "
                      "earlier research and experiments."),
        hints=("Start with who and where: the company, and the document it published. Then say what the number "
               "counts.",),
        explanation=(f"The fact sheet's verdict on the original sentence is {fact(TRACED_CLAIM)['verdict']}: "
                     f"{VERDICT_MEANINGS[str(fact(TRACED_CLAIM)['verdict'])].lower()} A good rewrite names "
                     f"{owner}, says where it published the figure, and says that it covers one training run."),
        sources=(Source(fact=TRACED_CLAIM, article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact="COST-09")),
    )
