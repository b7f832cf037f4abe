"""Per-document extraction: segmentation, mentions, relations (stages 2-4)."""
