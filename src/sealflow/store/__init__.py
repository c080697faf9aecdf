"""Storage: SQLAlchemy tables, repositories and Alembic migrations; SQLite by default, or PostgreSQL.

Where to change what:

* ``database.py`` — opening a database, transactions and units of work, error translation
* ``engine.py`` — engine settings per backend (SQLite pragmas and locking, PostgreSQL pool)
* ``tables.py`` — the rows (private to this package); ``column_types.py`` — portable column types
* ``mapping.py`` — conversion between rows and the domain types of ``sealflow.model``
* ``transformations.py`` — transformation revisions; ``nestings.py`` — which workflow uses what
* ``code.py`` — the append-only code store and its purge
* ``executions.py`` — execution records, the manifest of every run
* ``objects/`` — persisted objects on local disk or S3 (Store Object / Load Object)
* ``migrations/`` — the schema; add a revision for every change of ``tables.py``
"""

from sealflow.store.code import CodeRepository
from sealflow.store.database import Database, UnitOfWork
from sealflow.store.transformations import TransformationRepository

__all__ = ["CodeRepository", "Database", "TransformationRepository", "UnitOfWork"]
