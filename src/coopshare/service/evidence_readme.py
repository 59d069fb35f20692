"""The two README files of an evidence bundle (Dutch and English): what it proves, what not."""

from __future__ import annotations

from coopshare.evidence_check import when

_EN = """# Evidence of priority for an idea (CoopShare)

This ZIP holds a **priority proof** for one idea, made by CoopShare for {owner}.

## What it proves

* **The text in `idea.txt` existed no later than {earliest}.** The owner's device published a
  commitment (`commit.op`): SHA-256 of a random salt (`salt.txt`) followed by this exact text,
  signed with the owner's device key, without revealing the text. {count} device(s) of other
  members of the cooperative saw that commitment and each signed a witness receipt with its
  own clock (`receipts/`). The earliest receipt is the time above.
* **Who saw the commitment**: the members whose receipts are listed by the verifier. They saw
  only the hash, never the text.
* The owner's own time on the commitment is {committed}: that is the owner's claim, not a
  proof.
* If `timestamp.tsr` is present: a time-stamping authority (RFC 3161) signed the time it saw
  the commitment's hash; the verifier shows its time and certificate. Whether to trust that
  authority is for you to decide.

## What it does NOT prove

* **Authorship**: that the owner thought of it. It proves only that the owner had this text.
* **Novelty**: that nobody had the idea before.
* **Legal ownership** or any intellectual-property right.
* That the witnesses' clocks were right: a receipt's time is the witness device's signed time.

For legal protection the next step is an **i-DEPOT** (Benelux Office for Intellectual
Property, BOIP) or a deposit with a notary; this bundle can be part of that file.

## How to check it

With Python 3 and the `cryptography` package (`pip install cryptography`), after unpacking
this ZIP (`verify.py` uses the folder `evidence_check/` next to it):

    python verify.py THIS-FILE.zip

It checks every signature and hash (the cooperative's roster chain from its genesis, the
commitment, every receipt, the signed list of files in `manifest.json`, the ZIP itself) and
prints the earliest proven time. Any change to any byte of this ZIP makes it fail with the
reason. `coopshare verify-evidence THIS-FILE.zip` runs the same code.

`members.json` lists the members' device keys as the roster chain (`roster/`) proves them;
the names in it are as the owner's device knew them and are not proven.

**Privacy**: `idea.txt` is the idea in plain text. Share this file only with whoever needs to
see the evidence.
"""

_NL = """# Bewijs van prioriteit voor een idee (CoopShare)

Deze ZIP bevat een **prioriteitsbewijs** voor één idee, gemaakt door CoopShare voor {owner}.

## Wat dit bewijst

* **De tekst in `idea.txt` bestond uiterlijk op {earliest}.** Het apparaat van de eigenaar
  publiceerde een vastlegging (`commit.op`): SHA-256 van een willekeurige salt (`salt.txt`)
  gevolgd door precies deze tekst, ondertekend met de apparaatsleutel van de eigenaar, zonder
  de tekst prijs te geven. {count} apparaat/apparaten van andere leden van de coöperatie zagen
  die vastlegging en ondertekenden elk een getuigenbewijs met hun eigen klok (`receipts/`).
  Het vroegste getuigenbewijs is de tijd hierboven.
* **Wie de vastlegging zag**: de leden van wie de verificatie de getuigenbewijzen toont. Zij
  zagen alleen de hash, nooit de tekst.
* De eigen tijd van de eigenaar op de vastlegging is {committed}: dat is een bewering van de
  eigenaar, geen bewijs.
* Als `timestamp.tsr` aanwezig is: een tijdstempeldienst (RFC 3161) ondertekende de tijd waarop
  hij de hash van de vastlegging zag; de verificatie toont die tijd en het certificaat. Of u die
  dienst vertrouwt, beslist u zelf.

## Wat dit NIET bewijst

* **Auteurschap**: dat de eigenaar het bedacht. Het bewijst alleen dat de eigenaar deze tekst had.
* **Nieuwheid**: dat niemand het idee eerder had.
* **Juridisch eigendom** of enig intellectueel-eigendomsrecht.
* Dat de klokken van de getuigen juist liepen: de tijd van een getuigenbewijs is de
  ondertekende tijd van dat apparaat.

Voor juridische bescherming is de volgende stap een **i-DEPOT** (Benelux-Bureau voor de
Intellectuele Eigendom, BBIE) of een depot bij een notaris; deze bundel kan daar deel van zijn.

## Zo controleert u het

Met Python 3 en het pakket `cryptography` (`pip install cryptography`), na het uitpakken van
deze ZIP (`verify.py` gebruikt de map `evidence_check/` ernaast):

    python verify.py DIT-BESTAND.zip

Het controleert elke handtekening en hash (de ledenketen van de coöperatie vanaf het begin,
de vastlegging, elk getuigenbewijs, de ondertekende lijst van bestanden in `manifest.json`, de
ZIP zelf) en toont de vroegst bewezen tijd. Elke gewijzigde byte in deze ZIP laat de controle
mislukken, met de reden. `coopshare verify-evidence DIT-BESTAND.zip` doet hetzelfde.

`members.json` noemt de apparaatsleutels van de leden zoals de ledenketen (`roster/`) ze
bewijst; de namen erin zijn zoals het apparaat van de eigenaar ze kende en zijn niet bewezen.

**Privacy**: `idea.txt` is het idee in leesbare tekst. Deel dit bestand alleen met wie het
bewijs moet zien.
"""


def readmes(owner: str, committed_ms: int, earliest_ms: int | None, count: int) -> dict[str, str]:
    none_en = "(no witness receipt yet: only the owner's own claim)"
    none_nl = "(nog geen getuigenbewijs: alleen de eigen bewering van de eigenaar)"
    fields = {"owner": owner, "committed": when(committed_ms), "count": count}
    return {
        "README.en.md": _EN.format(
            earliest=when(earliest_ms) if earliest_ms is not None else none_en, **fields
        ),
        "README.nl.md": _NL.format(
            earliest=when(earliest_ms) if earliest_ms is not None else none_nl, **fields
        ),
    }
