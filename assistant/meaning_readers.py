"""The meaning readers the assistant loads once, lazily and thread-safely, from the retriever's own embedder.

Split from `assistant.service` (which routes and answers): the example bank's reading of a question (routing by
meaning), the everyday glossary's vote (the scope check) and question–sentence similarity (the lead's near-ties) are
each built on first use, under a lock, and each is an aid whose absence the answer survives (a warning, then the
cue scores or the texts' own words decide). `Assistant` inherits them; its `retriever` opens the index.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import numpy as np

from assistant.answering.glossary_places import GlossaryReading
from assistant.answering.meaning import UnitMeaning
from assistant.answering.unit_vectors import load_unit_vectors
from assistant.routing.meaning import OUT_OF_SCOPE, MeaningReader, Reading, glossary_reader, reader_for
from assistant.routing.register_contrast import RegisterContrast
from assistant.routing.scope_model import EMBEDDER, labour_vectors, load_labour_questions
from assistant.settings import Settings
from knowledge.hybrid import Retriever

log = logging.getLogger(__name__)


class MeaningReaders:
    """The lazily built readers by meaning; the subclass (`assistant.service.Assistant`) sets the fields below in
    its constructor and opens `retriever`."""

    settings: Settings
    _lock: threading.Lock  # the retriever's lock, shared with the unit similarity (one opening of the index)
    _meaning_lock: threading.Lock
    _unit_meaning: UnitMeaning | None
    _meaning: MeaningReader | bool | None  # False: the embedder carries no meaning
    _glossary_meaning: Any  # knowledge.everyday_meaning.GlossaryMeaning, built with the bank
    _register_contrast: RegisterContrast | None = None  # built with the glossary's, from the shipped vectors

    @property
    def retriever(self) -> Retriever:
        raise NotImplementedError

    @property
    def unit_meaning(self) -> UnitMeaning:
        """Question–sentence similarity by the retriever's own embedder (vectors cached by text; the
        shipped corpus's units read from `corpus/embeddings/units-<embedder>.npz`)."""
        retriever = self.retriever  # outside the lock: `retriever` takes it too
        embed = retriever.embedder.embed_query
        question = getattr(retriever, "_embed_query", embed)  # the retrieval's cache: the question is embedded once
        with self._lock:
            if self._unit_meaning is None:
                known = load_unit_vectors(self.settings.corpus_dir, retriever.embedder.name)
                self._unit_meaning = UnitMeaning(embed, question, known=known)
            return self._unit_meaning

    def _read_meaning(self, text: str) -> Reading | None:
        """The example bank's reading of a question (None when the embedder carries no meaning)."""
        try:
            if self._meaning is None:
                retriever = self.retriever  # opened here rather than at retrieval: the same one
                with self._meaning_lock:
                    if self._meaning is None:
                        cache = self.settings.data_dir / "cache"
                        embed = getattr(retriever, "_embed_query", None)  # its cache, shared with retrieval
                        self._meaning = reader_for(getattr(retriever, "embedder", None), cache, embed) or False
            return self._meaning.read(text) if isinstance(self._meaning, MeaningReader) else None
        except Exception:  # the bank is an aid to routing: without it the cue scores still decide
            log.warning("routing by meaning unavailable", exc_info=True)
            return None

    def _read_glossary(self, text: str) -> GlossaryReading | None:
        """The question against the everyday glossary's questions by meaning (None without the bank's embedder)."""
        try:
            reading = self._read_meaning(text)
            if reading is None or reading.vector is None or not isinstance(self._meaning, MeaningReader):
                return None
            with self._meaning_lock:
                if self._glossary_meaning is None:
                    self._glossary_meaning = glossary_reader(self._meaning, self.settings.data_dir / "cache")
                    self._register_contrast = register_contrast(self._meaning, self._glossary_meaning)
            contrast = self._register_contrast.contrast(reading.vector) if self._register_contrast else None
            return GlossaryReading(self._glossary_meaning.vote(reading.vector), reading.outside_similarity, contrast)
        except Exception:  # an aid to the scope check: without it the texts' own words decide
            log.warning("everyday glossary by meaning unavailable", exc_info=True)
            return None


def register_contrast(bank: MeaningReader, glossary: Any) -> RegisterContrast | None:
    """The texts' questions (the bank's corpus rows, the glossary's questions) against the labour-law ones (the
    bank's fiches, the users'-register questions), as `routing.register_contrast` reads them; None when the engine
    is not the one whose users'-register vectors are shipped (`scope_model.EMBEDDER`) or they are stale."""
    if bank.embedder_name != EMBEDDER:
        return None
    try:
        labour = labour_vectors(load_labour_questions())
    except ValueError:  # stale users'-register vectors: the scope check goes without this reading
        log.warning("users'-register vectors stale: no register contrast", exc_info=True)
        return None
    vectors = bank.vectors()
    outside = np.array([label == OUT_OF_SCOPE for label in bank.labels], dtype=bool)
    inside = np.vstack([vectors[~outside], np.asarray(glossary.vectors(), dtype=np.float32)])
    return RegisterContrast(inside=inside, outside=np.vstack([vectors[outside], labour]))
