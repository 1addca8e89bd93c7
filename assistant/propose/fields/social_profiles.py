"""A web address under a header naming a social network is a profile there, never the website.

People and company exports often keep the record's LinkedIn, Facebook or X page beside (or instead
of) its own site: 'Linkedin / Link URL', 'social.facebook', 'Twitter URL'. The values are web
addresses like a website's, and words such as 'url' or 'link' in the header match the website field,
so on header and value kind alone the profile would fill the record's website. The network's name
says what the address is: the record's page on someone else's site. It belongs in a field for that
network (a destination field of that name is reused by the custom-field step), or in a field of its
own, never in the website.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import concepts

SOCIAL = "social"


def names_social_network(col: ColumnProfile) -> bool:
    """The header names a social network ('LinkedIn', 'facebook_url', 'Social profile')."""
    return SOCIAL in concepts(col.column)


def social_profile_on_website(col: ColumnProfile, field: str) -> bool:
    """A social network's profile address offered the record's website: it is not the website."""
    return field == "website" and names_social_network(col)
