"""Domain types and pure rules: transformation revisions, IO interfaces, workflows, wirings, lifecycle.

This package does no I/O and imports only the standard library, pydantic and ``sealflow.errors``.
"""
