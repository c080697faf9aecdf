"""Adapters bring input data into a run and send its outputs away."""
