"""The assistant: route a question, then calculate, retrieve, clarify or refuse, and write a cited answer.

`Assistant.ask` is the one entry: `route` decides (assistant.routing), then one plain step per route.
Calculators are called through their langchain tools (assistant.tools), the same objects a language
model would call. By default the answer is composed deterministically from the passages
(assistant.answering.composer); a server-side model (`CCN_LLM_BASE_URL`) may phrase retrieval
answers. In every case the figures come from the texts or from `calculators`, every citation maps to
a retrieved passage (assistant.answering.citations), and the number guard removes any sentence with
a figure that does not. The indexed texts themselves (first start, uploads, documents, page images)
are `Assistant.library` (assistant.library); the readers by meaning it loads once from the retriever's embedder
(routing bank, everyday glossary, sentence similarity) are inherited from `assistant.meaning_readers`.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from assistant.answer import Answer
from assistant.answering import wording
from assistant.answering.about_texts import TextQuestions
from assistant.answering.answerable import (
    everyday_words_count,
    texts_are_silent,
)
from assistant.answering.asked_subject import foreign_asked_subject
from assistant.answering.census import asked_census
from assistant.answering.citations import CitationBook
from assistant.answering.clauses import compose_in_parts
from assistant.answering.corpus_words import CorpusPhrases, corpus_phrases, corpus_words
from assistant.answering.frameworks import cited_texts, foreign_future_text
from assistant.answering.glossary_places import lead_placed
from assistant.answering.list_request import asks_list
from assistant.answering.llm import model_passages, phrase_with_model
from assistant.answering.meaning import UnitMeaning
from assistant.answering.named_extent import asked_extent, unstated_extent
from assistant.answering.named_text import search_where_asked
from assistant.answering.qualifiers import foreign_qualifier, said_outside
from assistant.answering.references import cite_nearest, cite_passages, reference_passages, stating
from assistant.answering.refusal_judge import OVERRIDABLE, Signals, judge_verdict
from assistant.answering.silent import read_for_detail, silent_answer
from assistant.answering.unstated_price import UNPRICED_TOPICS, unstated_price
from assistant.answering.unstated_value import section_texts, unstated_value
from assistant.calculation import calculate, outside_the_rule, rest_of_clarification
from assistant.conversation.exchange import converse
from assistant.conversation.state import Conversation
from assistant.library import Library
from assistant.meaning_readers import MeaningReaders
from assistant.routing.extraction.folding import prepare
from assistant.routing.injection import strip_injection
from assistant.routing.meaning import OUT_OF_SCOPE, MeaningReader
from assistant.routing.router import RouteDecision, route
from assistant.routing.scope import asked_outside
from assistant.routing.topics import uncovered
from assistant.settings import Settings, get_settings
from assistant.skills import Skill, SkillReply
from ingest.manifest import load_manifest
from knowledge.hybrid import Evidence, Retriever

log = logging.getLogger(__name__)
COVERED_TOPICS = wording.COVERED_TOPICS  # kept importable here for the front ends
_PAST_YEAR = re.compile(r"\b(?:en|au|avant)\s+(20[0-2]\d)\b")


@dataclass
class _Turn:
    """One question on its way through `ask`: what the steps share, nothing kept on `self`."""

    question: str
    today: date
    timings: dict[str, float] = field(default_factory=dict)
    decision: RouteDecision | None = None
    draft: bool = False  # leave the model's phrasing pending on the answer (assistant.answering.streaming)
    case: bool = False  # the question holds facts of someone's case stated earlier in the conversation
    refused_by: str = ""  # the step that refused: "router", "outside_rule", "silent", "future", "price", "said_outside"
    follows: bool = False  # asked after earlier messages of the conversation (refusal_judge: no refusal added)
    lead_placed: bool = False  # the retrieval answer's lead is of the section the models read (`lead_placed`)


class Assistant(MeaningReaders):
    """One per process: holds the retriever (models loaded once) and answers questions."""

    def __init__(
        self, settings: Settings, retriever: Retriever | None = None, skills: list[Skill] | None = None
    ) -> None:
        self.settings = settings
        self.skills: list[Skill] = []
        for skill in skills or []:
            self.add_skill(skill)
        self._retriever = retriever
        self._lock = threading.Lock()
        self._meaning_lock = threading.Lock()
        self.manifest = load_manifest(settings.manifest_file)
        self.document_names = {d: wording.document_name(i) for d, i in self.manifest.items()}
        self.titles = {d: i.title for d, i in self.manifest.items()}
        # what the indexed texts are called, for the phrases they speak of (`answering.corpus_words`)
        self._text_names = [*self.titles.values(), *(i.kind for i in self.manifest.values())]
        self.about = TextQuestions(self.manifest, self.titles, self.document_names)
        # the answerers of questions about the texts themselves, by name (tests and front ends read them)
        self.texts, self.parts, self.enumerations = self.about.texts, self.about.parts, self.about.enumerations
        self.library = Library(settings, self.manifest, lambda: self.retriever)
        self._unit_meaning: UnitMeaning | None = None
        self._llm: Any = None
        self._meaning: MeaningReader | bool | None = None  # False: the embedder carries no meaning
        self._glossary_meaning: Any = None  # knowledge.everyday_meaning.GlossaryMeaning, built with the bank
        self._rewriter: Any = None
        self._streamer: Any = None
        if settings.llm_base_url:
            from assistant.answering.llm import make_phraser
            from assistant.answering.streaming import make_streamer
            from assistant.conversation.rewrite import make_rewriter

            self._llm = make_phraser(settings)
            self._streamer = make_streamer(settings)
            self._rewriter = make_rewriter(settings) if settings.llm_rewrite else None

    # -- index --------------------------------------------------------------------------------
    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                from knowledge.factory import open_retriever

                self._retriever = open_retriever(self.settings)
            return self._retriever

    def add_skill(self, skill: Skill) -> None:
        """Register a front end's skill (assistant.skills), tried before routing; once per name."""
        if all(known.name != skill.name for known in self.skills):
            self.skills.append(skill)

    # -- answering -----------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        today: date | None = None,
        id: str | None = None,
        draft: bool = False,
    ) -> Answer:
        """Answer one question, alone or as the next message of `conversation` (which it updates).

        Thread-safe: no per-question state lives on `self`; a conversation belongs to one user and
        its lock keeps two of that user's questions from interleaving. With `draft` and a model
        server configured, a retrieval answer is the quoted one, with the model's phrasing left to
        stream (`answer.draft`, assistant.answering.streaming).
        """
        started = time.perf_counter()
        turn = _Turn(question=question or "", today=today or date.today(), draft=draft)
        if conversation is None:
            answer = self._answer(turn)
        else:
            with conversation.lock:
                answer = self._converse(conversation, turn)
        answer.id = id
        answer.timings_ms.update(turn.timings)
        answer.timings_ms["total"] = (time.perf_counter() - started) * 1000
        return answer

    def _converse(self, conversation: Conversation, turn: _Turn) -> Answer:
        """The message answered in its conversation (assistant.conversation.exchange), by `_answer`."""

        def answer(text: str, *, case: bool = False) -> tuple[Answer, RouteDecision | None]:
            turn.question, turn.case = text, case
            return self._answer(turn), turn.decision

        turn.follows = bool(conversation.turns)
        return converse(
            conversation,
            turn.question,
            turn.today,
            answer=answer,
            uses_words=lambda words: bool(self._search(words, 1, mode="bm25")),
            rewriter=self._rewriter,
            max_chars=self.settings.max_question_chars,
            meaning=self._read_meaning,
            passages=lambda: self.retriever.passages(),
        )

    def _answer(self, turn: _Turn) -> Answer:
        t = time.perf_counter()
        text = turn.question.strip()
        limit = self.settings.max_question_chars
        if not text:
            turn.timings["route"] = (time.perf_counter() - t) * 1000
            return Answer(turn.question, wording.EMPTY_QUESTION, "clarify")
        if len(text) > limit:
            turn.timings["route"] = (time.perf_counter() - t) * 1000
            return Answer(turn.question, wording.question_too_long(len(text), limit), "clarify")
        if self.skills:
            skilled = self._skill_answer(turn, text)
            if skilled is not None:
                turn.timings["route"] = (time.perf_counter() - t) * 1000
                return skilled
        decision = route(text, turn.today, meaning=self._read_meaning, case=turn.case)
        turn.decision = decision
        turn.timings["route"] = (time.perf_counter() - t) * 1000
        about_texts = None if decision.route == "calculator" else self._about_texts(turn, decision)
        turn.refused_by = ""
        outside_ask = None if about_texts is not None else self._asked_outside(turn, decision)
        if about_texts is not None:
            answer = about_texts
        elif outside_ask is not None:
            turn.refused_by = "asked_outside"
            answer = self._refusal(turn.question, *outside_ask)
        elif decision.route == "refusal" or self._outside_the_rule(turn, decision):
            turn.refused_by = "router" if decision.route == "refusal" else "outside_rule"
            answer = self._refusal(turn.question, decision.refusal_topic, decision.fiche)
        else:
            answer = self._decided(turn, decision)
        if about_texts is None:
            answer = self._judged(turn, decision, answer)
        # oos19: cited by the texts, not indexed; read on a retrieval answer only, the one that may quote the citing
        cited = (
            cited_texts(turn.question, self._phrases(), list(self.titles.values()))
            if answer.route == "retrieval"
            else []
        )
        if cited:
            answer.text += "\n\n" + wording.cited_not_held(cited)
        if decision.injection:
            answer.text = wording.INJECTION_NOTICE + "\n\n" + answer.text
        uncovered = wording.uncovered_part(decision.refusal_topic) if decision.refusal_topic else ""
        if uncovered and answer.route != "refusal":
            answer.text += "\n\n" + uncovered
        return answer

    def _decided(self, turn: _Turn, decision: RouteDecision, trusted: bool = False) -> Answer:
        """The calculation, question back or retrieval the router decided (`trusted`: no scope check refuses)."""
        if decision.route == "calculator" and decision.calculator:
            return self._calculate(turn, decision)
        if decision.route == "clarify":
            return self._clarify(turn, decision)
        if decision.route == "refusal":  # a router's refusal overridden: its question searched
            decision = replace(decision, route="retrieval")
        return self._retrieve(turn, decision, trusted=trusted)

    def _judged(self, turn: _Turn, decision: RouteDecision, answer: Answer) -> Answer:
        """The hand checks' decision judged by the trained reading of every signal (`answering.refusal_judge`): a
        refusal it reads as confidently in scope answered, a retrieval answer it reads as confidently out of scope
        refused (in the refusal's usual form). A calculation or a question back is never refused by it."""
        refused = answer.route == "refusal"
        if not refused and (answer.route != "retrieval" or turn.follows):
            # (trained on standalone questions: a follow-up's fragment, "et le financement, il vient d'où ?", is read
            # alone first by the conversation, and a refusal there would cut it from the subject it continues)
            return answer
        if refused and turn.refused_by not in OVERRIDABLE:  # a text to come, a refusal the judge never reads
            return answer
        signals = self._signals(turn, decision, refused)
        if signals is None:
            return answer
        verdict = judge_verdict(signals)
        if verdict == "answer" and self._asks_elsewhere(turn):
            log.info("refusal judge: override not applied, the asking sentence names a subject the texts never name")
            return answer
        if verdict == "answer":
            log.info("refusal judge: %s refusal overridden", turn.refused_by)
            turn.refused_by = ""
            return self._decided(turn, decision, trusted=True)
        if verdict == "refuse" and turn.lead_placed:  # refuse27: what was composed answers the section asked
            log.info("refusal judge: refusal not applied, the answer's lead is of the section the models read")
            return answer
        if verdict == "refuse":
            log.info("refusal judge: answer refused")
            return self._refusal(turn.question, decision.refusal_topic, decision.fiche)
        return answer

    def _asks_elsewhere(self, turn: _Turn) -> bool:
        """A first message refused by `texts_are_silent` whose asking sentence, after a context naming the texts'
        subject, names its own subject by a word the texts never use (`asked_subject.foreign_asked_subject`), and
        that the example bank reads mostly out of scope: the judge, which reads the context too, does not answer it
        (oos29: "…à sa tutrice : peut-on m'obliger à travailler le dimanche ?")."""
        if turn.refused_by != "silent" or turn.follows:
            return False
        reading = self._read_meaning(turn.question)
        if reading is None or reading.intent != OUT_OF_SCOPE:
            return False
        return bool(foreign_asked_subject(turn.question, corpus_words(self.retriever.passage_texts())))

    def _signals(self, turn: _Turn, decision: RouteDecision, refused: bool) -> Signals | None:
        """What the pipeline read of the question, for the judge: the router's decision, the example bank's and the
        scope model's readings, and one search's best scores. None without the scope model's reading: the judge was
        trained on the shipped e5 model's readings, so under another embedder it abstains (and nothing is searched)."""
        from assistant.routing.scope_model import shipped_model

        query = decision.topic_query or turn.question
        reading = self._read_meaning(query)
        model = shipped_model()
        inside = None
        if reading is not None and reading.vector is not None and model is not None:
            inside = model.read(reading.vector).inside
        if inside is None:
            return None
        hybrid = self._search(query, 2)
        dense = self._search(query, 2, mode="dense")
        bm25 = self._search(query, 2, mode="bm25")
        return Signals(
            question=query,
            refused=refused,
            refused_by=turn.refused_by if refused else "",
            route=decision.route,
            outside=decision.outside,
            topic_share=decision.topic_share,
            topic=decision.topic is not None,
            names_texts=decision.names_texts,
            texts_words=decision.texts_words,
            cue_outside=decision.cue_outside is not None,
            refusal_topic=decision.refusal_topic is not None,
            injection=decision.injection,
            nearest=reading.similarity if reading is not None else 0.0,
            nearest_outside=reading.outside_similarity if reading is not None else 0.0,
            share=reading.share if reading is not None else 0.0,
            inside=inside,
            dense=tuple(e.scores.get("dense", 0.0) for e in dense),
            bm25=tuple(e.scores.get("bm25", 0.0) for e in bm25),
            fused=tuple(e.score for e in hybrid),
        )

    def _phrases(self) -> CorpusPhrases:
        """The texts' phrases and names, read by every scope check (cached by `corpus_phrases` per passage list)."""
        return corpus_phrases(self.retriever.passages(), self._text_names)

    def _asked_outside(self, turn: _Turn, decision: RouteDecision) -> tuple[str, tuple[str, str] | None] | None:
        """What a message's asking sentence alone asks outside the texts, and its nearest fiche, after a context
        naming their scheme (`routing.scope.asked_outside`), read on a first message the router did not refuse; None
        otherwise.

        Why here and not in the router: the margin is the register contrast, read with the everyday glossary that
        the assistant loads (`_read_glossary`), which the router does not hold. A follow-up is left to the
        conversation's own reading (its asking sentence may stand for the subject of the turns before)."""
        if decision.route == "refusal" or turn.follows:
            return None

        def contrast(text: str) -> float | None:
            glossary = self._read_glossary(text)
            return glossary.register_contrast if glossary is not None else None

        return asked_outside(turn.question, self._read_meaning, uncovered, contrast)

    def _outside_the_rule(self, turn: _Turn, decision: RouteDecision) -> bool:
        """A calculation or clarification whose question is about something else (`calculation.outside_the_rule`)."""
        if decision.route not in ("calculator", "clarify"):
            return False
        vocabulary = corpus_words(self.retriever.passage_texts())
        phrases = self._phrases()
        query = decision.topic_query or turn.question
        return outside_the_rule(query, decision, vocabulary, phrases, self._search, turn.timings)

    def _about_texts(self, turn: _Turn, decision: RouteDecision) -> Answer | None:
        """A question about the texts themselves (a named part, a text's facts, a list, two texts or two things
        compared): answered from their structure (`answering.about_texts`) before any refusal; None leaves
        it to the ordinary steps."""
        question = decision.topic_query or turn.question
        found = self.about.answer(
            question,
            decision.route,
            self.retriever,
            self._new_book,
            self._search,
            lambda: self.unit_meaning,
            phrases=self._phrases,  # another text's facts asked ("l'arrêté d'extension"): left to the scope check
        )
        if found is None:
            return None
        text, book = found
        return Answer(turn.question, text, "retrieval", citations=book.citations())

    def _refusal(
        self, question: str, topic: str | None, fiche: tuple[str, str] | None = None, why: str | None = None
    ) -> Answer:
        """The refusal, naming what made the question foreign when a qualifier of it did (`foreign_qualifier`:
        "En Belgique, …", "Fonctionnaire de l'État, …", "le prochain accord"): the reader then sees why the
        branch's article on the same subject is not the answer (oos19). A `why` the caller read is said as given."""
        why = why or (None if topic else self._why_refused(question))
        return Answer(question, wording.refusal(topic, fiche, why), "refusal")

    def _why_refused(self, question: str) -> str | None:
        """What made the question foreign, in words for the refusal: a text to come, another framework (any
        `foreign_qualifier`), or a statistic no passage states; None when nothing of the question's grammar says."""
        phrases = self._phrases()
        future = foreign_future_text(question, phrases)
        if future is not None:
            return wording.future_why(future)
        foreign = foreign_qualifier(question, corpus_words(self.retriever.passage_texts()), phrases)
        if foreign is not None:
            return wording.foreign_why(_as_written(foreign, question))
        census = asked_census(question, phrases)
        return wording.census_why(census[0]) if census is not None else None

    def _search(self, query: str, k: int, **kwargs: Any) -> list[Evidence]:
        """Every search of an answer; documents held as *contenu suspect* are left out (assistant.quarantine)."""
        allowed = self.library.searchable(kwargs.get("document"))
        if allowed is not None:
            if not allowed:
                return []
            kwargs["document"] = allowed
        return self.retriever.search(query, k=k, **kwargs)

    def _retrieve(self, turn: _Turn, decision: RouteDecision, trusted: bool = False) -> Answer:
        """The passages' answer; refused when the texts are silent on the question, unless `trusted` (the
        refusal judge read it as in scope: `_judged`)."""
        asked = decision.topic_query or turn.question
        turn.lead_placed = False
        vocabulary = corpus_words(self.retriever.passage_texts())
        phrases = self._phrases()
        if foreign_future_text(asked, phrases) is not None:
            # "le futur accord de branche doublera-t-il la prime ?": read before the search, whose plan drops the
            # text's kind ("accord de branche" names the texts) and would leave the bonus's article (oos19)
            turn.refused_by = "future"
            return self._refusal(turn.question, None, decision.fiche)
        if said_outside(asked) is not None:
            # "selon leur accord de branche", "hors sécurité sociale": the user says the rule is another party's (oos24)
            turn.refused_by = "said_outside"
            return self._refusal(turn.question, None, decision.fiche)
        t = time.perf_counter()
        as_of = self._as_of(asked)
        everyday: dict[str, Any] = {} if everyday_words_count(decision) else {"everyday": False}
        glossary = self._read_glossary(asked)  # the everyday glossary's questions, by meaning (scope11)

        def silent(text: str, evidence: list[Evidence]) -> bool:
            return not trusted and texts_are_silent(text, evidence, decision, vocabulary, phrases, glossary)

        found = search_where_asked(
            asked,
            decision.topic,
            max(self.settings.top_k, 10),
            self.manifest,
            # the everyday glossary's field only for a question the bank does not read out of scope (gloss10)
            lambda text, k, **filters: self._search(text, k, as_of=as_of, **everyday, **filters),
            silent,
            glossary,  # answer13: the section model's section leads when retrieval found it (answering.section_lead)
        )
        query, articles, evidence, search = found.plan.query, found.plan.articles, found.evidence, found.more
        turn.timings["retrieve"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        reading = read_for_detail(
            query,
            evidence,
            turn.today,
            search,
            silent,
            glossary,  # scope12: a passage of the trained models' section lifted before refusing
        )
        if reading is None:
            turn.refused_by = "silent"
            return self._refusal(turn.question, None, decision.fiche)
        query, evidence, detail = reading.query, reading.evidence, reading.detail
        if detail is not None and unstated_price(asked, detail.kind, decision.topic):
            # oos24: only a price asked, of a thing the texts describe without pricing it (a CQP, its course's modules)
            turn.refused_by = "price"
            return self._refusal(turn.question, None, decision.fiche, wording.price_why(detail.words))
        value = None
        if not turn.follows:  # also when the judge trusted another check's refusal: this one it never reads
            priced = decision.topic is None or decision.topic in UNPRICED_TOPICS
            value = unstated_value(asked, section_texts(self.retriever.passages(), evidence), priced)
        if value is not None:
            # oos27: a sum or a share asked ("quel salaire", "à hauteur de combien", "quel pourcentage") that no
            # passage of the sections found states: the thing is named, its figure is not
            turn.refused_by = "unstated_value"
            return self._refusal(turn.question, None, decision.fiche, wording.value_why(value.kind))
        # the message as typed must ask it too: the router's query joins its lines, and a pasted card's fields
        # ("BEGIN:VCARD … END:VCARD" before "Au bout de combien d'années … ?") became the asking sentence's acronyms
        typed = not turn.follows and asked_extent(turn.question) is not None
        extent = unstated_extent(asked, self.retriever.passages()) if typed else None
        if extent is not None:
            # oos30: a length or a count asked of a thing named by its acronym ("combien d'heures dure l'AFGSU ?")
            # that no sentence of the texts about it states, table cells read with their header's unit
            turn.refused_by = "unstated_value"
            return self._refusal(turn.question, None, decision.fiche, wording.value_why(extent.kind))
        deferred = turn.draft and self._streamer is not None and detail is None
        phrased = None
        if self._llm is not None and not deferred and detail is None:
            phrased = phrase_with_model(self._llm, query, model_passages(evidence), self._new_book)
        if phrased is not None:
            text, book = phrased
        else:
            book = self._new_book()
            text = compose_in_parts(  # each asking clause of the message answered in turn (answering.clauses)
                query,
                evidence,
                book,
                self.document_names,
                search=search,
                following=self.retriever.following,
                official=self.library.is_official,
                meaning=self.unit_meaning,
                articles=articles,
                elsewhere=found.elsewhere,  # answer12: the other texts, read for a disagreement only
                # lead18: a list asked for by the message's form, before the router cut "Point par point," as a frame
                listed=asks_list(turn.question),
            )
        if detail is not None:
            text = silent_answer(detail, text)
        turn.lead_placed = lead_placed(book.lead, glossary)
        turn.timings["compose"] = (time.perf_counter() - t) * 1000
        answer = Answer(turn.question, text, "retrieval", citations=book.citations())
        if deferred:
            from assistant.answering.streaming import ModelDraft

            answer.draft = ModelDraft(self._streamer, query, model_passages(evidence, book), book, quoted=text)
        return answer

    def _as_of(self, query: str) -> date | None:
        match = _PAST_YEAR.search(query)
        if match and int(match.group(1)) < date.today().year:
            return date(int(match.group(1)), 12, 31)
        return None

    def _new_book(self) -> CitationBook:
        """A fresh citation book for one answer (numbers start at [1]), titled and located like every other."""
        return CitationBook(self.titles, self.retriever.locate)

    def _calculate(self, turn: _Turn, decision: RouteDecision) -> Answer:
        """Every calculation the message asks, cited (`calculation.calculate`)."""
        return calculate(
            turn.question,
            decision.topic_query or turn.question,
            decision,
            turn.today,
            case=turn.case,
            read_meaning=self._read_meaning,
            new_book=self._new_book,
            search=self._search,
            timings=turn.timings,
        )

    def _skill_answer(self, turn: _Turn, text: str) -> Answer | None:
        """The first registered skill's answer, its articles cited like a calculator's; None if all decline."""
        cleaned, injection = strip_injection(text)
        reply: SkillReply | None = None
        for skill in self.skills:
            reply = skill.reply(cleaned, turn.today)
            if reply is not None:
                break
        if reply is None:
            return None
        query = reply.query or cleaned
        passages = reference_passages(self._search, reply.references, query)
        book = self._new_book()
        numbers = cite_passages(book, passages, query)
        body = reply.compose(lambda ref: numbers.get((ref.document, ref.section)))
        if injection:
            body = wording.INJECTION_NOTICE + "\n\n" + body
        return Answer(
            turn.question,
            body,
            reply.route,
            citations=book.citations(),
            tool_calls=list(reply.tool_calls),
            links=list(reply.links),
        )

    def _clarify(self, turn: _Turn, decision: RouteDecision) -> Answer:
        text = decision.follow_up or wording.DEFAULT_CLARIFY
        citations = []
        if decision.also_retrieve or decision.topic:
            query = decision.topic_query or turn.question
            t = time.perf_counter()
            evidence = self._search(query, 3)
            turn.timings["retrieve"] = (time.perf_counter() - t) * 1000
            if evidence and not texts_are_silent(query, evidence):
                book = self._new_book()
                # a follow-up that states the rule it asks for names that rule's article better than the question
                stated = self._search(decision.follow_up, 2) if decision.follow_up and decision.calculator else []
                top = stating(evidence + [e for e in stated if e not in evidence], decision.follow_up)
                number = cite_nearest(book, top, query)
                text += "\n\n" + wording.applicable_rule(top.citation, number)
                if decision.calculator:  # what the question back does not ask about, answered now (calc18)
                    text += rest_of_clarification(query, decision.follow_up or "", book, self._search)
                citations = book.citations()
        return Answer(turn.question, text, "clarify", citations=citations, follow_up=decision.follow_up)


def _as_written(name: str, question: str) -> str:
    """`name` as the question writes it, when the checks read it folded ("btp" → "BTP"); as given otherwise."""
    original, folded = prepare(question.replace("’", "'"))
    at = folded.find(name) if len(folded) == len(original) else -1  # letter for letter, or not at all
    return original[at : at + len(name)] if at >= 0 else name


@lru_cache(maxsize=1)
def get_assistant() -> Assistant:
    """The process-wide assistant (models and index loaded once, shared by UI sessions)."""
    return Assistant(get_settings())
