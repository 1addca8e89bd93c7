"""Decision flows: the dialogs a key opens, then the session call with what was chosen."""

from __future__ import annotations

from assistant.review.bulk_flows import BulkFlows
from assistant.review.destination_flows import DestinationFlows
from assistant.review.item_flows import ItemFlows
from assistant.review.tag_flows import TagFlows


class ReviewFlows(ItemFlows, BulkFlows, TagFlows, DestinationFlows):
    """Every flow the review app offers, one module per concern."""
