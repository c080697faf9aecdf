"""Sealflow: analytics workflows that reproduce after every upgrade, transfer and restore."""

__version__ = "0.1.0"
