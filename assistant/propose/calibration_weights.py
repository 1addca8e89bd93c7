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
    "fields": [-0.4875, 0.1571, 4.0055, -0.9353, -0.6631, 1.1673, 0.919, -0.0149, 0.0, 0.0, -0.7745, -2.302],
    "objects": [2.6233, 0.443, 0.443, -0.6021, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.3364],
    "stages": [3.2104, 0.5939, 0.0997, 0.2013, 0.0, 0.0, 0.0, 0.563, -1.1006, 0.0, 0.0, -0.0138],
}
