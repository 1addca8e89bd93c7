"""General CRM vocabulary in German, French, Portuguese and Italian, as data.

The same concepts as ``vocabulary.FIELD_CONCEPTS`` and ``vocabulary_records.OBJECT_WORDS``,
spelled as exports in those languages name columns and tables (normalised: lower case, no
accents, ``ß`` as ``ss``). Common German compounds are listed whole because they arrive as one
token ('Telefonnummer'). Words shared with another concept in another language ('estado' is a
Spanish status, a Portuguese region) are left to the concept that already holds them.
"""

from __future__ import annotations

# fmt: off
MORE_FIELD_CONCEPTS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "vorname", "rufname", "prenom", "primeiro nome", "nome proprio", "nome di battesimo",
    ),
    "last_name": (
        "nachname", "familienname", "zuname", "nom de famille", "sobrenome", "ultimo nome", "cognome",
    ),
    "full_name": (
        "vollstandiger name", "kundenname", "ansprechpartner", "nom complet", "nome completo", "nominativo",
    ),
    "name": ("nom", "nome", "bezeichnung name"),
    "email": (
        "e mail adresse", "emailadresse", "mailadresse", "courriel", "adresse e mail", "adresse email",
        "adresse electronique", "mel", "correio eletronico", "endereco de email", "posta elettronica",
        "indirizzo email",
    ),
    "phone": (
        "telefon", "telefonnummer", "handy", "handynummer", "mobil", "mobiltelefon", "mobilnummer",
        "festnetz",
        "telephone", "portable", "numero de telephone", "telefone", "telemovel", "numero de telefone",
        "telefono", "cellulare", "numero di telefono",
    ),
    "fax": ("telefax", "faxnummer"),
    "address": (
        "strasse", "str", "anschrift", "adresse", "hausnummer", "strasse und hausnummer", "rue",
        "adresse postale",
        "endereco", "morada", "rua", "logradouro", "indirizzo",
    ),
    "city": ("ort", "stadt", "wohnort", "ville", "commune", "cidade", "citta", "comune", "localita"),
    "region": ("bundesland", "kanton", "departement", "uf", "regione"),
    "postal_code": ("plz", "postleitzahl", "code postal", "cep", "cap", "codice postale"),
    "country": ("land", "pays", "nazione", "paese"),
    "tax_id": (
        "ust id", "ustid", "ust idnr", "steuernummer", "umsatzsteuer id", "numero de tva", "tva", "siret",
        "siren", "cpf", "cnpj", "partita iva", "codice fiscale",
    ),
    "company": (
        "firma", "firmenname", "unternehmen", "societe", "entreprise", "nom de l entreprise",
        "raison sociale",
        "nome da empresa", "azienda", "societa", "ditta", "ragione sociale",
    ),
    "website": ("webseite", "internetseite", "site internet", "site", "sito web", "sito"),
    "date": ("datum",),
    "created_at": (
        "erstellt", "erstellt am", "angelegt", "angelegt am", "erstelldatum", "date de creation", "cree le",
        "data de criacao", "criado em", "data di creazione", "creato il",
    ),
    "updated_at": (
        "geandert", "geandert am", "aktualisiert", "modifie le", "atualizado em", "modificato il",
    ),
    "due_date": (
        "fallig", "falligkeitsdatum", "falligkeit", "frist", "echeance", "date d echeance", "vencimento",
        "data de vencimento", "prazo", "scadenza", "data di scadenza",
    ),
    "start": ("beginn", "startdatum", "debut", "date de debut", "data de inicio", "data di inizio"),
    "end": ("ende", "enddatum", "date de fin", "data de termino", "data di fine"),
    "amount": (
        "betrag", "summe", "gesamtbetrag", "wert", "umsatz", "montant", "valeur", "montante", "importo",
        "valore", "totale",
    ),
    "price": ("preis", "einzelpreis", "prix", "preco", "prezzo"),
    "quantity": ("menge", "anzahl", "quantite", "quantidade", "quantita"),
    "status": ("statut", "etat", "zustand", "stato", "situacao", "situazione"),
    "stage": ("phase", "stufe", "etape"),
    "owner": (
        "zustandig", "verantwortlich", "bearbeiter", "betreuer", "mitarbeiter", "vertriebsmitarbeiter",
        "proprietaire", "assigne a", "responsavel", "vendedor responsavel", "responsabile", "assegnato a",
        "commerciale",
    ),
    "tags": (
        "schlagworte", "schlagwort", "stichworte", "stichwort", "etiketten", "etiquettes", "mots cles",
        "marcadores", "etichette",
    ),
    "notes": (
        "notiz", "notizen", "bemerkung", "bemerkungen", "kommentar", "kommentare", "beschreibung",
        "commentaire", "commentaires", "remarques", "observacoes", "comentario", "descricao", "commenti",
        "descrizione",
    ),
    "reference": (
        "nummer", "nr", "kundennummer", "kundennr", "numero client", "numero do cliente", "codice cliente",
    ),
    "title": ("titel", "betreff", "titre", "objet", "sujet", "titulo", "assunto", "titolo", "oggetto"),
    "position": ("funktion", "berufsbezeichnung", "fonction", "poste", "cargo", "ruolo"),
    "source": ("quelle", "herkunft", "provenance", "origem", "fonte", "origine"),
    "priority": ("prioritat", "priorite", "prioridade", "priorita"),
    "currency": ("wahrung", "devise", "moeda", "valuta"),
    "discount": ("rabatt", "remise", "desconto", "sconto"),
    "industry": ("branche", "secteur", "secteur d activite", "ramo", "setor", "settore"),
    "birthday": (
        "geburtsdatum", "geburtstag", "date de naissance", "data de nascimento", "data di nascita",
    ),
    "gender": ("geschlecht", "sexe", "genere"),
    "deleted": ("geloscht", "archiviert", "supprime", "archive", "excluido", "eliminato"),
    "timezone": ("zeitzone", "fuseau horaire", "fuso horario", "fuso orario"),
    "type": ("typ", "art", "kategorie", "categorie", "categoria"),
}

MORE_OBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "contact": (
        "kunde", "kunden", "kontakt", "kontakte", "interessent", "interessenten", "contatto", "contatti",
        "contato", "contatos", "clienti", "prospecto",
    ),
    "company": ("firma", "firmen", "unternehmen", "societe", "entreprise", "azienda", "aziende", "empresa"),
    "opportunity": (
        "angebot", "angebote", "auftrag", "auftrage", "verkaufschance", "devis", "affaire", "opportunite",
        "orcamento", "oportunidade", "preventivo", "preventivi", "trattativa", "trattative", "opportunita",
    ),
    "task": ("aufgabe", "aufgaben", "tache", "tarefa", "compito", "compiti", "attivita"),
    "appointment": (
        "termin", "termine", "rendez vous", "compromisso", "agendamento", "appuntamento", "appuntamenti",
    ),
    "note": ("notiz", "notizen", "remarque", "nota"),
    "user": ("benutzer", "mitarbeiter", "utilisateur", "usuario", "utilizador", "utente", "utenti"),
    "product": ("produkt", "produkte", "artikel", "produit", "produto", "prodotto", "prodotti"),
    "invoice": ("rechnung", "rechnungen", "facture", "fatura", "fattura", "fatture"),
}

# Dutch stage words, and the verbal agreement that comes just before a signed deal.
MORE_STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "won": ("gewonnen", "getekend", "geaccepteerd", "goedgekeurd", "betaald", "gefactureerd", "afgerond"),
    "lost": ("verloren", "afgewezen", "geweigerd", "geannuleerd"),
    "abandoned": ("verlopen", "vervallen"),
    "sent": ("verstuurd", "verzonden", "offerte verstuurd", "offerte verzonden"),
    "new": ("nieuw", "nieuwe lead"),
    "qualified": ("contact gelegd", "gecontacteerd", "gekwalificeerd"),
    "negotiation": ("onderhandeling", "in onderhandeling", "onderhandelen"),
    "closing": (
        "verbal agreement", "verbal commitment", "verbally agreed", "mondeling akkoord", "akkoord",
    ),
    "scheduled": ("gepland", "ingepland"),
    "in_progress": ("in uitvoering", "bezig"),
    "on_hold": ("in de wacht", "gepauzeerd"),
}
# fmt: on
