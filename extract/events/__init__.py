"""Attack-event extraction helpers used by the ``extract_events`` component.

One job per module:

- ``lexicon``   pattern-file entry models and the compiled lookup tables/matchers
- ``triggers``  trigger mentions (lemma matcher over attack_triggers.jsonl) -> attack_type
- ``status``    carried_out / attempted / prevented / planned / threatened, and non-event cues
- ``arguments`` perpetrators, attackers, targets, victims, weapons, places, date, casualties
- ``merge``     grouping of triggers in a sentence, one event per coordinated place, and
                merging of mentions of the same attack across the document
"""
