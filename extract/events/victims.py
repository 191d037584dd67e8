"""Victims of attack mentions: the named people an attack harmed or took (lists, appositions,
possessors, participles, "including"), aimed at (who escaped it, whose home it hit), the victims
a later sentence names for it (identified, listed, released), and the casualty counts of its
sentence. A mixin of :class:`extract.events.mentions.MentionBuilder`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.events.arguments import (
    PLACE_LABELS, SentenceView, casualty_count, core_span, is_attacker_noun, light_verbs, of_objects, person_span, prep_objects,
    tree_distance,
)
from extract.events.merge import Mention, latest_placed

# dependencies that continue a list of named people ("X, Y, and Z", "two reporters, X and Y")
LIST_DEPS = ("conj", "appos")
# how many sentences after an attack a sentence naming victims without an attack may continue it
# (a numbered communique lists its dead a dozen short sentences after the attack)
CONTINUE_SENTS = 12
# how many sentences before "They are X, Y" or "One of them is X" may tell of the harm (a sentence
# on where the wounded were taken may come between)
AFTER_HARM_SENTS = 3
TAKEN_TYPES = ("kidnapping", "hostage_taking")
# attacks on one person: the possessor of the attack noun is its victim ("X's murder")
PERSONAL_TYPES = ("assassination",) + TAKEN_TYPES
RELATIVES = ("who", "whom", "that")
# what picks out the people a person noun names, not a kind of people ("a candidate", "3 members", "their staff")
PICKED_OUT = ("det", "nummod", "poss")
# prepositions of a light verb naming whom its attack noun was aimed at ("the murder committed against X")
AIMED_AT = ("against", "on")
# a victim phrase's members and names: "nine people, including X", "a vendor identified as X"
INCLUDING = ("including",)
# "one of the wounded is X" (not "a relative of the victims is X")
PART_WORDS = ("one", "some", "several", "many", "most", "all", "two", "three")
NAMING_VERBS = ("identify", "name", "know", "call")
# the person an attack was aimed at who came through it: "X escaped (unharmed from) an attack"
ESCAPE_VERBS = ("escape", "survive", "emerge")
# the homes an attack on which is an attack on the people who live there ("attacked the home of X")
HOMES = ("home", "house", "residence", "apartment")
# "X was the victim of an attack", "X was unharmed following the attack": the person it befell
SUFFERER_NOUNS = ("victim", "target")
UNHARMED = ("unharmed", "unhurt", "unscathed")
UNHARMED_PREPS = ("after", "following", "in", "from", "during")
# a kidnapping's victims named when they are let go: "X was released", "police rescued X"
RELEASE_VERBS = ("release", "free", "rescue")
# a place or time between an attack noun and its "of" ("the murder in Guatemala of X")
BETWEEN_LABELS = PLACE_LABELS | {"DATE", "TIME"}
TIME_NOUNS = ("hour", "day", "week", "month")
# brackets around an acronym between a description and a name ("Patriotic Union [UP] candidate X")
OPENING, CLOSING = ("[", "("), ("]", ")")
# the dead a phrase names by their bodies: "the bodies of X and Y were found", "X's corpse"
BODY_NOUNS = ("body", "corpse", "remains")
# a pronoun an attack verb in the infinitive takes for a person the sentence names as the subject of
# a clause above it ("X revealed a plot to murder him")
OBJECT_PRONOUNS = ("him", "her")


class VictimFinder:
    """Victim and casualty readers of a MentionBuilder (they use its doc, lex, view, sents,
    sent_of, taken_lemmas, orphan_victims and naming_sents)."""

    def continued_victims(self, groups, out: list[Mention]) -> None:
        """Named victims of a sentence that names no attack of its own continue the latest attack
        before it ("... killed the mayor. His son, X, and his driver, Y, were also killed.", "The
        victims were identified as X and Y."); a sentence that identifies the people its own
        attack harmed names them for that attack ("those who were kidnapped are X")."""
        with_group = {self.sent_of[g[0].head] for g in groups}
        self.released_victims(out)
        found = list(self.orphan_victims)
        for sent in self.sents:
            found += [(tok_i, self.named_list(np)) for tok_i, np in self.identified_victims(sent)]
        for tok_i, spans in found:
            here = [m for m in out if m.sent_i == self.sent_of[tok_i]]
            before = [m for m in out if m.trigger_token < tok_i and self.sent_of[tok_i] - m.sent_i <= CONTINUE_SENTS]
            if not spans or not (here or before) or (not here and self.sent_of[tok_i] in with_group):
                continue  # (a sentence whose own attack is no event names no victims of another)
            if here:
                m = min(here, key=lambda m: tree_distance(self.doc[m.trigger_token], self.doc[tok_i]))
            else:
                m = latest_placed(before)
            m.later_victims += [v for v in spans if v not in m.victims + m.later_victims]

    def released_victims(self, out: list[Mention]) -> None:
        """The named people a sentence says were released or rescued are the victims of the nearest
        kidnapping ("Engineers X and Y were released today by the guerrillas")."""
        lemmas = self.lex.lemmas(self.doc)
        for v in (self.doc[i] for i, lemma in enumerate(lemmas) if lemma in RELEASE_VERBS):
            if v.pos_ != "VERB":
                continue
            taken = [m for m in out if m.attack_type in TAKEN_TYPES and abs(m.sent_i - self.sent_of[v.i]) <= CONTINUE_SENTS]
            spans = [sp for o in v.children if o.dep_ in ("dobj", "nsubjpass") for sp in self.named_list(o)]
            if taken and spans:
                m = min(taken, key=lambda m: abs(m.trigger_token - v.i))
                m.later_victims += [sp for sp in spans if sp not in m.victims + m.later_victims]

    def identified_victims(self, sent: Span) -> list[tuple[int, Token]]:
        """(verb, phrase naming them) for the harmed people a sentence identifies: "the victims
        were identified as X", "the injured were X and Y", "among the dead is X", "one of the
        wounded is X", "those who were kidnapped are X", "the other victim, X, is recovering"."""
        out = []
        lemmas = self.lex.lemmas(self.doc)
        for v in sent:
            lemma = lemmas[v.i]
            if lemma in BODY_NOUNS and v.pos_ == "NOUN" and of_objects(v):
                out.append((v.i, v))  # "the bodies of X and his companions Y and Z were riddled with bullets"
            entry = self.lex.victim_lemmas.get(lemma)
            if v.pos_ == "NOUN" and entry is not None and entry.category == "harmed":
                # a name apposed to "the victim": "the other victim, X, is recovering", "X, the other hostage"
                out += [(v.i, x) for x in [c for c in v.children if c.dep_ == "appos"] + ([v.head] if v.dep_ == "appos" else [])]
            if v.pos_ not in ("AUX", "VERB"):
                continue
            if lemma == "be":
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                attrs = [c for c in v.children if c.dep_ in ("attr", "acomp")]
                among = prep_objects(v, "among")
                part = [p for x in subj if x.like_num or x.lower_ in PART_WORDS for p in of_objects(x)]
                if any(self.harmed(x) for x in subj + among + part):
                    out += [(v.i, a) for a in attrs + _list_tail(v)]
                    if among:
                        out += [(v.i, x) for x in subj]
                elif any(self.harmed(a) for a in attrs):  # "X is the latest victim of ..."
                    out += [(v.i, x) for x in subj]
                elif any(_anaphoric(x) for x in subj) and self.after_harm(sent) and attrs:
                    out += [(v.i, a) for a in attrs]  # "... killed four people. They are X, Y and Z."
                    self.naming_sents.add(self.sent_of[v.i])
            elif lemma == "identify":
                who = [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
                if any(self.harmed(x) for x in who):
                    named = prep_objects(v, "as")
                    out += [(v.i, p) for p in named + (_list_tail(v) if named else [])]
        return out

    def after_harm(self, sent: Span) -> bool:
        """A sentence at most AFTER_HARM_SENTS after one that speaks of people harmed or taken (killed,
        wounded, kidnapped, victims) or after one that named them ("One of them is X. The other person is Y.")."""
        k = self.sent_of[sent.start]
        if any(j in self.naming_sents for j in range(k - AFTER_HARM_SENTS, k)):
            return True  # "One of them is X. ... The other person is Y."
        lex = self.lex
        lemmas = lex.lemmas(self.doc)
        return any(lemmas[t.i] in lex.casualty_lemmas or lemmas[t.i] in self.taken_lemmas or self.harmed(t)
                   for prev in self.sents[max(0, k - AFTER_HARM_SENTS):k] for t in prev)

    def harmed(self, tok: Token) -> bool:
        """A phrase for people harmed in an attack: "the victims", "the hostages", "the dead",
        "the wounded nuns", "those who were kidnapped"."""
        lex = self.lex
        lemmas = lex.lemmas(self.doc)
        entry = lex.victim_lemmas.get(lemmas[tok.i])
        if entry is not None and entry.category == "harmed":
            return True
        words = [tok] + [c for c in tok.children if c.dep_ in ("amod", "acl", "relcl")]
        return any(lemmas[w.i] in lex.casualty_lemmas or lemmas[w.i] in self.taken_lemmas for w in words)

    def victim_span(self, tok: Token) -> tuple[int, int]:
        """A named victim as the whole PERSON entity, else the bare noun phrase with its count."""
        e = person_span(tok, self.view)
        if e is not None:
            return self.whole_name(e)
        return core_span(tok, keep_number=True)

    def whole_name(self, e: Span) -> tuple[int, int]:
        """A named victim's whole name: the mention with the name words the parse joins to it that
        the entity left out ("Hector Oqueli" + "Colindres", "Pedro Rafael" + "Jimenez Cortez"),
        or the document's fuller mention of the person when that names more."""
        here = self.joined_name(e)
        full = self.view.full_person(e)
        if full.start != e.start:
            there = self.joined_name(full)
            a, b = _words(here), _words(there)
            if len(b) > len(a) and any(b[k:k + len(a)] == a for k in range(len(b) - len(a) + 1)):
                here = there
        here = self.bare_name(here)
        return here[0].idx, here[-1].idx + len(here[-1])

    def bare_name(self, name: Span) -> Span:
        """A name without the nationality or person noun the entity took in before it ("Spaniard
        Jose Maria Martinez", "newsman Emiliano Pacheco") or the possessive and noun after it ("Carlos
        Pizarro' assassination"): a victim is named by its name."""
        lex = self.lex
        words = [t for t in name if not t.is_space]
        owner = next((k for k, t in enumerate(words) if k and t.dep_ == "case"), len(words))
        words = words[:owner]
        k = 0
        while k < len(words) - 1 and (words[k].lower_ in lex.demonyms or lex.lemma(words[k]) in lex.victim_lemmas):
            k += 1
        return name if k == 0 and owner == len(name) else name.doc[words[k].i:words[-1].i + 1]

    def joined_name(self, e: Span) -> Span:
        """A PERSON entity with the adjacent name words its parse joins to it."""
        doc, view = self.doc, self.view
        start, end, root = e.start, e.end, e.root
        while root.dep_ in ("compound", "flat") and end <= root.head.i < end + 3 \
                and all(doc[k].is_space or _name_word(doc[k], view) for k in range(end, root.head.i + 1)):
            end, root = root.head.i + 1, root.head
        k = start - 1
        while k >= 0 and (doc[k].is_space or doc[k].dep_ == "compound" and start <= doc[k].head.i < end
                          and view.ent(doc[k], {"PERSON"}) is not None):
            if not doc[k].is_space:  # (a name wrapped over two lines: "Pedro Rafael\nJimenez Cortez")
                start = k
            k -= 1
        return doc[start:end]

    def object_victims(self, g) -> list[tuple[int, int]]:
        """Named people a trigger is done to: "kidnapped X", "X was murdered", "the murder of X",
        "X's murder", "an attack on X", "X, who was kidnapped", with the names listed with them
        (generic people come from the casualty wording)."""
        doc = self.doc
        out: list[tuple[int, int]] = []
        for t in g:
            head = doc[t.head]
            objs = done_to(head)
            if head.dep_ == "amod" and head.tag_ in ("VBD", "VBN", "JJ") and head.i < head.head.i:
                obj = head.head  # "the kidnapped businessman X", "KIDNAPPED BUSINESSMAN X" misparsed
                while obj.dep_ == "compound" and obj.head.i > obj.i:
                    obj = obj.head
                objs.append(obj)
            if head.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in RELATIVES for c in head.children) \
                    or head.dep_ == "acl" and head.tag_ == "VBN":
                objs.append(head.head)  # "X, who was kidnapped in ...", "X, kidnapped on 15 February, ..."
            if head.pos_ in ("NOUN", "PROPN"):
                objs += prep_objects(head, "of", "on", "against")
                objs += aimed_at(head)
                # "the assassination in Guatemala of X", "the murder on 26 February of X"
                past = [p for c in head.children if c.dep_ == "prep" and c.lower_ != "of"
                        for x in c.children if x.dep_ == "pobj" and self.place_or_time(x) for p in of_objects(x)]
                objs += past
                # "the murder of political leaders X and Y": the parse cut the name off its description
                objs += [x for p in of_objects(head) + past if not self.named_list(p)
                         for x in [self.name_after(p)] if x is not None]
                objs += self.escaped(head)
                objs += suffered_by(head)
                if t.attack_type in PERSONAL_TYPES:  # "X's murder", "X's kidnapping"
                    objs += [c for c in head.children if c.dep_ == "poss"]
            for o in list(objs):
                if o._.ev_lemma in ("life",) + BODY_NOUNS:  # "an attempt on X's life", "the life of X", "X's body"
                    objs += [c for c in o.children if c.dep_ == "poss"]
                    objs += of_objects(o)
            # "the ELN is holding X, kidnapped on 9 February, along with his secretary Y"
            objs += [p for v in {head.i: head, **{o.head.i: o.head for o in objs if o.dep_ in ("dobj", "nsubjpass")}}.values()
                     for p in _along_with(v)]
            objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
            if objs and head.pos_ in ("VERB", "AUX"):
                objs += _list_tail(head) + _object_conjuncts(head, objs)
            objs += [one.head for o in objs for one in [o if _apposed_part(o) else _part_of(o)] if one is not None]
            objs += [p for o in objs if o._.ev_lemma in HOMES  # "the home of X", "X's residence"
                     for p in [c for c in o.children if c.dep_ == "poss"] + of_objects(o)]
            objs += [a for o in objs if o.lower_ in OBJECT_PRONOUNS for a in [self.pronoun_antecedent(o)] if a is not None]
            for o in objs:
                if is_attacker_noun(o, self.lex):
                    continue
                for span in self.named_list(o):
                    if span not in out:
                        out.append(span)
        return out

    def people_hit(self, g) -> bool:
        """Whether a trigger of the group is done to civilians a person noun of the victim lexicon picks out
        with a determiner, number or possessive, counted or not: the object or passive subject of a verb
        ("murdered the mayor's driver"), the noun a participle or relative clause describes ("a union leader,
        murdered by criminals"), an attack noun's "of" phrase ("the killing of 3 members of the MPSC"); not
        the people at large ("bombed the population": patterns/event_nonevent.jsonl "populace"), a kind ("the
        killing of priests"), troops or attackers."""
        doc, lex = self.doc, self.lex
        for t in g:
            head = doc[t.head]
            if head.pos_ in ("NOUN", "PROPN"):
                objs = of_objects(head)
            else:
                objs = done_to(head)
                if head.dep_ == "acl" and head.tag_ == "VBN" or head.dep_ == "relcl" and any(
                        c.dep_ in ("nsubjpass", "dobj") and c.lower_ in RELATIVES for c in head.children):
                    objs = objs + [head.head]
            objs = objs + [c for o in objs for c in o.children if c.dep_ == "conj"]
            if any(getattr(lex.victim_lemmas.get(o._.ev_lemma), "category", None) == "civilian"
                   and o._.ev_lemma not in lex.populace_lemmas and not is_attacker_noun(o, lex)
                   and any(c.dep_ in PICKED_OUT for c in o.children) for o in objs):
                return True
        return False

    def pronoun_antecedent(self, pronoun: Token) -> Token | None:
        """The named person "him" or "her" stands for after an attack verb in the infinitive (a plot,
        attempt or threat): the subject of a clause above it in the same sentence ("X revealed there have
        been two attempts to murder him", "X said there is a plan to kill him"); not after a finite verb
        ("police chief X said guerrillas killed him": the speaker is not the dead man)."""
        verb = pronoun.head
        if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        while verb.head.i != verb.i:
            verb = verb.head
            named = [x for x in verb.children if x.dep_ in ("nsubj", "nsubjpass") and self.named_list(x)]
            if named:
                return named[0]
        return None

    def name_after(self, tok: Token) -> Token | None:
        """The head of a person's name that directly follows a description the parse did not
        join it to ("of political leaders Hector Oqueli", "of Patriotic Union [UP] candidate X"): only
        nouns, adjectives and a bracketed acronym between, no verb, comma or preposition."""
        doc, brackets = tok.doc, 0
        for k in range(tok.i + 1, min(tok.i + 8, len(doc))):
            t = doc[k]
            e = self.view.ent(t, {"PERSON"})
            if e is not None:
                return e.root  # (the word its conjuncts hang on: "X and Y")
            if t.is_space:
                continue
            if t.text in OPENING or t.text in CLOSING or brackets:
                brackets = max(0, brackets + (t.text in OPENING) - (t.text in CLOSING))
                continue
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.is_punct:
                return None
        return None

    def place_or_time(self, tok: Token) -> bool:
        """A place or a date/time phrase ("in Guatemala", "on 26 February", "during the past 72 hours")."""
        return self.view.ent(tok, BETWEEN_LABELS) is not None or tok._.ev_lemma in TIME_NOUNS

    def escaped(self, noun: Token) -> list[Token]:
        """Who came through an attack a noun names: "X escaped (unharmed from) an attack", "X emerged
        unscathed from a dynamite attack", "X, who escaped the attack unharmed"."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "from" else noun.head if noun.dep_ == "dobj" else None
        if verb is not None and verb.pos_ == "ADJ" and verb.dep_ in ("advcl", "acomp", "oprd"):
            verb = verb.head  # "escaped unharmed from an attack"
        if verb is None or verb._.ev_lemma not in ESCAPE_VERBS:
            return []
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        return [verb.head if s.lower_ in RELATIVES and verb.dep_ == "relcl" else s for s in subj]

    def named_list(self, tok: Token) -> list[tuple[int, int]]:
        """The named people a victim phrase lists: the phrase itself and the phrases coordinated
        or apposed to it, at any depth ("two reporters, X and Y", "killing X, 42; Y, 19; and Z"),
        the people it includes ("nine people, including X") and the name it is given ("a vendor
        identified as X", "a foreigner named X"); never through another preposition or clause
        ("X, the son of Y" names only X)."""
        out: list[tuple[int, int]] = []
        stack, seen = [tok], set()
        while stack:
            t = stack.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            e = person_span(t, self.view)
            if e is not None and not is_attacker_noun(t, self.lex):
                span = self.whole_name(e)
                if span not in out:
                    out.append(span)
            stack += _listed(t)
            for p in _coordinated_of(t):  # "the murders of X, Y, and of colonel Z"
                after = self.name_after(p) if person_span(p, self.view) is None else None
                stack.append(after if after is not None else p)
        return out

    def casualties(self, groups):
        """Killed/injured counts and victims per group; named victims of a sentence without an
        attack go to ``orphan_victims``."""
        doc, lex = self.doc, self.lex
        result: dict[int, tuple[int | None, int | None]] = {}
        victims: dict[int, list] = {}
        lemmas = lex.lemmas(doc)
        for tok in (doc[i] for i, lemma in enumerate(lemmas) if lemma in lex.casualty_lemmas):
            entry = lex.casualty_lemmas[lemmas[tok.i]]
            nps: list[Token] = []
            if entry.construction == "verb" and (tok.pos_ in ("VERB", "AUX") or tok.is_upper):
                nps = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] or misparsed_subjects(tok)
                if not nps and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
                    nps = [tok.head]  # "27 injured", "the wounded soldiers"
                if not nps:  # "also injured were X and Y"
                    nps = [x for c in tok.children if c.dep_ == "auxpass" for x in c.children if x.dep_ in ("nsubj", "attr")]
            elif entry.construction == "subject":
                nps = [c for c in tok.children if c.dep_ == "nsubj"]
            elif entry.construction == "predicate":
                if tok.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp", "dep", "amod") and tok.head.pos_ == "VERB":
                    nps = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
                    if lemmas[tok.head.i] in ("shoot", "leave", "find", "beat", "stab", "hack") and nps:
                        pass
                    elif nps:
                        pass
                nps += [c for c in tok.children if c.dep_ in ("nsubj", "nummod")]
                if tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and not nps:
                    nps = []
            if not nps and tok.dep_ == "acomp" and lemmas[tok.head.i] == "be":
                # "also injured was a vendor identified as X", "X is seriously injured"
                nps = [c for c in tok.head.children if c.dep_ in ("nsubj", "attr")]
            if not nps:
                continue
            np = nps[0]
            # "X was found dead along with Y"
            along = [p for v in (tok, tok.head) for p in _along_with(v)]
            named = [] if np.dep_ == "nummod" or is_attacker_noun(np, lex) else self.named_list(np)
            base = tok.head if np.lower_ in RELATIVES and tok.dep_ == "relcl" else np  # "the priests who were killed"
            one = base if _apposed_part(base) else _part_of(base)
            if one is not None:  # "X, one of the Jesuit priests who were killed"
                named += [sp for sp in self.named_list(one.head) if sp not in named]
            # "X; Y, a driver; and Z were killed" parsed with Z as the verb's conjunct
            along += _list_tail(tok) + _object_conjuncts(tok, nps) if tok.pos_ in ("VERB", "AUX") else []
            # "three persons were injured, including X"
            along += prep_objects(tok, *INCLUDING)
            named += [sp for p in along for sp in self.named_list(p) if sp not in named]
            if not any(self.sent_of[g[0].head] == self.sent_of[tok.i] for g in groups):
                # no attack named in the sentence: its named dead continue an earlier one
                # ("X and Y were also killed.", "The following policemen died: X, Y ...")
                self.orphan_victims.append((tok.i, named))
                continue
            if np.dep_ == "nummod" and np.head.i == tok.i:
                count = casualty_count(np, lex)
            else:
                if is_attacker_noun(np, lex):
                    continue
                count = casualty_count(np, lex)
            same = [gi for gi, g in enumerate(groups) if self.sent_of[g[0].head] == self.sent_of[tok.i]]
            if count is None or not same:
                if same and one is not None:  # "X, one of the priests who were killed": X, without a count
                    gi = min(same, key=lambda k: min(tree_distance(tok, doc[t.head]) for t in groups[k]))
                    victims.setdefault(gi, []).extend(sp for sp in named if sp not in victims[gi])
                continue
            gi = min(same, key=lambda k: min(tree_distance(tok, doc[t.head]) for t in groups[k]))
            k, inj = result.get(gi, (None, None))
            if entry.kind == "killed" and k is None:
                k = count
            elif entry.kind == "injured" and inj is None:
                inj = count
            result[gi] = (k, inj)
            if entry.kind == "killed" or entry.kind == "injured":
                found = []
                for v in [np] + [c for c in np.children if c.dep_ == "conj"]:
                    if is_attacker_noun(v, lex) or v.pos_ not in ("NOUN", "PROPN"):
                        continue
                    found.append(self.victim_span(v))
                found += named
                for span in found:
                    if span not in victims.setdefault(gi, []):
                        victims[gi].append(span)
        return result, victims


def aimed_at(noun: Token) -> list[Token]:
    """Whom the light verb of an attack noun aims it at ("the murder committed against X", "the assassination
    attempt made on X"), also where the parse hangs the "against" on the verb's "by" agent ("the murder
    committed by FMLN guerrillas against X")."""
    nouns = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    heads = [v for n in nouns for v in light_verbs(n)]
    heads += [p for v in heads for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return [p for h in heads for c in h.children
            if c.dep_ == "prep" and (c.lower_ in AIMED_AT if h.pos_ == "VERB" else c.lower_ == "against")
            for p in c.children if p.dep_ == "pobj"]


def suffered_by(noun: Token) -> list[Token]:
    """Who a copula says an attack noun befell: "X was the victim of another attack", "X was the
    target of the attack", "X was unharmed after the attack" (not "the victims of the attack were ...")."""
    owner = noun.head.head if noun.dep_ == "pobj" else None
    if owner is None:
        return []
    if noun.head.lower_ == "of" and owner._.ev_lemma in SUFFERER_NOUNS and owner.dep_ == "attr":
        verb = owner.head
    elif noun.head.lower_ in UNHARMED_PREPS and owner._.ev_lemma in UNHARMED and owner.dep_ in ("acomp", "oprd"):
        verb = owner.head  # "was unharmed following a terrorist attack"
    elif noun.head.lower_ in UNHARMED_PREPS and owner.lemma_.lower() == "be" and any(
            c.dep_ == "acomp" and c._.ev_lemma in UNHARMED for c in owner.children):
        verb = owner  # the parse hangs the preposition on the copula
    else:
        return []
    if verb.lemma_.lower() != "be":
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def done_to(verb: Token) -> list[Token]:
    """The object or passive subject of a verb; for a verb coordinated to an earlier one without an
    object or subject of its own, the earlier verb's passive subject ("X was taken away and then killed")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] or misparsed_subjects(verb) \
        or displaced_objects(verb)
    if not objs and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        objs = [c for c in verb.head.children if c.dep_ == "nsubjpass"] or misparsed_subjects(verb.head)
    return objs


def displaced_objects(verb: Token) -> list[Token]:
    """Names after a verb without an object that the parse calls adverbial noun phrases: the object
    a phrase put between ("assassinated in less than 48 hours magistrate X, colonel Y and senator Z")."""
    return [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ == "PERSON"]


def _object_conjuncts(verb: Token, objs: list[Token]) -> list[Token]:
    """Noun phrases the parse coordinates with or apposes to a verb after its object: more objects, since
    a verb's conjunct is another verb and a verb has no apposition ("murdered brothers X and Y and their
    mother Z": "mother"; "injured were: a taxi driver; X, a beggar; and Y": X)."""
    last = max(o.i for o in objs)
    return [c for c in verb.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN") and c.i > last
            and not any(x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for x in c.children)]


def misparsed_subjects(verb: Token) -> list[Token]:
    """The subject of a passive clause the parse made the object of the verb that reports it ("the
    report indicates X and Y were abducted": X is the object of "indicates")."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]


def _listed(tok: Token) -> list[Token]:
    """The phrases a victim phrase lists or names: its conjuncts and appositions, the object of
    its "including" and of a body's "of" ("the bodies of X"), the name apposed to the place of its
    "of" ("the mayor of Cali, X"), the name a naming participle gives it ("identified as X", "named X")."""
    out = []
    for c in tok.children:
        if c.dep_ in LIST_DEPS:
            out.append(c)
        elif c.dep_ == "prep" and (c.lower_ in INCLUDING or c.lower_ == "of" and tok._.ev_lemma in BODY_NOUNS):
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "of":
            # "the mayor of Cali, Carlos Holguin": the parse apposes the name to the place it follows
            out += [a for p in c.children if p.dep_ == "pobj" and p.ent_type_ in PLACE_LABELS
                    for a in p.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
        elif c.dep_ == "acl" and c._.ev_lemma in NAMING_VERBS:
            out += [x for x in c.children if x.dep_ in ("oprd", "attr", "dobj", "appos")]
            out += prep_objects(c, "as")
    return out


def _coordinated_of(tok: Token) -> list[Token]:
    """The objects of an "of" coordinated after a listed name ("the murders of X, Y, and of Z" -> Z):
    a preposition the name governs right after "and" or a comma."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i
            and _word_before(c).lower_ in ("and", ",") for p in c.children if p.dep_ == "pobj"]


def _word_before(tok: Token) -> Token:
    """The nearest token before ``tok`` that is not whitespace (``tok`` itself at the start)."""
    k = tok.i - 1
    while k > 0 and tok.doc[k].is_space:
        k -= 1
    return tok.doc[k] if k >= 0 else tok


def _list_tail(verb: Token) -> list[Token]:
    """The last members of a semicolon list of names the parse makes conjuncts of the list's verb
    ("were identified as X and Y, students; and Z, a teacher" -> Z)."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"
            and any(p.lower_ == ";" for p in c.doc[verb.i:c.i] if p.head.i == verb.i)]


def _along_with(verb: Token) -> list[Token]:
    """The companions a verb names with "along with" or "together with" ("X was found dead along
    with Y", "were killed together with the clergymen")."""
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("along", "together"):
            out += prep_objects(c, "with")
        elif c.dep_ == "prep" and c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].lower_ in ("along", "together") \
                and c.doc[c.i - 1].head.i == verb.i:
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _anaphoric(subj: Token) -> bool:
    """A subject that points back at people just named: "they", "one of them", "the other person"."""
    if subj.lower_ == "they":
        return True
    if (subj.like_num or subj.lower_ in PART_WORDS) and any(p.lower_ == "them" for p in of_objects(subj)):
        return True
    return any(c.lower_ == "other" for c in subj.children if c.dep_ in ("amod", "det")) and subj._.ev_lemma in ("person", "victim")


def _name_word(tok: Token, view: SentenceView) -> bool:
    """A proper noun that is part of no entity but a person's name or a one-word place name
    (a surname that is also a town: "Juana Margarita Flores")."""
    e = view.ent_at.get(tok.i)
    return tok.pos_ == "PROPN" and tok.is_alpha and (e is None or e.label_ == "PERSON" or e.label_ in PLACE_LABELS and len(e) == 1)


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if not t.is_space and not t.is_punct]


def _part_of(tok: Token) -> Token | None:
    """The "one of" a phrase is the object of, when it is apposed to a name: "X, one of the six
    Jesuits murdered on 16 November" -> one (whose head is X)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    return prep.head if _apposed_part(prep.head) else None


def _apposed_part(tok: Token) -> bool:
    """A "one" ("two", "some") apposed right after a name: "X, one of the victims" (not "X, who
    replaced Y -- one of those massacred", a misparse)."""
    return tok.dep_ == "appos" and (tok.like_num or tok.lower_ in PART_WORDS) and tok.head.i < tok.i \
        and all(t.is_punct or t.is_space for t in tok.doc[tok.head.i + 1:tok.i])


