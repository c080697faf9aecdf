"""Exit codes of the CLI, mapped from the exception tree in one place."""

from __future__ import annotations

from sealflow import errors

#: Most specific first: the first matching class decides the exit code.
EXIT_CODES: list[tuple[type[errors.SealflowError], int]] = [
    (errors.ExecutionFailed, 5),
    (errors.Conflict, 4),
    (errors.NotFound, 3),
    (errors.InvalidInput, 2),
    (errors.SealflowError, 1),
]


def exit_code(error: errors.SealflowError) -> int:
    """The process exit code for ``error``."""
    return next(code for kind, code in EXIT_CODES if isinstance(error, kind))
