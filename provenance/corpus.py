"""Collections of Documents: the same claim and the same source across many texts.

A :class:`Corpus` is an ordered collection of Documents, with where each came
from and what could not be loaded. :func:`analyze_corpus` lines it up:

- **the same source** across documents: sources that share a ``same_as`` URI
  are one; then the user's alias table (a name, descriptor or URI, mapped to a
  canonical name); then, for named kinds, the same name (case and spacing
  ignored); then, with a :class:`~provenance.resolution.Resolver`, the
  real-world source the gazetteer and the per-document aliases resolve it to
  (labelled with its canonical name). Unnamed and vague sources are never
  merged by their wording: two texts' "a senior official" may be two people.
- **who speaks for whom**: a source's ``affiliation``, or the organisation its
  descriptor names ("Kremlin spokesman"), is what a chain ending at it finally
  reaches: a spokesperson is their government's origin, not a second one.
- **the same claim** across documents: claims that share a ``Claim.key``.
  A claim without a key stands alone.

An outlet's own unattributed statement of a claim is no origin of it, and a
document given as a copy of another (``copies``) adds no channel where the
original carries the claim too.

On each group of aligned claims it counts **independent origins**, finds
**circular reporting** and **single-origin amplification**, and recomputes each
claim's status with that knowledge. The method is explained in
``docs/explanation/independence.md``; in short, every chain is a path of
citation edges ``publisher -> hop 0 -> ... -> origin`` between canonical
sources, and two origins are dependent when something reachable from one is
reachable from the other (they share an upstream source). The independent
origins are the connected parts of the graph spanned by everything reachable
from an origin, found with a union-find. Work is linear in the number of hops
(plus near-constant union-find factors); no two claims are ever compared.

Status with corpus knowledge is the decision table of :mod:`provenance.status`
given the group's count of independent *named* origins (row R8), followed by
one corpus row:

====  ==============================================================  ==============
row   when                                                             status
====  ==============================================================  ==============
C1    the aligned claims conflict: one side holds it, another          ``disputed``
      negates or denies it, or reviews of the group disagree
      (applies unless the claim is already ``refuted`` or
      ``disputed``)
====  ==============================================================  ==============
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from provenance.edge_records import DocumentEdges, SourceEdges, document_edges
from provenance.errors import ProvenanceError
from provenance.model import Document
from provenance.resolution import Resolver, link_people, normalize_name, person_key
from provenance.status import StatusDecision, derive_status
from provenance.vocabulary import FALSE_VERDICTS, TRUE_VERDICTS, ConfidenceStatus

__all__ = [
    "CORPUS_OVERRIDE_PREFIX",
    "Amplification",
    "ClaimGroup",
    "Corpus",
    "CorpusAnalysis",
    "LoadError",
    "Loop",
    "Occurrence",
    "analyze_corpus",
    "analyze_edges",
    "recompute_statuses",
]

CORPUS_OVERRIDE_PREFIX = "corpus: "
"""How :func:`recompute_statuses` marks the ``status_override`` reasons it writes itself."""

_SPACES = re.compile(r"\s+")


@attrs.frozen
class LoadError:
    """An input that could not be loaded: where (``file`` or ``file:line``) and why."""

    location: str
    """The file, or ``file:line`` for a JSON Lines record."""
    message: str
    """What was wrong, in one line or a few."""


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _locations(value: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(value)


def _errors(value: Iterable[LoadError]) -> tuple[LoadError, ...]:
    return tuple(value)


@attrs.frozen
class Corpus:
    """Many Documents, in order, with where each came from and what failed to load."""

    documents: tuple[Document, ...] = attrs.field(default=(), converter=_documents)
    """The documents, in the order they were given or loaded."""
    locations: tuple[str | None, ...] = attrs.field(default=(), converter=_locations)
    """Where each document came from (``file`` or ``file:line``); ``None`` when built in memory.
    Empty, or one per document."""
    errors: tuple[LoadError, ...] = attrs.field(default=(), converter=_errors)
    """Inputs that could not be loaded; the rest of the corpus loaded regardless."""

    def location(self, index: int) -> str | None:
        """Return where document ``index`` came from, when known."""
        return self.locations[index] if index < len(self.locations) else None

    def __len__(self) -> int:
        return len(self.documents)


@attrs.frozen
class Occurrence:
    """Where one claim stands in a corpus: the document's index and the claim's index in it."""

    document: int
    """Index of the document in ``Corpus.documents``."""
    claim: int
    """Index of the claim in that document's ``claims``."""


@attrs.frozen
class ClaimGroup:
    """The claims of a corpus that are the same claim (same ``key``), and what they amount to."""

    key: str
    """The shared ``Claim.key``, or ``document-id#claim-id`` for a claim without one."""
    occurrences: tuple[Occurrence, ...]
    """Every claim of the group, in corpus order."""
    documents: int
    """How many documents carry it."""
    origins: tuple[tuple[str, ...], ...]
    """The independent origins: each a set of origin labels that share an upstream source."""
    independent_origins: int
    """How many of ``origins`` include a named origin: what row R8 counts."""
    unidentified_origins: int
    """How many of ``origins`` hold only unnamed or vague origins (never counted for R8)."""
    stance_conflicts: tuple[str, ...] = ()
    """Why the aligned claims conflict, when one side holds the claim and another negates it."""
    review_conflicts: tuple[str, ...] = ()
    """The reviews of the group's claims that disagree (true side against false side)."""

    @property
    def conflicts(self) -> tuple[str, ...]:
        """Every reason the aligned claims conflict (row C1)."""
        return self.stance_conflicts + self.review_conflicts


@attrs.frozen
class Loop:
    """Circular reporting: sources that cite one another, for one claim group."""

    key: str
    """The claim group's key."""
    sources: tuple[str, ...]
    """The loop, each source citing the next; the first source is repeated at the end."""
    occurrences: tuple[Occurrence, ...]
    """The claims whose chains contribute a link of the loop."""
    documents: tuple[str, ...] = ()
    """Ids of the documents whose chains make the loop, sorted (readable without the corpus)."""

    @property
    def description(self) -> str:
        """The loop in chain notation: ``"Daily A <- Daily B <- Daily A"``."""
        return " <- ".join(self.sources)


@attrs.frozen
class Amplification:
    """Single-origin amplification: many documents, one origin."""

    key: str
    """The claim group's key."""
    origin: tuple[str, ...]
    """Labels of the origin (several when they share an upstream source)."""
    documents: int
    """How many documents carry the claim."""


@attrs.frozen
class CorpusAnalysis:
    """What a corpus says about each claim beyond its own document."""

    groups: tuple[ClaimGroup, ...]
    """Every claim group, in order of first appearance."""
    group_index: tuple[tuple[int, ...], ...]
    """For document ``i`` and claim ``j``, the index of the claim's group in ``groups``."""
    decisions: tuple[tuple[StatusDecision, ...], ...]
    """For document ``i`` and claim ``j``, its status with corpus knowledge.

    Empty in an analysis of edge records (:func:`analyze_edges`) until
    :meth:`with_decisions` is given the documents: a decision's reasons quote
    the claim itself."""
    loops: tuple[Loop, ...]
    """Circular reporting found, per claim group."""
    amplifications: tuple[Amplification, ...]
    """Single-origin amplification found, per claim group."""
    _nodes: tuple[Mapping[str, int], ...] = attrs.field(alias="nodes", eq=False, repr=False)
    _aligner: _Sources = attrs.field(alias="aligner", eq=False, repr=False)

    def group(self, document: int, claim: int) -> ClaimGroup:
        """Return the group of claim ``claim`` of document ``document``."""
        return self.groups[self.group_index[document][claim]]

    def decision(self, document: int, claim: int) -> StatusDecision:
        """Return the corpus-aware status decision of a claim."""
        return self.decisions[document][claim]

    def part(self, start: int, stop: int) -> CorpusAnalysis:
        """Return the analysis of documents ``start`` to ``stop`` as if they were a corpus.

        Document ``start`` becomes document 0; each document keeps the groups,
        decisions, loops and amplifications it takes part in, with what those
        know of the whole corpus (a group's origins, a loop's documents). This
        is what a distributed report hands each partition in place of the
        whole analysis. Groups and loops keep only their occurrences inside the
        part, renumbered (a group's ``documents`` and origins still count the
        whole corpus), so that a part's size follows its documents, not its
        groups'. A part answers :meth:`canonical` for no source: that needs the
        whole corpus' sources.
        """
        rows = self.group_index[start:stop]
        used = sorted({g for row in rows for g in row})
        renumber = {g: i for i, g in enumerate(used)}
        keys = {self.groups[g].key for g in used}

        def inside(occurrences: Iterable[Occurrence]) -> tuple[Occurrence, ...]:
            return tuple(
                Occurrence(o.document - start, o.claim)
                for o in occurrences
                if start <= o.document < stop
            )

        loops = []
        for loop in self.loops:
            found = inside(loop.occurrences)
            if found:
                loops.append(attrs.evolve(loop, occurrences=found))
        return CorpusAnalysis(
            groups=tuple(
                attrs.evolve(self.groups[g], occurrences=inside(self.groups[g].occurrences))
                for g in used
            ),
            group_index=tuple(tuple(renumber[g] for g in row) for row in rows),
            decisions=self.decisions[start:stop],
            loops=tuple(loops),
            amplifications=tuple(a for a in self.amplifications if a.key in keys),
            # A part answers canonical() for no source: one empty mapping stands for every
            # document's sources (the nodes are the bulk of an analysis' pickle otherwise).
            nodes=(_NO_NODES,) * (stop - start),
            aligner=_Sources({}, match_names=False),
        )

    def with_decisions(self, documents: Sequence[Document]) -> CorpusAnalysis:
        """Return this analysis with every claim's status decided, from its ``documents``.

        ``documents`` are those the analysis was made over (the edge records'
        documents, or a part's), in order. A claim's decision is the decision
        table of :mod:`provenance.status` on its own record, given its group's
        count of independent named origins (row R8), then row C1 when its
        group's claims conflict: what the corpus adds is only in the groups.
        """
        if len(documents) != len(self.group_index) or any(
            len(document.claims) != len(row)
            for document, row in zip(documents, self.group_index, strict=True)
        ):
            raise ProvenanceError(
                "the documents are not those the corpus analysis was made over",
                expected=f"{len(self.group_index)} documents with the analysed claims",
                found=f"{len(documents)} documents",
            )
        return attrs.evolve(self, decisions=_decisions(documents, self.groups, self.group_index))

    def canonical(self, document: int, source_id: str) -> str:
        """Return the label of the real-world source a document's source was aligned with.

        Sources aligned with each other give the same label (that of the first
        of them in corpus order). Raises ``KeyError`` for an id the document
        does not use.
        """
        return self._aligner.label(self._aligner.uf.find(self._nodes[document][source_id]))

    def speaks_for(self, document: int, source_id: str) -> str:
        """Return the label of what a document's source finally speaks for, or its own.

        A spokesperson, ministry or embassy resolved (or affiliated) to a
        government gives the government's canonical name; a source that speaks
        for no one gives :meth:`canonical`. Raises ``KeyError`` for an id the
        document does not use.
        """
        root = self._aligner.uf.find(self._nodes[document][source_id])
        above = self._aligner.speaks_for(root)
        return self._aligner.label(above[-1] if above else root)


_NO_NODES: Mapping[str, int] = {}


class _UnionFind:
    """Union-find over small integers, with path halving and union by size.

    Each part also remembers its smallest member, so that "the first seen"
    does not depend on which root the unions happened to pick.
    """

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.size: list[int] = []
        self.first: list[int] = []

    def add(self) -> int:
        node = len(self.parent)
        self.parent.append(node)
        self.size.append(1)
        self.first.append(node)
        return node

    def find(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.first[a] = min(self.first[a], self.first[b])


def _normal(words: str) -> str:
    return " ".join(words.split()).casefold()


class _Sources:
    """Aligns the sources of all documents into canonical nodes; labels them lazily."""

    def __init__(
        self, aliases: Mapping[str, str], match_names: bool, resolver: Resolver | None = None
    ) -> None:
        self.aliases = {_normal(alias): canonical for alias, canonical in aliases.items()}
        self.match_names = match_names
        self.resolver = resolver
        self.uf = _UnionFind()
        self.keys: dict[str, int] = {}
        # The label of each node: its source's, or a bare id or canonical name.
        self.made: list[str] = []
        self.named: list[bool] = []
        self.memo: dict[int, str] = {}
        # Nodes standing for a resolved entity or person, with their canonical label.
        self.canon_nodes: list[tuple[int, str]] = []
        # (source node, node it speaks for): a spokesperson and their government.
        self.affiliations: list[tuple[int, int]] = []
        self.canon_label: dict[int, str] = {}
        self.root_affiliation: dict[int, int] = {}
        self.named_roots: set[int] = set()

    def _key(self, key: str) -> int:
        node = self.keys.get(key)
        if node is None:
            node = self.keys[key] = self.uf.add()
            self.made.append(key[2:])
            self.named.append(False)
        return node

    def _canonical(self, key: str, label: str, same_as: Iterable[str]) -> int:
        node = self.keys.get(key)
        if node is None:
            node = self._key(key)
            self.made[node] = label
            self.named[node] = True
            self.canon_nodes.append((node, label))
            for uri in same_as:
                self.uf.union(node, self._key("u:" + uri))
        return node

    def entity(self, name: str) -> int:
        """Return the node of a resolved entity (a government, an outlet), by canonical name."""
        same_as: tuple[str, ...] = ()
        if self.resolver is not None:
            entry = self.resolver.gazetteer.entity(name)
            same_as = entry.same_as if entry is not None else ()
        return self._canonical("c:" + normalize_name(name), name, same_as)

    def person(self, name: str, same_as: Iterable[str] = ()) -> int:
        """Return the node of a resolved person, by name."""
        return self._canonical("p:" + person_key(name), name, same_as)

    def add(self, source: SourceEdges | None, missing: str, document: str | None = None) -> int:
        node = self.uf.add()
        self.made.append(source.label if source is not None else missing)
        self.named.append(source is not None and source.kind.is_named)
        if source is None:
            return node
        union = self.uf.union
        for uri in source.same_as:
            union(node, self._key("u:" + uri))
        if self.aliases:
            for name in (source.name, source.descriptor, *source.same_as):
                if name is not None:
                    canonical = self.aliases.get(_normal(name))
                    if canonical is not None:
                        union(node, self._key("n:" + _normal(canonical)))
        if self.match_names and source.name and source.kind.is_named:
            union(node, self._key("n:" + _normal(source.name)))
        if self.resolver is not None:
            found = self.resolver.resolve_names(
                source.name, source.descriptor, source.kind, document=document
            )
            if found is not None:
                if source.kind.is_named and found.entity is not None:
                    union(node, self.entity(found.entity))
                elif source.kind.is_named and found.person is not None:
                    union(node, self.person(found.person, found.same_as))
                if found.affiliation is not None:
                    self.affiliations.append((node, self.entity(found.affiliation)))
        return node

    def finish(self) -> None:
        """Tie short forms of people's names to their full names; fix labels and affiliations.

        Called once every source is added, before any chain is read.
        """
        find = self.uf.find
        people = {key[2:]: node for key, node in self.keys.items() if key.startswith("p:")}
        for short, full in link_people(people).items():
            self.uf.union(people[full], people[short])
        for node, label in self.canon_nodes:
            self.canon_label.setdefault(find(node), label)
        for node, parent in self.affiliations:
            child, up = find(node), find(parent)
            if child != up:
                self.root_affiliation.setdefault(child, up)
        self.named_roots = {find(n) for n, named in enumerate(self.named) if named}

    def speaks_for(self, root: int) -> list[int]:
        """Return what ``root`` speaks for, then what that speaks for, and so on (no repeats)."""
        found: list[int] = []
        seen = {root}
        current = self.root_affiliation.get(root)
        while current is not None and current not in seen:
            found.append(current)
            seen.add(current)
            current = self.root_affiliation.get(current)
        return found

    def label(self, root: int) -> str:
        """Return the canonical name of a resolved node, else the label of its first source."""
        found = self.memo.get(root)
        if found is None:
            found = self.canon_label.get(root)
        if found is None:
            found = self.made[self.uf.first[root]]
        self.memo[root] = found
        return found


def analyze_corpus(
    corpus: Corpus | Sequence[Document],
    *,
    aliases: Mapping[str, str] | None = None,
    match_names: bool = True,
    amplification_threshold: int = 3,
    resolver: Resolver | None = None,
    copies: Iterable[tuple[str, str]] = (),
) -> CorpusAnalysis:
    """Line up claims and sources across ``corpus`` and analyse each claim group.

    ``aliases`` maps names, descriptors or ``same_as`` URIs to a canonical
    name (case and spacing ignored), for sources the records do not tie
    together themselves. ``match_names=False`` stops named sources with the
    same name from being taken as one. ``resolver`` resolves sources with a
    gazetteer and per-document aliases (:class:`provenance.resolution.Resolver`):
    resolved sources take the canonical name as their label, and a source that
    speaks for another (a spokesperson, an embassy, a ministry) counts as that
    one's origin. ``copies`` are (copy document id, original document id) pairs,
    as reuse detection finds them: a copy is no independent channel, so where
    a claim group holds the original, the copy's chains add no origin.

    A group carried by at least ``amplification_threshold`` documents with at
    most one independent named origin (unnamed and vague ones aside) is
    reported as single-origin amplification.

    The analysis runs over the documents' edge records
    (:func:`provenance.edge_records.document_edges`, then :func:`analyze_edges`),
    and each claim's decision is then taken on its own record
    (:meth:`CorpusAnalysis.with_decisions`): a distributed audit, which sends
    only edge records to its reduce, runs these same two steps.
    """
    documents = corpus.documents if isinstance(corpus, Corpus) else tuple(corpus)
    analysis = analyze_edges(
        [document_edges(document) for document in documents],
        aliases=aliases,
        match_names=match_names,
        amplification_threshold=amplification_threshold,
        resolver=resolver,
        copies=copies,
    )
    return analysis.with_decisions(documents)


def analyze_edges(
    edges: Sequence[DocumentEdges],
    *,
    aliases: Mapping[str, str] | None = None,
    match_names: bool = True,
    amplification_threshold: int = 3,
    resolver: Resolver | None = None,
    copies: Iterable[tuple[str, str]] = (),
) -> CorpusAnalysis:
    """Analyse a corpus given by its documents' edge records, as :func:`analyze_corpus` does.

    The options are those of :func:`analyze_corpus`. The analysis has every
    group, loop and amplification; its ``decisions`` are empty until
    :meth:`CorpusAnalysis.with_decisions` is given the documents (or, for a
    :meth:`~CorpusAnalysis.part`, the part's documents).
    """
    aligner = _Sources(aliases or {}, match_names, resolver)
    local: list[dict[str, int]] = []
    named_sources: list[dict[str, bool]] = []
    for document in edges:
        nodes = {
            source.id: aligner.add(source, source.id, document.id) for source in document.sources
        }
        named_sources.append({source.id: source.kind.is_named for source in document.sources})
        for claim in document.claims:
            for hop_source in claim.chain:
                if hop_source not in nodes:
                    nodes[hop_source] = aligner.add(None, hop_source)
        if document.publisher not in nodes:
            nodes[document.publisher] = aligner.add(None, document.publisher)
        for source in document.sources:
            if source.affiliation is not None and source.affiliation in nodes:
                aligner.affiliations.append((nodes[source.id], nodes[source.affiliation]))
        local.append(nodes)
    aligner.finish()

    find = aligner.uf.find
    label = aligner.label
    originals = _originals(edges, copies)

    group_keys: dict[str, int] = {}
    names: list[str] = []
    members: list[list[Occurrence]] = []
    chains: list[list[tuple[int, ...]]] = []
    reaches: list[list[tuple[int, ...]]] = []
    origin_named: list[list[bool]] = []
    group_index: list[tuple[int, ...]] = []
    for d, document in enumerate(edges):
        nodes = local[d]
        indices = []
        for c, claim in enumerate(document.claims):
            g = group_keys.get(claim.key) if claim.key is not None else None
            if g is None:
                g = len(members)
                if claim.key is not None:
                    group_keys[claim.key] = g
                names.append(claim.key if claim.key is not None else f"{document.id}#{claim.id}")
                members.append([])
                chains.append([])
                reaches.append([])
                origin_named.append([])
            members[g].append(Occurrence(d, c))
            chain = (
                find(nodes[document.publisher]),
                *(find(nodes[hop_source]) for hop_source in claim.chain),
            )
            chains[g].append(chain)
            # A spokesperson's claim reaches the organisation they speak for.
            above = aligner.speaks_for(chain[-1]) if claim.chain else []
            reaches[g].append((*chain, *above))
            if not claim.chain:
                # The outlet's own voice: no origin of the claim, named or not.
                named = False
            elif above:
                named = above[-1] in aligner.named_roots
            else:
                named = named_sources[d].get(claim.chain[-1], False)
            origin_named[g].append(named)
            indices.append(g)
        group_index.append(tuple(indices))

    groups: list[ClaimGroup] = []
    loops: list[Loop] = []
    amplifications: list[Amplification] = []
    for g, occurrences in enumerate(members):
        key = names[g]
        own_voice = {
            chain[0]
            for chain, occurrence in zip(chains[g], occurrences, strict=True)
            if not edges[occurrence.document].claims[occurrence.claim].chain
        }
        dropped = _copies_in(occurrences, originals)
        # A copy adds no channel, and an outlet's own voice no origin: its publisher, taken
        # for an origin, would join everything it cites in the group.
        kept = [
            i
            for i, o in enumerate(occurrences)
            if o.document not in dropped and edges[o.document].claims[o.claim].chain
        ]
        components = _origin_components(
            [reaches[g][i] for i in kept],
            # An outlet cited for what it said in its own voice is no named origin either.
            [origin_named[g][i] and chains[g][i][-1] not in own_voice for i in kept],
            [chains[g][i][-1] for i in kept],
        )
        named_count = sum(1 for _, has_named in components if has_named)
        # A spokesperson's origin is labelled with what they speak for.
        origin_labels = tuple(
            tuple(sorted({label((aligner.speaks_for(node) or [node])[-1]) for node in nodes}))
            for nodes, _ in components
        )
        document_count = len({o.document for o in occurrences})
        stance, reviews = _conflicts(edges, occurrences) if len(occurrences) > 1 else ((), ())
        groups.append(
            ClaimGroup(
                key=key,
                occurrences=tuple(occurrences),
                documents=document_count,
                origins=origin_labels,
                independent_origins=named_count,
                unidentified_origins=len(components) - named_count,
                stance_conflicts=stance,
                review_conflicts=reviews,
            )
        )
        if len(chains[g]) > 1 or len(set(chains[g][0])) < len(chains[g][0]):
            for cycle in _cycles(chains[g]):
                pairs = set(itertools.pairwise(cycle))
                involved = tuple(
                    occurrence
                    for occurrence, chain in zip(occurrences, chains[g], strict=True)
                    if pairs.intersection(itertools.pairwise(chain))
                )
                loops.append(
                    Loop(
                        key,
                        tuple(label(node) for node in cycle),
                        involved,
                        tuple(sorted({edges[o.document].id for o in involved})),
                    )
                )
        if document_count >= amplification_threshold and named_count <= 1:
            named_labels = tuple(
                labels
                for labels, (_, has_named) in zip(origin_labels, components, strict=True)
                if has_named
            )
            amplifications.append(
                Amplification(key, named_labels[0] if named_labels else (), document_count)
            )

    return CorpusAnalysis(
        groups=tuple(groups),
        group_index=tuple(group_index),
        decisions=(),
        loops=tuple(loops),
        amplifications=tuple(amplifications),
        nodes=tuple(local),
        aligner=aligner,
    )


def _decisions(
    documents: Sequence[Document],
    groups: Sequence[ClaimGroup],
    group_index: Sequence[tuple[int, ...]],
) -> tuple[tuple[StatusDecision, ...], ...]:
    """Decide every claim's status on its own record with its group's corpus knowledge."""
    decisions = []
    for d, document in enumerate(documents):
        sources = {source.id: source for source in document.sources}
        row = []
        for c, claim in enumerate(document.claims):
            group = groups[group_index[d][c]]
            decision = derive_status(
                claim,
                sources,
                publisher=document.publisher,
                independent_origins=group.independent_origins,
            )
            if group.conflicts and decision.status not in (
                ConfidenceStatus.REFUTED,
                ConfidenceStatus.DISPUTED,
            ):
                decision = StatusDecision(ConfidenceStatus.DISPUTED, "C1", group.conflicts)
            row.append(decision)
        decisions.append(tuple(row))
    return tuple(decisions)


def _originals(
    documents: Sequence[DocumentEdges], copies: Iterable[tuple[str, str]]
) -> dict[int, set[int]]:
    """Map each copy's document index to the indices of the documents it copies."""
    where: dict[str, list[int]] = defaultdict(list)
    for index, document in enumerate(documents):
        where[document.id].append(index)
    originals: dict[int, set[int]] = defaultdict(set)
    for copy, original in copies:
        for c in where.get(copy, ()):
            originals[c].update(o for o in where.get(original, ()) if o != c)
    return originals


def _copies_in(occurrences: Sequence[Occurrence], originals: Mapping[int, set[int]]) -> set[int]:
    """Return the documents of a group whose chains are a copy's, not an independent channel.

    A document is dropped when it copies another document of the group and,
    following copies, a document that copies none of the group is reached.
    Documents copying one another in a ring keep their first member.
    """
    if not originals:
        return set()
    present = {o.document for o in occurrences}
    edges = {d: (originals.get(d, set()) & present) for d in present}
    dropped: set[int] = set()
    for start in sorted(present):
        if not edges[start]:
            continue
        seen = {start}
        stack = list(edges[start])
        reaches_source = False
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            if not edges[node]:
                reaches_source = True
                break
            stack.extend(edges[node])
        if reaches_source or start != min(seen):
            dropped.add(start)
    return dropped


def _origin_components(
    chains: Sequence[tuple[int, ...]],
    named: Sequence[bool],
    ends: Sequence[int] | None = None,
) -> list[tuple[set[int], bool]]:
    """Group the chains' origins into independent origins.

    Returns, per independent origin, the set of origin nodes it holds and
    whether any of them is named. Two origins are one when what is reachable
    from one meets what is reachable from the other: the parts of the graph
    spanned by the nodes reachable from an origin. ``ends`` are the origins
    when they are not the chains' last nodes (a chain may go on from its
    origin to the organisation the origin speaks for).
    """
    ends = [chain[-1] for chain in chains] if ends is None else ends
    if len(chains) == 1:
        return [({ends[0]}, named[0])]
    successors: dict[int, set[int]] = defaultdict(set)
    for chain in chains:
        for citing, cited in itertools.pairwise(chain):
            if citing != cited:
                successors[citing].add(cited)
    origins: dict[int, bool] = {}
    for end, is_named in zip(ends, named, strict=True):
        origins[end] = origins.get(end, False) or is_named
    reachable = set(origins)
    stack = list(origins)
    while stack:
        node = stack.pop()
        for nxt in successors.get(node, ()):
            if nxt not in reachable:
                reachable.add(nxt)
                stack.append(nxt)
    parent = {node: node for node in reachable}

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for node in reachable:
        for nxt in successors.get(node, ()):
            a, b = find(node), find(nxt)
            if a != b:
                parent[b] = a
    parts: dict[int, tuple[set[int], list[bool]]] = {}
    for origin, is_named in origins.items():
        nodes, flags = parts.setdefault(find(origin), (set(), []))
        nodes.add(origin)
        flags.append(is_named)
    return [(nodes, any(flags)) for nodes, flags in parts.values()]


def _cycles(chains: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Return one loop per strongly connected part of the citation graph (Tarjan, iterative).

    Each loop lists its nodes in citing order and repeats the first at the end.
    """
    successors: dict[int, list[int]] = defaultdict(list)
    for chain in chains:
        for citing, cited in itertools.pairwise(chain):
            if cited not in successors[citing]:
                successors[citing].append(cited)
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[tuple[int, ...]] = []
    counter = 0
    for start in list(successors):
        if start in index:
            continue
        work: list[tuple[int, int]] = [(start, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            nexts = successors.get(node, [])
            if position < len(nexts):
                work.append((node, position + 1))
                nxt = nexts[position]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                part: set[int] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.add(member)
                    if member == node:
                        break
                if len(part) > 1 or node in successors.get(node, []):
                    found.append(_walk(node, part, successors))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _walk(start: int, part: set[int], successors: Mapping[int, list[int]]) -> tuple[int, ...]:
    """Follow edges inside a strongly connected part until a node repeats; return that loop."""
    path: list[int] = []
    seen: dict[int, int] = {}
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(n for n in successors[node] if n in part)
    loop = path[seen[node] :]
    return (*loop, node)


def _conflicts(
    documents: Sequence[DocumentEdges], occurrences: Sequence[Occurrence]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    holds: list[str] = []
    negates: list[str] = []
    true_side: list[str] = []
    false_side: list[str] = []
    for occurrence in occurrences:
        document = documents[occurrence.document]
        claim = document.claims[occurrence.claim]
        where = f"{document.id}#{claim.id}"
        if claim.stance > 0:
            holds.append(where)
        elif claim.stance < 0:
            negates.append(where)
        for verdict in claim.verdicts:
            if verdict in TRUE_VERDICTS:
                true_side.append(f"{where} reviewed {verdict.value}")
            elif verdict in FALSE_VERDICTS:
                false_side.append(f"{where} reviewed {verdict.value}")
    stance: tuple[str, ...] = ()
    if holds and negates:
        stance = (f"held by {', '.join(holds)}; negated or denied by {', '.join(negates)}",)
    reviews: tuple[str, ...] = ()
    if true_side and false_side:
        reviews = tuple(true_side + false_side)
    return stance, reviews


def recompute_statuses(corpus: Corpus, analysis: CorpusAnalysis | None = None) -> Corpus:
    """Return ``corpus`` with every claim's status set with corpus knowledge.

    A claim whose corpus status differs from the one its own document gives
    carries a ``status_override`` starting with :data:`CORPUS_OVERRIDE_PREFIX`
    (so the document stays consistent on its own); such overrides are this
    function's own and are replaced on every run. Claims whose override was
    written by someone else keep their stored status; their reasons are
    refreshed. ``analysis`` is the corpus' analysis when already made (pass
    one made with aliases to use them). Running it twice gives the same corpus
    as running it once.
    """
    if analysis is None:
        analysis = analyze_corpus(corpus)
    documents = []
    for d, document in enumerate(corpus.documents):
        sources = {source.id: source for source in document.sources}
        claims = []
        for c, claim in enumerate(document.claims):
            decision = analysis.decision(d, c)
            override = claim.status_override
            if override is not None and not override.startswith(CORPUS_OVERRIDE_PREFIX):
                claims.append(attrs.evolve(claim, status_reasons=decision.reasons))
                continue
            own = derive_status(claim, sources, publisher=document.publisher)
            new_override = (
                None
                if own.status is decision.status
                else f"{CORPUS_OVERRIDE_PREFIX}{decision.row}: {'; '.join(decision.reasons)}"
            )
            claims.append(
                attrs.evolve(
                    claim,
                    status=decision.status,
                    status_reasons=decision.reasons,
                    status_override=new_override,
                )
            )
        documents.append(attrs.evolve(document, claims=claims))
    return Corpus(documents, corpus.locations, corpus.errors)
