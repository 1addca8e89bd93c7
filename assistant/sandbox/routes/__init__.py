"""Handlers by resource; importing this package registers them all in ``registry.HANDLERS``."""

from assistant.sandbox.routes import (
    associations,
    businesses,
    calendars,
    contact_children,
    contacts,
    custom_fields,
    estimates,
    invoices,
    listings,
    locations,
    lost_reasons,
    medias,
    objects,
    opportunities,
    products,
    users,
)

__all__ = [
    "associations",
    "businesses",
    "calendars",
    "contact_children",
    "contacts",
    "custom_fields",
    "estimates",
    "invoices",
    "listings",
    "locations",
    "lost_reasons",
    "medias",
    "objects",
    "opportunities",
    "products",
    "users",
]
