"""General CRM vocabulary, as data: Spanish and English here, other languages merged in.

Each concept lists the phrases (already normalised: lower case, no accents, single spaces) that
name it in column headers or table names. The lists describe how CRMs and field-service tools
in general name things; they are not any one platform's column list, because the proposer is
judged on platforms it has never seen.
"""

from __future__ import annotations

from assistant.propose.vocabulary_languages import MORE_FIELD_CONCEPTS

# fmt: off
# Column concepts: canonical concept -> phrases naming it.
FIELD_CONCEPTS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "first name", "firstname", "given name", "forename", "nombre de pila", "nombre pila", "first",
        "fname", "givenname", "given names", "given",
    ),
    "last_name": (
        "last name", "lastname", "surname", "surnames", "family name", "apellido", "apellidos", "last",
        "lname", "familyname", "last names",
    ),
    # A middle name is no bare 'name': beside it and a last name, 'NAME' is the given name.
    "middle_name": ("middle name", "second name", "middle initial", "segundo nombre"),
    "full_name": ("full name", "nombre completo", "contact name", "client name", "customer name"),
    "name": ("name", "nombre", "display name"),
    "email": ("email", "e mail", "mail", "correo", "correo electronico", "email address", "emails"),
    "phone": (
        "phone", "telephone", "tel", "telefono", "movil", "mobile", "cell", "celular", "phone number",
        "phone numbers", "numero de telefono", "landline"
    ),
    "fax": ("fax",),
    "address": (
        "address", "direccion", "calle", "street", "domicilio", "address line", "address data", "address1",
        "street address", "via"
    ),
    "city": ("city", "town", "city town", "ciudad", "poblacion", "localidad", "municipio"),
    # ISO 3166-2 calls states and provinces a country's subdivisions ('CountrySubDivisionCode'); a
    # bare 'subdivision' is as often a housing estate
    "region": (
        "state", "province", "provincia", "region", "county", "comunidad", "country subdivision",
        "country sub division",
    ),
    "postal_code": (
        "postal code", "postcode", "zip", "zip code", "zipcode", "postalcode", "codigo postal", "cp"
    ),
    "country": ("country", "pais", "country code", "codigo pais"),
    "tax_id": (
        "nif", "cif", "dni", "vat", "vat number", "tax id", "tax number", "tax identification number",
        "identificacion fiscal", "numero fiscal", "ruc", "rfc", "ein", "nie",
        "abn", "abn number", "acn", "gst number", "business number", "nzbn", "gstin", "siret", "ust idnr",
        "gst hst number", "hst number", "vat id", "vat registration number", "tax registration number",
    ),
    "parent": ("parent", "parent company", "empresa matriz", "matriz", "parent id", "parent document"),
    "company": (
        "company", "empresa", "razon social", "legal name", "business", "business name", "organization",
        "organisation", "compania", "company name", "nombre empresa", "nombre fiscal", "account name",
        "organization name", "organisation name", "org", "org name", "orgname", "companyname", "account",
    ),
    "website": ("website", "web", "url", "sitio web", "pagina web", "homepage", "site", "domain"),
    "date": (
        "date", "fecha", "day", "dia", "occurred", "occurred at", "occurred on", "timestamp", "datetime",
    ),
    "created_at": (
        "creation date", "created", "created at", "created on", "date created", "fecha creacion",
        "fecha de creacion", "fecha alta", "alta", "create date", "added", "registration date",
    ),
    "updated_at": (
        "updated", "updated at", "modified", "last modified", "fecha modificacion", "last update",
        "edit date", "edited", "last edited", "modification date", "last modification", "modification",
    ),
    "due_date": (
        "due date", "due", "vencimiento", "fecha vencimiento", "deadline", "fecha limite", "scheduled date",
        "fecha prevista", "scheduled", "expiry date", "valid until"
    ),
    "start": ("start", "start date", "start time", "inicio", "fecha inicio", "hora inicio", "begins", "from"),
    "end": ("end", "end date", "end time", "fin", "fecha fin", "hora fin", "ends", "until"),
    "amount": (
        "amount", "total", "importe", "value", "valor", "monto", "total amount", "importe total",
        "estimated value", "deal value", "grand total", "quoted amount", "revenue", "job total", "deal size",
        "deal amount",
    ),
    "price": ("price", "precio", "unit price", "base price", "precio unitario", "tarifa", "rate", "cost"),
    "quantity": ("quantity", "qty", "cantidad", "units", "unidades", "uds"),
    "sku": ("sku", "item reference", "product code", "codigo producto", "barcode", "codigo barras", "ean"),
    "status": (
        "status", "estado", "situacion", "document state", "job status", "state id", "event state",
        "incident state", "lead status", "deal status", "opportunity state", "deal state", "lead state"
    ),
    "stage": (
        "stage", "etapa", "fase", "deal stage", "pipeline stage", "lifecycle stage", "sales stage", "step",
        "deal step", "sales step",
    ),
    "score": ("score", "rating", "puntuacion", "valoracion", "nps", "referral score", "lead score"),
    "social": (
        "linkedin", "linked in", "facebook", "twitter", "instagram", "tiktok", "youtube", "social profile",
    ),
    "pipeline": ("pipeline", "embudo", "sales pipeline", "workflow name"),
    "owner": (
        "owner", "assigned", "assigned to", "assignee", "agent", "agente", "comercial", "technician",
        "tecnico", "employee", "empleado", "responsable", "salesperson", "sales rep", "rep", "vendedor",
        "user", "usuario", "team member", "assigned technician", "account manager", "gestor"
    ),
    "creator": ("creator", "created by", "creado por", "author", "autor"),
    "tags": (
        "tags", "tag", "etiquetas", "etiqueta", "segment", "segmento", "segmentacion", "labels", "label",
        "tag name", "tag names", "label name"
    ),
    "notes": (
        "notes", "note", "notas", "nota", "comments", "comment", "comentarios", "observaciones",
        "description", "descripcion", "remarks", "details", "body", "memo", "resolution", "resolucion",
        "instructions", "instrucciones",
    ),
    "reference": (
        "reference", "referencia", "number", "numero", "num", "no", "code", "codigo", "folio",
        "full reference", "ref", "document number", "invoice number", "quote number", "job number",
    ),
    "title": ("title", "titulo", "subject", "asunto", "concepto", "summary", "job name", "deal name"),
    "position": ("position", "cargo", "puesto", "job title", "post"),
    "role": ("role", "rol", "perfil", "permission"),
    "identifier": ("id", "identifier", "uuid", "record id", "key", "external id", "guid"),
    "source": (
        "source", "origen", "lead source", "fuente", "canal", "channel", "referral", "referral source",
        "how did you hear", "como nos conocio", "como nos conocieron", "captacion",
    ),
    "priority": ("priority", "prioridad", "urgency", "urgencia"),
    "location": ("location", "ubicacion", "gps", "lugar", "coordinates", "coordenadas", "site address"),
    "currency": ("currency", "moneda", "divisa", "currency code"),
    "discount": ("discount", "descuento", "discount percentage"),
    # the terms a customer pays on (COD, 14 days, Net 30): a setting of the customer's account
    "payment_terms": (
        "payment terms", "payment term", "terms of payment", "credit terms", "transaction terms",
        "transaction term", "condiciones de pago", "terminos de pago", "plazo de pago",
    ),
    "taxable": ("taxable", "is taxable", "tax applies", "apply tax", "sujeto a iva", "gravable"),
    "tax_rate": ("tax rate", "tax percentage", "iva", "impuesto", "vat rate", "primary tax percentage"),
    "paid": ("paid", "pagado", "cobrado", "settled", "liquidado", "paid total", "paid date"),
    "deleted": ("deleted", "eliminado", "borrado", "archived", "archivado", "inactive", "inactivo"),
    "birthday": (
        "birthday", "birthdate", "birth date", "date of birth", "dob", "fecha nacimiento",
        "fecha de nacimiento", "cumpleanos",
    ),
    "gender": ("gender", "genero", "sexo"),
    "dnd": (
        "do not contact", "dnd", "no molestar", "unsubscribed", "opt out", "no contactar", "do not email",
        "do not call", "no llamar", "email opt out"
    ),
    "file_path": (
        "path", "file", "file path", "pdf", "pdf path", "archivo", "fichero", "attachment", "adjunto",
        "file url", "file name", "filename", "document url",
    ),
    "file_size": ("size", "file size", "size bytes", "bytes", "tamano"),
    "mime_type": ("mime", "mime type", "content type", "file type", "tipo archivo"),
    "signature": ("signature", "firma", "signed", "firmado"),
    "industry": ("industry", "sector", "industria", "actividad"),
    "employee_count": (
        "number of employees", "employee count", "employees count", "numero empleados", "headcount"
    ),
    "probability": ("probability", "probabilidad", "win probability"),
    "completed": (
        "completed", "complete", "done", "completado", "hecho", "finalizado", "is completed", "closed"
    ),
    "all_day": ("all day", "todo el dia"),
    "calendar": ("calendar", "calendario", "agenda"),
    "recurrence": ("recurrence", "rrule", "recurrencia", "repeat", "recurring", "recurrence rule"),
    "order": ("order", "orden", "position in list", "sort", "sequence"),
    "color": ("color", "colour"),
    "type": ("type", "tipo", "kind", "category", "categoria", "clase"),
    "timezone": ("timezone", "time zone", "tz", "zona horaria", "huso horario"),
    "duration": ("duration", "duracion", "hours", "horas", "minutes"),
}

# Tokens that say nothing about meaning on their own; dropped before matching concepts.
# Words that name the concept only as the whole header: 'Account' (Accounts) is the organisation a
# person belongs to in many CRMs, but 'account-id' is a key, 'bank-account.iban' a bank number and
# 'Account Manager' a user.
# 'first' / 'last' name a person only as the whole header (an API's first / last), never in 'first visit';
# 'post' (a job post) only alone, never in 'post date'.
# 'given' alone names a given name only as the whole header ('given date' is no name).
# 'step' alone is the step a deal stands on; 'Next Step' is a to-do someone wrote.
WHOLE_HEADER_ONLY: frozenset[tuple[str, ...]] = frozenset(
    {("account",), ("first",), ("last",), ("post",), ("given",), ("step",)}
)
NOISE_TOKENS: frozenset[str] = frozenset({
    "a", "and", "de", "del", "el", "en", "la", "las", "los", "main", "of", "primary", "principal", "the",
    "y", "d", "l", "le", "les", "du", "des", "et", "da", "do", "dos", "das", "di", "der", "die", "von", "und"
})
# fmt: on

for _concept, _phrases in MORE_FIELD_CONCEPTS.items():
    FIELD_CONCEPTS[_concept] = tuple(dict.fromkeys(FIELD_CONCEPTS.get(_concept, ()) + _phrases))
