"""Reproducibility: environment fingerprints, manifests, sealed objects, replay and impact analysis."""
