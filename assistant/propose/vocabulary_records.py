"""Vocabulary of records, statuses and tags (Spanish and English), as data.

Table names, status values, record nouns in existing field names and tag words: general CRM
language, never one platform's list.
"""

from __future__ import annotations

from assistant.propose.vocabulary_languages import MORE_OBJECT_WORDS, MORE_STAGE_WORDS

# fmt: off
# Table-name phrases -> the HighLevel object the table most likely lands in.
OBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "contact": (
        "client", "customer", "cliente", "contact", "contacto", "lead", "prospect", "potential client",
        "person", "people", "persona", "subscriber", "patient", "member"
    ),
    "company": (
        "company", "empresa", "supplier", "proveedor", "vendor", "organization", "organisation", "business",
        "account", "cuenta", "compania"
    ),
    "opportunity": (
        "deal", "opportunity", "oportunidad", "quote", "estimate", "presupuesto", "sales estimate",
        "proposal", "propuesta", "job", "project", "proyecto", "negocio", "cotizacion"
    ),
    "task": (
        "task", "tarea", "work order", "orden trabajo", "incident", "incidencia", "ticket", "todo", "to do",
        "work estimate", "parte", "work note", "activity", "actividad"
    ),
    "appointment": (
        "appointment", "cita", "event", "evento", "meeting", "reunion", "visit", "visita", "booking"
    ),
    "note": ("note", "nota", "comment", "comentario"),
    "file": ("attachment", "adjunto", "document", "documento", "file", "archivo", "photo", "foto", "media"),
    "user": (
        "user", "usuario", "employee", "empleado", "staff", "team member", "team", "technician", "tecnico",
        "agent", "agente", "owner", "equipo"
    ),
    "tag": ("tag", "etiqueta", "segment", "segmento", "label"),
    "pipeline": ("pipeline", "stage", "etapa", "state", "status", "estado", "document state", "job status"),
    "no_equivalent": ("workflow", "automation", "automatizacion", "sequence", "secuencia", "rule", "regla"),
    "product": ("product", "producto", "service", "servicio", "item", "catalog", "catalogo", "article"),
    "invoice": ("invoice", "factura", "bill", "ordinary invoice", "refund invoice", "receipt", "recibo"),
    "schema": ("custom field", "field definition", "campo personalizado", "schema", "metadata", "field"),
    "lookup": (
        "category", "categoria", "payment term", "payment option", "rate", "tarifa", "type", "tipo",
        "calendar", "calendario", "event type", "source", "origen", "currency", "tax"
    ),
    "address": ("address", "direccion", "location"),
}

# Status words -> what they say about a deal: an outcome (won/lost/abandoned) or an open step.
STAGE_CONCEPTS: dict[str, tuple[str, ...]] = {
    "won": (
        "won", "closed won", "accepted", "aceptado", "aceptada", "ganado", "ganada", "approved", "aprobado",
        "aprobada", "signed", "firmado", "completed", "completado", "completada", "finalizado", "done",
        "invoiced", "facturado", "paid", "cobrado", "closed", "cerrado", "cerrada", "complete", "finished",
        "converted", "convertido", "convertida",  # a lead or quote turned into a customer or a job
        "customer", "became customer", "converted to customer",  # a lead's last step: it buys
        "validated", "validado", "validada", "valide",  # work signed off after completion
        "gewonnen", "angenommen", "abgeschlossen", "erledigt", "bezahlt", "unterschrieben",
        "gagne", "accepte", "signe", "termine", "paye", "facture",
        "ganho", "aceito", "aprovado", "assinado", "concluido", "pago", "faturado", "fechado",
        "vinto", "accettato", "approvato", "firmato", "completato", "pagato", "fatturato", "chiuso",
    ),
    # HighLevel's 'lost' is a customer's clear no, 'abandoned' a deal that went cold with no answer:
    # a cancellation is somebody's decision, so it reads as lost; an expired quote as abandoned.
    "lost": (
        "lost", "closed lost", "rejected", "rechazado", "rechazada", "perdido", "perdida", "declined",
        "denied", "denegado", "refused", "no show", "noshow", "baja", "churned", "churn", "unqualified",
        "disqualified", "bad fit", "not interested", "went elsewhere", "descalificado", "no interesado",
        "verloren", "abgelehnt", "perdu", "refuse", "rejete", "recusado", "rejeitado", "perso",
        "rifiutato", "respinto", "cancelled", "canceled", "cancelado", "cancelada", "storniert",
        "abgesagt", "annule", "annulee", "annullato", "cancellato",
        "lose", "unsuccessful", "not won",  # a closing code (LOSE) and a declined quote's wording
        "not going ahead", "not proceeding", "did not proceed", "no go",  # the customer said no
    ),
    "abandoned": (
        "abandoned", "abandonado", "expired", "caducado", "caducada", "vencido", "anulado", "anulada",
        "void", "abgelaufen", "abgebrochen", "expire", "abandonne", "expirado", "scaduto", "abbandonato",
    ),
    # Being priced, the quote not sent yet: 'Bidding' is the 'Quoting' stage ('Quoted' is sent).
    "quoting": (
        "quoting", "bidding", "estimating", "preparing quote", "preparing estimate", "cotizando",
        "presupuestando",
        "to price", "needs pricing", "pricing", "to quote", "needs quote", "needs quoting", "to estimate",
        "drafting", "being prepared", "quote being prepared", "in preparation",
    ),
    "sent": (
        "sent", "enviado", "enviada", "proposal", "propuesta", "quoted", "presupuestado", "quote sent",
        "proposal sent", "estimate sent", "provided", "estimate provided", "quote provided", "issued",
        "versendet", "gesendet", "angebot", "angebot gesendet", "envoye",
        "devis envoye", "proposta", "orcamento enviado", "inviato", "preventivo inviato",
    ),
    # The customer opened what was sent: 'Viewed' is the 'Quote Opened' stage, not yet an answer.
    "opened": (
        "viewed", "opened", "seen", "quote opened", "estimate opened", "visto", "abierto por el cliente",
        "gesehen", "angesehen", "geoffnet", "consulte", "visualizado", "visualizzato",
    ),
    # Awaiting an answer or an action: neither a fresh draft nor a deal being worked.
    "pending": (
        "pending", "pendiente", "awaiting", "awaiting response", "ausstehend", "offen ausstehend",
        "en attente", "pendente", "aguardando", "in attesa",
        # the customer has it and owes the answer: not a pause of ours
        "waiting for the customer", "waiting for customer", "waiting on customer", "waiting on the customer",
        "waiting for client", "waiting on client", "awaiting customer", "awaiting client", "awaiting reply",
        "waiting for reply", "waiting for response", "awaiting answer",
    ),
    "new": (
        "draft", "borrador", "new", "nuevo", "nueva", "open", "abierto", "lead", "to do", "received",
        "recibido", "lead in", "entwurf", "neu", "offen", "brouillon", "nouveau", "ouvert", "rascunho",
        "submitted", "incoming", "new opportunity", "new lead", "entrante", "created", "creado", "creada",
        "to plan", "unplanned",
        # a customer asked for a quote or a visit: the request starts the record
        "requested", "new request", "estimate requested", "quote requested", "solicitado", "angefragt",
        "richiesto",
        "novo", "aberto", "bozza", "nuovo", "aperto",
        # not reached yet: the lead waits for a first contact
        "to contact", "not contacted", "uncontacted", "por contactar", "sin contactar",
        # work not begun: 'started' alone would read it as underway
        "not started", "not yet started", "no iniciado", "sin iniciar", "sin empezar", "nicht begonnen",
    ),
    "in_progress": (
        "in progress", "en curso", "en progreso", "working", "en proceso", "started", "iniciado",
        "in bearbeitung", "en cours", "em andamento", "em progresso", "in corso", "in lavorazione",
        "executing", "in execution", "en ejecucion", "on site", "onsite", "arrived", "en sitio",
        "progress", "underway", "under way", "work underway",  # 'Progress' is the 'Underway' stage
        "ongoing", "en cours de traitement",
    ),
    "scheduled": (
        "scheduled", "upcoming", "programado", "programada", "agendado", "planificado", "booked", "reservado",
        "geplant", "planned", "confirmed", "confirmado", "confirmada", "bestatigt", "confirme", "confermato",
        "terminiert", "planifie", "agende", "programmato", "pianificato",
    ),
    # A technician given the job, then travelling to it: 'Dispatched' is 'Tech Assigned'.
    "assigned": (
        "dispatched", "assigned", "tech assigned", "technician assigned", "asignado", "asignada",
        "despachado", "zugewiesen", "disponiert", "assigne", "atribuido", "assegnato",
    ),
    "en_route": (
        "en route", "on the way", "on my way", "on route", "enroute", "travelling", "traveling",
        "en camino", "unterwegs", "en chemin", "a caminho", "in viaggio",
    ),
    # An insurance claim filed for the job: 'Claim Filed' is the 'Insurance Claim' stage.
    "claim": (
        "claim", "insurance claim", "claim filed", "claim submitted", "siniestro", "reclamacion al seguro",
        "versicherungsfall", "sinistre",
    ),
    # A visit that must be given another date: 'Reschedule' is the 'Needs New Date' stage.
    "rescheduling": (
        "reschedule", "rescheduling", "to reschedule", "needs rescheduling", "needs new date",
        "new date needed", "reprogramar", "por reprogramar", "reagendar", "neu planen", "a replanifier",
        "riprogrammare",
    ),
    "on_hold": (
        "on hold", "hold", "en espera", "paused", "pausado", "pausada", "en pausa", "waiting", "esperando",
        "suspended", "suspendido", "suspendida", "postponed", "aplazado", "aplazada", "pospuesto",
        "deferred", "pausiert", "angehalten", "zuruckgestellt", "en pause", "en suspens", "suspendu",
        "em espera", "suspenso", "adiado", "in pausa", "sospeso", "sospesa", "rinviato",
    ),
    "negotiation": (
        "negotiation", "negotiating", "negociacion", "en negociacion", "negociando", "in discussion",
        "discussion", "under negotiation", "verhandlung", "in verhandlung", "negociation", "negociacao",
        "em negociacao", "trattativa", "negoziazione", "in trattativa",
    ),
    "qualified": (
        "qualified", "qualification", "cualificado", "calificado", "contacted", "contactado", "qualifiziert",
        "kontaktiert", "qualifie", "contacte", "qualificado", "contatado", "qualificato", "contattato",
        "in contact", "en contacto", "in kontakt", "en contact", "reached out", "reach out",
        "qualifying", "screening", "screened",  # a lead being checked for fit
        "prospect",  # a lead worth pursuing: past the first contact, not yet quoted
    ),
    # Invoiced for a deposit before the work, not paid in full: 'Prepayment invoice' is 'Deposit Invoiced'.
    "deposit": (
        "deposit", "deposit invoiced", "prepayment", "prepayment invoice", "down payment", "advance payment",
        "anticipo", "anzahlung", "acompte", "sinal",
    ),
    # Finding out what the customer needs, before a proposal: 'Needs Analysis' is 'Needs Assessment'.
    "discovery": (
        "discovery", "needs analysis", "needs assessment", "analysis", "assessment", "requirements",
        "analisis de necesidades", "bedarfsanalyse", "analyse des besoins",
    ),
    # Showing the product to the buyer: 'Presentation' is the 'Demo' stage.
    "demo": (
        "demo", "demonstration", "presentation", "product demo", "demo scheduled", "presentacion",
        "demostracion", "prasentation", "vorfuhrung", "demonstration produit", "apresentacao",
        "presentazione", "dimostrazione",
    ),
    # The customer asked for changes to a quote: 'Changes requested' is 'Revision Requested'.
    "revision": (
        "changes requested", "change requested", "revision requested", "revisions requested", "needs changes",
        "changes needed", "revision", "rework", "cambios solicitados", "anderungen angefordert",
    ),
    # A contract about to renew: 'Up for Renewal', 'Upcoming Renewal', 'Pendiente de renovar'.
    "renewal_due": (
        "up for renewal", "upcoming renewal", "renewal due", "due for renewal", "pending renewal",
        "pendiente de renovar", "pendiente de renovacion", "renovacion pendiente", "verlangerung fallig",
        "renouvellement a venir", "renovacao pendente", "rinnovo in scadenza",
    ),
    "renewed": ("renewed", "renovado", "renovada", "verlangert", "renouvele", "rinnovato"),
    # Work done, the bill not yet sent: 'Requires invoicing' and 'Needs Invoice' are one stage.
    "to_invoice": (
        "needs invoice", "needs invoicing", "requires invoice", "requires invoicing", "ready to invoice",
        "ready to bill", "ready for invoicing", "to invoice", "to be invoiced", "to bill", "awaiting invoice",
        "pending invoice", "invoice pending", "unbilled", "not invoiced", "por facturar", "a facturar",
        "pendiente de facturar", "pendiente de facturacion", "zu fakturieren", "zu verrechnen", "a facturer",
        "a faturar", "da fatturare",
    ),
    # The last step before a deal is won: the contract is being closed.
    "closing": (
        "closing", "closure", "close", "contract sent", "cierre", "en cierre", "abschluss", "cloture",
        "fechamento", "chiusura",
    ),
    # Work done or a deal agreed, waiting for someone's approval or for the bill: not yet won.
    "review": (
        "awaiting approval", "pending approval", "done pending approval", "pending review", "in review",
        "under review", "ready to bill", "ready for invoicing", "to invoice", "pendiente de aprobacion",
        "pendiente de revision", "en revision", "por facturar", "zur freigabe", "en validation",
    ),
}

# Record nouns: a field named for one kind of record ('Número de factura') fits only that kind.
RECORD_NOUNS: dict[str, tuple[str, ...]] = {
    "invoice": ("invoice", "factura", "bill", "receipt", "recibo"),
    "estimate": ("estimate", "quote", "presupuesto", "cotizacion", "proposal", "propuesta"),
    "job": ("job", "trabajo", "obra", "project", "proyecto"),
    "work_order": ("work order", "orden de trabajo", "orden trabajo", "parte de trabajo", "parte"),
    "deal": ("deal", "opportunity", "oportunidad", "negocio"),
    "client": ("client", "customer", "cliente", "contact", "contacto"),
    "lead": ("lead", "prospect", "potential client", "prospecto"),
    "company": ("company", "empresa", "business", "organization", "organisation"),
    "task": ("task", "tarea"),
    "appointment": ("appointment", "cita", "event", "evento", "meeting"),
    "product": ("product", "producto", "item", "articulo", "service", "servicio"),
    "payment": ("payment", "pago", "cobro"),
}

# Values of a role column that are permission levels (HighLevel user roles), not job titles.
PERMISSION_ROLES: frozenset[str] = frozenset({
    "admin", "administrator", "user", "account admin", "account user", "agency admin", "agency user",
    "administrador", "usuario", "administrateur", "utilisateur", "benutzer", "amministratore", "utente"
})

# Words that qualify a tag but are not its meaning ('cliente-vip' is the VIP tag).
GENERIC_TAG_WORDS: frozenset[str] = frozenset({
    "client", "cliente", "clientes", "clients", "contact", "contacto", "customer", "customers", "etiqueta",
    "group", "grupo", "lead", "segment", "segmento", "tag", "tipo", "type"
})

# Cross-language tag synonyms: normalised token -> canonical token.
TAG_SYNONYMS: dict[str, str] = {
    "vip": "vip", "preferente": "vip", "premium": "vip", "prioritario": "priority", "prioridad": "priority",
    "mayorista": "wholesale", "wholesale": "wholesale", "nuevo": "new", "nueva": "new", "new": "new",
    "recurrente": "recurring", "recurring": "recurring", "habitual": "recurring", "repeat": "recurring",
    "returning": "recurring", "moroso": "late-payer", "morosos": "late-payer", "impagado": "late-payer",
    "particular": "residential", "residencial": "residential", "residential": "residential", "empresa":
    "commercial", "comercial": "commercial", "commercial": "commercial", "business": "commercial",
    "urgente": "urgent", "urgent": "urgent", "referido": "referral", "referral": "referral", "recomendado":
    "referral", "potencial": "prospect", "prospect": "prospect", "prospecto": "prospect", "inactivo":
    "inactive", "inactive": "inactive", "activo": "active", "active": "active"
}
# fmt: on

for _kind, _words in MORE_OBJECT_WORDS.items():
    OBJECT_WORDS[_kind] = tuple(dict.fromkeys(OBJECT_WORDS.get(_kind, ()) + _words))
for _kind, _words in MORE_STAGE_WORDS.items():
    STAGE_CONCEPTS[_kind] = tuple(dict.fromkeys(STAGE_CONCEPTS.get(_kind, ()) + _words))
