"""Words that make a name a business's: trades, premises and organisation words, and legal forms.

A person's name is two to four capitalised words; so is 'Boulangerie Morel' or 'Garage du Centre'.
Only the words tell them apart: a trade or a kind of premises ('Bakery', 'Plomberie', 'Taller'), an
organisation ('Association', 'Sociedad'), a legal form ('SARL', 'GmbH', 'Inc') or an ampersand.
Kept to words no one carries as a surname (no 'Bureau', 'Law', 'Church', 'Cave').
"""

from __future__ import annotations

import re


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# fmt: off
_TRADES = _word_set("""
bakery pharmacy clinic garage restaurant cafe café hotel motel salon studio agency shop store market
services service solutions consulting consultants partners associates industries enterprises systems
technologies labs laboratory dental medical motors auto construction builders roofing plumbing
electric electrical heating cleaning landscaping logistics transport printing florist school academy
association foundation council hospital insurance realty properties farm winery brewery bistro pub
catering design media marketing software manufacturing supply supplies trading accountants architects
lawyers opticians veterinary gym fitness spa nursery daycare residence institute university college
boulangerie pâtisserie patisserie pharmacie clinique cabinet hôtel brasserie agence atelier boutique
magasin librairie imprimerie menuiserie plomberie électricité electricite maçonnerie traiteur fleuriste
laboratoire école ecole crèche creche mairie société societe entreprise établissements etablissements
groupe ferme camping résidence galerie opticiens avocats notaire comptable syndicat fondation collège
lycée institut transports
panadería panaderia farmacia clínica clinica taller talleres restaurante cafetería cafeteria peluquería
peluqueria agencia despacho gabinete tienda librería libreria imprenta carpintería carpinteria
fontanería fontaneria electricidad reformas construcciones transportes asesoría asesoria gestoría
gestoria abogados inmobiliaria colegio escuela ayuntamiento asociación asociacion fundación fundacion
sociedad empresa grupo distribuciones instalaciones servicios bodega bodegas consultora consultoría
consultoria laboratorio óptica optica hostal
bäckerei baeckerei apotheke klinik praxis werkstatt autohaus gasthaus friseur agentur kanzlei
buchhandlung druckerei schreinerei tischlerei sanitär elektro spedition beratung steuerberatung
rechtsanwälte immobilien schule verein stiftung gemeinde gesellschaft gruppe dienstleistungen labor
panetteria ristorante trattoria albergo parrucchiere agenzia ufficio negozio tipografia falegnameria
idraulica impianti costruzioni trasporti consulenza avvocati immobiliare scuola comune associazione
fondazione società societa gruppo servizi
padaria farmácia oficina salão agência escritório loja livraria gráfica carpintaria canalização
construções consultoria advogados imobiliária câmara associação fundação serviços
""")
_LEGAL = _word_set("""
sarl sas sasu eurl sa sci snc scop sl slu sll sc cb inc llc ltd limited corp corporation co company
gmbh ag kg ohg ug bv nv plc llp lp pty srl spa sas oy ab as aps lda ltda
""")
# fmt: on
_WORD = re.compile(r"[^\W\d_]+")


def is_business_name(value: str) -> bool:
    """Whether a name carries a trade, organisation or legal-form word, or an ampersand."""
    if "&" in value:
        return True
    words = _WORD.findall(value.casefold().replace(".", ""))
    return any(w in _TRADES or w in _LEGAL for w in words)


def business_share(values: list[str]) -> float:
    """Share of the non-blank values that read as a business's name."""
    kept = [v for v in values if v.strip()]
    return sum(is_business_name(v) for v in kept) / len(kept) if kept else 0.0
