"""The controlled vocabulary of claim-provenance records.

Every enum's *values* are exactly the strings (or integers) written in JSON
records, and ``schemas/v1/vocabulary.json`` lists the same values; a test keeps
the two in agreement.
"""

from __future__ import annotations

import enum

__all__ = [
    "BROKEN_LINKS",
    "CONTESTED_VERDICTS",
    "FALSE_VERDICTS",
    "HEARSAY_HEDGES",
    "QUOTE_MODES",
    "RELAYING_MODES",
    "STATEMENT_MODES",
    "TRUE_VERDICTS",
    "UNCERTAIN_HEDGES",
    "UNNAMED_KINDS",
    "WEAKENING_HEDGES",
    "AttributionMode",
    "ConfidenceStatus",
    "Credibility",
    "Factuality",
    "HedgeCategory",
    "LinkStatus",
    "Plurality",
    "Reliability",
    "SourceKind",
    "Stance",
    "Temporality",
    "Verdict",
]


class SourceKind(enum.StrEnum):
    """What kind of thing a source is, as far as the text lets us know."""

    PUBLICATION = "publication"
    """A news outlet, agency or other publisher (Reuters, Fox News)."""
    NAMED_PERSON = "named_person"
    """A person the text names."""
    NAMED_ORGANIZATION = "named_organization"
    """An organisation the text names (the Kosovo government, the State Department)."""
    DOCUMENT = "document"
    """A document: a statement, a report, a court filing."""
    UNNAMED_INDIVIDUAL = "unnamed_individual"
    """One person the text does not name ("a senior official")."""
    UNNAMED_GROUP = "unnamed_group"
    """Several people the text does not name ("UK-based political analysts")."""
    VAGUE_REPORTS = "vague_reports"
    """Reports with no identifiable origin ("multiple reports", "reports came to light")."""
    GENERIC = "generic"
    """No source at all, only a generic voice ("it is believed")."""
    AUTHOR = "author"
    """The text's own voice: its author or byline."""
    UNKNOWN = "unknown"
    """Not enough to tell."""

    @property
    def is_named(self) -> bool:
        """Whether a source of this kind is identified by name."""
        return self in _NAMED_KINDS

    @property
    def is_vague(self) -> bool:
        """Whether a source of this kind has no identifiable origin at all."""
        return self in _VAGUE_KINDS


_NAMED_KINDS = frozenset(
    {
        SourceKind.PUBLICATION,
        SourceKind.NAMED_PERSON,
        SourceKind.NAMED_ORGANIZATION,
        SourceKind.DOCUMENT,
        SourceKind.AUTHOR,
    }
)
_VAGUE_KINDS = frozenset({SourceKind.VAGUE_REPORTS, SourceKind.GENERIC, SourceKind.UNKNOWN})


class AttributionMode(enum.StrEnum):
    """How one source passes a claim on to the next."""

    DIRECT_QUOTE = "direct_quote"
    PARTIAL_QUOTE = "partial_quote"
    PARAPHRASE = "paraphrase"
    ACCORDING_TO = "according_to"
    TOLD = "told"
    REPORTED = "reported"
    CITING = "citing"
    """Outlet to outlet."""
    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DENIED = "denied"
    BELIEF = "belief"
    DOCUMENT_STATES = "document_states"

    @property
    def is_quote(self) -> bool:
        """Whether this mode reproduces the source's own words (and so needs a quote)."""
        return self in QUOTE_MODES


class HedgeCategory(enum.StrEnum):
    """What a hedge cue does to the commitment of whoever utters it."""

    EPISTEMIC = "epistemic"
    """may, might, likely."""
    DOXASTIC = "doxastic"
    """believed, presumed."""
    EVIDENTIAL_HEARSAY = "evidential_hearsay"
    """reportedly, allegedly, is said to."""
    UNRESOLVED = "unresolved"
    """remains unclear, up in the air, could not be independently verified."""
    PROSPECTIVE = "prospective"
    """expected to, set to, plans to."""
    CONDITION = "condition"
    """if, unless."""
    WEASEL = "weasel"
    """some say, experts say."""
    NEGATION = "negation"
    """not, never, denied."""


class Plurality(enum.StrEnum):
    """How many voices a source stands for."""

    ONE = "one"
    SEVERAL = "several"
    UNSPECIFIED = "unspecified"


class Factuality(enum.StrEnum):
    """FactBank factuality values: how committed a source is to an event."""

    CERTAIN_POSITIVE = "CT+"
    PROBABLE_POSITIVE = "PR+"
    POSSIBLE_POSITIVE = "PS+"
    CERTAIN_NEGATIVE = "CT-"
    PROBABLE_NEGATIVE = "PR-"
    POSSIBLE_NEGATIVE = "PS-"
    CERTAIN_UNDERSPECIFIED = "CTu"
    """Certain, but of unknown polarity ("it is not known whether")."""
    UNDERSPECIFIED = "Uu"
    """Uncommitted."""

    @property
    def polarity(self) -> int:
        """+1 for positive values, -1 for negative ones, 0 for underspecified."""
        if self.value.endswith("+"):
            return 1
        if self.value.endswith("-"):
            return -1
        return 0


class Temporality(enum.StrEnum):
    """When the event a factuality value is about takes place."""

    PAST_PRESENT = "past_present"
    FUTURE = "future"
    UNDERSPECIFIED = "underspecified"


class ConfidenceStatus(enum.StrEnum):
    """How well established a claim is, as the record stands.

    Derived by the decision table in :mod:`provenance.status`.
    """

    CONFIRMED = "confirmed"
    CORROBORATED = "corroborated"
    ATTRIBUTED = "attributed"
    REPORTED = "reported"
    ASSERTED = "asserted"
    HEDGED = "hedged"
    UNRESOLVED = "unresolved"
    DISPUTED = "disputed"
    REFUTED = "refuted"


class Verdict(enum.StrEnum):
    """A fact-checker's verdict, normalised; the reviewer's own label is kept beside it."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    MISLEADING = "misleading"
    MISSING_CONTEXT = "missing_context"
    UNVERIFIABLE = "unverifiable"
    SATIRE = "satire"
    NOT_CHECKABLE = "not_checkable"
    OTHER = "other"


class LinkStatus(enum.StrEnum):
    """What is known about one link of a chain beyond the citing text's word."""

    AS_REPORTED = "as_reported"
    """We only have the citing text's word for it."""
    LOCATED = "located"
    """The cited item was found."""
    CONSISTENT = "consistent"
    """The cited item was found and says what it is cited for."""
    MISREPRESENTED = "misrepresented"
    """The cited item was found and does not say what it is cited for."""
    NOT_FOUND = "not_found"
    """The cited item was looked for and not found."""
    RETRACTED = "retracted"
    """The cited item was withdrawn by its publisher."""


class Stance(enum.StrEnum):
    """How a piece of evidence bears on a claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class Reliability(enum.StrEnum):
    """Admiralty code source reliability, A (completely reliable) to F (cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Credibility(enum.IntEnum):
    """Admiralty code information credibility, 1 (confirmed) to 6 (cannot be judged)."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6


# -- named sets of members: each defined here once, read by every module that needs it --

TRUE_VERDICTS = frozenset({Verdict.TRUE, Verdict.MOSTLY_TRUE})
"""The true side of a review's verdict: ``true`` and ``mostly_true``."""

FALSE_VERDICTS = frozenset({Verdict.FALSE, Verdict.MOSTLY_FALSE})
"""The false side of a review's verdict: ``false`` and ``mostly_false``."""

CONTESTED_VERDICTS = frozenset({Verdict.MIXED, Verdict.MISLEADING, Verdict.MISSING_CONTEXT})
"""Verdicts on neither side: ``mixed``, ``misleading``, ``missing_context``."""

UNCERTAIN_HEDGES = frozenset(
    {
        HedgeCategory.EPISTEMIC,
        HedgeCategory.DOXASTIC,
        HedgeCategory.PROSPECTIVE,
        HedgeCategory.CONDITION,
    }
)
"""Hedges that make the claim itself uncertain (may, believed, expected to, if): a claim
carrying one is ``hedged`` (status row R9)."""

HEARSAY_HEDGES = frozenset({HedgeCategory.EVIDENTIAL_HEARSAY, HedgeCategory.WEASEL})
"""Hedges that pass the claim on from nobody in particular (reportedly, some say)."""

WEAKENING_HEDGES = UNCERTAIN_HEDGES | HEARSAY_HEDGES | {HedgeCategory.UNRESOLVED}
"""Every hedge that weakens a speaker's commitment to what they pass on: the uncertain and
hearsay ones and ``unresolved``. A chain drops or hardens a weakening hedge when a nearer
level repeats the claim without one (see :func:`provenance.chains.analyze_chain`)."""

QUOTE_MODES = frozenset({AttributionMode.DIRECT_QUOTE, AttributionMode.PARTIAL_QUOTE})
"""Modes that reproduce the source's own words (and so need a quote):
:attr:`AttributionMode.is_quote`."""

STATEMENT_MODES = QUOTE_MODES | {AttributionMode.PARAPHRASE}
"""Modes that give one source's own statement, in its words or closely paraphrased: what an
anonymous source is quoted as saying (audit rule PV102 asks why it is anonymous)."""

RELAYING_MODES = frozenset(
    {AttributionMode.CITING, AttributionMode.REPORTED, AttributionMode.ACCORDING_TO}
)
"""Modes by which an outlet passes on what someone else said (``citing``, ``reported``,
``according_to``): a chain whose last hop is a publication in one of them stops at an
intermediary."""

UNNAMED_KINDS = frozenset({SourceKind.UNNAMED_INDIVIDUAL, SourceKind.UNNAMED_GROUP})
"""Sources that speak without a name: ``unnamed_individual`` and ``unnamed_group``."""

BROKEN_LINKS = frozenset({LinkStatus.MISREPRESENTED, LinkStatus.NOT_FOUND, LinkStatus.RETRACTED})
"""Checked links that break the chain: ``misrepresented``, ``not_found``, ``retracted``."""
