"""Fitted calibration weights: ``python -m assistant.evals.calibration_fit`` writes them."""

# features, in order:
#   bias
#   raw
#   object_confidence
#   custom_share
#   new_custom
#   skip
#   secondary
#   margin
#   flagged
#   by_name
#   new_custom*custom_share
#   (1-object_confidence)*custom_share
WEIGHTS: dict[str, list[float]] = {
    "fields": [-0.5728, 0.1075, 4.1432, -0.816, -0.6333, 1.1273, 0.8626, 0.104, 0.0, 0.0, -0.8166, -2.3872],
    "objects": [1.9869, 0.6238, 0.6238, -0.915, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.4662],
    "stages": [3.2876, 0.5933, 0.0113, 0.2016, 0.0, 0.0, 0.0, 0.563, -1.1, 0.0, 0.0, 0.023],
}
