"""Who said a direct quotation: attribution rules and pronoun resolution.

Used by :mod:`corpus_tools.structure.quotations`.  There is no attribution tool in
NLTK (its taggers and chunkers need downloadable models), so the rules are
hand-written, each with a name reported in the ``rule`` column.

**Speakers.**  Tried in this order, within the quotation's sentence:

1. ``“...,” Putin said`` / ``“...,” he said`` / ``“...,” the ministry said``
   (speaker then reporting verb right after the quotation);
2. ``“...,” said a statement`` (verb then speaker, up to the next comma or
   full stop);
3. ``“...”, firing drones, the General Staff said`` (``, SPEAKER VERB`` later
   in the same sentence);
4. ``X said: “...”`` / ``he told Putin: “...”`` (speaker, verb, optional
   object, colon or comma right before the quotation); ``according to X``
   after the quotation (in its sentence) or before it;
5. ``X ... said on Tuesday that ... “...”`` (a reporting verb earlier in the
   sentence: the speaker right before it, or, when the verb follows
   "and" - ``Xi barely mentioned ... and said`` - the clause's first name);
6. ``A statement included ..., while also asserting that ... “...”`` (an
   -ing reporting verb before the quotation: the subject at the start of
   the sentence, a name or a determiner plus up to four words ended by a
   word in -ed, an auxiliary or a reporting verb).

Rule 1 also takes ``“...,” chief executive Lena Marsh wrote`` (lower-case
role words before the name) and ``“...,”--he would mutter`` (dashes, and an
auxiliary or adverb before the verb); a partial quotation that ends its
sentence (``called it “a farce.” He said ...``) takes no speaker from the
next sentence.  A speaker never starts inside a word.  A group subject of a
partial quotation ("Opposition councillors called it ...") is a
description, and may follow a fronted phrase ("In a statement on Monday,
the club thanked him for his “...”").

Reporting verbs are :data:`REPORTING_VERBS`.  ``speaker`` is the speaker as
written.  ``resolved_speaker`` replaces "he"/"she" and age descriptions
("the 54-year-old") with the nearest preceding candidate name: the named
speaker of an earlier quotation, a name that is the subject of a reporting
verb anywhere ("Oleksii Stepanov said he had...", also past an auxiliary
or an appositive or relative clause: "Kevin Bao, who tracks outages,
said", "A nurse at the rally, who asked not to be named, said" for a
person description), or a two- or three-word
name after a title ("President Volodymyr Zelenskiy" gives "Volodymyr
Zelenskiy", see :data:`TITLES`); in fiction (a chaptered text) also a
given name the narration mentions ("Catherine blushed").  "he" never
resolves to an organisation, a "Mrs."/"Miss" or a female given name, nor
"she" to a "Mr." or a male given name (a small lexicon of common English
given names; a name outside it has no gender).  Number is not checked;
other pronouns ("they", "it") and descriptions ("a statement") are kept as
they are, except in news a "the" + person noun ("said the midfielder")
right after the paragraph names someone
(``CandidateIndex.resolve_description``), and "the company" / "the club"
said, the organisation the lead is about (:func:`organisation_antecedent`).  In fiction, names inside
the dialogue are no antecedents.  After rule 1 comes ``“...,” was Henry's answer`` (the possessor
of a reply noun).  A partial quotation in a relative clause takes the clause's subject
(``whom Captain Joe Marsh called “...”``); a one-word sentence subject its paragraph also writes
in lower case ("Night fell ... the night shift") is a word, not a name; a description right after
a name and its age (``Husband Steve, 61, a retired lorry driver, said:``) is that name's
apposition; "said the spinner" is the person the article introduced with the role word
(:func:`role_antecedent`: "spinner Tom Avery", "Tom Avery, the club's spinner,"); and an
unattributed quotation repeated later by an attributed one (a headline quoting the body) takes
that one's speaker.  Job titles are in :data:`TITLES` ("Town Supervisor Ellen Farraday" gives
"Ellen Farraday", "Leader of Opposition Priya Raman" "Priya Raman").  "the centre" / "the trust" / "the agency" said
is the organisation of that kind named before (:func:`named_organisation`: "Marine Research
Centre"); "The Port Authority said:" is the organisation (:func:`organisation_speaker`); a
whole-sentence quotation with no tag, after a sentence of its paragraph whose named subject said or
welcomed something ("The Coastal Trust has welcomed the plan. “...”"), is that subject's.  A month
("December") or a possessive place alone ("Indonesia's") is never a speaker; "Indonesia's foreign
ministry" is a description.

Fourth round (patterns of news writing, each with its rule name): a paragraph ending in a colon
("Its director general, Paula Brandt, said:", or "Okoro closes the rally with a promise:") introduces the
quoted paragraph after it (:func:`colon_introduction`, ``... (next paragraph) quote``); a headline's
"Okoro: '...'" (``SPEAKER: quote``; "Exclusive:" and such labels are none); an apposed full name
between commas ('“...,” the study's lead author, Lena Ward, told me', "the agency's director,
Dr. Ann Lee, said ... “...”"; a one-word apposition such as "R-Utah" is a tag); a relative clause's
antecedent ("Mr. Ortega, who had called the scheme “...”"); "The Federation of ... has welcomed ...
but says “...”" (the organisation's name, "of" kept inside it); a document that finds ("the
watchdog's report found that ... “...”"); "A mother told the board ...:" (a person described with
"a"); a scare quote after "so-called" has no speaker and inherits none.  A month is a speaker, and an
antecedent, only where the text writes it as a given name ("May Collins ... May said",
:func:`month_as_name`); a "he"/"she" with no candidate at all resolves to the full name that last
opened a sentence (:func:`subject_mentions`: "Rosa Diaz, 44, won ... She told ...").
Also: a quoted paragraph with no tag after a paragraph of reported speech ("Coach Tim Ross said the
team was tired.", :func:`previous_paragraph_speaker`); a "he"/"she" tag whose sentence follows one with
a person named as its subject ("Ben, who drove the bus, was worse off.", :func:`previous_sentence_subject`);
"it said" after an organisation spoke in this paragraph or the last; abbreviated titles ("Supt.",
"Det. Sgt.", "Cllr") and particles ("van der", "de la") in names; a party in brackets or an age between
a name and its verb ("Mayor Ann Lee (Labour) said", "Lena Holt, 34, said:"); "Dupont, a former judge,
said", "Claire Boyd, of the National Crime Agency, said:", "Analysts at Citi said", "The 54-year-old,
who lives in Leeds, said:" (the name, not the organisation or the place of its apposition); "The
ministry said:", "A spokesperson for the council said:", "the Royal College of Nursing said"; "according
to police"; "posted" as a reporting verb and a platform after the name ("wrote Tom Ruiz on Facebook").

Rules11 (each pinned on texts of our own): an unnamed person introduced with a relative clause ("A taxi
driver who asked not to be named said") is an antecedent; so is a person named after a fronted place phrase
or with an apposed description ("At the station, Ann Lee, a nurse, had waited"), a one-word subject that is
the surname of someone named in full ("Okoro was not convinced.", :meth:`CandidateIndex.names_surname`), and a
person a relative clause names ("who gave her name only as Grace"); the subject of a clause an earlier verb
reports is no speaker ("He said the town had asked ... “...”"); a subject is found over a participle clause,
an indefinite apposition or a thousands comma, and after a fronted participle ("Contacted, an official ...,
said"); "BODY, which said" is the body; a possessive subject is its owner when its board or office speaks
("Acme's board described it as “...”"); a run of titles ("Vice Chairman"), players' positions and film jobs
are titles; a capitalised joined particle ("D’Arcy") and Gaelic particles ("Mac", "Ní") merge with the full
name; name capitals include Latin Extended-A ("Šimunović"); a group ("Race officials") and a place's body in
lower case ("Tromsø municipality") keep their noun.

**Name variants** are merged per article by :func:`speaker_names` and across
a corpus by :func:`corpus_speaker_names` (each documents its rule).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from corpus_tools.model.corpus import Article
from corpus_tools.structure.folding import ascii_fold
from corpus_tools.tokens.tokenize import NEWS_ABBREVIATIONS

__all__ = ["QUOTE_CHARACTERS", "REPORTING_VERBS", "TITLES", "CandidateIndex", "attribute_speaker", "based_firm",
           "clean_name", "colon_introduction", "corpus_speaker_names", "given_name_mentions", "honorific_mentions",
           "month_as_name", "named_organisation", "organisation_antecedent", "organisation_speaker",
           "is_age_description", "person_description", "previous_paragraph_speaker", "previous_paragraph_subject",
           "previous_sentence_subject", "resolve_relation",
           "resolve_speaker", "role_antecedent", "same_person", "speaker_candidates", "speaker_kind",
           "speaker_names", "subject_mentions"]

#: Double quote marks of every shape (see :mod:`corpus_tools.structure.quotations` for their roles).
QUOTE_CHARACTERS = "\u201c\u201e\u201f\u00ab\u201d\u00bb\""  # “ „ ‟ « ” » "

_VERB_STEMS = ("say", "tell", "add", "ask", "state", "explain", "write", "respond", "reply", "declare",
               "insist", "warn", "note", "announce", "comment", "urge", "argue", "claim", "recall",
               "acknowledge", "tweet", "conclude", "remark", "answer", "shout", "promise", "vow", "admit",
               "suggest", "predict", "stress", "emphasise", "emphasize", "maintain", "concede", "confirm",
               "caution", "assert", "told", "said", "wrote", "post",
               # the tabloid's verbs of gossip ("a source close to the pair dishes", "gushes the insider")
               "dish", "spill", "gush",
               # the verbs of dialogue in fiction ("returned she", "cried his wife")
               "return", "cry", "exclaim", "continue", "murmur", "whisper", "observe", "rejoin", "inquire",
               "enquire", "repeat", "interrupt", "sigh", "mutter", "scream", "resume", "retort")
_IRREGULAR = {"say": ["says", "said", "saying"], "admit": ["admits", "admitted", "admitting"],
              "tell": ["tells", "telling"], "write": ["writes", "writing"],
              "told": ["told"], "said": ["said"], "wrote": ["wrote"]}


def _forms(stem: str) -> list[str]:
    if stem in _IRREGULAR:
        return [stem, *_IRREGULAR[stem]]
    if stem.endswith("e"):
        return [stem, stem + "s", stem + "d", stem[:-1] + "ing"]
    if stem.endswith("y") and stem not in ("say",):
        return [stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"]
    es = "es" if stem.endswith(("sh", "ss", "ch")) else "s"
    return [stem, stem + es, stem + "ed", stem + "ing"]


#: Verbs that attribute speech, in all the forms matched.
REPORTING_VERBS: frozenset[str] = frozenset(f for s in _VERB_STEMS for f in _forms(s))

#: Words that introduce a person's name ("President X Y").
TITLES: frozenset[str] = frozenset(
    """President Minister Chancellor Secretary General Colonel Admiral Senator Governor Mayor Judge
    Justice Pope King Queen Prince Princess Ambassador spokesperson spokesman spokeswoman Mr Mrs Ms Dr
    Professor Commander Chief Director Commissioner Premier Lieutenant Captain Sergeant Major Sheikh Sheik
    Emir Sultan Rabbi Bishop Cardinal Archbishop Rep Sen Gov Gen Lord Lady Sir Dame Miss Chairman Chairwoman
    Manager Coach Superintendent Inspector Detective Sheriff Constable Councilman Councilwoman Alderman Trustee
    Reverend Rev Pastor Imam Supervisor Leader Deputy Councillor Councilor Clerk Treasurer Speaker Chair
    Chairperson Spokesperson Principal Provost Warden Magistrate Administrator Comptroller Controller
    Auditor Assessor Delegate Assemblyman Assemblywoman Assemblymember Congressman Congresswoman Representative
    Officer Executive Vice Acting Interim Senior Assistant Associate CEO MP MLA MEP Cllr Cllr.
    Supt Insp Det Sgt Capt Cmdr Adm Brig Maj Cpl Pvt Amb Atty Pres Const Cr MEC Madam Lt Col
    Ratu Tun Datuk Dato Datin Tunku Tengku Seri Sri Alhaji Alhaja Hajiya Haji Hajji Hajjah Deacon
    Producer Screenwriter Filmmaker Defenceman Defenseman Defender Midfielder Striker Goalkeeper Goaltender
    Winger Quarterback Maître Maitre Partner Prof""".split()
)
# (Ratu: a Fijian chief's title; Tun, Datuk, Dato', Datin, Tunku, Tengku: Malaysian honours and royal titles,
# "Seri"/"Sri" the second word of "Datuk Seri", "Tan Sri"; Alhaji, Alhaja, Hajiya, Haji, Hajjah: the pilgrim's
# honorific of West African and Malay names, "Hajji" its East African spelling; Deacon: a clergy title like
# Reverend and Bishop; a film job and a player's position written before the name as a title: "Producer Ann
# Lee", "Defenceman Bo Li", "Striker Tom Avery"; Lt and Col: the ranks abbreviated, "Police Lt. Col. Ann Cruz";
# Maître: the French-speaking lawyer's title, "Maître Ann Roux"; rules14: a firm's "Partner Ann Lee", and "Prof.")
# honorifics kept in front of a lone surname ("Mr. Bennet" and "Mrs. Bennet" are two people)
_HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lady", "Lord", "Dame", "Mr.", "Mrs.", "Ms.", "Dr."}
# nouns that make a description a person ("the regional manager"), an antecedent for "he"/"she"
_PERSON_NOUNS = frozenset("""manager spokesman spokeswoman spokesperson analyst minister official executive director
    chairman chairwoman president trader economist editor secretary governor mayor source banker dealer lawyer
    attorney officer worker resident engineer chief expert diplomat man woman boy girl father mother wife husband
    son daughter brother sister lady gentleman friend leader coach player striker manager-general owner founder
    councillor judge senator minister-counsellor arbitrageur broker consultant professor doctor witness
    nurse midwife teacher parent student farmer driver soldier midfielder defender goalkeeper forward researcher
    scientist shopkeeper customer passenger voter member neighbour neighbor pensioner protester activist
    campaigner superintendent inspector detective sheriff commentator person
    herder shepherd fisherman miner pilot firefighter paramedic surgeon pharmacist mechanic carpenter plumber
    electrician baker butcher chef cook waiter cellist violinist pianist guitarist singer musician composer actor
    actress artist painter sculptor poet novelist author historian lecturer curator librarian priest pastor
    vicar imam rabbi monk nun winger wing flanker fullback full-back fly-half scrum-half batsman batter bowler
    pitcher quarterback jockey cyclist sprinter swimmer skier climber
    meteorologist forecaster climatologist seismologist geologist hydrologist epidemiologist virologist
    regent coroner volunteer grandmother grandfather homeowner landlord tenant fan holder finisher runner surfer
    lifeguard organiser organizer
    diver buyer seller exporter importer auctioneer caddie commuter rider labourer laborer scaffolder harvester
    vendor trucker grower epigrapher archaeologist
    shopper guard tourist visitor backpacker motorist traveller traveler villager survivor patient diner regular
    bystander agronomist biologist ecologist botanist zoologist chemist physicist""".split())
# (person nouns that are also surnames: a capitalised one opening a name is the name's, "Baker Ann Lee" never)
_SURNAME_NOUNS = frozenset("baker cook butcher carpenter miner driver mason fisher farmer porter taylor".split())
# words that mark an organisation: "he"/"she" never resolves to it
_ORGANISATION_WORDS = frozenset("""Corp Corporation Inc Co Ltd Plc PLC Group Company Association Agency Ministry
    Exchange Bank Commission Council Department Securities United FC Club City Party Embassy Government Office
    Institute University Center Centre Trust Partners Holdings Industries Reuters Press News Daily Times Post
    Council Committee Board Service Services Authority Fund Foundation Union Federation College School Hospital
    Society Institution Court Museum Library Academy Network Alliance Coalition Organisation Organization Chamber
    Administration Bureau Police Parliament Assembly Senate Congress Church
    Initiative Secretariat Cooperative Collective Movement""".split())  # (the last line: rules14)
_FEMALE = {"she", "her", "mrs", "mrs.", "miss", "ms", "ms.", "lady", "queen", "princess", "dame", "wife", "mother",
           "daughter", "sister", "woman", "girl", "spokeswoman", "chairwoman", "grandmother", "aunt", "widow",
           "actress", "businesswoman", "councilwoman", "congresswoman", "nun", "mum", "mom", "granddaughter"}
_MALE = {"he", "him", "his", "mr", "mr.", "sir", "lord", "king", "prince", "husband", "father", "son", "brother",
         "man", "boy", "spokesman", "chairman", "gentleman", "grandfather", "uncle", "widower", "businessman",
         "councilman", "congressman", "monk", "dad", "grandson"}

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_RESOLVABLE = {"he", "she"}
_VERB = "(?:" + "|".join(sorted(REPORTING_VERBS, key=lambda v: (-len(v), v))) + ")"
# a two-letter initial after a word and before a capitalised word ("Liv Aa. Holm"), no abbreviation ("St.", "Co.")
_MIDDLE_INITIAL = (r"(?<=[\w.]\s)(?!(?:Mr|Dr|St|Mt|No|Co|Jr|Sr|Ms|Lt|Ft|Av|Rd|Vs)\.)[A-Z][a-z]\."
                   r"(?=\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")
# a capitalised word, an initial run ("E.F."), or a particle-prefixed surname ("al-Sabah")
# (capitals with accents too: "Ó Briain", "Émile"; initials before a particle: "P.J. van Heerden")
# (an initial may be accented, "Hjalti Á. Berg", or of two letters inside a name, "Liv Aa. Holm", "Dr. Ma. Luz Reyes":
# :data:`_MIDDLE_INITIAL`)
# the capitals a name word may open with: ASCII, Latin-1 and Latin Extended-A ("Šimunović", "Łukasz", "Čapek",
# "Żak", "Őry": Central European names), and Romanian's comma-below letters of Latin Extended-B ("Țurcanu",
# "Ștefan": the cedilla forms Ş Ţ above are the older spelling of the same letters)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_CAP = (rf"(?:(?:[{_UPPER}]\.){{1,3}}(?=\s*[{_UPPER}]|\s+(?:van|von|de|der|den|du|da|di|le|la|al|bin|ibn|ter)\s)"
        rf"|{_MIDDLE_INITIAL}"
        rf"|(?:al|el|bin|ibn|abu|ben|de|van|von|da|di|le|la|d|o)[\-’']?[{_UPPER}][\w'’\-]*"
        rf"|[{_UPPER}][\w'’\-]*)")
# What every match of _NAME starts with: a capital, or a lowercase particle joined to a capital ("al-Sabah").  It
# changes no match; it lets a position that cannot start a name fail at once instead of entering the honorific
# repeat and the alternatives of _CAP (6x faster over a corpus's blocks: names are looked for in every block).
# A new way for _CAP or _NAME to start must be added here too.
_NAME_START = rf"(?=[{_UPPER}]|(?:al|el|bin|ibn|abu|ben|de|van|von|da|di|le|la|d|o)[\-’']?[{_UPPER}])"
# a name: capitalised words, name particles inside ("Corriere della Sera"), an optional "Mr." in front
_NAME = (rf"{_NAME_START}(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Prof|St|Supt|Insp|Det|Sgt|Capt|Cmdr|Adm|Brig|Maj|"
         rf"Cpl|Pvt|Rev|Fr|Hon|Amb|Atty|Pres|Cllr|Const|Ch|Sr|Jr)\.\s+){{0,2}}{_CAP}"
         rf"(?:\s*(?<=[\s.]){_CAP}|\s+(?:of|de|del|della|der|den|van|von|al|bin|ibn|da|di|du|des|dos|das|le|la|ter|y|ap)"
         rf"(?=\s+[A-Za-z])"
         # particles that are also common words elsewhere, only before a capital: Swedish "af" ("Karl af
         # Ekström"), Portuguese "do" ("Maria do Céu"; "Americans do not" stays two runs), Filipino "dela"
         # (rules13: Malay "binti"/"binte", "daughter of": "Che Ros binti Ismail")
         rf"|\s+(?:af|do|dela|delos|binti|binte)(?=\s+[{_UPPER}])"
         # an honorific after a title: "Chief Executive Dr. Ann Vale"
         rf"|\s+(?:Mr|Mrs|Ms|Dr|Prof)\.(?=\s+[A-ZÀ-ÖØ-Þ]))*"
         r"(?<!\s(?:of|de|la|le|da|di))")
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou)"
# a description: determiner + up to 8 words, none of them a conjunction or relative word
# (nor a "said"/"says": a description does not run over its own reporting verb)
_W = r"(?!(?:and|or|but|that|which|who|whom|when|while|as|if|then|said|says)\b)[\w'’\-]+"
# ("Another analyst", "another resident": a second unnamed person of a kind already quoted)
_DESC = (rf"(?:[Tt]he|[Aa]nother|[Aa]n?|[Oo]ne|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*['’]s(?=\s+[a-z]))\s+{_W}"
         rf"(?:\s+{_W}){{0,7}}?")
_SPEAKER = rf"(?<![\w'’])(?P<speaker>{_PRON}|{_DESC}|{_NAME})"
# auxiliaries and adverbs between a speaker and its reporting verb ("Almeida had insisted", "he would mutter")
_AUX = (r"(?:\([^()\"“”]{1,40}\)\s+)?"  # "(Labour)", "(D-Ohio)": a party or place in brackets
        # (a word after a determiner is no adverb: "a friend of the family gushes")
        r"(?:(?:had|has|have|was|were|is|would|will|could|did|then|also|later|again|"
        r"(?<!\bthe\s)(?<!\ba\s)(?<!\bof\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)\w+ly)\s+){0,2}")
# an age between a name and its verb: "Lena Holt, 34, said"
_AGE = r"(?:,\s+\d{1,3},)?"
# groups that speak without a determiner ("according to police", "analysts at Citi said")
_GROUPS = (r"(?:police|officials|authorities|prosecutors|investigators|witnesses|sources|analysts|economists|"
           r"researchers|scientists|experts|residents|organi[sz]ers|doctors|teachers|traders|diplomats|"
           r"Police|Officials|Authorities|Prosecutors|Investigators|Witnesses|Sources|Analysts|Economists|"
           r"Researchers|Scientists|Experts|Residents|Organi[sz]ers|Doctors|Teachers|Traders|Diplomats)")
# (the first word of an office joined by "and" left out: "Mines and Energy Minister Ann Lee said")
_AFTER_SPEAKER_VERB = re.compile(rf"^[\s,\-–—]*(?:[A-Z][\w'’\-]*\s+(?:and|&)\s+(?=[A-Z]))?"
                                 rf"{_SPEAKER}{_AGE}\s+{_AUX}(?P<verb>{_VERB})\b")
# a full stop that is no initial ("E.F. Hutton": the stop after "F" ends no sentence)
_FULL_STOP = r"(?<![\s.][A-Z])\.(?![A-Za-z])"
# '"...," chief executive Lena Marsh wrote': lower-case role words, a name, then the verb
# (compiled below, after _ROLE_WORDS)
# lower-case role words in front of a name: "said manager Sean Doyle", "said club chairman Graham Pell"
_ROLE_WORDS = (r"(?:(?!(?:on|in|at|to|that|after|before|during|with|by|for|from|of|when|as|last|this|earlier|later|"
               r"the|a|an|and|but|or|he|she|they|it|we|was|were|is|are|had|has|have|came|comes|then)\b)"
               # (rules14: a role with its "of" phrase in lower case, "member of parliament")
               r"(?:[a-z][\w\-]*\s+of\s+(?!the\b)[a-z][\w\-]*|[a-z][\w\-]*|[A-Z]{2,5}(?![\w.]))\s+){1,3}(?<![A-Z]\s)")
# (an organisation's name may come first: "White House press secretary Karine Lee told reporters"; rules13: with
# "of" in it, "Directorate General of Civil Aviation head Ann Lee told")
# ("Mines and Energy Minister Ann Lee said": "and" inside the office's name; "volcanologist Ann Lee of the
# institute's Catania observatory told": where the person works, between the name and the verb)
_AFTER_ROLE_NAME_VERB = re.compile(rf"^[\s,\-–—]*(?P<speaker>"
                                   rf"(?:[A-ZÀ-ÖØ-Þ][\w&'’\-]*\s+(?:(?:and|&|of|for)\s+(?=[A-Z]))?){{0,5}}{_ROLE_WORDS}{_NAME})(?:\s+(?:of|at|from)\s+[^,.;:!?\"“”]{{1,60}}?)?"
                                   rf"\s+{_AUX}(?P<verb>{_VERB})\b")
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,]*(?P<verb>{_VERB})(?:\s+{_VERB})?\s+(?P<speaker>(?:{_DESC}|{_NAME}|{_ROLE_WORDS}{_NAME}|{_PRON})"
    # (a firm's "&" may be one of the words after it: "said Ann Lee of Rae & Paterson.")
    rf"(?:\s+(?:[\w'’\-]+|&))*?)\s*(?=[,;:!?]|{_FULL_STOP}|$)")
_LATER_SPEAKER_VERB = re.compile(
    rf",\s+(?P<speaker>{_PRON}|{_DESC}|{_NAME}|[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){{0,6}}?)\s+(?P<verb>{_VERB})\b")
# '"...," was Henry's answer' / '"...," came her reply': the speaker as the possessor of a reply noun
_POSSESSIVE_REPLY = re.compile(
    rf"^[\s,]*(?:was|were|came|is)\s+(?P<speaker>{_NAME}|the\s+\w+|his\s+\w+|her\s+\w+)['’]s\s+"
    r"(?:answer|reply|rejoinder|response|remark|retort|exclamation|observation|comment|cry|question)\b")
# '"...," was her observation to Mary': a possessive pronoun owns the reply noun; the one addressed is not it
_ACCORDING_NAME = re.compile(rf"\b[Aa]ccording to\s+(?:[A-Z]{{2,6}}\s+)?(?:[a-z][\w\-]*\s+){{0,3}}"
                             rf"(?P<speaker>{_NAME})\s*(?=[,.;:!?]|$)")
_PRONOUN_REPLY = re.compile(
    rf"^[\s,]*(?:was|were|came|is)\s+(?P<speaker>his|her)\s+(?:\w+\s+)?"
    rf"(?:answer|reply|rejoinder|response|remark|retort|exclamation|observation|comment|cry|question)\b"
    rf"(?:\s+to\s+(?P<to>{_NAME}))?")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<speaker>{_DESC}|{_NAME}|{_GROUPS})\s*(?=[,.;:!?]|$)")
# rules14: "'...,' according to a statement issued by the Ministry of Health spokesperson Ann Lee.": who issued it
_ACCORDING_ISSUED = re.compile(r"^[\s,]*according to\s+(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?(?:statement|release|"
                               r"report|letter|notice)\s+(?:issued|released|sent|published|signed)\s+by\s+(?:the\s+)?"
                               r"(?P<speaker>[A-Z][^,;:!?\"“”]{1,100}?)\s*(?=[,;:!?]|\.(?:\s|$)|$)")
_BEFORE_COLON = re.compile(
    rf"{_SPEAKER}(?:,\s+\d{{1,3}})?,?\s+(?:\w+ly\s+|also\s+|later\s+|then\s+|again\s+|suddenly\s+)?(?P<verb>{_VERB})(?:\s+[\w'’\-]+){{0,6}}?\s*[:,]\s*$")
_QUOTED_AS = re.compile(rf"{_SPEAKER}\s+(?:was|is|were|has been|had been)\s+quoted\b[^\"“”]{{0,120}}?"
                        r"\bas\s+(?:saying|telling|writing)\b[^\"“”]{0,40}$")
# the subject at the start of a sentence holding a partial quotation ("Its chairman, Graham Pell, described the
# sale as 'painful'"; "Governor Mike Landry called it ..."): name, appositive name, or pronoun
_LEADING = r"^\s*(?:(?:But|And|However|Yet|Meanwhile|Still|Instead|Separately|Earlier|Later),?\s+)?"
_APPOSITIVE_SUBJECT = re.compile(rf"{_LEADING}{_DESC},\s+(?P<speaker>{_NAME}),\s+(?:\w+ly\s+|also\s+)?[a-z]")
# a title opening the sentence without a determiner, its complement, then the apposed name between commas:
# "Deputy commissioner of the district, Ann Lee, also called it “...”"
_TITLE_APPOSITIVE_SUBJECT = re.compile(rf"{_LEADING}(?P<title>[A-Z][a-z]+)\s+[a-z][\w\-]*(?:\s+[^\s,\"“”]+){{0,6}}?"
                                       rf",\s+(?P<speaker>{_NAME}),\s+"
                                       r"(?:\w+ly\s+|also\s+)?[a-z]")
# (rules14: two lower-case words between a body and the name when the second is a person noun, "Tourism Council
# board member Ann Lee, speaking at ..., said")
_NAME_SUBJECT = re.compile(rf"{_LEADING}(?P<speaker>{_NAME}(?:\s+[a-z]+\s+{_NAME}|\s+[a-z]+\s+(?:"
                           + "|".join(sorted(_PERSON_NOUNS, key=lambda w: (-len(w), w))) +
                           rf")\s+{_NAME})?|{_PRON})"
                           # an apposition, or a relative clause (which may run long: "Sir Ann, who held ...")
                           rf"(?:,[^,\"“”]{{1,80}},|,\s+who\s[^,\"“”]{{1,160}},)?"
                           r"\s+(?:\w+ly\s+|also\s+)?(?!(?:of|and|or|in|at|for|to|with|from)\b)[a-z]{2,}")
#: windows the rules search around a quotation (they keep attribution linear on long paragraphs)
_AFTER_WINDOW, _BEFORE_WINDOW = 300, 400
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“„‘'A-Z0-9])")
_STOP_CAPS = {"During", "After", "Before", "In", "On", "At", "As", "When", "While", "But", "And", "Yet",
              "The", "A", "An", "If", "Since", "Although", "Despite", "Meanwhile", "Separately", "However",
              # auxiliaries, possessives and sentence adverbs are never names ("Had", "Her" as speakers)
              "Had", "Has", "Have", "Was", "Were", "Is", "Are", "Be", "Been", "Do", "Did", "Does", "Will", "Would",
              "Could", "Should", "May", "Might", "Must", "Can", "Shall",
              "This", "That", "These", "Those", "There", "Then", "Now", "Here", "What", "Why", "How", "Who",
              "Oh", "Yes", "No", "Not", "Well", "So", "Or", "Nor", "For", "To", "With", "From", "By", "Of", "Asked",
              "Describing", "Referring", "Because", "Under", "Last", "Earlier", "Later", "Yesterday", "Today",
              # numbers and prepositions open a sentence's phrase, never a name ("Three decades later, she ...",
              # "Outside court, his sister said ...")
              "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty",
              "Thirty", "Forty", "Fifty", "Hundreds", "Thousands", "Dozens", "Several", "Outside", "Inside",
              # indefinite pronouns are no one's name ("Nobody asked us", inside a quotation, is no antecedent)
              "Nobody", "Everybody", "Everyone", "Somebody", "Someone", "Anybody", "Anyone", "Nothing", "Everything"}
# a title, then a name of two or three capitalised words ("General Staff of" is no name)
# (the titles are grouped by their first letter, in the same order, after a look-ahead for those letters: that
# changes no match, and a word tries only the titles of its initial instead of each title in turn)
# (a run of titles is one: "Vice Chairman Nguyen Manh Quyen" gives the three words after "Chairman", not
# "Chairman Nguyen Manh")
_TITLE_WORD = "(?:" + "|".join(
    f"{initial}(?:{'|'.join(t[1:] for t in sorted(TITLES) if t[0] == initial)})"
    for initial in sorted({t[0] for t in TITLES})) + r")\.?\s+"
_TITLE_INITIAL = rf"(?=[{''.join(sorted({t[0] for t in TITLES}))}])"  # (a set test: most words fail it at once)
_TITLED = re.compile(rf"\b{_TITLE_INITIAL}{_TITLE_WORD}(?:{_TITLE_INITIAL}{_TITLE_WORD})*"
                     rf"(?P<name>[A-Z][\w'’\-]+"
                     rf"(?:\s+(?:(?:bin|binti|bint|ibn|van|von|de|der|den|da|dos|del|ter)\s+)?[A-Z][\w'’\-]+){{1,2}})")
_SPEECH_SUBJECT = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}),?\s+{_AUX}{_VERB}\b")
# a subject, then one or two appositive or relative clauses, then the verb: "Kevin Bao, who tracks cloud outages,
# said", "Margaret Doyle, 71, who has lived here for 40 years, said", "A nurse at the rally, who asked ..., said"
# (a comma or point between digits is no clause's end: "a contracting firm with 1,400 workers")
_SPEECH_SUBJECT_CLAUSE = re.compile(
    rf"(?<![\w'’])(?P<name>(?!Another\b){_NAME}|{_DESC})(?:,\s+(?:who|whose|a|an|the|his|her|its|one|\d+|from|of)\b"
    # (a repeat of one character class, not of an alternation: this runs over every block with a reporting verb)
    rf"[^,.;\"“”]{{0,80}}(?:(?<=\d)[,.](?=\d)[^,.;\"“”]{{0,80}})?){{1,2}},\s+{_AUX}{_VERB}\b")
# an unnamed person introduced as the subject of a reporting verb: "A Transport Department spokeswoman said",
# "another resident told ...", "One Redland homeowner said" (an indefinite description: a new person, whom a later
# "she said" may continue; the head noun must be a person noun, checked by the caller)
_INDEFINITE_SPEAKER = re.compile(rf"(?<![\w'’])(?P<name>(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w'’\-]+\s+){{0,3}}?"
                                 rf"(?P<noun>[a-z][a-z\-]+))"
                                 # and a short post-modifier without punctuation: "A climber waiting at the
                                 # airport said", "A volunteer from a charity handing out food said"
                                 # (or a relative clause without commas: "A taxi driver who asked not to be
                                 # named said")
                                 rf"(?:\s+(?:from|at|in|with|on|outside|near|behind|who|[a-z]+ing)\b"
                                 rf"[^,.;:!?\"“”]{{1,80}}?)?"
                                 rf"\s+{_AUX}{_VERB}\b")
_SPEECH_SUBJECT_OF = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})\s+(?:of|at|from)\s+[^,.;\"“”]{{1,80}}?\s+"
                                rf"(?:\w+ly\s+|also\s+)?{_VERB}\b")
_PLACE_BEFORE = re.compile(r"\b(?:from|of|in|near)\s+$")
_PASSIVE_TOLD = re.compile(r"\b(?:was|were|is|are|been)\s+(?:told|asked)$")
# capitalised plural nouns opening a sentence ("Analysts said"): no antecedent for "he"/"she"
_GROUP_WORDS = {"Analysts", "Traders", "Sources", "Officials", "Bankers", "Economists", "Dealers", "Experts",
                "Residents", "Police", "Others", "Some", "Many", "Both", "Investors", "Diplomats", "Witnesses"}
# (rules13: and where the person is from, "the 26-year-old from Port Velden": still the nearest person)
_AGE_DESCRIPTION = re.compile(r"^[Tt]he \d+-year-old(?:\s+(?:from|of)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})?$")


_MIDDLE_INITIAL_AT = re.compile(_MIDDLE_INITIAL)


def is_age_description(speaker: str) -> bool:
    """"the 26-year-old" (and "the 26-year-old from Port Velden"): a person the text named before, by age.

    >>> is_age_description("the 26-year-old from Port Velden"), is_age_description("the 26-year-old record")
    (True, False)
    """
    return _AGE_DESCRIPTION.match(speaker) is not None


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the sentence ends in ``text``, except after an abbreviation ("Mr. Jones")."""
    out = []
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)$", text[max(0, m.start() - 30) : m.start()])
        if word and (word.group(1).lower() in NEWS_ABBREVIATIONS
                     or re.fullmatch(r"(?:[A-Z]\.)*[A-ZÀ-ÖØ-Þ]", word.group(1))
                     or _MIDDLE_INITIAL_AT.match(text, max(0, m.start() - 2))):
            continue  # "Mr. Jones", "E.F. Hutton", "Hjalti Á. Berg", "Liv Aa. Holm": an initial ends no sentence
        if word and word.group(1) in ("No", "no", "Nos") and text[m.end() : m.end() + 1].isdigit():
            continue  # rules13: "the world No. 17, had won ...": a rank's number, no new sentence
        out.append((m.start(), m.end()))
    return tuple(out)


@lru_cache(maxsize=256)
def _sentence_edges(text: str) -> tuple[list[int], list[int]]:
    """The starts and the stops of :func:`_sentence_ends`, cached (rebuilt per quotation they made it quadratic)."""
    ends = _sentence_ends(text)
    return [a for a, _ in ends], [b for _, b in ends]


def _sentence_before(text: str, offset: int) -> tuple[int, str] | None:
    """The sentence before the one holding ``offset``: its start and text (None in the first sentence)."""
    start, _ = _sentence_bounds(text, offset, offset)
    if start <= 0:
        return None
    prev_start, _ = _sentence_bounds(text, start - 1, start - 1)
    return prev_start, text[prev_start:start]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence(s) around ``text[start:end]`` (within one block)."""
    ends = _sentence_ends(text)
    starts, stops = _sentence_edges(text)
    i = bisect.bisect_right(stops, max(start - 1, 0))  # the last sentence end before the span
    left = stops[i - 1] if i else 0
    j = bisect.bisect_left(starts, end + 1)  # the first sentence end after it
    right = ends[j][0] + 1 if j < len(ends) else len(text)
    return left, right


_POSSESSIVES = {"Her", "His", "Its", "Their", "Our", "My", "Your"}


def _acceptable(speaker: str, text: str = "") -> bool:
    """No auxiliary, adverb or conjunction opens a speaker, a lone possessive ("Her") is none, a month
    ("December") or a possessive place ("Indonesia's") is none; "The" opens an organisation's name
    ("The Port Authority").  A month is a speaker when ``text`` (the paragraph) writes it as a given
    name, followed by a surname ("May Collins ... “...,” May said": :func:`month_as_name`)."""
    words = speaker.split()
    if not words or (len(words) == 1 and words[0] in _POSSESSIVES):
        return False
    if len(words) == 1 and words[0] in _MONTHS:
        return month_as_name(words[0], text)  # ("May" is a modal verb too: the given name decides)
    if re.search(r"['’]s?$", words[-1]):
        return False  # "Indonesia's": the owner of the speaker, not the speaker
    if len(words) > 1 and words[-1] in _DANGLING:
        return False  # "the rally with a" (before "promise:", a noun): no phrase ends in a determiner
    if words[0] == "The":
        head = _description_head(speaker).split()
        return len(words) >= 2 and (_organisation_name(" ".join(words[1:])) or (
            2 <= len(head) <= 4 and all(w.islower() for w in head[1:]) and (
                head[-1] in _PERSON_NOUNS or head[-1] in _NAMED_KINDS or head[-1] in _KIND_WORDS)))
    if words[0] in ("A", "An"):
        # "A mother told the board:": a person described, at the start of the sentence
        head = _description_head(speaker).split()
        # (rules14: a body's initials may name whose person it is, "An ECTA official")
        return 2 <= len(head) <= 4 and any(w.lower() in _PERSON_NOUNS for w in head[1:]) and all(
            w.islower() or (w.isupper() and w.isalpha() and len(w) <= 6) for w in head[1:])
    return words[0] not in _STOP_CAPS


# the kinds of a speaking body or document a sentence may open with ("The ministry said:", "The report says")
_KIND_WORDS = frozenset("""company club firm group carmaker automaker bank airline retailer insurer lender team
    government ministry police report study survey statement letter court regulator watchdog hospital school
    council operator""".split())
_DANGLING = frozenset("a an the with of to in on for at by from his her its their".split())
_MONTHS = frozenset("January February March April May June July August September October November December".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def month_as_name(word: str, text: str) -> bool:
    """Whether ``text`` writes the month ``word`` as a given name: followed by a capitalised word that is no
    month, weekday or number ("May Collins", not "May 3" or "May Monday"), or after an honorific ("Ms April").

    >>> month_as_name("May", "Her neighbour May Collins saw it."), month_as_name("May", "In May 2024 it fell.")
    (True, False)
    """
    for m in re.finditer(rf"(?<![\w'’])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?{re.escape(word)}\s+([A-Z][a-z][\w'’\-]*)",
                         text):
        if m.group(1) not in _MONTHS and m.group(1) not in _WEEKDAYS:
            return True
    return re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{re.escape(word)}\b", text) is not None


def _organisation_name(text: str) -> bool:
    """Capitalised words ending in an organisation word ("Port Authority", "Marine Research Centre")."""
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words) and (
        words[-1] in _ORGANISATION_WORDS)


# a description whose head noun is followed by the name it describes: "the cellist Ann Lee", "the campaign group
# Ore Watch" (up to four lower-case words after the determiner, then two to five capitalised words, then the end
# or a comma: "the cellist Ann Lee, who played ...")
_DESCRIBED_NAME = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
                             # (no preposition among them: "a spokesperson for United Airlines" is the airline's)
                             r"(?:(?!(?:for|of|at|from|with|in|on|to|by|and|or|who|that)\b)[a-z][\w'’\-]*\s+){1,4}"
                             # ("of" inside a body's name: "the opposition Party of Renewal")
                             r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:(?:\s+of)?\s+[A-ZÀ-ÖØ-Þ][\w'’.\-]*){1,4})(?:,|$)")


# the head of a body's name and an "of" phrase with "and" in it, right before the name run a speaker pattern found
# ("Commerce" in "The Ministry of Industry and Commerce said": the run stops at "and")
_BODY_OF_AND = re.compile(r"(?<![\w'’])(?P<body>(?:Ministry|Department|Minister|Secretary|Institute|Office|Bureau|"
                          r"Council|Commission|Federation|Association|Chamber|Board|Agency|Society|Union|School|"
                          r"Faculty|College|Museum|Centre|Center)\s+(?:of|for)\s+(?:the\s+)?"
                          r"[A-Z][\w'’\-]*(?:(?:,\s+|\s+)[A-Z][\w'’\-]*){0,3})\s+(?:and|&)\s+$")


# a body of members or a public body whose name may join two trades by "and" ("Hotel and Restaurant
# Association", "Midstream and Downstream Petroleum Regulatory Authority", "Food and Drug Administration"), and the
# capitalised words before the "and" (not a firm's name: "Apple and Samsung Electronics Co" are two firms)
_MEMBERS_BODIES = frozenset("""Association Federation Union Chamber Council Society Confederation Alliance Guild
    Authority Administration Commission Board Agency Institute Service""".split())
_CAPITALS_AND = re.compile(r"(?<![\w'’])(?P<words>(?!The\b)[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})"
                           r"\s+(?:and|&)\s+$")


def body_name_before(text: str, at: int, speaker: str) -> str:
    """``speaker``, found at offset ``at`` of ``text``, with the head of the body's name it ends when an "of"
    phrase joined by "and" stands right before it: "Commerce" in "The Ministry of Industry and Commerce said"
    is "Ministry of Industry and Commerce"; any other speaker unchanged.

    >>> body_name_before("The Ministry of Trade and Industry said", 26, "Industry")
    'Ministry of Trade and Industry'
    >>> body_name_before("The Velden Hotel and Restaurant Association said", 21, "Restaurant Association")
    'Velden Hotel and Restaurant Association'
    """
    if not speaker[:1].isupper():
        return speaker
    if not (m := _BODY_OF_AND.search(text, max(0, at - 80), at)):
        if speaker.split()[-1] in _MEMBERS_BODIES and (m := _CAPITALS_AND.search(text, max(0, at - 80), at)):
            # rules13: "The Velden Hotel and Restaurant Association said": the words before "and" are the body's too
            return f"{m.group('words')} {text[m.end('words'):at].strip()} {speaker}"
        return speaker
    return f"{m.group('body')} {text[m.end('body'):at].strip()} {speaker}"


def organisation_speaker(speaker: str) -> str:
    """A speaker "The Port Authority" as the organisation's name ("Port Authority"), a description with the
    name it describes as that name ("the cellist Ann Lee, who ..." -> "Ann Lee"); any other unchanged.

    >>> organisation_speaker("The Port Authority"), organisation_speaker("The minister")
    ('Port Authority', 'The minister')
    >>> organisation_speaker("The cellist Ann Lee, who"), organisation_speaker("the campaign group Ore Watch")
    ('Ann Lee', 'Ore Watch')

    (rules14) A plural possessive may stand inside the name ("The Harbour Tenants' Union"), and a body's organ
    noun in lower case may end it ("The Pacific Islands Forum secretariat"):

    >>> organisation_speaker("The Harbour Tenants' Union"), organisation_speaker("The Island Forum secretariat")
    ("Harbour Tenants' Union", 'Island Forum secretariat')
    """
    if (speaker[:1] in "TtAaIiHh" and (m := _DESCRIBED_NAME.match(speaker))
            and not _is_title(m.group("name").split()[-1])):
        return m.group("name")
    words = speaker.split()
    if len(words) >= 2 and words[0] == "The" and _organisation_name(" ".join(words[1:])):
        return " ".join(words[1:])
    rest = words[1:]
    # (the organ noun of a named body, kept in lower case after its name: "the ... Forum secretariat")
    named = rest[:-1] if len(rest) >= 3 and rest[-1] in _ORGAN_NOUNS else rest
    if (len(named) >= 2 and words[0].lower() == "the" and named[0][:1].isupper() and named[-1][:1].isupper()
            and all(w[:1].isupper() or w in ("of", "for", "and", "&", "on", "the") for w in named)
            and not _is_title(named[-1]) and not any(re.search(r"['’]s$|[^s]['’]$", w) for w in named)):
        # "the Royal College of Nursing said": the organisation's name ("Tenants'" may be in it, "Lee's" not)
        return " ".join(rest)
    return speaker


# rules14: a body's organ, after the body's name in lower case ("the Pacific Islands Forum secretariat")
_ORGAN_NOUNS = frozenset("secretariat commission presidency executive leadership directorate".split())


# what a body issues and a tag may make the speaker: "“...,” the statement said"
# (rules15: a memo, letter or email its named writer sent: "In a memo to staff, Ann Lee wrote ..." then "the memo said")
_STATEMENT_NOUNS = frozenset({"statement", "release", "announcement", "memo", "letter", "email"})


def statement_issuer(speaker: str, previous_speaker: str | None, previous_text: str) -> str | None:
    """The issuer of "the statement" (or "the release") that a tag makes the speaker: the named speaker of the
    quotation before it, when that one's paragraph (``previous_text``) speaks of the statement ("In a statement,
    Acme said ...").  None otherwise.

    >>> statement_issuer("the statement", "Acme", "In a statement, Acme said it was “sorry”.")
    'Acme'
    >>> statement_issuer("the statement", "Acme", "Acme said it was “sorry”.") is None
    True
    """
    words = speaker.split()
    if (len(words) != 2 or words[0].lower() not in ("the", "a", "its", "their") or words[1].lower() not in
            _STATEMENT_NOUNS or not previous_speaker or speaker_kind(previous_speaker) != "name"):
        return None
    return previous_speaker if words[1].lower() in previous_text.lower() else None


# rules14: a body that a sentence says issued a statement: "The provincial tourism department said in a statement
# that ...", "Acme Mining said in an emailed statement ..." (the sentence's subject: a description or a name)
_STATEMENT_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<body>(?:[Tt]he|[Ii]ts|[A-Z][\w&'’.\-]*)(?:\s+(?:[A-Z][\w&'’.\-]*|of|for|and|&|"
    r"(?!(?:said|says|had|has|was|is|will|would|also|then|which|who)\b)[a-z][\w\-]*)){0,6}?)"
    r"\s+(?:said|says|announced|added|warned)\s+in\s+(?:a|an|its)\s+(?:[a-z]+\s+)?(?:statement|press release)\b")


def statement_body(speaker: str, previous_text: str) -> str | None:
    """(rules14) The issuer of "the statement" that a tag makes the speaker, from the paragraph before (no
    quotation in it): the subject of its last "... said in a statement" sentence, as
    :func:`organisation_speaker` names it.  None when ``speaker`` is no statement or no sentence says so.

    >>> statement_body("the statement", "The port authority said in a statement that work would resume.")
    'The port authority'
    >>> statement_body("the statement", "Acme said the works would resume.") is None
    True
    """
    words = speaker.split()
    if (len(words) != 2 or words[0].lower() not in ("the", "a", "its", "their")
            or words[1].lower() not in _STATEMENT_NOUNS or "statement" not in previous_text
            and "release" not in previous_text or any(c in previous_text for c in QUOTE_CHARACTERS)):
        return None
    found = [m.group("body") for m in _STATEMENT_SUBJECT.finditer(previous_text)]
    if not found or found[-1].split()[0].lower() in _PRONOUNS:
        return None
    return organisation_speaker(found[-1])


# rules14: a tag right after a quotation whose subject is one short capitalised word ('“...,” Oh said')
_SHORT_WORD_TAG = re.compile(rf"\s*,?[\"”’']?\s*(?P<word>[A-Z][a-z]{{1,3}})\s+(?:{_VERB})\b")


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname_first_tag(close_text: str, qe: int, article_text: str) -> tuple[str, str, int] | None:
    """(rules14) ``(speaker, rule, offset)`` of a tag after the quotation ending at ``qe`` of ``close_text``
    whose subject is a short word the tag rules refuse as a common word ("Oh", "So", "No", "An"), when the
    article names a person with that word written first before a hyphenated given name ("Oh Mi-kyung",
    the Korean order: surname, then given name), else None.

    >>> surname_first_tag('“We will dive,” Oh said.', 13, "The head, Oh Mi-kyung, spoke. “We will dive,” Oh said.")
    ('Oh', 'quote, SURNAME VERB (surname written first)', 16)
    >>> surname_first_tag('“We will dive,” Oh said.', 13, "“We will dive,” Oh said.") is None
    True
    """
    m = _SHORT_WORD_TAG.match(close_text, qe)
    if m is None or m.group("word") not in _STOP_CAPS:
        return None
    if re.search(rf"(?<![\w'’]){m.group('word')}\s+[A-Z][a-z]+-[a-z]+\b", article_text) is None:
        return None
    return m.group("word"), "quote, SURNAME VERB (surname written first)", m.start("word")


def speaker_kind(speaker: str) -> str:
    """``"pronoun"``, ``"description"`` (starts with a determiner, or is a group: a word or two and a
    plural person noun, "Opposition councillors") or ``"name"``.

    >>> speaker_kind("he"), speaker_kind("the ministry"), speaker_kind("Putin"), speaker_kind("Opposition councillors")
    ('pronoun', 'description', 'name', 'description')
    """
    if speaker.lower() in _PRONOUNS:
        return "pronoun"
    words = speaker.split()
    first = words[0].lower()
    if first in {"the", "a", "an", "another", "one", "its", "his", "her", "their"} or _group(words):
        return "description"
    if len(words) >= 2 and re.search(r"['’]s$", words[0]) and all(w.islower() for w in words[1:]):
        return "description"  # "Indonesia's foreign ministry": a place's or a firm's body, described
    return "name"


def _group(words: list[str]) -> bool:
    """A capitalised modifier or two and a lower-case plural person noun ("Conservative councillors")."""
    last = words[-1]
    return 2 <= len(words) <= 3 and last.islower() and last.endswith("s") and last[:-1] in _PERSON_NOUNS


# '“...,” the study's lead author, Lena Ward, told me': a description, its apposed name, the verb
# '“...,” Dupont, a former judge, said': the name, its apposition between commas, the verb
_AFTER_NAME_APPOSITION_VERB = re.compile(
    rf"^[\s,\-–—]*(?P<speaker>{_NAME}),\s+(?:a|an|the|his|her|its|their|who|whose|\d{{1,3}}|"
    # or a bare lower-case role: '“...,” Ann Lee, head of research at Acme, said'
    rf"(?!(?:and|but|or|however|though|then)\b)[a-z][\w\-]*)\b[^,\"“”]{{1,60}},"
    rf"\s+{_AUX}(?P<verb>{_VERB})\b")
_AFTER_APPOSED_NAME_VERB = re.compile(
    # (and where the person works: "the lead investigator, Dr. Ann Lee of St Olav's in Oslo, said")
    # (rules13: the body's initials in brackets may close the description: "the director of the Velden Port
    # Authority (VPA), Ann Lee, said")
    rf"^[\s,\-–—]*(?:{_DESC}|{_ROLE_WORDS})(?:\s+\([A-Z]{{2,8}}\))?,\s+(?P<speaker>{_NAME})(?:\s+(?:of|at|from)\s+[^,\"“”]{{1,60}})?,"
    rf"\s+{_AUX}(?P<verb>{_VERB})\b")
# "..., the agency's director, Dr. Ann Lee, said": an apposed full name (a comma before and after) right before the
# verb (a one-word apposition is a tag: "Rep. Jo Kim, D-Ohio, said")
_APPOSED_BEFORE_VERB = re.compile(rf",\s+(?P<speaker>{_NAME}),\s+{_AUX}$")
# "so-called “green levy”": a scare quote
_SCARE_QUOTE = re.compile(r"\bso[\s-]called\s*$", re.IGNORECASE)
# "Okoro: 'We will be back ...'": a name, a colon, the quotation (a headline's or subheading's attribution)
# a release's quote label opening its block: a name, a comma and the role, a dash (then the quotation)
_RELEASE_QUOTE_LABEL = re.compile(rf"^\s*(?P<speaker>{_NAME}),\s+[^\"“”.!?]{{1,150}}?\s(?:-|–|—)\s*$")
_NAME_COLON = re.compile(rf"^\s*(?P<speaker>{_NAME})\s*:\s*$")
# labels of a headline that are no speaker ("Exclusive: '...'", "Watch: ...")
_HEADLINE_LABELS = frozenset("""Exclusive Breaking Update Updated Watch Listen Video Opinion Analysis Explainer Live
    Review Interview Comment Editorial Revealed Factbox Insight Quote Quotes Pictured Podcast Poll Photos
    Timeline Verdict Warning Read Note""".split())
# documents that speak: "the report found that", "a study shows"
_DOCUMENT_NOUNS = (r"(?:report|study|survey|review|audit|analysis|assessment|inquiry|investigation|filing|letter|"
                   r"document|memo|paper|poll|statement|research|findings|data|figures|evaluation|ruling|judgment|"
                   r"judgement|submission|complaint|lawsuit|indictment|affidavit)")
_DOCUMENT_FINDS = re.compile(
    rf"(?<![\w'’])(?P<speaker>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w\-]*['’]s)\s+"
    rf"(?:[\w'’\-]+\s+){{0,3}}?{_DOCUMENT_NOUNS})\s+{_AUX}(?:found|finds|find|showed|shows|show|shown|concluded|"
    rf"concludes|suggested|suggests|described|describes|called|calls)\b")
# "Mr. Ortega, who had called the scheme “...”": the antecedent of the relative clause
_WHO_CALLED = re.compile(
    rf"(?<![\w'’])(?P<speaker>{_NAME}),\s+who\s+{_AUX}(?:called|described|dubbed|termed|labell?ed|branded|"
    rf"deemed|calls|describes|{_VERB})\b[^,\"“”]*$")


def _the_organisation(name: str) -> str | None:
    """ "The Federation of Small Traders" as its name (two or more capitalised words after "The")."""
    words = name.split()[1:]
    if len([w for w in words if w[:1].isupper()]) >= 2 and words[0] not in _STOP_CAPS:
        return " ".join(words)
    return None


# the lower-case words after a possessive name opening a sentence: "ZET's management board described ..."
_POSSESSED = re.compile(r"(?:\s+[a-z][\w\-]*){1,4}")
# what of a body speaks for the body itself: "Acme's board", "the club's management", "the mayor's office"
_ORGANS = frozenset("board management leadership directors office executive administration".split())


def _possessive_subject(owner: str, rest: str) -> str:
    """The speaker of a sentence whose subject is a possessive name and what it owns (``rest``, the text after
    the possessive, up to the verb: a word in -ed, an auxiliary or a reporting verb): the owner itself when
    its board, management or office speaks ("Acme's management board described ..." gives "Acme"), else
    the description as written ("Smith's lawyer called ...", "Indonesia's foreign ministry said ...").

    >>> _possessive_subject("Acme's", " management board described the strike"), _possessive_subject(
    ...     "Smith's", " lawyer called it")
    ('Acme', "Smith's lawyer")
    """
    words = []
    for word in (m.group().split() if (m := _POSSESSED.match(rest)) else []):
        if word.endswith("ed") or word in _AUXILIARIES or word in REPORTING_VERBS:
            break
        words.append(word)
    if not words or words[-1] in _ORGANS:
        return owner[:-2]
    return " ".join([owner, *words])


def attribute_speaker(open_text: str, qs: int, close_text: str, qe: int,
                      marks: str = QUOTE_CHARACTERS) -> tuple[str | None, str | None, int]:
    """Speaker of a quotation, by the rules of the module docstring.

    Parameters
    ----------
    open_text, close_text : str
        The block the quotation opens in, and the block it closes in.
    qs : int
        Offset in ``open_text`` of the quotation's first character (just after its opening mark).
    qe : int
        Offset in ``close_text`` of its closing mark (or end).
    marks : str
        The quote-mark characters (text beyond another mark is not searched).

    Returns
    -------
    tuple
        ``(speaker as written, rule name, speaker's offset in its block)``, or ``(None, None, -1)``.

    Examples
    --------
    >>> t = "“We won,” Smith said."
    >>> attribute_speaker(t, 1, t, 8)
    ('Smith', 'quote, SPEAKER VERB', 10)
    """
    context = open_text if open_text is close_text else f"{open_text} {close_text}"
    _, sent_end = _sentence_bounds(close_text, qe, qe)
    after = close_text[qe + 1 : min(sent_end, qe + 1 + _AFTER_WINDOW)]
    cut = min((after.find(c) for c in marks if c in after), default=len(after))
    after = after[:cut]
    base = qe + 1
    # "...please.” Commenting on..., the White House said": the sentence ended inside the quotation, so
    # only a speaker right after it ("...!” Smith shouted.") can be its attribution
    ended = re.search(r"[.!?]\s*$", close_text[max(0, qe - 40) : qe]) is not None
    # '... called the project “the most important thing.” He said ...': a partial quotation (its sentence
    # began before the opening mark) that ends the sentence belongs to that sentence; the next is another
    open_start, _ = _sentence_bounds(open_text, qs, qs)
    partial = bool(re.search(r"[A-Za-z0-9,]\s*[\"“'‘]?$", open_text[open_start : max(qs - 1, open_start)]))
    if qs <= 1 and after[:1] == ":" and (m := _QUOTE_COLON_NAME.match(after)) and _acceptable(m.group("speaker"),
                                                                                                context):
        # a headline or subheading: "'We never gave up': Okafor", "'I wrote it on the bus': Ann Lee on her novel"
        return m.group("speaker"), "quote: SPEAKER (a headline)", base + m.start("speaker")
    for rule, rx in (("quote, DESCRIPTION, NAME, VERB", _AFTER_APPOSED_NAME_VERB),
                     ("quote, SPEAKER VERB", _AFTER_SPEAKER_VERB),
                     ("quote, NAME, apposition, VERB", _AFTER_NAME_APPOSITION_VERB),
                     ("quote, was SPEAKER's answer", _POSSESSIVE_REPLY),
                     ("quote, was his/her REPLY", _PRONOUN_REPLY),
                     ("quote, role NAME VERB", _AFTER_ROLE_NAME_VERB),
                     ("quote, VERB SPEAKER", _AFTER_VERB_SPEAKER),
                     ("quote ..., SPEAKER VERB", _LATER_SPEAKER_VERB),
                     ("quote, according to a statement issued by SPEAKER", _ACCORDING_ISSUED),
                     ("quote, according to SPEAKER", _ACCORDING)):
        if ended and (rx in (_LATER_SPEAKER_VERB, _ACCORDING, _ACCORDING_ISSUED) or partial):
            continue
        m = rx.search(after)
        if m and rx is _AFTER_VERB_SPEAKER and m.group("speaker").split()[0].lower() in _PRONOUNS \
                and len(m.group("speaker").split()) > 1:
            continue  # "said he would go": "he", not "he would go", and the verb is no attribution here
        if m and rx is _AFTER_APPOSED_NAME_VERB and " " not in m.group("speaker"):
            continue  # '“...,” the senator, R-Utah, said': a one-word apposition is a tag, not the name
        if m and rx is _PRONOUN_REPLY:
            # the pronoun of the possessive: "her observation" is hers ("she"); the addressee is in the rule
            to = f" to {m.group('to')}" if m.group("to") else ""
            return {"his": "he", "her": "she"}[m.group("speaker")], rule + to, base + m.start("speaker")
        if m and _acceptable(m.group("speaker"), context):
            if (rx is _AFTER_VERB_SPEAKER and speaker_kind(m.group("speaker")) == "description"
                    and (named := _APPOSED_NAME_AFTER.match(after, m.end("speaker")))
                    and _acceptable(named.group("name"), context)):
                # '“...,” said the forum's convenor, Ann Lee.': the name apposed to the description
                return named.group("name"), "quote, VERB DESCRIPTION, NAME", base + named.start("name")
            return m.group("speaker"), rule, base + m.start("speaker")
    sent_start, _ = _sentence_bounds(open_text, qs, qs)
    sent_start = max(sent_start, qs - 1 - _BEFORE_WINDOW)
    before = open_text[sent_start : max(qs - 1, sent_start)]
    cut = max((before.rfind(c) for c in marks), default=-1)
    before, base = before[cut + 1 :], sent_start + cut + 1
    if _SCARE_QUOTE.search(before):
        # 'the district's so-called “green levy”': a scare quote, nobody's words
        return None, "scare quote (so-called)", -1
    if (m := _RELEASE_QUOTE_LABEL.match(before)) and _acceptable(m.group("speaker"), context):
        # a press release's quotes section: "Ann Lee, chair, Valley District –" on a line over her words
        return m.group("speaker"), "SPEAKER, role – quote (a release's quote label)", base + m.start("speaker")
    if (m := _NAME_COLON.match(before)) and _acceptable(m.group("speaker"), context) \
            and m.group("speaker") not in _HEADLINE_LABELS:
        # a headline's or subheading's "Okoro: 'We will be back next year'": the name before the colon
        return m.group("speaker"), "SPEAKER: quote", base + m.start("speaker")
    for rule, rx in (("SPEAKER quoted as saying: quote", _QUOTED_AS), ("SPEAKER VERB: quote", _BEFORE_COLON),
                     ("according to SPEAKER, quote", _ACCORDING)):
        m = rx.search(before)
        if m and (subject := _PARTICIPLE_CLAUSE_SUBJECT.match(before[: m.start("speaker")])) \
                and _PREPOSITION_BEFORE.search(before, 0, m.start("speaker")) and _acceptable(subject.group("name"),
                                                                                                context):
            # "Ann Lee, speaking at a news conference in Bern, said:": the phrase after "at" is a place, the
            # participle clause's subject speaks
            return subject.group("name"), rule + " (subject of the participle clause)", base + subject.start("name")
        if m and _acceptable(m.group("speaker"), context):
            if (owner := _CLAUSE_ANTECEDENT.search(before[: m.start("speaker")])) and (
                    _acceptable(owner.group("name"), context) or _AGE_DESCRIPTION.match(owner.group("name"))):
                # "The 54-year-old, who lives in Leeds, said:": the clause's antecedent, not the place in it
                return owner.group("name"), rule + " (antecedent of the relative clause)", base + owner.start("name")
            if (owner := _name_of_body(before[: m.start("speaker")])) and _acceptable(owner.group("name"),
                                                                                             context):
                # "Claire Boyd, of the National Crime Agency, said:": the person, not her organisation
                return owner.group("name"), rule + " (name before its organisation)", base + owner.start("name")
            if speaker_kind(m.group("speaker")) == "description" and (
                    named := _APPOSED_NAME.search(before[: m.start("speaker")])) \
                    and _acceptable(named.group("name"), context):
                # "Husband Steve, 61, a retired lorry driver, said:": the description is the name's apposition
                return named.group("name"), rule + " (name before its apposition)", base + named.start("name")
            if rx is _BEFORE_COLON and speaker_kind(m.group("speaker")) == "description" and (
                    named := _NAME_APPOSITION_COLON.match(before[: m.start("verb")])) \
                    and _acceptable(named.group("name"), context):
                # rules15: "Dr Ann Lee, a consultant at the hospital and a member of its board, said:": the
                # named subject opening the sentence, not a noun of its apposition
                return named.group("name"), rule + " (name before its apposition)", base + named.start("name")
            return m.group("speaker"), rule, base + m.start("speaker")
    if before.rstrip().endswith(":") and (subject := _colon_subject(before)) and _acceptable(subject[0], context) \
            and not _common_word(subject[0], open_text):
        # "Lee paused before answering: “...”", "Ann Lee, who saved 16 shots, played it down: “...”": no
        # reporting verb, but the sentence's named subject introduces the quotation with the colon
        return subject[0], "SPEAKER ...: quote", base + subject[1]
    # the nearest reporting verb that has a subject ("final remarks that" has none: try the next one back)
    verbs = list(re.finditer(rf"\b{_VERB}\b", before))
    for v in reversed(verbs):
        head = before[: v.start()]
        if " who " in head and (m := _WHO_CLAUSE_SUBJECT.search(head)) and _acceptable(m.group("name"), context):
            return m.group("name"), "SPEAKER who ... VERB ... quote", base + m.start("name")
        if head.endswith(", which ") and (m := _WHICH_ANTECEDENT.search(head, max(0, len(head) - 120))) and (
                _acceptable(m.group("name"), context)):
            # "... handled by Paris-based Coin de Rue Films, which said it was “...”": the body the clause is about
            # ("which", not "who": no person, whatever its name's words)
            return m.group("name"), "BODY, which VERB ... quote", base + m.start("name")
        m = re.search(rf"{_SPEAKER}{_AGE}\s+{_AUX}$", head)
        if m and m.group("speaker")[:1] in "ai" and _PREPOSITION_BEFORE.search(head, 0, m.start("speaker")):
            continue  # "said in a written reply that": "a written" is no subject of "reply", a noun here
        if m and (group := re.search(rf"(?<![\w'’])(?P<group>{_GROUPS})\s+(?:at|of|from|with)\s+$",
                                     head[: m.start("speaker")])):
            # "Analysts at Citi said ... “...”": the analysts, not their bank
            return group.group("group"), "GROUP at NAME VERB ... quote", base + group.start("group")
        owner = m and _name_of_body(head[: m.start("speaker")])
        if m and owner is None and (found := _PERSON_OF_BODY_AND.search(
                head, max(0, m.start("speaker") - 160), m.start("speaker"))) and " " in found.group("name") and (
                speaker_kind(found.group("name")) == "name" and not _organisation(found.group("name"))):
            # rules13: "Ann Lee of the Foundation for the Promotion and Research of Crops (Fopic) said": the
            # speaker pattern took the run after "and"; the person the whole body's name follows speaks
            owner = found
        if m and owner and _acceptable(owner.group("name"), context):
            return owner.group("name"), "SPEAKER, of BODY, VERB ... quote", base + owner.start("name")
        if m and _reported_thing(head, m):
            continue  # "He said the hamlet had asked ... “...”": the clause he reports; he is the speaker
        if m and _acceptable(m.group("speaker"), context):
            return m.group("speaker"), "SPEAKER VERB ... quote", base + m.start("speaker")
        m = _APPOSED_BEFORE_VERB.search(head)
        if m and " " in m.group("speaker") and _acceptable(m.group("speaker"), context):
            # "the trust's chairman, Dr. Omar Haddad, said the closure was “...”": the apposed name
            return m.group("speaker"), "DESCRIPTION, NAME, VERB ... quote", base + m.start("speaker")
        if (m := _NAME_APPOSITION_SUBJECT.match(head)) and _acceptable(m.group("name"), context):
            # rules13: "Ann Lee, a hotel manager in Velden, said guests had ... “...”": the named subject opening
            # the sentence, its apposition between commas
            return m.group("name"), "SPEAKER, DESCRIPTION, VERB ... quote", base + m.start("name")
        if (found := _subject_over_insertion(head)) and _acceptable(found[0], context):
            # "The dockers' union, which represents 900 staff, said the strike would last “...”": the
            # sentence's subject, the relative clause or apposition between its commas skipped
            return found[0], "SUBJECT, INSERTION, VERB ... quote", base + found[1]
        if conj := re.search(r"\b(and|but)\s+(?:\w+ly\s+|also\s+)?$", head):
            rule = f"SPEAKER ... {conj.group(1)} VERB ... quote"
            for m in re.finditer(rf"(?<![\w'’]){_NAME}|\b{_PRON}\b", head):
                word = m.group().split()[0]
                if word == "The" and (org := _the_organisation(m.group())):
                    # "The Federation of Small Traders has welcomed ... but says ...": its name
                    return org, rule, base + m.start() + len(m.group()) - len(org)
                if word not in _STOP_CAPS:
                    group = re.match(r"\s+([a-z]+s)\b", head[m.end():])
                    if group and _group([*m.group().split(), group.group(1)]):
                        # "Tournament officials said ... and warned of “...”": the group, not its modifier
                        return f"{m.group()} {group.group(1)}", rule, base + m.start()
                    return m.group(), rule, base + m.start()
    if any(v.group().endswith("ing") for v in verbs):
        # "A statement included ..., while also asserting that ... “...”": the participle's subject is
        # the subject of the sentence
        # (rules13: a body's long name opening the sentence, "The Velden Association of Grain Processors (VAGP)
        # welcomed the rise, saying ...", is the participle's subject too)
        subject = _sentence_subject(open_text[sent_start : max(qs - 1, sent_start)], bodies="any")
        if subject:
            return subject[0], "SPEAKER ..., VERB-ing ... quote", sent_start + subject[1]
    if (m := _DOCUMENT_FINDS.search(before)) and not re.search(r"[.;]", before[m.end():]):
        # "the watchdog's report found that prices “rose ...”": a document's words
        return m.group("speaker"), "DOCUMENT found/shows ... quote", base + m.start("speaker")
    if before.strip() and before.rstrip()[-1:].isalnum() and (m := _WHO_CALLED.search(before)) \
            and _acceptable(m.group("speaker"), context):
        # "Mr. Ortega, who had called the scheme “a disgrace”": the relative's antecedent
        return m.group("speaker"), "SPEAKER, who called partial quote", base + m.start("speaker")
    if before.strip() and before.rstrip()[-1:].isalnum() and (m := _RELATIVE_CALLER.search(before)) \
            and _acceptable(m.group("speaker"), context):
        # "Night photos, which Alvarez called “...”": the relative clause's subject is the quoted one
        return m.group("speaker"), "which SPEAKER called partial quote", base + m.start("speaker")
    if before.strip() and before.rstrip()[-1:].isalnum() and _THING_IS.match(before) and (
            prev := _previous_speaker(open_text, sent_start, marks)):
        # 'Ann Lee said the plan was good. It was “long overdue”.': a thing described by the quoted words is
        # no speaker; the one who spoke in the sentence before is
        return prev[0], "SPEAKER VERB ... . partial quote describing a thing", prev[1]
    if before.strip() and before.rstrip()[-1:].isalnum():
        # a partial quotation inside a sentence ("... called the barrier “a sound investment”"): its sentence's
        # subject said the quoted words
        for rx in (_APPOSITIVE_SUBJECT, _TITLE_APPOSITIVE_SUBJECT, _NAME_SUBJECT):
            m = rx.search(before)
            if m and rx is _TITLE_APPOSITIVE_SUBJECT and not _is_title(m.group("title")):
                continue
            if m and _acceptable(m.group("speaker"), context) and not _common_word(m.group("speaker"), open_text):
                speaker = m.group("speaker")
                group = re.match(r"\s+([a-z]+)\b", before[m.end("speaker"):])
                if group and _group([*speaker.split(), group.group(1)]):  # "Opposition councillors called ..."
                    speaker = f"{speaker} {group.group(1)}"
                elif group and group.group(1) in _BODY_KINDS and " " not in speaker:
                    speaker = f"{speaker} {group.group(1)}"  # "Nuuk municipality said ...": the place's body
                return speaker, "SPEAKER ... partial quote", base + m.start("speaker")
        # (rules13: "The Royal Society of Velden Surgeons said waits were “...”": a body's long name before the
        # reporting verb; before another verb it may be no speaker: "The Board of Regents voted ... as students
        # walked out chanting “...”")
        subject = _sentence_subject(before, bodies="said")
        if subject and not _common_word(subject[0], open_text):
            return subject[0], "SPEAKER ... partial quote", base + subject[1]
        # "In a statement on Monday night, the club thanked him for his “...”": the subject after a fronted phrase
        fronted = _FRONTED.match(before)
        if fronted:
            subject = _sentence_subject(before[fronted.end():])
            if appositive := _FRONTED_APPOSITIVE.match(before, fronted.end()):
                # "Outside court, Mr Lee's sister, Kirsty, said ...": the name apposed to the described subject
                return (appositive.group("speaker"), "PHRASE, DESCRIPTION, SPEAKER, ... partial quote",
                        base + appositive.start("speaker"))
            if subject and _acceptable(subject[0], context):
                return subject[0], "PHRASE, SPEAKER ... partial quote", base + fronted.end() + subject[1]
            # "Three decades later, she still calls it “the cloud”": a pronoun subject after the fronted phrase
            if pronoun := _PRONOUN_SUBJECT.match(before, fronted.end()):
                return pronoun.group("speaker"), "PHRASE, SPEAKER ... partial quote", base + pronoun.start("speaker")
        # "Her job, as she puts it, is “...”": the one whose words the parenthesis says they are
        if " as " in before and (m := _AS_SPEAKER_PUTS_IT.search(before)) and _acceptable(m.group("speaker"), context):
            return m.group("speaker"), "as SPEAKER puts it ... partial quote", base + m.start("speaker")
    if not before.strip() and (prev := _previous_speaker(open_text, sent_start, marks)):
        # 'The Coastal Trust has welcomed the plan. “This is long overdue.”': a whole-sentence quotation with no
        # tag, after a sentence in the same paragraph whose subject (a name) spoke
        return prev[0], "SPEAKER VERB ... . quote (the sentence before)", prev[1]
    return None, None, -1


# a reporting verb (and "that") right before a clause's subject: the clause is what is reported
_REPORTED_CLAUSE_OPENING = re.compile(rf"\b{_VERB}\s+(?:that\s+)?$")


def _reported_thing(head: str, subject: re.Match) -> bool:
    """The ``subject`` found before a reporting verb is a thing ("the hamlet", "the city": a description of no
    person) opening a clause that an earlier reporting verb reports ("He said the hamlet had asked ...",
    "Quyen said the city would add ..."): the verb near the quotation ("asked", "add") is the reported clause's,
    often no speech at all, and the quotation is the earlier verb's subject's.  (Looked for in the 40 characters
    before the subject only: the test runs for every candidate verb.)"""
    speaker = subject.group("speaker")
    words = speaker.split()
    # (rules13: a "description" with an auxiliary inside is the reported clause itself, whoever it is about:
    # "Lee said his pupil had the best return ...", the verb found being "return")
    clause = words[0].lower() in ("the", "his", "her", "its", "their") and any(
        w in _AUXILIARIES for w in words[1:])
    return (speaker_kind(speaker) == "description"
            and (clause or (words[0].lower() == "the" and not person_description(speaker)))
            and _REPORTED_CLAUSE_OPENING.search(head, max(0, subject.start("speaker") - 40),
                                                subject.start("speaker")) is not None)


# a sentence's subject, then one or two insertions between commas (a relative clause, an apposition, an
# abbreviation in brackets), then the verb's auxiliaries: what is left of the text before a reporting verb
# (a comma between digits is no clause's: "about 9,000 staff")
_CLAUSE_CHAR = r"(?:[^,;:\"“”]|(?<=\d),(?=\d{3}))"
_INSERTION_BEFORE_VERB = re.compile(rf"^\s*(?P<subject>{_CLAUSE_CHAR}{{2,80}}?)"
                                    rf"(?P<insertions>(?:,\s+{_CLAUSE_CHAR}{{2,120}}?){{1,2}}),\s+{_AUX}$")
# an organisation's name may hold "and", "of", "for" or "&": "the Dock and Harbour Federation"
_ORGANISATION_RUN = r"[A-Z][\w'’\-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'’\-]*)+"
# an apposition that names the subject: "the Harbour Workers' Federation (HWF)", "former champion Ivo Brandt"
# (a place may open the role: "Calgary resident Ann Lee")
_PLACE_BEFORE_ROLE = r"(?:[A-Z][\w'’\-]*\s+(?=[a-z])(?!(?:and|of|for)\s))?"
_NAMING_APPOSITION = re.compile(rf"^,\s+(?:(?:the|a|an)\s+)?{_PLACE_BEFORE_ROLE}(?:[a-z][\w\-]*\s+){{0,3}}"
                                rf"(?P<name>{_ORGANISATION_RUN}|{_NAME})(?:\s+\([A-Z]{{2,8}}\))?$")


# a participle opening the sentence before its subject: "Contacted, an official ... said", "Asked about it, ..."
_FRONTED_PARTICIPLE = re.compile(r"^\s*(?:Contacted|Reached|Approached|Asked|Questioned|Pressed|Interviewed)"
                                 r"(?:\s[^,\"“”]{1,80})?,\s+")


# a full name opening the sentence, an indefinite or definite apposition (an age before it or not), the verb
# (or a participle clause: "Ann Lee, watching from the stands, said ...")
# rules15: the same before "said:", the apposition up to 120 characters ("a consultant at the hospital and a
# member of the college's council")
_NAME_APPOSITION_COLON = re.compile(rf"^\s*(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+"
                                    rf"[^,\"“”:;]{{1,120}},\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?$")
_NAME_APPOSITION_SUBJECT = re.compile(rf"^\s*(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the|[a-z]{{2,}}ing)\s+"
                                      rf"[^,\"“”]{{1,60}},\s+{_AUX}$")


def _subject_over_insertion(head: str) -> tuple[str, int] | None:
    """``(speaker, offset in head)`` of "SUBJECT, INSERTION, " ending ``head`` (the text before a reporting
    verb), or None.

    News puts a relative clause or an apposition between a subject and its verb: "The union, which
    represents 900 staff, said ...", "Her coach, former champion Ivo Brandt, says ...".  The subject is a
    description (a determiner or "One of ..." first); an apposition that is a name (a person's, or an
    organisation's with its abbreviation) names it and is the speaker; a relative clause ("which", "who")
    is skipped, and the described subject speaks; so are a participle clause ("..., requesting anonymity,
    said") and an indefinite apposition ("One resident, a mother of two, said"), and a participle fronted
    before the subject ("Contacted, an official of the firm, ... said").
    """
    fronted = _FRONTED_PARTICIPLE.match(head)
    start = fronted.end() if fronted else 0
    m = _INSERTION_BEFORE_VERB.match(head[start:])
    if m is None or m.group("subject").split()[0].lower() not in _DETERMINERS | {"one"}:
        # (a named subject, "Ann Lee, a Republican, said", is found by the rules after this one)
        return None
    subject = m.group("subject").strip()
    insertions = m.group("insertions")
    first = insertions[: insertions.find(",", 1)] if insertions.count(",") > 1 else insertions
    named = _NAMING_APPOSITION.match(first)
    if named and named.group("name").split()[0] not in _STOP_CAPS:
        return named.group("name"), start + m.start("insertions") + named.start("name")
    # (rules13: a definite apposition too, "A spokesman for the firm that runs the dam, the nearest to the town,
    # told ...": it describes the subject or the last noun of its phrase, and the subject speaks either way)
    if not re.match(r",\s+(?:which|who|whose|that|an?|the|[a-z]+ing)\b", first):
        return None  # any other insertion ("..., analysts said, ...") may not belong to the subject
    return subject, start + m.start("subject") + len(m.group("subject")) - len(m.group("subject").lstrip())


# what may open a sentence before its subject: "Asked whether ..., ", "Speaking after the match, "
_FRONTED_CLAUSE = re.compile(r"^\s*(?:Asked|Speaking|Pressed|Questioned|Responding|Writing|Interviewed)\b"
                             r"[^,\"“”]{0,120},\s+")
# the last clause of a sentence joined by ", and" / ", but" / ";": its own subject
_LAST_CLAUSE = re.compile(r"(?:,\s+(?:and|but)|;)\s+(?=[A-ZÀ-ÖØ-Þ])")


def _colon_subject(before: str) -> tuple[str, int] | None:
    """``(name, offset)`` of the named subject of ``before``, a sentence ending in a colon with no reporting verb.

    The subject opens the sentence, or its last clause (", and Lee was not getting carried away:"), or
    follows a fronted "Asked ...," / "Speaking ...,"; it is a name followed by a lower-case verb or by a
    relative clause ("Ann Lee, who ..., played it down:"), and its verb is an auxiliary or a past tense
    ("Theme music:" has none: "music" is a noun).
    """
    start = 0
    if (fronted := _FRONTED_CLAUSE.match(before)) is not None:
        start = fronted.end()
    clauses = [m.end() for m in _LAST_CLAUSE.finditer(before, start)]
    if clauses:
        start = clauses[-1]
    m = _OPENING_SUBJECT.match(before, start)
    if m is None or m.group("name").split()[0] in _STOP_CAPS | _POSSESSIVES or _organisation(m.group("name")):
        return None
    verb = _COLON_SUBJECT_VERB.match(before, m.end("name"))
    if verb is None or not (verb.group(1).endswith("ed") or verb.group(1) in _AUXILIARIES | _PAST_VERBS):
        return None
    return m.group("name"), m.start("name")


# the verb after a subject (past a relative clause between commas), and the irregular past tenses of an
# introduction before a colon ("Lee struck a calmer note:")
_COLON_SUBJECT_VERB = re.compile(r"(?:,\s+(?:who|whose)\b[^,\"“”]*,)?\s+(?:\w+ly\s+)?([a-z]+)\b")
_PAST_VERBS = frozenset("put kept made took gave struck stood sat spoke wrote began got went came held".split())
# what may follow the reporting verb up to the colon: "told reporters:", "said on Monday:"
_COLON_TAIL = re.compile(r"(?:\s+[\w'’\-]+){0,6}?\s*:\s*")


def colon_introduction(text: str) -> tuple[str, str, int] | None:
    """The speaker a paragraph ending in a colon introduces for the quotation that opens the next paragraph.

    "Its director general, Paula Brandt, said:" then a quoted paragraph: the speaker of the reporting
    verb before the colon (``SPEAKER VERB: quote`` over the paragraph break), or, with no reporting verb
    ("Okoro closes the rally with a promise:"), the named subject of that sentence.
    Returns ``(speaker, rule, offset in text)`` or None.

    >>> colon_introduction("Its director general, Paula Brandt, said:")
    ('Paula Brandt', 'SPEAKER VERB: (next paragraph) quote', 22)
    >>> colon_introduction("Ann Lee ends her speech with a warning:")
    ('Ann Lee', 'SPEAKER ...: (next paragraph) quote', 0)
    """
    stripped = text.rstrip()
    if not stripped.endswith(":") or any(c in stripped for c in QUOTE_CHARACTERS):
        return None
    start, _ = _sentence_bounds(stripped, len(stripped) - 1, len(stripped) - 1)
    sentence = stripped[start:]
    for m in _SPEECH_SUBJECT_CLAUSE.finditer(sentence):
        # rules13: "Ann Lee, who chairs a union of 2,400 farmers near Velden, told reporters:": the subject before
        # the relative clause, not the place ending it (the nearest name before the verb)
        name = m.group("name")
        if _organisation(name) and (person := clean_name(name)) != name and len(person.split()) >= 2 and (
                not _organisation(person) and name.endswith(person)):
            # rules14: "Ministry of Agriculture Deputy Minister Ann Lee, who ..., told reporters:": the body's
            # official, named after the body and the title
            name = person
        if (speaker_kind(name) == "name" and _COLON_TAIL.fullmatch(sentence, m.end())
                and _acceptable(name, text) and not _organisation(name)):
            return name, "SPEAKER VERB: (next paragraph) quote", start + m.end("name") - len(name)
    for rx in (_QUOTED_AS, _BEFORE_COLON):
        m = rx.search(sentence)
        if m and _acceptable(m.group("speaker"), text):
            if speaker_kind(m.group("speaker")) == "description" and (
                    named := _APPOSED_NAME.search(sentence[: m.start("speaker")])) and _acceptable(named.group("name")):
                return named.group("name"), "SPEAKER VERB: (next paragraph) quote", start + named.start("name")
            return m.group("speaker"), "SPEAKER VERB: (next paragraph) quote", start + m.start("speaker")
    m = _NAME_SUBJECT.search(sentence)
    if m and speaker_kind(m.group("speaker")) != "description" and _acceptable(m.group("speaker"), text) \
            and not _common_word(m.group("speaker"), text):
        return m.group("speaker"), "SPEAKER ...: (next paragraph) quote", start + m.start("speaker")
    return None


def previous_paragraph_speaker(text: str) -> tuple[str, str, int] | None:
    """The speaker of a quoted paragraph with no tag, from the paragraph before it (``text``, no quotation in it).

    News introduces a run of quoted paragraphs with a paragraph of reported speech: "Coach Tim Ross said
    the team was tired." then "“We played three games in a week.”"  The named subject of a reporting (or
    stance) verb opening the paragraph's last sentence is the speaker.  Returns ``(speaker, rule, offset in
    text)`` or None.

    >>> previous_paragraph_speaker("Coach Tim Ross said the team was tired.")
    ('Coach Tim Ross', 'SPEAKER VERB ... . (next paragraph) quote', 0)
    """
    stripped = text.rstrip()
    if not stripped or any(c in stripped for c in QUOTE_CHARACTERS):
        return None
    start, _ = _sentence_bounds(stripped, len(stripped) - 1, len(stripped) - 1)
    sentence = stripped[start:]
    # the subject opening the sentence ("Ann Lee said ...", "Bo Li disagreed."), else the subject of a
    # reporting verb in it ("Committee chair Ann Lee said", "Ann Lee, who chairs it, said", "..., Ann Lee said")
    # or the name after an inverted one ("..., said Ann Lee, who ...")
    found = [m for m in (_PREVIOUS_SUBJECT.match(sentence),) if m]
    found += [m for m in _SPEECH_SUBJECT_CLAUSE.finditer(sentence) if speaker_kind(m.group("name")) == "name"]
    found += list(_SPEECH_SUBJECT.finditer(sentence)) + list(_INVERTED_SPEAKER.finditer(sentence))
    for m in found:
        group = "speaker" if "speaker" in m.groupdict() else "name"
        name = m.group(group)
        if speaker_kind(name) == "name" and _acceptable(name, text) and not _common_word(name, text) \
                and not _organisation(name):
            return name, "SPEAKER VERB ... . (next paragraph) quote", start + m.start(group)
    return None


def _previous_speaker(open_text: str, sent_start: int, marks: str) -> tuple[str, int] | None:
    """The named subject of a reporting (or stance) verb opening the sentence before ``sent_start``, with no
    quotation of its own; None when there is none."""
    if sent_start <= 0:
        return None
    ps = _sentence_bounds(open_text, sent_start - 1, sent_start - 1)[0]
    prev = open_text[ps:sent_start]
    m = _PREVIOUS_SUBJECT.match(prev)
    if m is None or not _acceptable(m.group("speaker")) or speaker_kind(m.group("speaker")) != "name" or any(
            c in prev for c in marks):
        return None
    return m.group("speaker"), ps + m.start("speaker")


# a sentence about a thing, not a person: "It was", "The project is" (then the partial quotation describes it)
_THING_IS = re.compile(r"^\s*(?:[Ii]t|[Tt]his|[Tt]hat|(?:[Tt]he|[Ii]ts|[Tt]his)\s+[a-z]+)\s+(?:is|was|are|were|"
                       r"has been|had been|will be|would be|remains|remained|looks|looked|seems|seemed)\b")
# the subject of the sentence before an untagged quotation, with a reporting or a stance verb ("has welcomed")
_STANCE = r"(?:welcome[sd]?|welcoming|critici[sz]e[sd]?|condemn(?:s|ed)?|prais(?:e|es|ed)|defend(?:s|ed)?|" \
          r"den(?:y|ies|ied)|reject(?:s|ed)?|hail(?:s|ed)?|disagree[sd]?|agree[sd]?|object(?:s|ed)?|" \
          r"complain(?:s|ed)?|protest(?:s|ed)?)"
# "..., said Ann Lee, who chairs the committee.": the name after an inverted reporting verb
_INVERTED_SPEAKER = re.compile(rf",\s+(?:said|says|added|adds|told)\s+(?P<speaker>{_NAME})(?=[,.;]|\s*$)")
_PREVIOUS_SUBJECT = re.compile(rf"^\s*(?:The\s+)?(?P<speaker>{_NAME})\s+{_AUX}(?:{_VERB}|{_STANCE})\b")


# a subject, then the relative clause the speaker found before the colon sits in: "The 54-year-old, who lives in "
_CLAUSE_ANTECEDENT = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}|{_DESC}),\s+(?:\d{{1,3}},\s+)?(?:who|whose)\b[^,\"“”]*$")
# the subject, then a relative clause about it, then the verb: "A nurse who left last year said",
# "A person familiar with the audits, who was not authorised to speak, said" (the subject, not a word in the clause)
_WHO_CLAUSE_SUBJECT = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}|{_DESC})(?:,\s+\d{{1,3}})?"
                                 rf"(?:,\s+who\s[^,\"“”]{{1,120}},|\s+who\s[^,\"“”]{{1,80}}?)\s+$")
# an organisation's name (its "Paris-based" left out), then ", which " ending the text before a reporting verb
_WHICH_ANTECEDENT = re.compile(rf"(?<![\w'’])(?:[A-Z][\w'’.]*-based\s+)?(?P<name>{_NAME}),\s+which\s+$")
# a named subject opening the sentence, then a participle clause ("Ann Lee, speaking in French at ")
_PARTICIPLE_CLAUSE_SUBJECT = re.compile(rf"\s*(?:[A-Z][\w'’\-]*\s+){{0,3}}?(?P<name>{_NAME}),\s+[a-z]+ing\b"
                                        r"[^,;:\"“”]*$")
# a person, then the organisation they are of: "Claire Boyd, of the " (before "National Crime Agency, said")
# (the comma may be left out after a full name: "Political scientist Ann Lee of the University of Leeds said")
# (after the comma a role may come first: "Jose Paz, spokesman of the provincial police office, told reporters:")
_NAME_OF_BODY = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})(?:(?P<comma>,)(?:\s+(?:the|a|an))?"
                           rf"(?:\s+(?!(?:and|but|or|who|whose|which|that)\b)[a-z][\w\-]*){{0,3}})?"
                           rf"\s+(?:of|from|at|with)\s+(?:the\s+)?$")


# a person, then the opening words of the body they are of, up to an "and" inside its name ("Ann Lee of the
# Foundation for the Promotion and ")
_PERSON_OF_BODY_AND = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})\s+(?:of|from|at|with)\s+(?:the\s+)?"
                                 r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|the)\s+){0,2}[A-Z][\w'’\-]*)*\s+(?:and|&)\s+$")


def _name_of_body(text: str) -> re.Match | None:
    """The person ending ``text`` before the body they are of (:data:`_NAME_OF_BODY`), or None.

    Without a comma the name must have two words or more: a one-word "Starting from the" is no person.
    """
    m = _NAME_OF_BODY.search(text)
    return m if m and (m.group("comma") or " " in m.group("name")) else None
# a preposition right before a phrase: the phrase is its object, no subject ("in a written reply")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|at|by|with|from|for|of|to|via|through)\s+$")
# a quotation opening its block, a colon, the speaker, then nothing or "on"/"says" ... (a headline's convention)
_QUOTE_COLON_NAME = re.compile(rf":\s+(?P<speaker>{_NAME})"
                               r"(?=\s+(?:on|says|tells|talks|reveals|admits|explains)\b|\s*$)")
# after a description that follows the verb: ", Ann Lee." (the apposed name closing the sentence)
_APPOSED_NAME_AFTER = re.compile(rf",\s+(?P<name>{_NAME})\s*(?:[.;]|$)")
# a name, an optional age, then the comma that opens an apposition: "Husband Steve, 61, "
_APPOSED_NAME = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?$")


def _common_word(speaker: str, text: str) -> bool:
    """A one-word "name" that its paragraph also writes in lower case ("Night fell ... the night"): a word."""
    word = speaker.strip()
    return " " not in word and word.isalpha() and re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


_RELATIVE_CALLER = re.compile(
    rf"\b(?:which|whom|that|what|who)\s+(?P<speaker>{_NAME}|{_PRON})\s+{_AUX}(?:called|described|dubbed|termed|"
    rf"labell?ed|branded|deemed|named|considers|considered|calls|describes)\b(?:\s+(?:it|them|him|her|as))*\s*$")
_FRONTED = re.compile(r"^\s*(?:In|On|At|After|Before|During|Earlier|Later|Speaking|Asked|Writing|Responding|"
                      r"Outside|Inside|Years|Months|Weeks|Days|Decades)\b[^,\"“”]{0,80},\s+|"
                      # a time phrase ending in "later" / "ago": "Three decades later, ", "Two weeks ago, "
                      r"^\s*[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:later|ago|on|earlier),\s+")
# after a fronted phrase, a described subject (an owner's relative: "Mr Lee's sister") and its apposed name
_FRONTED_APPOSITIVE = re.compile(rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{_DESC},\s+(?P<speaker>{_NAME}),\s+"
                                 r"(?:\w+ly\s+|also\s+)?[a-z]")
# "he"/"she" as the subject after a fronted phrase: the pronoun, then a lower-case verb
_PRONOUN_SUBJECT = re.compile(r"(?P<speaker>[Hh]e|[Ss]he)\s+(?:\w+ly\s+|still\s+|also\s+)?[a-z]{2,}")
# the parenthesis "as she puts it", "as Ann Lee described it", "as the minister put it"
_AS_SPEAKER_PUTS_IT = re.compile(rf"\bas\s+(?P<speaker>{_PRON}|{_NAME}|[Tt]he\s+[a-z]+)\s+"
                                 r"(?:puts|put|described|describes|says|said|calls|called)\s+it\b")


_DETERMINERS = {"the", "a", "an", "another", "its", "his", "her", "their"}
_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
                "must", "should", "did", "does"}


# (rules14: a "which" clause may stand between the body and its verb, "The Group of X, which had lobbied ..., said")
_THE_BODY_SUBJECT = re.compile(r"\s*The\s+(?P<name>[A-Z][\w'’\-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'’\-]*)+)"
                               r"(?:\s+\([A-Z]{2,8}\))?(?:,\s+which\s[^,\"“”]{1,120},)?\s+[a-z]")


def _sentence_subject(sentence: str, bodies: str = "") -> tuple[str, int] | None:
    """The subject at the start of ``sentence``: a name, or a determiner and up to 4 words ended by a verb.

    With ``bodies`` ("any", or "said": only before a reporting verb), "The" and a body's long capitalised name
    (its initials in brackets after it) too.

    The end of a description is found without a tagger: the first word
    ending in -ed, an auxiliary, or a reporting verb; no such word, no subject.
    """
    words = list(re.finditer(r"[\w'’\-]+", sentence))
    if not words:
        return None
    first = words[0].group()
    if bodies and first == "The" and (m := _THE_BODY_SUBJECT.match(sentence)) and _organisation(m.group("name")) and (
            bodies == "any" or re.match(rf"(?:\w+ly\s+)?{_VERB}\b", sentence[m.end() - 1 :])):
        # rules13: "The Velden Association of Grain Processors (VAGP) welcomed ...": a body's long name, its
        # initials after it, is the subject (more than the four words a description is given)
        return m.group("name"), m.start("name")
    if first.lower() in _DETERMINERS:
        for k in range(1, min(6, len(words))):
            w = words[k].group()
            if w.endswith("ed") or w.lower() in _AUXILIARIES or w in REPORTING_VERBS:
                return (sentence[words[0].start() : words[k - 1].end()], words[0].start()) if k >= 2 else None
        return None
    # (a firm's name may join two names with "&": "Harrow & Lisle described ...")
    m = re.match(rf"\s*(?P<name>{_NAME}(?:\s+&\s+{_NAME})?)\s+[a-z]", sentence)
    if m and first not in _STOP_CAPS:
        if m.group("name").endswith(("'s", "’s")):  # "Acme's board described ...": a possessive subject
            return _possessive_subject(m.group("name"), sentence[m.end("name"):]), m.start("name")
        return m.group("name"), m.start("name")
    return None


_HONORIFIC_NAME = re.compile(r"\b(?P<name>(?:Mr|Mrs)\.?\s+[A-Z][\w'’\-]+)")


def honorific_mentions(article: Article) -> list[tuple[int, str]]:
    """``(offset, "Mr. X")`` of every "Mr./Mrs. Surname" in the article, for :func:`resolve_relation`.

    >>> honorific_mentions(Article.from_text("My dear Mr. Bennet, Mrs. Long is here.", id="x"))
    [(8, 'Mr. Bennet'), (20, 'Mrs. Long')]
    """
    return [(b.start + m.start(), m.group("name")) for b in article.blocks for m in _HONORIFIC_NAME.finditer(b.text)]


# a capitalised word, and (looked ahead, not consumed: "When Catherine" must still find "Catherine") the next one
_GIVEN_NAME = re.compile(r"(?<![\w'’.])(?P<given>[A-Z][a-z]+)(?![\w'’])(?=(?P<rest>\s+[A-Z][a-z]+(?![\w'’]))?)")


def given_name_mentions(article: Article) -> list[tuple[int, str]]:
    """``(offset, name)`` of every given name of the gender lexicon ("Catherine", "Henry Tilney"), for fiction.

    A novel's narration names its characters by their given names far more than by a speech verb;
    these mentions are antecedents for "he"/"she" and the other persons of turn-taking.

    >>> given_name_mentions(Article.from_text("Then Catherine saw Henry Tilney and Mr. Allen.", id="x"))
    [(5, 'Catherine'), (19, 'Henry Tilney')]
    """
    out = []
    for b in article.blocks:
        for m in _GIVEN_NAME.finditer(b.text):
            given, rest = m.group("given"), (m.group("rest") or "").strip()
            if given.lower() in _FEMALE_NAMES or given.lower() in _MALE_NAMES:
                if rest and rest not in _STOP_CAPS and rest.lower() not in _FEMALE_NAMES | _MALE_NAMES:
                    given = f"{given} {rest}"  # "Henry Tilney"; not "Catherine The ...", "Henry James"
                out.append((b.start + m.start(), given))
    return out


# "the company said": an organisation described by its kind, in news the one the lead is about
_ORGANISATION_DESCRIPTIONS = frozenset(f"the {w}" for w in """company club firm group carmaker automaker bank
    airline retailer insurer lender team""".split())
_LEAD_SUBJECT = re.compile(r"^(?:The\s+)?(?P<name>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){1,3})\s+"
                           r"(?:is|are|has|have|had|was|were|will|said|says|[a-z]+ed|[a-z]+s)\b")
# (rules14: a month's abbreviation may stand in it, "SAPPORO, Dec. 2 Kyodo - ")
_DATELINE_PREFIX = re.compile(r"^(?:[^.!?\"“]|\.(?=\s+\d)){0,60}?\s(?:-{1,2}|–|—)\s+")


# "the centre", "the agency", "the trust": the organisation of that kind the article named before
_NAMED_KINDS = frozenset("""centre center agency ministry trust authority council department commission institute
    university foundation union federation committee board charity association society service fund party embassy
    bureau office institution organisation organization alliance coalition court network forum""".split())
# the bodies a one-word place name may own, written after it in lower case: "Nuuk municipality", "Hanoi police"
_BODY_KINDS = _NAMED_KINDS | {"municipality", "government", "police", "administration", "parliament"}


def named_organisation(article: Article, speaker: str, before: int) -> str | None:
    """The organisation a "the" + kind description ("the centre", "the agency") stands for: the nearest name
    before offset ``before`` that ends in that kind word ("Marine Research Centre", "Coastal Trust").

    >>> a = Article.from_text("The Marine Research Centre published data. “Seas rise,” the centre said.", id="x")
    >>> named_organisation(a, "the centre", 45), named_organisation(a, "the minister", 45)
    ('Marine Research Centre', None)

    (rules14) The kind word may open the name, before its "of" or "for" phrase: "the Department of Tourism"
    for "the department".

    >>> a = Article.from_text("The Department of Tourism cut fees. It is “fair”, according to the department.", id="x")
    >>> named_organisation(a, "the department", 60)
    'Department of Tourism'
    """
    words = speaker.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in _NAMED_KINDS:
        return None
    kind = words[1].lower()
    found, at, end = None, -1, -1
    text = article.text[:before]
    for m in re.finditer(rf"(?<![\w'’])(?P<name>(?:[A-Z][\w&'’.\-]*\s+(?:(?:of|for|and|&)\s+)?){{1,4}}"
                         rf"(?i:{kind}))\b", text):
        name = m.group("name")
        parts = name.split()
        if parts[0] in ("The", "A", "An") or parts[0] in _STOP_CAPS:
            parts = parts[1:]
        if len(parts) >= 2 and parts[-1][:1].isupper():
            # (rules14: and the "of" phrase after the kind word, "Albanian National Institute of Cultural Heritage")
            tail = _OF_NAME_TAIL.match(text, m.end())
            found, at, end = " ".join(parts) + (tail.group() if tail else ""), m.start(), m.end() + (
                len(tail.group()) if tail else 0)
    for m in re.finditer(rf"(?<![\w'’]){kind.capitalize()}\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’\-]*"
                         rf"(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&'’\-]*){{0,3}}", text):
        if m.start() > at and m.start() >= end:  # (the nearest naming wins; not the tail of the one above)
            found, at = m.group(), m.start()
    return found


# rules14: the "of" phrase of a body's name after its kind word: " of Cultural Heritage"
_OF_NAME_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’\-]*"
                           r"(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&'’\-]*){0,3}")
# rules14: a sentence opening with "It" and a verb ("It described the floor as ‘...’"): a body's words
_IT_OPENING = re.compile(r"\s*It\s+(?:also\s+|\w+ly\s+)?[a-z]{2,}")


def it_opened(text: str, offset: int) -> int | None:
    """(rules14) The offset of the "It" opening the sentence that holds ``offset`` of ``text`` (a paragraph),
    when a verb follows it ("It called the plan “reckless”."), else None.

    >>> it_opened("The board met. It called the plan “reckless”.", 35)
    15
    """
    start, _ = _sentence_bounds(text, offset, offset)
    m = _IT_OPENING.match(text, start)
    return start + len(m.group()) - len(m.group().lstrip()) if m else None


# "Kelowna-based Ridgeline Vision": how news introduces a firm, by where it is based
_BASED_FIRM = re.compile(r"\b[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?-based\s+"
                         r"(?P<name>[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})")
_FIRM_NOUNS = frozenset({"company", "firm", "startup", "start-up", "maker", "manufacturer", "developer", "operator",
                         "airline", "carrier", "retailer", "insurer", "lender", "miner", "producer", "supplier"})
_FIRM_DESCRIPTIONS = frozenset(f"the {n}" for n in _FIRM_NOUNS)


# a firm introduced by what it is, its name apposed: "the terminal operator, Terminal Sur,", "Morocco's second
# airline, Atlas Air,", "its parent company, Arlo Group,"
_APPOSED_FIRM = re.compile(rf"\b(?:the|its|their|[A-Z][\w'’\-]*['’]s)\s+(?:[a-z][\w\-]*\s+){{0,3}}"
                           rf"(?:{'|'.join(sorted(_FIRM_NOUNS))}),\s+(?P<name>{_NAME}),")


# rules14: what "it said" stands for when no organisation was found as a speaker: the body that opens its own
# sentence ("The environmental group Ore Watch called for ..., which it said ..."), or the sentence before ("Te
# Kura, the regional authority, welcomed the bill. In a statement, it said ..."), or the body of a tag ending the
# sentence before ("..., the ministry said. “...,” it said")
_BODY_KIND_WORDS = ("group|company|firm|ministry|department|authority|agency|council|association|union|institute|"
                    "organisation|organization|body|board|office|commission|federation|charity|bank|club|party|"
                    "government|secretariat|trust|foundation|coalition|alliance|network|cooperative|operator")
_BODY_SUBJECT = re.compile(
    rf"^\s*(?:(?:In|Separately|Meanwhile)\b[^,\"“”]{{0,40}},\s+)?(?:"
    rf"(?P<described>[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,3}}(?:{_BODY_KIND_WORDS})\s+(?P<named>{_NAME}))(?=[\s,])|"
    rf"(?P<apposed>{_NAME}),\s+(?:the|a|an)\s+[^,\"“”]{{0,60}}?\b(?:{_BODY_KIND_WORDS})\b[^,\"“”]{{0,60}},|"
    rf"(?P<kind>[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{_BODY_KIND_WORDS}))\s+(?:said|says|added|told)\b)")
_BODY_TAG_END = re.compile(rf",\s+(?P<kind>the\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{_BODY_KIND_WORDS}))\s+"
                           r"(?:said|says|added)[.!]?\s*$")


def body_antecedent(article: Article, text: str, offset: int, before: int) -> str | None:
    """(rules14) The body an "it" tag at ``offset`` of ``text`` (a paragraph) stands for, or None: the body
    opening its own sentence or the sentence before, or ending the sentence before as a tag's "the ministry
    said" (a kind described with "the" is the organisation of that kind named before offset ``before`` of the
    article, :func:`named_organisation`, else the description itself).

    >>> a = Article.from_text("The campaign group Ore Watch called for a ban, which it said was overdue.", id="x")
    >>> body_antecedent(a, a.blocks[0].text, 57, 57)
    'Ore Watch'
    """
    start, _ = _sentence_bounds(text, offset, offset)
    sentences = [text[start:offset]]
    if (prev := _sentence_before(text, offset)) is not None:
        sentences.append(prev[1])
    for k, sentence in enumerate(sentences):
        m = _BODY_SUBJECT.match(sentence)
        kind = None
        if m is not None and m.group("named"):
            return m.group("named")
        if m is not None and m.group("apposed") and not _common_word(m.group("apposed"), text):
            return clean_name(m.group("apposed"))
        if m is not None and m.group("kind"):
            kind = m.group("kind")
        elif k == 1 and (t := _BODY_TAG_END.search(sentence.rstrip())) is not None:
            kind = t.group("kind")
        if kind is not None:
            head = kind.split()[-1]
            return named_organisation(article, f"the {head}", before) or kind
    return None


def based_firm(article: Article, speaker: str, before: int) -> str | None:
    """The firm "the company" stands for when the article introduced one by its base ("Oslo-based Nordvik
    Systems") or by what it is, its name apposed ("the terminal operator, Terminal Sur,"; "the airline" after
    "the country's second airline, Atlas Air,") before offset ``before``: the nearest such name, or None.

    >>> a = Article.from_text("Cameras made by Leeds-based Arlo Vision. The company says “it works”.", id="x")
    >>> based_firm(a, "The company", 60)
    'Arlo Vision'
    """
    if speaker.lower() not in _FIRM_DESCRIPTIONS:
        return None
    window = max(0, before - 5000)  # (the nearest introduction, in a window: a test per "the company" stays linear)
    found = [(m.start(), m.group("name")) for m in _BASED_FIRM.finditer(article.text, window, before)]
    found += [(m.start(), m.group("name")) for m in _APPOSED_FIRM.finditer(article.text, window, before)
              if not _is_title(m.group("name").split()[-1])]
    return max(found)[1] if found else None


def organisation_antecedent(article: Article, speaker: str) -> str | None:
    """The organisation "the company" / "the club" stands for in a news story: the lead's subject.

    A story about a company or a club names it as the subject of its first sentence ("Helix
    Motors is recalling ...", "Bristol Rovers have sacked ...") and then calls it by its kind.
    None when ``speaker`` is no such description, or the lead's subject is no name of two or more
    capitalised words (a person's given name or a title first is a person, not an organisation).

    >>> a = Article.from_text("Recall\\n\\nMarch 3 (Reuters) - Helix Motors is recalling 310,000 cars.", id="x")
    >>> organisation_antecedent(a, "the company"), organisation_antecedent(a, "the minister")
    ('Helix Motors', None)
    """
    if speaker.lower() not in _ORGANISATION_DESCRIPTIONS:
        return None
    lead = next((b.text for b in article.blocks if b.kind == "paragraph" and len(b.text.split()) >= 8), None)
    if lead is None:
        return None
    m = _LEAD_SUBJECT.match(lead[_DATELINE_PREFIX.match(lead).end() if _DATELINE_PREFIX.match(lead) else 0:])
    if m is None:
        return None
    words = m.group("name").split()
    if words[0].lower() in _FEMALE_NAMES | _MALE_NAMES or _is_title(words[0]) or words[0] in _STOP_CAPS:
        return None
    return m.group("name")


def role_antecedent(article: Article, speaker: str, before: int) -> str | None:
    """The person a "the" + role description ("said the spinner") stands for: the one the article introduced
    by that role word before offset ``before``.

    News names a person with their role once ("spinner Tom Avery", "Tom Avery, the team's spinner,") and
    then calls them by it.  The nearest such introduction before ``before`` wins; None when ``speaker`` is
    no "the" + one to three lower-case words, or the role word never stands beside a name.

    >>> a = Article.from_text("Spinner Tom Avery took five wickets. “It turned,” said the spinner.", id="x")
    >>> role_antecedent(a, "the spinner", 40), role_antecedent(a, "the report", 40)
    ('Tom Avery', None)
    """
    words = speaker.split()
    if not (2 <= len(words) <= 4 and words[0].lower() == "the" and all(w.islower() for w in words[1:])):
        return None
    text = article.text[:before]
    if words[-1].isascii() and words[-1] not in ascii_fold(text):
        return None  # the role word is nowhere before (both patterns need it): nothing to compile or scan
    titled, apposed = _role_patterns(words[-1])
    found = [(m.start("name"), m.group("name")) for m in titled.finditer(text)]
    found += [(m.start("name"), m.group("name")) for m in apposed.finditer(text)]
    found = [(i, n) for i, n in found if n.split()[0] not in _STOP_CAPS]
    return max(found)[1] if found else None


@lru_cache(maxsize=2048)
def _role_patterns(noun: str) -> tuple[re.Pattern, re.Pattern]:
    """:func:`role_antecedent`'s two patterns for a role word: "spinner Tom Avery" and "Tom Avery, the team's
    spinner".  Kept here because re's own cache (512 patterns, shared with every other pattern built from a
    word of the text) lost them between articles: compiling them again was most of the function's time."""
    noun = re.escape(noun)
    return (re.compile(rf"(?i:\b{noun})\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}})(?![\w'’])"),
            re.compile(rf"(?<![\w'’])(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}}),\s+(?:the|a|an|its|their|"
                       rf"his|her|[A-Z][\w'’\-]*['’]s?)\s+(?:[\w'’\-]+\s+){{0,3}}{noun}\b"))


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two speaker names may be one person: equal, or one's words all among the other's.

    >>> same_person("Henry", "Henry Tilney"), same_person("Mr. Bennet", "Mrs. Bennet"), same_person("Ann", None)
    (True, False, False)
    """
    if a is None or b is None:
        return a is b
    x, y = set(a.replace(".", "").split()), set(b.replace(".", "").split())
    return bool(x) and bool(y) and (x <= y or y <= x)


_WORD = re.compile(r"\w+")  # every reporting verb is one such word (tested): what speaker_candidates' first test needs


# the end of a relative clause that gives the subject's name: "who gave her name only as", "who gave only his
# first name,", "who asked to be identified only as"
_NAMING_CLAUSE_END = re.compile(r"\b(?:name\s+(?:only\s+)?as|first name,?|identified\s+(?:only\s+)?as|"
                                r"known\s+(?:only\s+)?as)\s+$")
# a preposition (and "the") right before a name: the name is a place or body the subject belongs to
_OBJECT_OF_BODY_PREPOSITION = re.compile(r"\b(?:of|from|at|with)\s+(?:the\s+)?$")


def speaker_candidates(article: Article) -> list[tuple[int, str]]:
    """``(offset in article.text, name)`` of the names a pronoun may refer to, from the text alone.

    Names after a title ("President Volodymyr Zelenskiy" gives "Volodymyr
    Zelenskiy") and names that are the subject of a reporting verb
    ("Oleksii Stepanov said he had ..."); named speakers of quotations are
    added by :func:`corpus_tools.find_quotations` as it goes.

    >>> speaker_candidates(Article.from_text("Ann Lee said no. President Bo Li left.", id="x"))
    [(0, 'Ann Lee'), (27, 'Bo Li')]
    """
    candidates: list[tuple[int, str]] = []
    for b in article.blocks:
        candidates.extend((b.start + m.start("name"), m.group("name")) for m in _TITLED.finditer(b.text))
        for m in _ACCORDING_NAME.finditer(b.text) if "ccording to" in b.text else ():
            # "according to IMD scientist Dr. K. Naresh": later "he"
            if speaker_kind(m.group("speaker")) == "name" and not _organisation(m.group("speaker")):
                candidates.append((b.start + m.start("speaker"), clean_name(m.group("speaker"))))
        if REPORTING_VERBS.isdisjoint(_WORD.findall(b.text)):
            # the three subject patterns below end in a reporting verb after white space, a whole word:
            # a block with none is skipped (they cost most of this function on the blocks of a corpus)
            continue
        # (a name ending a relative clause is no speaker: "The 54-year-old, who lives in Leeds, said")
        found = [m for m in _SPEECH_SUBJECT.finditer(b.text)
                 if (not _CLAUSE_ANTECEDENT.search(b.text[max(0, m.start("name") - 120) : m.start("name")])
                     # (unless the clause gives the person's name: "A cook, who gave her name only as Ann, said")
                     or _NAMING_CLAUSE_END.search(b.text, max(0, m.start("name") - 40), m.start("name")))
                 # "Ann Lee, 79, from Leeds, said": Leeds is where she lives; "the people of Leeds were told":
                 # a passive "told" is said to them, not by them
                 and not (_PLACE_BEFORE.search(b.text, max(0, m.start("name") - 6), m.start("name"))
                          and b.text.startswith(",", m.end("name")))
                 and not _PASSIVE_TOLD.search(m.group())
                 # "Dr Ann Lee, of the University of the West Indies, said": the body is the object of "of"
                 and not _OBJECT_OF_BODY_PREPOSITION.search(b.text, max(0, m.start("name") - 12), m.start("name"))
                 # rules13: "a climber waiting for a flight to Lukla said she ...": a name right after a preposition
                 # is its object, the subject is further back
                 and not _PREPOSITION_BEFORE.search(b.text, max(0, m.start("name") - 9), m.start("name"))]
        of_body = list(_SPEECH_SUBJECT_OF.finditer(b.text))
        if of_body:
            # "Ann Lee of the think tank Grupo Norte said": the body right before the verb is the object of "of",
            # not a second speaker (as the nearer candidate it took a later "she")
            inside = [(m.end("name"), m.end()) for m in of_body]
            found = [m for m in found if not any(a < m.start("name") < e for a, e in inside)]
        found += of_body
        candidates.extend((b.start + m.start("name"), m.group("name")) for m in _INDEFINITE_SPEAKER.finditer(b.text)
                          if m.group("noun") in _PERSON_NOUNS)
        for m in _SPEECH_SUBJECT_CLAUSE.finditer(b.text):
            if speaker_kind(m.group("name")) == "description":
                if person_description(m.group("name")):  # "A nurse at the rally, who asked not to be named, said"
                    candidates.append((b.start + m.start("name"), m.group("name")))
            else:
                found.append(m)
        for m in found:
            words = m.group("name").split()
            while words and words[0] in _STOP_CAPS:  # "The Pentagon said" -> "Pentagon"
                words.pop(0)
            if words:
                words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Henry's answer": the name is "Henry"
            if (words and words[-1] and " ".join(words).lower() not in _PRONOUNS and " ".join(words) not in _GROUP_WORDS
                    and not _is_title(words[-1])  # "Nigerian Oil Minister, said": no name ends in a title
                    and (" ".join(words) not in _MONTHS or month_as_name(words[0], b.text))):
                # "... as recently as December, said": a month is no antecedent for a later "he"
                candidates.append((b.start + m.end("name") - len(" ".join(words)), " ".join(words)))
    return sorted(candidates)


_SUBJECT_PARTICLES = "de|del|da|do|dos|das|di|du|van|von|der|den|ter|af|la|le|al|bin|binti|binte|ibn"
# a full name opening a sentence, then its apposition or its verb: "Rosa Diaz, 44, won ...", "Ann Lee won"
_SUBJECT_NAME = re.compile(rf"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’\-]+(?:\s+{_CAP}){{1,2}}"
                           # particles between the words: "Maria do Céu dos Santos", "Jan van der Berg"
                           rf"|[A-Z][\w'’\-]+(?:\s+(?:(?:{_SUBJECT_PARTICLES})\s+){{1,2}}{_CAP}(?:\s+{_CAP})?){{1,2}})"
                           rf"(?=,|\s+[a-z])")


_ROLE_SUBJECT_NAME = re.compile(rf"(?:[A-Z][\w'’\-]*\s+)?(?:[a-z][\w\-]*\s+){{0,2}}(?P<noun>[a-z]+)\s+"
                                rf"(?P<name>[A-Z][\w'’\-]+(?:\s+{_CAP}){{1,2}})(?=,|\s+[a-z])")


def subject_mentions(article: Article) -> list[tuple[int, str]]:
    """``(offset, name)`` of the full names (two or three capitalised words) that open a sentence of a paragraph.

    The last resort for "he"/"she" in news: a story may name its subject only as the subject of an action
    ("Rosa Diaz, 44, won the race ... She told the paper: “...”"), never of a reporting verb,
    so :func:`speaker_candidates` has no antecedent for the pronoun.  Organisations and sentence-opening
    function words ("The", "But") and words in capitals (a dateline's "NEW YORK") are left out.

    >>> subject_mentions(Article.from_text("Rosa Diaz, 44, won. The Lotto paid. Then Bo Li left.", id="x"))
    [(0, 'Rosa Diaz')]
    """
    out = []
    for b in article.blocks:
        if b.kind != "paragraph":
            continue
        for start in (0, *(e for _, e in _sentence_ends(b.text))):
            m = _SUBJECT_NAME.match(b.text, start)
            if m is None:
                # "Cafe owner Ann Lee surveys ...", "Retired dairy farmer Bo Li, 81, ...": a person noun, then
                # the name (the noun in lower case, right before the name)
                m = _ROLE_SUBJECT_NAME.match(b.text, start)
                if m is None or m.group("noun") not in _PERSON_NOUNS:
                    continue
            name = m.group("name")
            if name.split()[0] in _STOP_CAPS or _organisation(name) or _is_title(name.split()[-1]) or any(
                    w.isupper() and len(w) > 1 for w in name.split()):
                continue  # (a word in capitals: a dateline's place, "NEW YORK, March 2 -", or an acronym)
            out.append((b.start + start, clean_name(name)))
    return out


# a sentence's subject: a name (one word too), then a comma clause or a lower-case verb ("Ben, who drove the bus,
# was worse off")
# (rules14: the name's own script in brackets may follow it, "Kuo Shu-fen (郭淑芬), an aquaculture specialist ...,")
_OPENING_SUBJECT = re.compile(rf"\s*(?P<name>{_NAME})(?=(?:\s+\([^()\"“”\sA-Za-z]{{1,12}}\))?"
                              rf"(?:,\s+(?:who|whose|\d{{1,3}},)|\s+(?:\w+ly\s+)?[a-z]{{2,}}"
                              # or a description apposed to it: "Halloran, the world No 4, was gracious"
                              # (rules13: a rank's "No." inside it: "Halloran, the world No. 4, was gracious")
                              rf"|,\s+(?:the|a|an)\s+(?:[^,.;:!?\"“”]|(?<=No)\.(?=\s\d)){{1,80}},\s+(?:\w+ly\s+)?[a-z]{{2,}}))")


# a description opening a sentence, its apposed full name between commas, a lower-case verb
# (or a named owner: "Kieran's mother, Joanne Lee, read ...")
# (rules13: up to five words before the noun, "The company's co-founder and chief technology officer, Bo Li,")
_OPENING_APPOSED_SUBJECT = re.compile(rf"\s*(?:His|Her|Their|Its|The|Our|My|A|An|[A-Z][\w\-]*['’]s)\s+"
                                      rf"(?:[\w'’\-]+\s+){{0,5}}?"
                                      rf"[a-z][\w\-]*,\s+(?P<name>{_NAME}),\s+(?:\w+ly\s+)?[a-z]{{2,}}")


# a named subject after a fronted place phrase, or with a description apposed to it, then a lower-case verb:
# "At the market, Ann Lee, a nurse, had been waiting ...", "Outside the court, Bo Li spoke to no one."
_SCENE_SUBJECT = re.compile(rf"\s*(?:(?:At|In|On|Outside|Inside|Near|Among|Behind|Back in|Back at)\s+"
                            # ("At the centre, Ann Lee, 47, a vendor from Tacloban, sat ...": an age, a description)
                            # (rules13: the place may have its own apposition, "In Velden, a village of 60
                            # households, Ann Lee, 52, ..."; and a fronted question, "Asked whether ..., Lee smiled.")
                            # (rules14: any lower-case apposition to the place, "On the beach at Yoff, north of the
                            # capital, Ann Lee, who ..., stood": and a relative clause after the name)
                            rf"[^,\"“”]{{1,60}},\s+(?:[a-z][^,\"“”]{{1,60}},\s+)?"
                            rf"|(?:Asked|Pressed|Questioned)\s+(?:whether|if|about|why|how|what|when)\s+[^,\"“”]{{1,80}},\s+)?"
                            rf"(?P<name>{_NAME})(?:,\s+\d{{1,3}},)?"
                            rf"(?:,?\s+(?:a|an|the)\s+[^,\"“”]{{1,60}},|,\s+who\s[^,\"“”]{{1,120}},)?"
                            rf"\s+(?:\w+ly\s+)?[a-z]{{2,}}")


def previous_paragraph_subject(paragraph: str, known_surname: Callable[[str], bool] | None = None
                               ) -> tuple[int, str] | None:
    """``(offset, name)`` of the named person who is the subject of the last sentence of ``paragraph``, or None.

    News often gives a person a sentence of their own and quotes them in the next paragraph with a pronoun:
    "Brenner, 29, was gracious in defeat." / "“...,” he told reporters."  The same test as
    :func:`previous_sentence_subject`, across the paragraph break.

    >>> previous_paragraph_subject("The final went to armageddon. Ivo Marten, 29, was gracious in defeat.")
    (30, 'Ivo Marten')
    """
    # (a quotation after it; a one-word subject counts as the surname of a person named in full before)
    found = previous_sentence_subject(paragraph + " “Yes.”", len(paragraph) + 3, known_surname)
    if found is None and (last := _PRONOUN_OPENING.search(paragraph)) and last.start() > 0:
        # "Lee, 44, learned of it in 2021. She said on Tuesday that ...": the last sentence goes on with the
        # pronoun, so the person is the subject of the sentence before it
        found = previous_sentence_subject(paragraph, last.start() + 1, known_surname)
    if found is None and not any(c in paragraph for c in QUOTE_CHARACTERS):
        # rules13: "Imports have risen, said Ann Lee, head of the association." / "“...,” she said.": the person
        # of an inverted tag closing the paragraph is the one it was about
        stripped = paragraph.rstrip()
        start, _ = _sentence_bounds(stripped, len(stripped) - 1, len(stripped) - 1)
        m = next(_INVERTED_SPEAKER.finditer(stripped, start), None)
        if m is not None and " " in m.group("speaker") and speaker_kind(m.group("speaker")) == "name" and not (
                _organisation(m.group("speaker")) or _common_word(m.group("speaker"), paragraph)):
            found = (m.start("speaker"), clean_name(m.group("speaker")))
    return found


# the last sentence of a paragraph, opening with "He"/"She" (no sentence end after it)
_PRONOUN_OPENING = re.compile(r"(?<=[.!?]\s)(?:He|She)\s+[^.!?]*[.!?]?\s*$")


# an unnamed person opening a sentence, the words after the determiner ("A truck driver waiting in ...", "a
# retired tram driver who ..."); after "Another shopper," or "One of them," the apposed description, the more
# specific ("Another shopper, a security guard in the city centre, said")
_OPENING_INDEFINITE = re.compile(r"\s*(?:(?:Another|One)\s+(?:of\s+them|[a-z][\w\-]*),\s+)?"
                                 r"(?P<det>An?|Another|One|an?)\s+(?P<words>[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){0,3})")


_OPENING_INDEFINITE_ONLY = re.compile(r"\s*(?P<det>An?|Another|One)\s+"
                                      r"(?P<words>[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){0,3})")


def _sentence_description(sentence: str, pronoun: str) -> tuple[int, str] | None:
    """``(offset, description)`` of the unnamed person (a person noun within four words of the determiner) that
    opens ``sentence``, unless the noun is of the other gender than ``pronoun``."""
    m = _OPENING_INDEFINITE.match(sentence)
    words = m.group("words").split() if m else []
    k = next((i for i, w in enumerate(words) if w in _PERSON_NOUNS), None)
    if k is None and m is not None and m.start("det") > len(sentence) - len(sentence.lstrip()):
        # "Another shopper, a night porter at ...": an apposition of no person noun leaves "Another shopper"
        m = _OPENING_INDEFINITE_ONLY.match(sentence)
        words = m.group("words").split() if m else []
        k = next((i for i, w in enumerate(words) if w in _PERSON_NOUNS), None)
    if k is None or words[k] in (_FEMALE if pronoun == "he" else _MALE):
        return None
    if named := _GIVEN_AS.search(sentence):
        # "A student who gave her name only as Mariam", "A woman surnamed Wong": the name the text gives
        return named.start("name"), named.group("name")
    return m.start("det"), " ".join([m.group("det"), *words[: k + 1]])


# a clause that gives an unnamed person's name: "who gave her name only as Mariam", "surnamed Wong"
_GIVEN_AS = re.compile(rf"\b(?:name\s+(?:only\s+)?as|identified\s+(?:only\s+)?as|known\s+(?:only\s+)?as|"
                       rf"surnamed|named|called)\s+(?P<name>{_NAME})")


def previous_sentence_description(text: str, offset: int, pronoun: str) -> tuple[int, str] | None:
    """``(offset, description)`` of the unnamed person who opens the sentence right before the one holding
    ``offset``, when that sentence calls them by the tag's pronoun (``pronoun``, "he" or "she"), or None.

    News introduces an unnamed witness with a sentence of reported speech and quotes them in the next:
    "A truck driver in the queue said he had slept in his cab. “We pay,” he said."  The pronoun inside the
    sentence ("said he had") is what shows the description is the person the tag's pronoun stands for.

    (rules14) A noun of the pronoun's gender shows it as well, with no pronoun in the sentence: "A spokesman for
    the port said work would resume. “We are ready,” he said."

    >>> previous_sentence_description("A nurse at the gate said she was tired. “No,” she said.", 41, "she")
    (0, 'A nurse')
    >>> previous_sentence_description("A spokeswoman for the line said it was late. “No,” she said.", 46, "she")
    (0, 'A spokeswoman')
    """
    before = _sentence_before(text, offset)
    if before is None:
        return None
    prev_start, sentence = before
    if any(c in sentence for c in QUOTE_CHARACTERS):
        return None
    found = _sentence_description(sentence, pronoun)
    if found and not re.search(rf"\b{pronoun}\b", sentence) and (
            found[1].split()[-1] not in (_MALE if pronoun == "he" else _FEMALE)):
        return None  # no pronoun, and a noun of either gender ("A nurse ... said the wards were full."): no sign
    return (prev_start + found[0], found[1]) if found else None


# a full name with an apposition that makes it a person: an age, a description, a relative clause
_APPOSED_PERSON = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}),\s+(?:\d{{1,3}},|(?:a|an|who)\s)")


def last_apposed_person(paragraph: str) -> tuple[int, str] | None:
    """``(offset, name)`` of the last full name (two words or more, no organisation) of ``paragraph`` that an
    apposition marks as a person ("by Tom Hale, a student from Truro,", "Ana Rios, 68,", "Bo Li, who ..."), or None.

    The last resort for a pronoun nothing else resolves, in the paragraph after: news introduces a person
    in any position of a sentence, the object of "by" too, and goes on with "he said".

    >>> last_apposed_person("The bird was found by Tom Hale, a student from Truro, on Monday.")
    (22, 'Tom Hale')
    """
    found = None
    for m in _APPOSED_PERSON.finditer(paragraph):
        name = clean_name(m.group("name"))
        if len(name.split()) >= 2 and not _organisation(name) and name.split()[0] not in _STOP_CAPS:
            found = (m.start("name"), name)
    return found


def previous_paragraph_description(paragraph: str, pronoun: str) -> tuple[int, str] | None:
    """``(offset, description)`` of the unnamed person who opens the last sentence of ``paragraph`` (no
    quotation in it), or None: "One of them, a retired tram driver, put it simply." / "“...,” he said."

    >>> previous_paragraph_description("Fans queued. One of them, a retired nurse, put it simply.", "she")
    (26, 'a retired nurse')
    """
    start, _ = _sentence_bounds(paragraph, len(paragraph) - 1, len(paragraph) - 1)
    sentence = paragraph[start:]
    if any(c in sentence for c in QUOTE_CHARACTERS):
        return None
    found = _sentence_description(sentence, pronoun)
    return (start + found[0], found[1]) if found else None


# the first words of _SCENE_SUBJECT's fronted places, which _OPENING_SUBJECT takes for a one-word subject ("Back in
# Botanica, Lee has applied": "Back" before a lower-case word)
_SCENE_OPENERS = frozenset({"At", "In", "On", "Outside", "Inside", "Near", "Among", "Behind", "Back"})


def previous_sentence_subject(text: str, offset: int,
                              known_surname: Callable[[str], bool] | None = None) -> tuple[int, str] | None:
    """``(offset, name)`` of the named subject of the sentence right before the one holding ``offset`` in ``text``
    (a paragraph; ``offset`` inside the sentence, not on its first character), or None.

    A pronoun tag ("“...,” he said") opening a sentence refers, in news as in any prose, to the subject of the
    sentence just before it in the same paragraph, when that subject is a person named there: "Ben, who drove
    the bus, was worse off. “I could not feel my legs,” he said."  A one-word
    subject counts only with a relative clause or an age after it, as a given name of the gender lexicon
    ("Turnout was low." names nobody), or as the surname of a person the article has named in full
    (``known_surname``: "Hung was not reassured." after "Tran Van Hung, 34, ... said"); a fronted place or
    an apposed description may stand around a full name ("At the market, Ann Lee, a nurse, had waited.").

    >>> previous_sentence_subject("I got a day. Tom, who rides more, did not. “No,” he said.", 45)
    (13, 'Tom')
    """
    before = _sentence_before(text, offset)
    if before is None:
        return None
    prev_start, sentence = before
    m = _OPENING_SUBJECT.match(sentence)
    if (m is None or m.group("name").split()[0] in _POSSESSIVES | _STOP_CAPS
            or re.search(r"['’]s$", m.group("name"))) and (
            sentence.lstrip()[:1] in "HITOMA" or re.match(r"\s*[A-Z][\w\-]*['’]s\s", sentence)):
        # "Her agent, Ann Lee, remembers ...", "The club's owner, Bo Li, was ...": the name apposed to the subject
        m = _OPENING_APPOSED_SUBJECT.match(sentence)
    if (m is None or m.group("name") in _SCENE_OPENERS) and sentence.lstrip()[:1] in "AIOBN":
        # "At the market, Ann Lee, a nurse, had waited an hour.": a fronted place, an apposed description
        m = _SCENE_SUBJECT.match(sentence)
    if (m is None or " " not in m.group("name")) and not any(c in sentence for c in QUOTE_CHARACTERS):
        # "Head coach Ann Lee was proud of them.", "Italy captain Bo Li was unhappy.": a role noun in lower case
        # right before the full name (the capitalised word opening the sentence is no one-word subject)
        lead = len(sentence) - len(sentence.lstrip())
        role_named = _ROLE_SUBJECT_NAME.match(sentence, lead)
        # (rules14: or a person noun, "The veteran grower Ann Lee, 68, said ...")
        if role_named is not None and (_is_title(role_named.group("noun").capitalize())
                                       or role_named.group("noun") in _PERSON_NOUNS):
            m = role_named
    if m is None or any(c in sentence for c in QUOTE_CHARACTERS):
        return None
    name = m.group("name")
    if " " not in name and not (re.match(r",\s+(?:who|whose|\d)", sentence[m.end("name"):])
                                or name.lower() in _FEMALE_NAMES | _MALE_NAMES
                                or (known_surname is not None and known_surname(name))):
        return None  # one capitalised word opening a sentence ("Turnout was low.") is a person only so marked
    if (name.split()[0] in _STOP_CAPS or name in _POSSESSIVES or name.lower() in _PRONOUNS or _organisation(name)
            or _common_word(name, text) or _is_title(name.split()[-1]) or name in _GROUP_WORDS
            # (rules14: a middle initial, "Andreas P. Maniatis", is no word in capitals)
            or any(w.rstrip(".").isupper() and len(w.rstrip(".")) > 1 for w in name.split())):
        return None
    return prev_start + m.start("name"), clean_name(name)


class CandidateIndex:
    """The candidate antecedents of an article, sorted by offset, with a lookup per pronoun in O(log n).

    Holds :func:`speaker_candidates` and the names :func:`corpus_tools.find_quotations` adds as it
    goes.  Each candidate is filed once under every class of pronoun it may stand for (``"he"``: no
    organisation and not female; ``"she"``: no organisation and not male; ``"person"``: no
    organisation; ``"org"``: an organisation, for "it"; ``"all"``), so resolving a pronoun never walks
    back over candidates it must skip (that walk made a long text of "she said" after "Mr. X said"
    quadratic).  Inside each class the names found in the text and the names added later are kept in
    two sorted lists: additions come in text order, so inserting one is an append, not a shift of the
    whole list.

    >>> idx = CandidateIndex([(0, "Sam Lee"), (10, "Acme Corp"), (20, "Mr. Bo")])
    >>> idx.resolve("she", 30), idx.resolve("he", 30), idx.resolve("he", 15)
    ('Sam Lee', 'Mr. Bo', 'Sam Lee')
    """

    def __init__(self, candidates: list[tuple[int, str]] = ()):
        self._fixed: dict[str, list[tuple[int, str]]] = {c: [] for c in ("he", "she", "person", "org", "all")}
        self._added: dict[str, list[tuple[int, str]]] = {c: [] for c in ("he", "she", "person", "org", "all")}
        self._learned: dict[str, str] = {}  # name -> "m"/"f", from the pronouns the text has resolved to it
        self._learned_surnames: dict[str, str] = {}  # the last word of those names -> the same
        self._surnames: dict[str, int] = {}  # the last word of each name of two words or more -> its first offset
        for item in sorted(candidates):
            for c in _classes(item[1]):
                self._fixed[c].append(item)
            self._file_surname(*item)

    def add(self, offset: int, name: str, gender: str | None = None) -> None:
        """File one more candidate (usually after every one filed so far: then an append).

        ``gender`` (``"m"`` or ``"f"``) when the caller knows it and the name does not tell it
        (fiction's "Captain Whitcombe": the lexicon gives a title no gender, a novel's captain is a man).
        """
        classes = _classes(name) if gender is None or _organisation(name) else \
            ("all", "person", "he" if gender == "m" else "she")
        for c in classes:
            bisect.insort(self._added[c], (offset, name))
        self._file_surname(offset, name)

    def _file_surname(self, offset: int, name: str) -> None:
        words = name.split()
        if len(words) > 1 and offset < self._surnames.get(words[-1], offset + 1):
            self._surnames[words[-1]] = offset

    def names_surname(self, word: str, before: int) -> bool:
        """Whether a candidate of two words or more ending in ``word`` stands before offset ``before`` ("Hung"
        after "Tran Van Hung"): a one-word sentence subject is then that person."""
        return self._surnames.get(word, before) < before

    def learn(self, name: str, gender: str) -> None:
        """Record that the text calls ``name`` "he" (``"m"``) or "she" (``"f"``): a name the lexicon gives no
        gender ("Marie-Claude Roy", "she said" resolved to her) is then no antecedent of the other pronoun."""
        self._learned.setdefault(name, gender)
        self._learned_surnames.setdefault(name.split()[-1], gender)

    def _learned_gender(self, name: str) -> str | None:
        """The gender the text gave ``name``, or the surname alone ("De Wit", "Lee") the gender of the full
        name it ends ("Femke de Wit", "Ann Lee")."""
        if name in self._learned:
            return self._learned[name]
        words = [w for w in name.split() if w.lower() not in _PARTICLE_WORDS]
        return self._learned_surnames.get(words[-1]) if len(words) == 1 else None

    def _nearest_of_gender(self, cls: str, before: int, gender: str, steps: int = 6) -> str | None:
        """The nearest candidate of class ``cls`` before ``before`` that the text has not called the other
        gender, looking back at most ``steps`` candidates (a bounded walk: resolving stays O(log n))."""
        lists = [(items, bisect.bisect_left(items, (before,))) for items in (self._fixed[cls], self._added[cls])]
        (a, i), (b, j) = lists
        for _ in range(steps):
            if i == 0 and j == 0:
                return None
            if j == 0 or (i and a[i - 1] > b[j - 1]):
                i -= 1
                item = a[i]
            else:
                j -= 1
                item = b[j]
            if (self._learned_gender(item[1]) or gender) == gender:
                return item[1]
        return None

    def nearest(self, cls: str, before: int) -> str | None:
        """The candidate of class ``cls`` nearest before offset ``before`` (None if there is none)."""
        best = self.nearest_item(cls, before)
        return best[1] if best else None

    def nearest_item(self, cls: str, before: int) -> tuple[int, str] | None:
        """``(offset, name)`` of the candidate of class ``cls`` nearest before offset ``before``."""
        best = None
        for items in (self._fixed[cls], self._added[cls]):
            i = bisect.bisect_left(items, (before,))
            if i and (best is None or items[i - 1] > best):
                best = items[i - 1]
        return best

    def resolve_description(self, speaker: str, before: int, since: int) -> str:
        """A second reference by role ("said the midfielder") as the person named since offset ``since``.

        News names a person, then refers to them by their role in the same paragraph ("Captain Paul
        Coutts said ... “...,” said the midfielder."): "the" and one or two words whose last is a
        person noun, gender-compatible, resolve to the nearest named candidate of the paragraph
        (``since``: its start).  Otherwise ``speaker`` as it is.

        >>> CandidateIndex([(0, "Paul Coutts")]).resolve_description("the midfielder", 40, 0)
        'Paul Coutts'
        >>> CandidateIndex([(0, "Paul Coutts")]).resolve_description("the midfielder", 40, 10)
        'the midfielder'
        """
        words = speaker.split()
        if not (2 <= len(words) <= 3 and words[0].lower() == "the" and words[-1].lower() in _PERSON_NOUNS
                and all(w.islower() for w in words[1:])):
            return speaker
        item = self.nearest_item({"m": "he", "f": "she"}.get(_gender(speaker), "person"), before)
        if item is None or item[0] < since or speaker_kind(item[1]) != "name":
            return speaker
        return item[1]

    def recent(self, before: int, k: int) -> list[tuple[int, str]]:
        """The last ``k`` candidates (any class) before offset ``before``, in offset order."""
        out = []
        for items in (self._fixed["all"], self._added["all"]):
            i = bisect.bisect_left(items, (before,))
            out.extend(items[max(0, i - k) : i])
        return sorted(out)[-k:] if k else []

    def resolve(self, speaker: str, before: int) -> str:
        """:func:`resolve_speaker` over this index."""
        if speaker.lower() in _RESOLVABLE or _AGE_DESCRIPTION.match(speaker):
            gender = _gender(speaker)
            cls = {"m": "he", "f": "she"}.get(gender, "person")
            name = self._nearest_of_gender(cls, before, gender) if gender and self._learned else \
                self.nearest(cls, before)
            return speaker if name is None else name
        return speaker


@lru_cache(maxsize=4096)
def _classes(name: str) -> tuple[str, ...]:
    """The pronoun classes of :class:`CandidateIndex` a candidate name belongs to."""
    # ("A Transport Department spokeswoman": a body's word inside, but a person noun at its head)
    if _organisation(name) and not person_description(name):
        return ("all", "org")
    gender = _gender(name)
    return ("all", "person", *(("he",) if gender != "f" else ()), *(("she",) if gender != "m" else ()))


def resolve_speaker(speaker: str, candidates: list[tuple[int, str]] | CandidateIndex, before: int) -> str:
    """The nearest candidate before offset ``before`` for "he"/"she" or "the N-year-old"; else ``speaker``.

    ``candidates``: ``(offset, name)`` pairs sorted by offset, or a :class:`CandidateIndex`
    (the same answer in O(log n)).

    >>> resolve_speaker("she", [(0, "Ann"), (40, "Bo")], 30), resolve_speaker("they", [(0, "Ann")], 30)
    ('Ann', 'they')
    """
    if isinstance(candidates, CandidateIndex):
        return candidates.resolve(speaker, before)
    if speaker.lower() in _RESOLVABLE or _AGE_DESCRIPTION.match(speaker):
        gender = _gender(speaker)
        i = bisect.bisect_left(candidates, (before,))  # candidates are sorted by offset
        while i > 0:
            i -= 1
            name = candidates[i][1]
            if _organisation(name) or (gender and _gender(name) not in (None, gender)):
                continue  # "he" is never a club or a company, nor "she" a Mr.
            return name
        return speaker
    return speaker


_RELATIONS = {"wife": "Mrs.", "lady": "Mrs.", "mother": "Mrs.", "husband": "Mr.", "father": "Mr."}


def resolve_relation(speaker: str, candidates: list[tuple[int, str]], before: int) -> str | None:
    """A family description as the honorific and surname of the nearest "Mr./Mrs. Surname" before ``before``.

    Novels name a couple by one surname and refer to them as "his wife", "her father": "his wife" near
    "Mr. Bennet" is "Mrs. Bennet".  None when ``speaker`` is no such description or no candidate fits.

    >>> resolve_relation("his wife", [(0, "Mr. Bennet")], 10), resolve_relation("the report", [], 10)
    ('Mrs. Bennet', None)
    """
    if speaker_kind(speaker) != "description":
        return None
    head = _description_head(speaker).split()
    if len(head) != 2 or head[0].lower() not in ("his", "her", "their") or head[1].lower() not in _RELATIONS:
        return None
    # whose relation: "his wife" is Mr. X's, "her husband" Mrs. X's; a daughter's father or mother, either's
    possessor = {"his": ("Mr",), "her": ("Mrs",) if head[1].lower() == "husband" else ("Mr", "Mrs")}.get(
        head[0].lower(), ("Mr", "Mrs"))
    i = bisect.bisect_left(candidates, (before,))
    nearest = [*reversed(candidates[:i]), *candidates[i:]]  # the nearest before first, then the ones after
    surnames = [n.split()[1] for _, n in nearest if len(n.split()) == 2 and n.split()[0].rstrip(".") in possessor]
    if not surnames:
        return None
    # the family the text names most often (a visitor's "Mr. Bingley" is mentioned less), ties to the nearest
    counts = {x: surnames.count(x) for x in surnames}
    best = max(surnames, key=lambda x: counts[x])  # max keeps the first, i.e. the nearest, of equal counts
    return f"{_RELATIONS[head[1].lower()]} {best}"


def _organisation(name: str) -> bool:
    words = name.replace(".", " ").split()
    return any(w in _ORGANISATION_WORDS for w in words) or (len(words) == 1 and words[0].isupper()
                                                             and len(words[0]) > 1)


# common English given names (and their usual short forms) whose gender is not in doubt, for "he"/"she":
# a small general lexicon (NLTK's names corpus is a download); a name in neither list has no gender
_FEMALE_NAMES = frozenset("""mary elizabeth anne ann anna jane margaret sarah catherine katherine kate kitty emma
    charlotte harriet lucy louisa caroline frances fanny maria marianne elinor isabella eleanor ellen helen susan
    alice julia sophia sophie georgiana lydia amelia eliza lizzy betsy betty martha rebecca rachel hannah esther
    ruth grace rose edith dorothy agnes clara laura emily olivia victoria jennifer linda patricia barbara karen
    nancy lisa sandra donna carol michelle amanda melissa deborah stephanie laura kimberly jessica angela
    nicole christine maria natalie diana diane julie claire sara hillary angela theresa marie""".split())
_MALE_NAMES = frozenset("""john william james george charles thomas henry edward robert richard frederick
    arthur walter francis joseph samuel benjamin edmund edgar harry jack tom fitzwilliam charles michael david
    daniel paul mark peter andrew stephen steven christopher matthew anthony donald kenneth brian kevin jason
    jeffrey ryan gary timothy larry frank scott eric raymond gregory patrick dennis jerry alexander roger
    philip ralph louis albert hugh lewis ronald joe jim bill bob mike tony""".split())


def _gender(name: str) -> str | None:
    words = [w.lower() for w in name.split()]
    if not words:
        return None
    keys = {words[0], words[-1]}
    if keys & _FEMALE:
        return "f"
    if keys & _MALE:
        return "m"
    if len(words) <= 3 and words[0] in _FEMALE_NAMES:  # "Kitty", "Catherine Morland": a given name first
        return "f"
    if len(words) <= 3 and words[0] in _MALE_NAMES:
        return "m"
    return None


def person_description(speaker: str) -> bool:
    """Whether ``speaker`` describes a person ("the regional manager", "a company spokeswoman").

    >>> person_description("the regional manager for one of the companies"), person_description("the report")
    (True, False)
    """
    if speaker_kind(speaker) != "description":
        return False
    head = _description_head(speaker)
    return head.split()[-1].lower() in _PERSON_NOUNS if head else False


_PARTITIVE = re.compile(r"^[Oo]ne\s+of\s+(?:the|those|its|his|her|their)\s+[a-z][\w\-]*")


def _description_head(speaker: str) -> str:
    """A description cut before its post-modifiers: "the regional manager for one of ..." -> "the regional manager"."""
    # (and the anonymous source's formula: "a source close to ...", "one person familiar with ...")
    head = re.split(r"\s+(?:for|of|who|which|with|at|in|from|on|that|to|by|close|familiar|briefed)\b|,",
                    speaker)[0].strip()
    if (part := _PARTITIVE.match(speaker)) is not None:
        head = part.group()  # "one of the people familiar with ...": "one of the people", the people's one
    cut = re.sub(r"(?:\s+[a-z]+ly)+$", "", head)  # "his wife impatiently" -> "his wife"
    # ... but a noun in -ly after its determiner stays: "his family", "the assembly"
    return cut if len(cut.split()) >= 2 else head


# a role with a lower-case "of" phrase, then the name ending the speaker: "... member of parliament Mr Ann Lee"
_LOWER_OF_ROLE = re.compile(rf"(?:^|\s)[a-z][\w\-]*\s+of\s+(?!the\b)[a-z][\w\-]*\s+(?P<name>{_NAME})$")


@lru_cache(maxsize=8192)
def clean_name(speaker: str) -> str:
    """A speaker as a name: titles, roles and trailing adverbs dropped, descriptions cut to their head.

    >>> clean_name("E.F. Hutton Group analyst Michael Lewis"), clean_name("Sheikh Ali al-Khalifa al-Sabah")
    ('Michael Lewis', 'Ali al-Khalifa al-Sabah')
    >>> clean_name("Elizabeth archly"), clean_name("Mr. Bennet"), clean_name("Dillard Spriggs of Petroleum Analysis")
    ('Elizabeth', 'Mr. Bennet', 'Dillard Spriggs')
    """
    if speaker_kind(speaker) != "name":
        return _description_head(speaker) if speaker_kind(speaker) == "description" else speaker
    if (lower_of := _LOWER_OF_ROLE.search(speaker)) is not None:
        # rules14: "Kabwata independent member of parliament Mr Ann Lee": the role's lower-case "of" phrase is
        # no cut, the name is the run after it
        return clean_name(lower_of.group("name"))
    if (body_role := _BODY_ROLE_NAME.match(speaker)) is not None:
        # rules13: "Directorate General of Civil Aviation head Ann Lee": the body's "of" is no cut, the name is
        # the run after the lower-case role
        return clean_name(body_role.group("name"))  # (rules14: and its honorific, "... spokesperson Mrs Ann Lee")
    name = re.split(r",|\s+(?:of|at|from|for|with|in|on|via|to|who|according)\s+", speaker)[0]
    if any(w in _ORGANISATION_WORDS for w in name.split()) and (
            whole := re.split(r",|\s+(?:at|from|for|with|in|on|via|to|who|according)\s+|\s+of\s+(?=[a-z])",
                              speaker)[0]) != name:
        name = whole  # "Federation of Small Traders", "Bank of England": "of" inside an organisation's name
    words = name.split()
    owner = [i for i, w in enumerate(words[:-1]) if re.search(r"[A-Za-z](?:['’]s?)$", w)]
    if owner and words[-1] in _ORGANISATION_WORDS and words[owner[-1]][-2:] in ("s'", "s’"):
        owner = []  # "Metro Workers’ Union", "the Teachers' Federation": a plural possessive inside a body's name
    if owner and len(words) - owner[-1] - 1 >= 1:
        words = words[owner[-1] + 1 :]  # "Northern Rovers' Sam Kohlar", "the club's Ann Lee": the owner is no name
    if all(_is_title(w) for w in words) and (titled_of := _TITLE_OF_NAME.match(speaker)):
        # "Leader of Opposition Priya Raman", "Secretary of State Ann Lee": the title's complement, then the name
        words = titled_of.group("name").split()
        # rules13: the complement is a portfolio's words ("Minister of Rural Development Ana Ruiz Vera"): the
        # name is everything after its last portfolio word, three words too
        after = speaker[titled_of.end("of") :].split() if titled_of.group("of") else []
        last = max((i for i, w in enumerate(after) if w.lower() in _PORTFOLIO_WORDS), default=None)
        if last is not None and 2 <= len(after) - last - 1 <= 4 and all(_capitalised(w) for w in after[last + 1 :]):
            words = after[last + 1 :]
    if len(words) > 1 and words[0].endswith("-based"):
        words = words[1:]  # "Paris-based Coin de Rue Films": where the firm is, not its name
    if len(words) > 2 and words[0].lower() in _PERSON_NOUNS and words[0].lower() not in _SURNAME_NOUNS:
        words = words[1:]  # rules13: "Agronomist Ann Lee" opening the sentence: the role, capitalised, no name
    if len(words) > 2 and _RANKED.match(words[0]):
        words = words[1:]  # "Third-placed Elsa von Platen", "Top-seeded Ann Lee": a standing, no part of the name
    while (len(words) > 1 and not _capitalised(words[-1]) and words[-1] not in _PARTICLE_WORDS
           and not (len(words) == 2 and words[-1] in _BODY_KINDS)  # ("Nuuk municipality": a place's body)
           and not (len(words) >= 3 and words[-1] in _ORGAN_NOUNS)):  # (rules14: "... Forum secretariat")
        words.pop()  # "Elizabeth archly"
    while len(words) > 2 and words[-1] in _POST_NOMINALS:
        words.pop()  # letters after a name: "Ann Lee SC", "Bo Li MP", "Jo Ames OBE"
    # the last run of capitalised words (and particles) after a lower-case word: "... analyst Michael Lewis"
    # "Dock and Harbour Federation", "Ministry of Industry and Commerce": "and" inside a body's name
    body = words[-1] in _ORGANISATION_WORDS or (words[0] in _ORGANISATION_WORDS and "of" in words)
    for k in range(len(words) - 1, 0, -1):
        if (body or words[k - 1] == "&") and words[k - 1] in ("and", "&", "for") and k >= 2 \
                and _capitalised(words[k - 2]):
            continue  # ("&" joins the names of a firm: "Harrow & Lisle")
        if not _capitalised(words[k - 1]) and words[k - 1] not in _PARTICLE_WORDS and _capitalised(words[k]):
            words = words[k:]
            break
    # drop titles in front while at least one name word remains ("Florida Governor Ron DeSantis" -> "Ron DeSantis");
    # an honorific stays in front of a lone surname ("Mr. Bennet")
    titled = [i for i, w in enumerate(words[:-1]) if _is_title(w)]
    if titled:
        rest = words[titled[-1] + 1 :]
        if len(rest) >= 2 or words[titled[-1]] not in _HONORIFICS:
            words = rest
        else:
            words = words[titled[-1] :]
    return " ".join(words)


# a body's capitalised name (with "of", "for", "and" inside), a lower-case role, then a name of two or three words
_BODY_ROLE_NAME = re.compile(r"^[A-Z][\w&'’\-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&'’\-]*)*\s+(?:of|for)\s+"
                             r"[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*)*\s+"
                             # (a role, not a preposition: "Ann Lee of Acme Ltd in New York" is where she works)
                             r"(?:(?!(?:in|at|from|on|with|to|near|by|and|or|the|a|an|who|said|says)\b)[a-z][\w\-]*\s+){1,3}"
                             r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})$")
# a title with an "of" complement, then a name of two words: "Leader of (the) Opposition Priya Raman"
# the words of a ministry's or an office's portfolio ("Minister of Rural Development", "Secretary of State for
# Energy and Mines"): general words, no name
_PORTFOLIO_WORDS = frozenset("""development affairs health energy mines mining transport transportation finance
    agriculture education justice defence defense interior trade industry labour labor environment tourism culture
    foreign economy economic rural public works water fisheries planning lands land communications infrastructure
    housing welfare security sport sports youth women family social science technology commerce investment
    treasury state opposition""".split())
# a capitalised compound adjective of rank or standing before a name ("Third-placed", "Top-seeded", "Long-serving")
# (rules13: and an age written as an adjective, "Nineteen-year-old Ann Lee", "23-year-old Bo Li")
_RANKED = re.compile(r"^[A-Z][a-z]+-[a-z]+(?:ed|ing)$|^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{1,3})-year-old$")
_TITLE_OF_NAME = re.compile(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?P<of>of)\s+(?:the\s+)?"
                            r"(?:[A-Z][\w'’\-]*\s+(?:(?:and|&)\s+)?){1,3}?"
                            r"(?P<name>[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)$")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or _PREFIXED.match(word) is not None


_PREFIXED = re.compile(r"(?:al|el|bin|ibn|abu|ben|de|van|von|da|di|le|la|d|o)[\-’'][A-Z]")


def _is_title(word: str) -> bool:
    w = word.rstrip(".")
    return w in TITLES or (w[:1].isupper() and w.lower() in _PERSON_NOUNS)


# letters written after a name (rank, office, honour, degree), no part of it
_POST_NOMINALS = frozenset("SC QC KC MP MSP MLA MEP MHK TD OBE MBE CBE KBE DBE PhD".split())
_PARTICLE_WORDS = {"of", "de", "del", "della", "der", "den", "van", "von", "al", "bin", "ibn", "da", "di", "du", "des",
                   "dos", "das", "do", "af", "dela", "delos", "le", "la", "ter", "y", "ap",
                   "mac", "mic", "nic", "ní", "ó", "ua", "uí",  # Irish and Scottish Gaelic: "Ciarán Mac Aodha"
                   "binti", "binte"}  # Malay: "Siti binti Yusof"
_NAME_RUN = re.compile(_NAME)


# a given name, a nickname in quotes, the family name
_NICKNAMED = re.compile(r"\b(?P<given>[A-Z][\w'’\-]+)\s+['‘\"“][A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?['’\"”]\s+"
                        r"(?P<family>[A-Z][\w'’\-]+)")


# rules14: a body's initials as the speaker ("The IAC said"), and where the article spelt them out: "the Velden
# Institute of Marine Science (VIMS)"
_ACRONYM_SPEAKER = re.compile(r"^(?:[Tt]he\s+)?(?P<acronym>[A-Z]{2,6})$")


def acronym_expansion(text: str, speaker: str) -> str | None:
    """(rules14) The full name of a body a speaker calls by its initials ("The IAC"), when ``text`` (the
    article) gives them in brackets after the name ("Instituto de Astrofísica de Canarias (IAC)"); None
    otherwise.  The name is the run of capitalised words (and "of", "de", "for", "and" ... inside it) right
    before the brackets whose initials include the acronym's first letter as its first.

    >>> acronym_expansion("The Velden Institute of Marine Science (VIMS) runs it.", "the VIMS")
    'Velden Institute of Marine Science'
    >>> acronym_expansion("The institute runs it.", "VIMS") is None
    True
    """
    m = _ACRONYM_SPEAKER.match(speaker)
    if m is None or f"({m.group('acronym')})" not in text:
        return None
    acronym = m.group("acronym")
    found = re.search(rf"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+(?:of|de|del|des|du|di|da|do|la|las|los|le|for|and|&|"
                      rf"the|[A-ZÀ-ÖØ-Þ][\w'’\-]*)){{1,8}})\s+\({acronym}\)", text)
    if found is None:
        return None
    words = found.group("name").split()
    # (capitalised words before the name are no part of it: "At the Velden Institute ...", "Since Monday the ...")
    while len(words) > 2 and (not words[0][:1].isupper() or words[0] in ("The", "A", "An")
                              or not words[0].startswith(acronym[0])):
        words = words[1:]
    capitals = "".join(w[0] for w in words if w[:1].isupper())
    if len(words) < 2 or not capitals.startswith(acronym[0]) or not set(acronym) <= set(capitals):
        return None
    return " ".join(words)


def speaker_names(article: Article, speakers: list[str | None], *, families: bool = False) -> list[str | None]:
    """``speakers`` with the article's name variants merged into its fullest name.

    Each name is cleaned (:func:`clean_name`); a one-word name (or an
    honorific + surname) becomes the longest name of two or more words in
    the article that ends with it (a surname: "Lewis" -> "Michael Lewis") or
    starts with it (a first name: "Sheikh Ali" -> "Ali al-Khalifa
    al-Sabah"), unless the article names two people so (a surname shared
    by "Ann Smith" and "Bo Smith" is ambiguous and stays as it is).  An
    honorific + surname ("Mr. Lewis") is matched by a name
    with the same honorific, or by a first name + surname when that is the
    only one in the article with this surname and no other honorific comes
    before the surname anywhere in it ("Mr. Bennet" and "Mrs. Bennet" are a
    family: neither is "Elizabeth Bennet").  With ``families`` (fiction,
    where a family shares its surname: "Mrs. Dashwood" is Marianne
    Dashwood's mother) an honorific + surname is never merged into a first
    name + surname; without ``families`` (news) an honorific + surname left
    unmerged loses its honorific ("Mr Okafor" -> "Okafor") when the article
    gives the surname no other honorific and no full name.  Descriptions
    are cut to their head.

    >>> a = Article.from_text("Analyst Michael Lewis spoke. Lewis said so. Mr. Lewis left.", id="x")
    >>> speaker_names(a, ["Lewis", "Mr. Lewis", "Michael", "the regional manager for one of them", None])
    ['Michael Lewis', 'Michael Lewis', 'Michael Lewis', 'the regional manager', None]
    """
    if all(sp is None for sp in speakers):
        return list(speakers)  # nothing to merge (most articles of a corpus): no scan of the article's names
    # the article's full names, filed under their first and last words: a lookup per speaker, not a scan
    ends: dict[str, list[tuple[int, list[str]]]] = {}
    honorifics: dict[str, set[str]] = {}  # surname -> the honorifics written before it
    for b in article.blocks:
        if _CHAPTER_LINE.match(b.text):
            continue  # "CHAPTER 29. Enter Ahab; to Him, Stubb.": a chapter title names nobody in full
        for m in _HONORIFIC_ANY.finditer(b.text):
            honorifics.setdefault(m.group(2), set()).add(m.group(1).rstrip("."))
        runs = [m.group() for m in _NAME_RUN.finditer(b.text)]
        # "Desmond 'Skipper' Grizzle": the name without the nickname quoted inside it
        runs += [f"{m.group('given')} {m.group('family')}" for m in _NICKNAMED.finditer(b.text)]
        for run in runs:
            words = clean_name(run).split()
            if len([w for w in words if not _is_title(w)]) >= 2 and (
                    words[0] not in _STOP_CAPS or words[0] in _MONTHS
                    # (rules14: a surname written first that is also a common word, "Oh Mi-kyung")
                    or (len(words) == 2 and _HYPHENATED_GIVEN.fullmatch(words[1]) is not None)):
                position = (len(ends), words)
                for key in {words[0], words[-1]}:
                    ends.setdefault(key, []).append(position)
    out = []
    merged: dict[str, str] = {}
    for sp in speakers:
        if sp is None:
            out.append(None)
            continue
        if (name := merged.get(sp)) is None:
            # (once per distinct speaker: a long article's "Ann Lee said" would walk the "Ann" names each time)
            name = merged[sp] = acronym_expansion(article.text, sp) or _merged_name(sp, ends, honorifics, families)
        words = name.split()
        if (not families and len(words) == 2 and words[0] in _HONORIFICS and speaker_kind(name) == "name"
                and len(honorifics.get(words[1], ())) <= 1
                and not any(f[-1] == words[1] for _, f in ends.get(words[1], ()))):
            # news drops the honorific of a surname it gives no first name for ("Mr Okafor"), unless two
            # honorifics share the surname ("Mr. Bennet" and "Mrs. Bennet" are two people) or two full names do
            name = words[1]
        out.append(name)
    return _miss_variants(article, out) if families else out


def _miss_variants(article: Article, names: list[str | None]) -> list[str | None]:
    """Fiction: "Mary", "Mary Crawford" and "Miss Crawford" as one person, written as the chapter names her most.

    The text makes it clear when it writes the full name "Mary Crawford" (a female given name of the
    lexicon, then the surname), it writes "Miss Crawford" too, and no other female given name comes
    before that surname (two sisters, "Jane Bennet" and "Elizabeth Bennet", leave "Miss Bennet" open).
    The variant the chapter writes most often wins; a tie goes to the given name.
    """
    text = article.text
    full: dict[str, set[str]] = {}
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b", text):
        if m.group(1).lower() in _FEMALE_NAMES and m.group(2).lower() not in _FEMALE_NAMES | _MALE_NAMES:
            full.setdefault(m.group(2), set()).add(m.group(1))
    mapping: dict[str, str] = {}
    for surname, given in full.items():
        if len(given) != 1 or not re.search(rf"\bMiss\s+{surname}\b", text):
            continue
        (g,) = given
        counts = {g: len(re.findall(rf"\b{g}\b(?!\s+{surname}\b)", text)),
                  f"Miss {surname}": len(re.findall(rf"\bMiss\s+{surname}\b", text)),
                  f"{g} {surname}": len(re.findall(rf"\b{g}\s+{surname}\b", text))}
        best = max(counts, key=lambda k: counts[k])  # dict order: the given name first among equals
        for variant in (g, f"Miss {surname}", f"Miss. {surname}", f"{g} {surname}"):
            mapping[variant] = best
    return [mapping.get(n, n) if n else n for n in names]


_CHAPTER_LINE = re.compile(r"^(?:chapter|book|part|volume|canto)\s+(?:[ivxlcdm]+|\d+)\b", re.IGNORECASE)
_HONORIFIC_ANY = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Dame)\.?\s+([A-Z][\w'’\-]+)")


def _merged_name(speaker: str, ends: dict[str, list[tuple[int, list[str]]]],
                 honorifics: dict[str, set[str]], families: bool = False) -> str:
    """:func:`speaker_names` for one speaker, given the article's full names by first and last word."""
    name = clean_name(speaker)
    words = name.split()
    core = [w for w in words if not _is_title(w)]
    if len(words) == 1 and len(name) > 2 and name.isupper():
        # a transcript's speaker label ("LEE:", "OKAFOR-HALL:") is a surname in capitals: the article's
        # full name whose surname it is, spelt as the text spells it ("McAteer" for "MCATEER")
        spelt = {w for w in ends if w.upper() == name and w != name}
        if len(spelt) == 1:
            words = core = [next(iter(spelt))]
            name = words[0]
    if len(words) == 1 and (alt := name[:1].lower() + name[1:]) in ends and _PREFIXED.match(alt):
        # "D’Entremont said": a particle joined to the surname, capitalised to open the sentence ("Darlene
        # d’Entremont"): looked up as the full name writes it
        words = core = [alt]
        name = alt
    if (len(words) in (2, 3) and all(w.lower() in _PARTICLE_WORDS for w in words[:-1])
            and speaker_kind(speaker) == "name"):
        # "Van Doorn said": a surname with its particle, capitalised to open the sentence ("Pieter van Doorn");
        # "Mr van Doorn said" (the honorific dropped by clean_name): the same; two particles too ("Van der Berg")
        k = len(words)
        full = {tuple(f) for _, f in ends.get(words[-1], ())
                if len(f) > k and [w.lower() for w in f[-k:-1]] == [w.lower() for w in words[:-1]]
                and f[-1] == words[-1]}
        if (one := _one_person(full)) is not None:  # (a scoreline's "D Ó Ceallaigh" is "Darragh Ó Ceallaigh")
            return one
    if (len(words) >= 3 and any(w in _PARTICLE_WORDS for w in words[1:-1]) and speaker_kind(speaker) == "name"
            and words[0] not in _PARTICLE_WORDS):
        # "Ruiz de Olano said": a surname of several words with a particle inside, the tail of "Álvaro Ruiz de Olano"
        k = len(words)
        full = {tuple(f) for _, f in ends.get(words[-1], ()) if len(f) > k and f[-k:] == words}
        if (one := _one_person(full)) is not None:
            return one
    if speaker_kind(speaker) == "name" and len(core) >= 2 and words[0] not in _HONORIFICS:
        # "Mohamed Ali Ben" (a run cut short) beside "Mohamed Ali Ben Romdhane": the one longer name it begins
        longer = {tuple(f) for _, f in ends.get(words[0], ()) if len(f) > len(words) and list(f[: len(words)]) == words}
        if (one := _one_person(longer)) is not None:
            return one
    if speaker_kind(speaker) == "name" and len(core) == 1:
        honorific = words[0] if words[0] in _HONORIFICS else None
        matches = [f for _, f in ends.get(core[0], ()) if f != words and (honorific is None or f[0] == honorific)]
        matches = [f for f in matches if honorific is not None or f[0] not in _HONORIFICS]
        if not matches and honorific in ("Sir", "Dame"):
            # a knighthood goes with the given name: "Sir Ann" after "Sir Ann Lee" (written "Ann Lee" once cleaned)
            matches = [f for _, f in ends.get(core[0], ()) if f[0] == core[0] and len(f) >= 2]
        if not matches and honorific is not None and not families and len(honorifics.get(core[0], ())) <= 1:
            # "Mr. Lewis" after "Michael Lewis": the one first name + surname of the article with that surname
            full = {tuple(f) for _, f in ends.get(core[0], ()) if f[-1] == core[0] and f[0] not in _HONORIFICS}
            if len(full) == 1:
                matches = [list(next(iter(full)))]
        if not matches and honorific is None and not name.isupper():
            # "Obi-Nnamdi said" where the full name is only a transcript's label in capitals ("ADA OBI-NNAMDI:"):
            # that name, its given names title-cased, the surname as the speaker spells it
            caps = {tuple(f) for _, f in ends.get(name.upper(), ())
                    if f[-1] == name.upper() and len(f) in (2, 3) and all(w.isupper() for w in f)}
            if len(caps) == 1:
                matches = [[*(w.title() for w in next(iter(caps))[:-1]), name]]
        if not matches and honorific is None and not families:
            # rules13: "Chaves said" after "Rodolfo Chaves Brenes": a name of two surnames (Spanish, Portuguese)
            # is shortened to the first of them; the one three-word name of the article with it in the middle
            middle = {tuple(f) for found in ends.values() for _, f in found
                      if len(f) == 3 and f[1] == core[0] and not _organisation(" ".join(f))}
            if len(middle) == 1:
                matches = [list(next(iter(middle)))]
        if matches:
            longest = max(matches, key=len)  # the longest, the first in the text of equal length
            # two people with the surname ("Ann Smith", "Bo Smith"): ambiguous, not merged; shorter
            # spellings of the longest name ("Ali al-Sabah" beside "Ali al-Khalifa al-Sabah", or a results
            # line's "T Okonjo-Reid", "A. Vale" beside "Temi Okonjo-Reid", "Ann Vale") are no rival
            if all(_shorter_spelling(f, longest) for f in matches):
                name = " ".join(longest)
    return name


def _one_person(full: set[tuple[str, ...]]) -> str | None:
    """The longest of the full names ``full`` when the others are shorter spellings of it (one person), else None."""
    if not full:
        return None
    longest = max(sorted(full), key=lambda f: (len(f), len(" ".join(f))))  # ("Liam Ó Dálaigh", not "L Ó Dálaigh")
    return " ".join(longest) if all(_shorter_spelling(list(f), list(longest)) for f in full) else None


def _shorter_spelling(words: list[str], longest: list[str]) -> bool:
    """Whether the name ``words`` is ``longest`` written shorter: its words among longest's, or initials of them.

    An initial ("T", "A.") stands for a word of ``longest`` with that first letter: "T Okonjo-Reid" is
    "Temi Okonjo-Reid" in a scoreline; "B Okonjo-Reid" is someone else.
    """
    return all(w in longest or (len(b := w.rstrip(".")) == 1 and b.isupper() and any(x[:1] == b for x in longest))
               for w in words)


def corpus_speaker_names(names: list[str | None]) -> list[str | None]:
    """The per-article speaker names of a whole corpus (:func:`speaker_names`) merged across articles.

    Rule: a name of two or more words is the same person wherever it is
    written the same way.  A one-word name ("Lewis", "Michael") that its
    article could not merge becomes the one name of two or more words in
    the corpus (no honorific in front) that ends with it (a surname)
    or starts with it (a first name), when there is exactly one; with two
    or more ("Michael Lewis" and "Anna Lewis") it is ambiguous and stays as
    it is.  An honorific + surname is not merged across articles (its own
    article merges "Mr. Lewis" with the "Michael Lewis" it names; across a
    corpus of novels "Mrs. Dashwood" and "Marianne Dashwood" are mother and
    daughter).  Descriptions and pronouns are never merged (two articles'
    "the minister" need not be one person).

    >>> corpus_speaker_names(["Michael Lewis", "Lewis", "Mr. Lewis", "Michael", "Smith", "Ann Smith", "Bo Smith"])
    ['Michael Lewis', 'Michael Lewis', 'Mr. Lewis', 'Michael Lewis', 'Smith', 'Ann Smith', 'Bo Smith']
    """
    full: dict[str, set[str]] = {}
    for n in set(names):
        if n and speaker_kind(n) == "name":
            words = n.split()
            if len(words) >= 2 and words[0] not in _HONORIFICS:
                full.setdefault(words[0], set()).add(n)
                full.setdefault(words[-1], set()).add(n)
    out = []
    for n in names:
        if n and speaker_kind(n) == "name" and len(n.split()) == 1 and len(full.get(n, ())) == 1:
            n = next(iter(full[n]))
        out.append(n)
    return out
