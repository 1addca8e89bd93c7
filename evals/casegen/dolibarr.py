"""Dolibarr (France): the export module's third parties, contacts and commercial proposals, CSV in French.

From Dolibarr's own code and its French translations
(https://github.com/Dolibarr/dolibarr htdocs/core/modules/modSociete.class.php and modPropale.class.php:
the export datasets' fields; htdocs/core/modules/export/exportcsv.class.php: the header row is each
field's translated label, values are written as the database holds them, a new line inside a cell is
written as the two characters "\\n"; htdocs/langs/fr_FR/companies.lang, main.lang, propal.lang: the
labels) and the wiki (https://wiki.dolibarr.org/index.php/Module_Exports_En,
https://wiki.dolibarr.org/index.php?title=Module_Third_Parties, Table_llx_societe).
Third parties ("tiers") are businesses or private individuals (type "Particulier"); ``Client`` is the
code 0 (neither) / 1 (customer) / 2 (prospect) / 3 (both), ``Fournisseur`` 0 / 1, ``État`` 1 (open) /
0 (activity ceased), ``Statut prospect`` the c_stcomm code (ST_NO, ST_NEVER, ST_TODO, ST_PEND,
ST_DONE); the sales representative comes as login, first and last name (the export joins
societe_commerciaux). Contacts name their third party by id and by ``Raison sociale``; their address is
usually left to the third party's. A proposal's ``État`` is the raw status code (0 draft, 1 validated /
open, 2 signed, 3 not signed, 4 billed), amounts are the database's double(24,8) ("1250.00000000"), a
draft's reference is provisional ("PROV37"), dates are "yyyy-mm-dd" with "hh:mm:ss" on creation times.
The export module writes a separator after the last cell too; that trailing empty column is left out.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from evals.casegen.common import CASES_DIR, destination, maybe, rng_for, write_csv, write_json

CASE = "dolibarr"
FIRST_M = ["Julien", "Thomas", "Nicolas", "Antoine", "Mathieu", "Pierre", "Romain", "Hugo", "Louis", "Éric"]
FIRST_F = ["Camille", "Claire", "Sophie", "Émilie", "Julie", "Laura", "Manon", "Céline", "Anne", "Léa"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Girard", "Bonnet", "Mercier", "Fournier", "Lambert",
        "Rousseau", "Faure", "André", "Chevalier", "Gauthier", "Perrin", "Morel", "Roux",
        "Blanc"]  # fmt: skip
FIRMS = ["Boulangerie Morel", "Cabinet Faure Avocats", "Garage du Centre", "Pharmacie des Halles",
         "Menuiserie Perrin", "Hôtel Le Bellecour", "Imprimerie Rhodanienne", "Agence Immo Croix-Rousse",
         "Transports Gauthier", "Clinique Vétérinaire Saint-Jean", "Librairie Le Passage",
         "Restaurant Le Gone", "Bureau d'études Axe", "Fleurs & Sens", "Cave des Canuts", "Opticiens Blanc",
         "Maison de santé Part-Dieu",
         "Plomberie Roux", "École Montessori Lumière", "Atelier Chevalier Couture", "Mairie de Tassin",
         "Brasserie du Rhône", "Laboratoire Analys", "Auto-école Perrache", "Expert-comptable Lambert",
         "Salon Coiffure Mercier", "Électricité Fournier", "Crèche Les Pitchouns", "Ferme du Pilat",
         "Camping Les Saules", "Résidence Les Tilleuls", "Traiteur Rousseau", "Association Canut Sport",
         "Société Dauphinoise de Nettoyage", "Galerie Blanc"]  # fmt: skip
PLACES = [("Lyon", "69003", "Rhône"), ("Lyon", "69007", "Rhône"), ("Villeurbanne", "69100", "Rhône"),
          ("Grenoble", "38000", "Isère"), ("Saint-Étienne", "42000", "Loire"),
          ("Annecy", "74000", "Haute-Savoie"),
          ("Bourg-en-Bresse", "01000", "Ain")]  # fmt: skip
STREETS = ["rue de la République", "avenue Jean Jaurès", "cours Lafayette", "rue Garibaldi",
           "quai Saint-Vincent", "place Bellecour", "rue Paul Bert", "chemin des Vignes"]  # fmt: skip
# (login, first, last): admin is the built-in administrator; ngarnier has left, no destination user
REPS = [("jmoreau", "Julien", "Moreau"), ("cfabre", "Claire", "Fabre"), ("admin", "", "SuperAdmin"),
        ("ngarnier", "Nathalie", "Garnier")]  # fmt: skip
TYPES = ["PME/PMI", "PME/PMI", "TPE", "TPE", "Grand compte", "Administration"]
PROSPECT = ["ST_NEVER", "ST_TODO", "ST_PEND", "ST_DONE", "ST_DONE", "ST_NO"]
NOTES = ["Paiement à 30 jours fin de mois.", "Relancer en septembre\\nVoir avec la compta.",
         "Client historique, remise 5 %.", "Ne pas appeler le lundi."]  # fmt: skip
POSTS = ["Gérant", "Gérante", "Directeur administratif", "Comptable", "Assistante de direction", "gérant",
         "Responsable achats", "Président"]  # fmt: skip
ALIAS = ["Lyon", "Pro"]
CUSTOMER_REFS = ["BC-2024-118", "Votre demande du 12/03", "DA-553"]
PROPAL_NOTES = ["Validité 30 jours.", "Acompte de 30 % à la commande.", "Installation sur site comprise."]
TIERS_HEADER = [
    "Id", "Nom", "Nom alternatif", "État", "Client", "Fournisseur", "Date création", "Code client", "Adresse",
    "Code postal", "Ville", "Département / Canton", "Pays", "Téléphone", "Email",
    "Identifiant professionnel 2", "Numéro TVA", "Note (privée)", "Type du tiers", "Statut prospect",
    "Login du commercial", "Prénom du commercial", "Nom du commercial",
]  # fmt: skip
CONTACT_HEADER = [
    "Identifiant contact", "Code civilité", "Nom", "Prénom", "Poste/fonction", "Date création", "Adresse",
    "Code postal", "Ville", "Pays", "Téléphone", "Mobile", "Email", "État", "Identifiant société",
    "Raison sociale",
]  # fmt: skip
PROPAL_HEADER = [
    "Identifiant société", "Raison sociale", "Réf.", "Réf. client", "Date création", "Date de proposition",
    "Date de fin de validité", "Total HT", "Total TTC", "État", "Note (publique)",
]  # fmt: skip


def _ascii(text: str) -> str:
    """E-mail domains and local parts carry no accents or apostrophes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace("'", "").replace(" ", "")


def _day(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _stamp(rng: random.Random, year: int) -> str:
    return f"{_day(rng, year)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _phone(rng: random.Random, mobile: bool = False) -> str:
    digits = [rng.choice(["06", "07"]) if mobile else rng.choice(["04", "04", "09"])]
    digits += [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    return rng.choice([" ".join(digits), "".join(digits), "+33 " + digits[0][1] + " " + " ".join(digits[1:])])


def _tiers(rng: random.Random) -> list[list[str]]:
    rows = []
    names = FIRMS + [f"{rng.choice(FIRST_F + FIRST_M)} {last}" for last in rng.sample(LAST, 5)]
    rowid = 0
    for i, name in enumerate(names):
        rowid += rng.randint(1, 4)
        private = i >= len(FIRMS)
        city, zip_code, dept = rng.choice(PLACES)
        client = rng.choice(["1", "1", "2", "2", "3"]) if i % 9 else "0"
        created = _stamp(rng, rng.choice([2021, 2022, 2023]))
        siren = f"{rng.randint(300000000, 999999999)}"
        rep = rng.choice(REPS[:2] * 3 + REPS[2:]) if rng.random() < 0.85 else ("", "", "")
        domain = _ascii(name.split()[-1])
        rows.append([
            str(rowid), name, "" if private else maybe(rng, 0.25, f"{name.split()[-1]} {rng.choice(ALIAS)}"),
            rng.choice(["1"] * 9 + ["0"]), client, "1" if client == "0" else "0", created,
            f"CU{created[2:4]}{created[5:7]}-{i + 1:04d}" if client != "0" else "",
            f"{rng.randint(1, 140)} {rng.choice(STREETS)}", zip_code, city, dept, "France", _phone(rng),
            f"{rng.choice(['contact', 'accueil', 'info'])}@{domain}.fr" if not private else
            f"{_ascii(name.split()[0])}.{domain}@orange.fr",
            "" if private else f"{siren}{rng.randint(10, 99999):05d}",
            "" if private else maybe(rng, 0.7, f"FR{rng.randint(10, 99)}{siren}"),
            maybe(rng, 0.25, rng.choice(NOTES)), "Particulier" if private else rng.choice(TYPES),
            rng.choice(PROSPECT), *rep,
        ])  # fmt: skip
    return rows


def _contacts(rng: random.Random, tiers: list[list[str]]) -> list[list[str]]:
    rows = []
    firms = [t for t in tiers if t[18] != "Particulier"]
    pairs = rng.sample([(f, last, civ) for last in LAST for f, civ in
                        [(x, "MR") for x in FIRST_M] + [(x, "MME") for x in FIRST_F]], 48)  # fmt: skip
    for i, (first, last, civility) in enumerate(pairs):
        firm = rng.choice(firms) if i % 12 else ["", ""]
        own_address = rng.random() < 0.2
        domain = _ascii(firm[1].split()[-1]) + ".fr" if firm[1] else "gmail.com"
        city, zip_code, _dept = rng.choice(PLACES)
        rows.append([
            str(10 + i * 3), maybe(rng, 0.85, civility if rng.random() > 0.1 else "MLE"), last.upper()
            if rng.random() < 0.3 else last, first, maybe(rng, 0.8, rng.choice(POSTS)), _stamp(rng, 2023),
            f"{rng.randint(1, 140)} {rng.choice(STREETS)}" if own_address else "",
            zip_code if own_address else "", city if own_address else "", "France" if own_address else "",
            maybe(rng, 0.6, _phone(rng)), maybe(rng, 0.7, _phone(rng, mobile=True)),
            f"{_ascii(first)}.{_ascii(last)}@{domain}",
            rng.choice(["1"] * 7 + ["0"]), firm[0], firm[1],
        ])  # fmt: skip
    return rows


def _proposals(rng: random.Random, tiers: list[list[str]]) -> list[list[str]]:
    rows = []
    buyers = [t for t in tiers if t[4] != "0"]
    for i in range(45):
        firm = rng.choice(buyers)
        status = str(i % 5)
        created = _stamp(rng, 2024)
        total = rng.randint(8, 400) * 25.0
        ref = f"PROV{60 + i}" if status == "0" else f"PR{created[2:4]}{created[5:7]}-{i + 1:04d}"
        rows.append([
            firm[0], firm[1], ref, maybe(rng, 0.3, rng.choice(CUSTOMER_REFS)),
            created, created[:10], str(date.fromisoformat(created[:10]) + timedelta(days=30)), f"{total:.8f}",
            f"{total * 1.2:.8f}", status, maybe(rng, 0.4, rng.choice(PROPAL_NOTES)),
        ])  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    tiers = _tiers(rng)
    write_csv(root / "tiers.csv", TIERS_HEADER, tiers)
    write_csv(root / "contacts.csv", CONTACT_HEADER, _contacts(rng, tiers))
    write_csv(root / "propositions_commerciales.csv", PROPAL_HEADER, _proposals(rng, tiers))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "FR",
            {"Devis": ["À préparer", "Envoyé au client", "Accepté", "Facturé"]},
            [
                ("Julien", "Moreau", "julien.moreau@lumen-services.fr"),
                ("Claire", "Fabre", "claire.fabre@lumen-services.fr"),
            ],
            [
                ("SIRET", "company.siret", "TEXT", "company"),
                ("N° TVA intracommunautaire", "company.tva_intra", "TEXT", "company"),
            ],
        ),
    )
