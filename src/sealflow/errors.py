"""The one exception tree of Sealflow.

Every error carries a message a user can act on: what was wrong, where, and what to do next::

    SealflowError                       any failure Sealflow reports to a user
    ├── InvalidInput                    input that breaks a rule of the model
    │   ├── InvalidTransformation       a transformation revision breaks a rule (names field and rule)
    │   ├── ValueParseError             a value cannot be read as its data type
    │   └── InvalidWiring               a wiring does not fit the transformation it runs
    ├── NotFound                        something asked for does not exist
    │   ├── TransformationNotFound
    │   ├── CodeNotFound                no code with that hash in the code store
    │   ├── ExecutionNotFound           no execution record with that id
    │   └── ObjectNotFound              no persisted object with that name and tag
    ├── Conflict                        the request clashes with the stored state
    │   ├── LifecycleViolation          the state of a revision forbids the change
    │   ├── EnvironmentMismatch         a runtime's environment differs from the pinned one (strict)
    │   └── ObjectExists                a persisted object with that name and tag exists already
    ├── CodeIntegrityError              stored code does not hash to its key
    ├── StorageError                    the database or a stored file failed
    ├── ObjectUnreadable                a persisted object cannot be read back here
    ├── ValueSerializationError         a value cannot be written as JSON for its data type
    ├── AdapterError                    an adapter could not load or send data
    │   └── AdapterUnavailable          an adapter's service or storage cannot be reached
    ├── ExecutionFailed                 a run ended in failure; carries the structured error
    ├── RemoteError                     another instance cannot be reached or refused a request
    │   └── RuntimeUnavailable          a runtime service cannot be reached or died mid-run
    ├── AuthenticationRequired          no valid token came with a request that needs one
    └── PermissionDenied                the caller's role is too weak for the request

The service maps the tree to HTTP status codes in one place, the CLI to exit codes in one place.
"""

from __future__ import annotations

from typing import Any


class SealflowError(Exception):
    """Base of every error Sealflow reports to a user."""

    def __init__(self, message: str, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        return self.message


class InvalidInput(SealflowError):
    """Input that breaks a rule of the model."""


class InvalidTransformation(InvalidInput):
    """A transformation revision breaks a rule; the message names the field and the rule."""


class InvalidWiring(InvalidInput):
    """A wiring does not fit the transformation it is meant to run."""


class ValueParseError(InvalidInput):
    """A value cannot be read as its data type; the message shows an excerpt and what is expected."""


class NotFound(SealflowError):
    """Something asked for does not exist."""


class TransformationNotFound(NotFound):
    """No transformation revision with the given id."""


class CodeNotFound(NotFound):
    """No code with the given hash in the code store."""


class ExecutionNotFound(NotFound):
    """No execution record with the given id."""


class Conflict(SealflowError):
    """The request clashes with what is stored."""


class LifecycleViolation(Conflict):
    """The state of a revision forbids the change."""


class ObjectNotFound(NotFound):
    """No persisted object with the given name and tag."""


class ObjectExists(Conflict):
    """A persisted object with the given name and tag exists already; objects are never overwritten."""


class CodeIntegrityError(SealflowError):
    """Stored code does not hash to the key it is stored under."""


class StorageError(SealflowError):
    """The database or a stored file failed."""


class ObjectUnreadable(SealflowError):
    """A persisted object cannot be read back: its payload is damaged, or what it needs is missing here."""


class ObjectUnsigned(ObjectUnreadable):
    """A persisted object is a plain pickle without a signature, and legacy pickles are not trusted."""


class ObjectTampered(ObjectUnreadable):
    """A sealed object's signature does not match: it was changed, or signed with another key."""


class ObjectIncompatible(ObjectUnreadable):
    """A sealed object was written in an environment or with code this process does not have."""


class ValueSerializationError(SealflowError):
    """A value cannot be written as JSON for its data type; the message names the offending type."""


class AdapterError(SealflowError):
    """An adapter could not load or send data; the message names the adapter and the source or sink."""


class AdapterUnavailable(AdapterError):
    """An adapter's service or storage cannot be reached."""


class ExecutionFailed(SealflowError):
    """A run ended in failure; ``context['error']`` holds the structured error."""


class RemoteError(SealflowError):
    """Another instance's API cannot be reached, refused a request or answered unlike Sealflow."""


class RuntimeUnavailable(RemoteError):
    """A runtime service cannot be reached, or it stopped answering in the middle of a run."""


class EnvironmentMismatch(Conflict):
    """A runtime's environment differs from the one the instance pins, and the policy is strict."""


class AuthenticationRequired(SealflowError):
    """No valid token came with a request that needs one; the message says which token is missing or why
    it was refused."""


class PermissionDenied(SealflowError):
    """The caller's role is too weak; ``context['required']`` names the role needed."""
