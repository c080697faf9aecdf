"""Tests of the storage layer; they run over SQLite and PostgreSQL through the ``db_url`` fixture."""
