"""Event mentions -> events: one event per coordinated place, then merging of the mentions
of one attack across the document (shared place + compatible type, date and status; a
mention without a place of its own enriches the latest event of its paragraph)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from extract.components.places import STREET_NOUNS
from extract.events.arguments import of_objects
from extract.events.status import DEFAULT_STATUS_RULE
from extract.events.triggers import TYPE_RANK

SAME_VICTIM_DAYS = 31  # a kidnapping and the murder of its victim, reported weeks apart
TOLL_SENTS = 3  # a bare casualty report at most this many sentences after an attack's latest mention tells its toll

# Kinds of attack that name how it was done: a mention of one joins an event of another only when it
# says how it was done (an attack on people, "unknown"); a bombing and an arson are two acts.
MEANS_FAMILIES = [
    {"bombing", "suicide_bombing"}, {"kidnapping", "hostage_taking"}, {"arson"}, {"hijacking"}, {"vehicle_ramming"},
]

MEANS_TYPES = set().union(*MEANS_FAMILIES)  # every kind of attack that names how it was done

PHYSICAL_FAMILIES = [
    {"bombing", "suicide_bombing"},
    {"kidnapping", "hostage_taking"},
]

# kinds of attack on people that a later word restating the attack may name differently ("the
# assassination" ... "the shooting" ... "the attack"): a restatement of one is a restatement of another
ATTACK_ON_PEOPLE = {"assassination", "shooting", "armed_assault", "stabbing"}


@dataclass
class Mention:
    sent_i: int
    para_i: int
    trigger: tuple[int, int]  # char offsets
    trigger_token: int
    attack_type: str
    status: str
    rules: list[str]
    locations: list[Span]
    loc_inherited: bool = False
    perpetrators: list[Span] = field(default_factory=list)
    claimed_by: list[Span] = field(default_factory=list)
    attackers: list[tuple[int, int]] = field(default_factory=list)
    targets: list[tuple[int, int]] = field(default_factory=list)
    victims: list[tuple[int, int]] = field(default_factory=list)
    weapons: list[tuple[int, int]] = field(default_factory=list)
    date: Span | None = None
    date_inherited: bool = False  # from an earlier sentence of the paragraph
    date_weak: bool = False  # inherited, or in the sentence but outside the trigger's clause
    killed: int | None = None
    injured: int | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    weak: bool = False
    # its first trigger names the act, not the device ("the bombings"; attack_triggers.jsonl "ambiguous_means")
    ambiguous_means: bool = False
    confidence: float = 0.6
    retyped: bool = False  # the type was set from the agent or weapons (patterns/event_retype.jsonl)
    # its weapons that are firearms or fired munitions ("rifles", "rocket launchers"): a merged
    # event with any of them is an armed assault, not a bombing (see ``_merge``)
    gun_weapons: list[tuple[int, int]] = field(default_factory=list)
    blamed_state: bool = False  # its sentence blames state forces: no armed group of the document is its perpetrator
    state_doer: bool = False  # state forces or aircraft are its subject or "by" agent ("troops bombed the school")
    # victims a later sentence names ("X and Y were also killed."): joined to ``victims`` when the
    # document's events are final, so that they do not change how its mentions merge
    later_victims: list[tuple[int, int]] = field(default_factory=list)
    # targets a later sentence reports damaged ("Two bank buildings were damaged."): joined to
    # ``targets`` with the later victims
    later_targets: list[tuple[int, int]] = field(default_factory=list)
    further: bool = False  # its sentence reports one more attack ("also blew up", "another bomb")
    casualty_report: bool = False  # only casualty verbs ("were also killed"): may name more victims of an earlier attack
    mention_count: int = 1  # the mentions merged into it
    # every trigger word of its mentions, not only the one it is typed by ("a 5-minute attack against a brigade
    # unit, using hand grenades": the device and the attack)
    trigger_tokens: list[int] = field(default_factory=list, compare=False)
    demonstrative: bool = False  # "this attack", "these murders": the attack told before, whatever place it names
    definite: bool = False  # "the attack" in a main clause, not recalled against another time (``definite_attack``)
    # a bare plural attack noun with no count, date of its own or verb it is the subject or object of, hitting
    # what its own phrase names ("terrorist attacks on the pipeline"): see ``tallies_only``
    tally: bool = False
    # a trigger is done to civilians a person noun picks out, counted or not ("the killing of 3 members of the
    # MPSC", "murdered the mayor's driver"): it says whom it hit (``EventMerger.finish``; ``people_hit`` in victims.py)
    people_hit: bool = False

    @property
    def harm(self) -> bool:
        return bool(self.killed or self.injured or self.victims)


def _hit(m: Mention) -> bool:
    """A mention that says what its attack did: people harmed, or a target it was carried out on
    ("guerrillas attacked the party headquarters"); a generic trigger without either is too vague
    to stand as an attack without a place of its own."""
    return m.harm or (bool(m.targets) and m.status == "carried_out")


def names_a_street(span: Span) -> bool:
    """A place named by a street's full name ("on Bernardo O'Higgins Avenue"): a spot inside a town, not the town."""
    return len(span) > 1 and span[-1].lower_ in STREET_NOUNS


def place_key(span: Span) -> str:
    t = span.text.lower().strip(" .,;:()\"'")
    for art in ("the ",):
        if t.startswith(art):
            t = t[len(art):]
    if t.endswith("'s"):
        t = t[:-2]
    return t


def split_by_place(m: Mention) -> list[Mention]:
    """One mention per place when the places are coordinated ("in Kenya, Germany and ..."); a threat
    stays one ("threatened to carry out bomb attacks in Bogota, Medellin and Cali": one threat, no
    attack yet in any of them)."""
    locs = m.locations
    if len(locs) < 2 or m.status == "threatened":
        return [m]
    in_loc = {}
    for k, ent in enumerate(locs):
        for i in range(ent.start, ent.end):
            in_loc[i] = k
    parent = list(range(len(locs)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for k, ent in enumerate(locs):
        root = ent.root
        if root.dep_ == "conj" and root.head.i in in_loc:
            parent[find(k)] = find(in_loc[root.head.i])
    clusters: dict[int, list[int]] = {}
    for k in range(len(locs)):
        clusters.setdefault(find(k), []).append(k)
    biggest = max(clusters.values(), key=len)
    if len(biggest) < 2:
        return [m]
    doc = locs[0].doc
    lo, hi = min(locs[k].start for k in biggest), max(locs[k].end for k in biggest)
    if not any(t.dep_ == "cc" or t.lower_ in ("and", "or") for t in doc[lo:hi]):
        return [m]  # "Riga, Latvia": a place and its country, not a list
    out = []
    for n, k in enumerate(biggest):
        ent = locs[k]
        extra = [e for j, e in enumerate(locs) if j not in biggest and ent.start <= e.root.head.i < ent.end]
        part = _copy(m, locations=[ent] + extra)
        if n:
            part = _without_participants(part, doc)
        out.append(part)
    return out


def _copy(m: Mention, **changes) -> Mention:
    """A copy of ``m`` whose lists are its own (merging into one part must not change another)."""
    lists = {f: list(v) for f, v in vars(m).items() if isinstance(v, list)}
    return replace(m, **{**lists, **changes})


def latest_placed(mentions: list[Mention]) -> Mention:
    """The latest attack said to happen somewhere, a strong mention first: the one a later
    sentence's victims or damage continue (not "This is considered a terrorist attack.")."""
    return max(mentions, key=lambda m: (not m.weak, not m.loc_inherited, m.trigger_token))


def _without_participants(m: Mention, doc: Doc) -> Mention:
    """A later place of a coordinated list: the victims, weapons, attackers and singular targets
    of the sentence belong to one of its attacks, kept once (on the first place); plural targets
    ("attacks on police stations in A and B") are shared by every place."""
    targets = [t for t in m.targets if _plural(doc, t)]
    return replace(m, targets=targets, victims=[], weapons=[], attackers=[], later_targets=[])


def _plural(doc: Doc, off: tuple[int, int]) -> bool:
    span = doc.char_span(off[0], off[1], alignment_mode="expand")
    return span is not None and (span.root.tag_ in ("NNS", "NNPS") or "Plur" in span.root.morph.get("Number"))


def types_compatible(a: str, b: str) -> bool:
    if a == b or "unknown" in (a, b):
        return True
    if "cyber" in (a, b):
        return False
    if "armed_assault" in (a, b):
        return True
    return any(a in f and b in f for f in PHYSICAL_FAMILIES)


def distinct_means(a: str, b: str) -> bool:
    """Two kinds of attack that each name a different means ("bombing" and "arson")."""
    fa = next((i for i, f in enumerate(MEANS_FAMILIES) if a in f), None)
    fb = next((i for i, f in enumerate(MEANS_FAMILIES) if b in f), None)
    return fa is not None and fb is not None and fa != fb


def date_key(span: Span | None) -> str | None:
    if span is None:
        return None
    info = span._.info or {}
    return str(info.get("value") or span.text.lower().strip())


class EventMerger:
    def __init__(self, filed_at: Span | None = None) -> None:
        self.filed_at = filed_at  # the dateline place, where the report was filed
        self.events: list[Mention] = []
        self.last_in_para: dict[int, Mention] = {}
        # deferred mentions, each with its fallback place and the places its clause says the attack was at
        self.deferred: list[tuple[Mention, Span | None, list[Span]]] = []
        self.latest: Mention | None = None  # the event the latest mention made or joined
        self.latest_sent: int | None = None  # the sentence of the latest mention that made or joined an event

    def add(self, m: Mention, fallback_place: Span | None, from_dateline: bool = False,
            told_places: list[Span] | None = None) -> None:
        """``fallback_place``: where a mention without a place of its own happened (the last place
        of its paragraph, else the dateline place: ``from_dateline``); ``told_places``: where the clause
        of an anaphoric mention says the attack it joins happened ("The attack took place in X.")."""
        ev = self._add(m, fallback_place, from_dateline, told_places or [])
        if ev is not None:
            _take_told_places(ev, told_places or [], self.filed_at)
            self.last_in_para[m.para_i] = ev
            self.latest = ev
            self.latest_sent = m.sent_i

    def attach_responsibility(self, para_i: int, role: str, ents: list[Span]) -> None:
        """A responsibility sentence without a trigger ("Security sources blamed X.")."""
        ev = self.last_in_para.get(para_i)
        if ev is None:
            return
        keys = {(s.start, s.end) for s in ev.perpetrators}
        ev.perpetrators += [e for e in ents if (e.start, e.end) not in keys]
        if role == "claim":
            keys = {(s.start, s.end) for s in ev.claimed_by}
            ev.claimed_by += [e for e in ents if (e.start, e.end) not in keys]

    def _restates_latest(self, m: Mention) -> bool:
        """"The attack" naming nothing it hit and nobody harmed restates the latest event, unless it
        names the country of that event's place (``merge_country_mention`` joins it, keeping the country)."""
        return m.definite and not _hit(m) and not (self.latest is not None and _in_country(m.locations, self.latest.locations))

    def _add(self, m: Mention, fallback_place: Span | None, from_dateline: bool, told_places: list[Span]) -> Mention | None:
        ev = self.latest
        if (m.demonstrative or self._restates_latest(m)) and not m.loc_inherited and ev is not None and ev.status == m.status \
                and types_compatible(ev.attack_type, m.attack_type) and self._dates_ok(ev, m):
            self._merge(ev, m, inherited=True)
            return ev
        if m.loc_inherited:
            ev = self.last_in_para.get(m.para_i)
            if ev is not None and ("cyber" in (ev.attack_type, m.attack_type)) <= (ev.attack_type == m.attack_type) and not distinct_means(
                ev.attack_type, m.attack_type
            ) and self._dates_ok(ev, m) and not _other_victims(ev, m) and not _another_attack(ev, m) and (
                ev.status == m.status or (m.status == "carried_out" and m.harm)
            ):
                self._merge(ev, m, inherited=True)
                return ev
        if self._tells_latest_toll(m):  # placed by its sentence or not, the toll of the attack just told
            self._merge(self.latest, m, inherited=True)
            return self.latest
        if m.loc_inherited:
            own_date = m.date is not None and not m.date_inherited
            if from_dateline or fallback_place is None or not (m.harm or own_date):
                # no place of its own nor detail (a summary, a comment, a place only from the
                # dateline): decided at the end, when every attack of the document is known
                self.deferred.append((m, fallback_place, told_places))
                return None
            if m.weak and not _hit(m):
                return None
            m = replace(m, locations=[fallback_place])
        elif fallback_place is not None and m.locations and all(names_a_street(s) for s in m.locations):
            # an attack on a street happened in the town the paragraph (else the dateline) names
            m = replace(m, locations=m.locations + [fallback_place])
        mkeys = {place_key(s) for s in m.locations}
        for ev in self.events:
            if not mkeys & {place_key(s) for s in ev.locations}:
                continue
            if ev.status != m.status or not types_compatible(ev.attack_type, m.attack_type):
                continue
            if not self._dates_ok(ev, m) or _other_victims(ev, m) or _another_attack(ev, m):
                continue
            self._merge(ev, m, inherited=False)
            return ev
        self.events.append(m)
        return m

    def _tells_latest_toll(self, m: Mention) -> bool:
        """A bare casualty report ("X, who was working at the station, was killed.": casualty verbs, no
        attacker, perpetrator or weapon of its own), at most ``TOLL_SENTS`` sentences after a mention of an
        attack of a kind that names its means (``MEANS_TYPES``: a bombing, arson, kidnapping ...) carried out
        that day, tells the toll of that attack, whatever spot it names (not a murder of its own)."""
        ev = self.latest
        return ev is not None and self.latest_sent is not None and m.casualty_report and m.status == "carried_out" \
            and ev.status == "carried_out" and ev.attack_type in MEANS_TYPES and not m.further \
            and not (m.attackers or m.perpetrators or m.weapons or m.gun_weapons) \
            and 0 <= m.sent_i - self.latest_sent <= TOLL_SENTS and self._dates_ok(ev, m)

    def finish(self, country: Span | None = None, unplaced_report: bool = False) -> None:
        """Place the deferred mentions: merged into the document's attack of the same kind,
        status and date (the summary of a report names the attack its body details), else
        an attack at the dateline place, else (a report without one) in ``country`` when it says
        what or whom it hit (people a noun picks out: ``Mention.people_hit``), or with no place at all in a report that names no place of any country
        (``unplaced_report``: "CLANDESTINE, 26 JUN 89 -- ... the murder of X by ..."); then join the
        victims and targets later sentences name."""
        for m, fallback_place, told_places in self.deferred:
            ev = self._compatible(m)
            if ev is not None:
                self._merge(ev, m, inherited=True)
                _take_told_places(ev, told_places, self.filed_at)
            elif fallback_place is not None and self._placeless_ok(m):
                self.events.append(replace(m, locations=[fallback_place]))
            elif fallback_place is None and (country is not None or unplaced_report) and (_hit(m) or m.people_hit):
                self.events.append(replace(m, locations=[country] if country is not None else []))
        self.deferred = []
        for ev in self.events:
            ev.victims += [v for v in ev.later_victims if v not in ev.victims]
            ev.later_victims = []
            ev.targets += [t for t in ev.later_targets if t not in ev.targets]
            ev.later_targets = []

    def merge_country_mention(self) -> None:
        """An attack placed only in a country, next to (at most a sentence from) an attack of a
        compatible kind, status and date in a place of that country, is that attack ("A bomb
        exploded in Bogota. Colombia's police blamed the ELN for the bombing.")."""
        kept: list[Mention] = []
        for ev in self.events:
            into = next((k for k in kept if _country_and_place(k, ev)), None)
            if into is None:
                kept.append(ev)
            else:
                self._merge(into, ev, inherited=False)
        self.events = kept

    def merge_same_victim(self, doc: Doc) -> None:
        """Events of different sentences naming the same person as victim are one incident,
        whatever their kind or place (kidnapped, later found murdered: MUC-4 keeps one
        kidnapping), unless their dates are more than a month apart; a later attack whose person
        hit is named by a short form of an earlier victim's name ("Rivera was shot to death" after
        "... kidnapped Jose Rivera Lopez") is that victim's too."""
        names = [_victim_names(doc, ev) for ev in self.events]
        patients = [_named_patient(doc, ev) for ev in self.events]
        kept: list[int] = []
        for i, ev in enumerate(self.events):
            into = next((k for k in kept if (names[k] & names[i] or _victim_hit_again(self.events[k], ev, patients[i], names[k]))
                         and _same_victim_ok(self.events[k], ev)), None)
            if into is None:
                kept.append(i)
                continue
            self._merge(self.events[into], ev, inherited=False)
            names[into] |= names[i]
        self.events = [self.events[k] for k in kept]

    @staticmethod
    def _placeless_ok(m: Mention) -> bool:
        return not (m.weak and not _hit(m))

    def _compatible(self, m: Mention) -> Mention | None:
        """The nearest event (same type first) of a compatible kind of attack, status and date."""
        best = None
        for ev in self.events:
            if "cyber" in (ev.attack_type, m.attack_type) and ev.attack_type != m.attack_type:
                continue
            if not types_compatible(ev.attack_type, m.attack_type):
                continue
            if ev.status != m.status and not (m.status == "carried_out" and m.harm):
                continue
            if not self._dates_ok(ev, m) or _another_attack(ev, m):
                continue
            key = (ev.attack_type != m.attack_type, abs(ev.trigger_token - m.trigger_token))
            if best is None or key < best[0]:
                best = (key, ev)
        return best[1] if best else None

    @staticmethod
    def _dates_ok(ev: Mention, m: Mention) -> bool:
        da = None if ev.date_weak else date_key(ev.date)
        db = None if m.date_weak else date_key(m.date)
        return not (da and db and da != db)

    @staticmethod
    def _merge(ev: Mention, m: Mention, inherited: bool) -> None:
        if TYPE_RANK[m.attack_type] > TYPE_RANK[ev.attack_type] and not (ev.attack_type == "cyber") and not ev.retyped \
                and not _bombing_without_device(m):
            # a retyped attack ("attacked the presidency with mortar fire") keeps its kind when a
            # later mention names its explosions
            ev.attack_type = m.attack_type
        if inherited and m.status != ev.status and m.status == "carried_out" and m.harm:
            ev.status = m.status
        if not inherited:
            seen = {place_key(s) for s in ev.locations}
            ev.locations += [s for s in m.locations if place_key(s) not in seen]
        for name in ("perpetrators", "claimed_by"):
            cur = getattr(ev, name)
            keys = {(s.start, s.end) for s in cur}
            cur += [s for s in getattr(m, name) if (s.start, s.end) not in keys]
        for name in ("attackers", "targets", "victims", "later_victims", "later_targets", "weapons", "evidence",
                     "trigger_tokens"):
            cur = getattr(ev, name)
            cur += [s for s in getattr(m, name) if s not in cur]
        if not inherited or _hit(m) or m.para_i == ev.para_i:
            # not the firearms of a mention without a place of its own nor a target or victim in another
            # paragraph ("Officers recovered four grenades and a pistol."): it joins the attack, it does
            # not tell its kind
            ev.gun_weapons += [s for s in m.gun_weapons if s not in ev.gun_weapons]
        _retype_with_guns(ev)
        if (ev.date is None or ev.date_weak) and m.date is not None and not m.date_weak:
            ev.date, ev.date_inherited, ev.date_weak = m.date, False, False
        elif ev.date is None:
            ev.date, ev.date_inherited, ev.date_weak = m.date, m.date_inherited, m.date_weak
        if ev.killed is None:
            ev.killed = m.killed
        if ev.injured is None:
            ev.injured = m.injured
        ev.rules += [r for r in m.rules if r not in ev.rules]
        ev.people_hit = ev.people_hit or m.people_hit
        ev.mention_count += m.mention_count
        ev.weak = ev.weak and m.weak
        ev.confidence = min(0.95, max(ev.confidence, m.confidence) + 0.05)


def merge_vague(events: list[Mention]) -> list[Mention]:
    """An event that names nothing it hit nor anything it was done with ("the bombing", "the
    attacks in Usulutan") restates an earlier attack of the document of a kind it can restate (see
    ``_restates_kind``) and the same status, not a place of its own trigger's list ("in Soyapango and
    Mejicanos"): it joins the first one (MUC-4 train keys: one template per incident, however many
    sentences name it); a generic mention ("the attacks") placed in another country than that attack
    is an attack there ("attacks were planned in France and Russia")."""
    kept: list[Mention] = []
    for ev in events:
        into = next((k for k in kept if _names_nothing(ev) and _restates(k, ev)), None)
        if into is None:
            kept.append(ev)
        else:
            EventMerger._merge(into, ev, inherited=False)
    return _merge_leads(kept)


def _merge_leads(events: list[Mention]) -> list[Mention]:
    """A vague event that no earlier event restates, followed by an event its kind and status can
    restate, is the report's summary of that attack ("Powerful explosions were heard in San Salvador
    at 0920 today." before the paragraphs that tell what the bombs hit): it joins the first such event;
    not one place of a list ("attacks in Kenya, Germany and the United States"), an attack in each."""
    kept: list[Mention] = []
    for i, ev in enumerate(events):
        vague = _names_nothing(ev) and sum(k.trigger == ev.trigger for k in events) == 1
        into = next((k for k in events[i + 1:] if vague and _restates(k, ev)), None)
        if into is None:
            kept.append(ev)
        else:
            EventMerger._merge(into, ev, inherited=False)
    return kept


PLURAL_TAGS = ("NNS", "NNPS")


def plural_reference(doc: Doc, ev: Mention, device_lemmas: Container[str], victim_lemmas: Container[str]) -> bool:
    """An event told by one plural attack noun alone, without a cue of its status, a count, a date of its
    own that names a day, or anything it hit or was done with ("the bombings have mainly affected Bogota",
    "after the numerous murders of the recent months"): attacks spoken of together, not a report of one
    (MUC-4 train keys: no template for them); not plural devices ("bombs exploded in the capital"),
    "two bombings were reported last night", nor the attacks on people it names one by one ("the murders
    of the governor of Antioquia and a judge")."""
    head = doc[ev.trigger_token]
    if ev.mention_count != 1 or ev.rules[1:] != [DEFAULT_STATUS_RULE] or head.tag_ not in PLURAL_TAGS:
        return False
    if head._.ev_lemma in device_lemmas or any(c.dep_ == "nummod" for c in head.children):
        return False
    return _names_nothing(ev) and not _dated_to_the_day(ev) and not _people_one_by_one(head, victim_lemmas)


def tallies_only(events: list[Mention]) -> bool:
    """Every event of the report is one bare plural attack noun naming what it hit and no one harmed ("a drop
    in sales due to terrorist attacks on the Cano Limon-Covenas pipeline", "blamed the group for a series of
    attacks on a police chief"): attacks counted as background or a tally, and the report tells none."""
    return bool(events) and all(ev.tally and ev.mention_count == 1 and ev.targets and not ev.harm for ev in events)


def _people_one_by_one(head: Token, victim_lemmas: Container[str]) -> bool:
    """Whether an attack noun's "of" phrase names the people it hit one by one: a singular noun for a person
    with its determiner ("the murders of the governor of Antioquia, another judge and the police commander"),
    or a "that of" beside it naming one of them ("condemn the murders ... and especially that of senator X");
    not a kind of people ("the murders of peasants", "the killings of the Jesuits")."""
    standing_for = [c for c in (*head.conjuncts, *head.head.children)
                    if c.lower_ in ("that", "those") and c.i > head.i and c.dep_ in ("conj", head.dep_)]
    for noun in (head, *standing_for):
        for person in (p for obj in of_objects(noun) for p in (obj, *obj.conjuncts)):
            if noun is not head and person.ent_type_ == "PERSON":
                return True
            if person.tag_ in ("NN", "NNP") and person._.ev_lemma in victim_lemmas and any(
                    c.dep_ == "det" for c in person.children):
                return True
    return False


def _names_nothing(ev: Mention) -> bool:
    """An event that names nothing it hit nor anything it was done with ("the bombing", "the attacks")."""
    return not (ev.targets or ev.victims or ev.weapons)


def _restates(other: Mention, vague: Mention) -> bool:
    """The vague event can restate ``other``: another trigger, the same status, a kind it can name
    (``_restates_kind``), not dated to another day ("the murder on 27 February" after a murder on
    26 February is another one), and for a generic mention ("the attacks") a country they share."""
    return other.trigger != vague.trigger and other.status == vague.status and _restates_kind(other, vague) \
        and not _other_day(other, vague) and (not vague.weak or _same_country(other, vague))


def _other_day(a: Mention, b: Mention) -> bool:
    """Both dated to the day in their own phrases, to different days."""
    return _dated_to_the_day(a) and _dated_to_the_day(b) and date_key(a.date) != date_key(b.date)


def _dated_to_the_day(ev: Mention) -> bool:
    """A date of its own that names a day ("last night", "on Friday"; not "the recent months")."""
    return ev.date is not None and not ev.date_weak and (ev.date._.info or {}).get("granularity") == "day"


def _restates_kind(other: Mention, vague: Mention) -> bool:
    """The vague event can name the attack ``other`` is: the same kind, an attack of unknown kind, or two
    kinds of attack on people ("the shooting" and "Jose Rivera was assassinated")."""
    if vague.attack_type in (other.attack_type, "unknown"):
        return True
    return vague.attack_type in ATTACK_ON_PEOPLE and other.attack_type in ATTACK_ON_PEOPLE


def country_code(place: Span) -> str | None:
    """The country the place component resolved a place to."""
    return (place._.info or {}).get("country_code")


def majority_country(places: Iterable[Span]) -> str | None:
    """The country most of ``places`` were resolved to (on a tie, the one counted first); None when
    none has a known country."""
    codes = Counter(code for code in map(country_code, places) if code)
    return codes.most_common(1)[0][0] if codes else None


def is_country(place: Span) -> bool:
    """A place the place component resolved to a whole country."""
    return (place._.info or {}).get("feature") == "country"


def _countries(ev: Mention) -> set[str]:
    """The country codes of the places of ``ev``."""
    return {country_code(s) for s in ev.locations} - {None}


def _same_country(a: Mention, b: Mention) -> bool:
    """Not placed in different countries (a place without a known country goes anywhere)."""
    ca, cb = _countries(a), _countries(b)
    return not ca or not cb or bool(ca & cb)


def _bombing_without_device(m: Mention) -> bool:
    """A mention whose trigger is a bombing word and that names neither an explosive nor a target
    ("the bombings", "strong explosions were heard during the attack"): it may tell a bombardment or
    the shelling of the attack it joins as well as a bomb, so it does not make that attack a bombing
    (MUC-4 train keys: mostly ATTACKs); "blew up", "exploded" say a charge went off."""
    return m.ambiguous_means and not m.weapons and not m.targets


def _retype_with_guns(ev: Mention) -> None:
    """An attack reported by several mentions whose weapons include firearms or fired munitions is
    an armed assault, not a bombing, even when one of its mentions names explosions ("attacked the
    post with rocket launchers and rifles ... blew up a car"; MUC-4 train keys: a BOMBING template
    never lists a firearm, explosives used with guns are an ATTACK)."""
    if ev.attack_type == "bombing" and any(w in ev.weapons for w in ev.gun_weapons):
        ev.attack_type = "armed_assault"
        ev.retyped = True
        if "mixed_weapons" not in ev.rules:
            ev.rules.append("mixed_weapons")


def _take_told_places(ev: Mention, told: list[Span], filed_at: Span | None = None) -> None:
    """An attack placed only in a country, at the place a report was filed (``filed_at``: the dateline
    place) or nowhere happened where a later sentence restating it says it did ("... burned three tank
    trucks in Colombia. The attack was carried out in Boqueron."): those places replace the country."""
    if told and not all(is_country(s) for s in told) and all(is_country(s) or s == filed_at for s in ev.locations):
        ev.locations = list(told)


def _country_and_place(a: Mention, b: Mention) -> bool:
    if abs(a.sent_i - b.sent_i) > 1 or a.status != b.status or not types_compatible(a.attack_type, b.attack_type):
        return False
    if "cyber" in (a.attack_type, b.attack_type) or not EventMerger._dates_ok(a, b):
        return False
    return _in_country(a.locations, b.locations) or _in_country(b.locations, a.locations)


def _in_country(countries: list[Span], places: list[Span]) -> bool:
    """``countries`` are only countries, one of which holds one of ``places``."""
    if not countries or not all(is_country(c) for c in countries):
        return False
    codes = {country_code(c) for c in countries} - {None}
    return any(country_code(p) in codes and not is_country(p) for p in places)


def _victim_names(doc: Doc, ev: Mention) -> set[str]:
    """The normalised names of the PERSON entities among the victims of ``ev``."""
    out = set()
    for start, end in ev.victims:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start < span.end and span.start < ent.end:
                name = " ".join((ent._.canonical or ent.text).lower().split())
                if len(name.split()) >= 2:
                    out.add(name)
    return out


PATIENT_DEPS = ("nsubjpass", "dobj")  # the person an attack verb hit: "X was shot", "killed X"
# "X was found shot", "X was shot" parsed as "was" + attribute: the person is the subject of the verb above
RAISED_DEPS = ("oprd", "attr", "acomp")
NAME_POS = ("PROPN", "NOUN")  # a name in capitals is often tagged a common noun
SINGULAR_PERSON_PRONOUNS = ("he", "she", "him", "her")  # one person told of before (arguments.PERSONAL_PRONOUNS: any person)


def _named_patient(doc: Doc, ev: Mention) -> tuple[str, ...]:
    """The name (lower case words) of the person the trigger of ``ev`` hit, or of the owner of the
    thing it hit ("Rodriguez Porth's residence was machinegunned"); empty when it names none."""
    trigger = doc[ev.trigger_token]
    heads = [(trigger, PATIENT_DEPS)]
    if trigger.dep_ in RAISED_DEPS or (trigger.dep_ == "xcomp" and trigger.head.lemma_ == "find"):
        heads.append((trigger.head, ("nsubjpass", "nsubj")))
    for head, deps in heads:
        for child in head.children:
            if child.dep_ not in deps:
                continue
            if child.lower_ in SINGULAR_PERSON_PRONOUNS:
                return _antecedent_name(doc, child)
            owner = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            noun = child if child.pos_ in NAME_POS else owner
            if noun is None:
                continue
            words = [t for t in noun.children if t.dep_ == "compound" and t.pos_ in NAME_POS and t.i < noun.i]
            return tuple(t.lower_ for t in words + [noun] if t.is_alpha)
    return ()


def _antecedent_name(doc: Doc, pronoun: Token) -> tuple[str, ...]:
    """The words of the last PERSON named before ``pronoun`` in its sentence or the one before ("Jorge
    Vargas left his office at noon. He was shot ..."); empty when none is."""
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    names = [e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= pronoun.i]
    if not names:
        return ()
    return tuple(t.lower_ for t in names[-1] if t.is_alpha)


def _victim_hit_again(earlier: Mention, later: Mention, patient: tuple[str, ...], names: set[str]) -> bool:
    """The later attack, of the same status (not a plan to kill the victim of a murder), hit a person
    named by ``patient`` who is one of the earlier attack's named victims."""
    return earlier.status == later.status and _short_form_of_victim(patient, names)


def _short_form_of_victim(patient: tuple[str, ...], earlier: set[str]) -> bool:
    """``patient`` is one of the victim names of the earlier event, or a shorter form of one from its
    second word on ("rivera" or "rivera lopez" of "jose rivera lopez"; not the given name "jose")."""
    if not patient:
        return False
    k = len(patient)
    for name in earlier:
        words = tuple(name.split())
        if words == patient:
            return True
        if k < len(words) and any(words[j:j + k] == patient for j in range(1, len(words) - k + 1)):
            return True
    return False


def _another_attack(ev: Mention, m: Mention) -> bool:
    """``m`` reports one more attack on targets or people of its own ("Terrorist groups also blew
    up several towers." after a car bombing): not the event its paragraph or place already has."""
    return m.further and bool(m.targets or m.victims) and bool(ev.targets or ev.victims)


def _other_victims(ev: Mention, m: Mention) -> bool:
    """Both name their victims, and no victim is the same person: two attacks ("the murder of X"
    and, in the next sentence, "the assassination of Y"); not more people killed in the attack
    ("His brother, Y, was also killed.")."""
    if not ev.victims or not m.victims or not ev.locations or m.casualty_report:
        return False
    doc = ev.locations[0].doc
    names_ev, names_m = _victim_names(doc, ev), _victim_names(doc, m)
    return bool(names_ev) and bool(names_m) and not names_ev & names_m


def _same_victim_ok(a: Mention, b: Mention) -> bool:
    """Not two clauses of one sentence ("claimed the killing of X and today's bombing"), not a
    cyber attack, dates at most a month apart."""
    if a.sent_i == b.sent_i or "cyber" in (a.attack_type, b.attack_type):
        return False
    da, db = _day(a.date), _day(b.date)
    return da is None or db is None or abs((da - db).days) <= SAME_VICTIM_DAYS


def _day(span: Span | None) -> date | None:
    value = date_key(span)
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None
