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
    "fields": [-0.2075, 0.2787, 3.8774, -1.7819, -0.2909, 0.6993, 0.8429, 0.0162, 0.0, 0.0, -1.4622, -2.2608],
    "objects": [1.9223, 0.5807, 0.5807, -1.5039, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5242],
    "owners": [2.2428, 0.8809, 0.5403, -0.9309, 0.0, -1.1725, 0.0, 0.0, 0.0, 0.3143, 0.0, -0.2765],
    "stages": [3.8939, -0.2283, -0.0168, -1.1183, 0.0, 0.0, 0.0, -0.1217, 0.2782, 0.0, 0.0, -0.1829],
}
