"""What an import or an export did with each part of its input, for the caller to see.

An import never drops what it cannot map in silence: every field it kept
without interpreting, every item it skipped and every doubt it has becomes a
:class:`Note` with the JSON path of the part of the input it is about.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from provenance.model import Document

__all__ = ["ExportNotes", "ImportNotes", "Note", "NoteAction"]


class NoteAction(enum.StrEnum):
    """What was done with the part of the input a note is about."""

    SKIPPED = "skipped"
    """Not imported (or not exported) at all."""
    KEPT = "kept"
    """Not mapped to the model, but kept verbatim in an ``extensions`` field."""
    LEFT_OUT = "left_out"
    """Not expressible in the target format, so not written."""
    WARNING = "warning"
    """Imported or written, but something about it deserves a look."""


@attrs.frozen
class Note:
    """One thing an import or export did that the caller should know about."""

    action: NoteAction = attrs.field(converter=NoteAction)
    """What was done."""
    path: str
    """JSON path into the input (``$[2].reviewRating.ratingValue``)."""
    message: str
    """Why, in one line."""
    location: str | None = None
    """The file (and line, for HTML) the input came from, when known."""

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.path}: {self.action.value}: {self.message}"


@attrs.frozen
class ImportNotes:
    """The Documents an import produced and the notes it made."""

    documents: tuple[Document, ...]
    """The imported Documents, in input order."""
    notes: tuple[Note, ...] = ()
    """Everything skipped, kept unmapped or doubtful, in input order."""

    @property
    def skipped(self) -> tuple[Note, ...]:
        """The notes of parts that were not imported."""
        return tuple(note for note in self.notes if note.action is NoteAction.SKIPPED)

    @property
    def kept(self) -> tuple[Note, ...]:
        """The notes of fields kept verbatim without being mapped."""
        return tuple(note for note in self.notes if note.action is NoteAction.KEPT)

    @property
    def warnings(self) -> tuple[Note, ...]:
        """The notes of doubts about what was imported."""
        return tuple(note for note in self.notes if note.action is NoteAction.WARNING)


@attrs.frozen
class ExportNotes:
    """The items an export produced and what it left out."""

    items: tuple[dict[str, Any], ...]
    """The written items (JSON-ready data), in order."""
    notes: tuple[Note, ...] = ()
    """What could not be written, and doubts about what was."""
