"""How an object becomes a payload and back: pickle (protocol 5) by default.

A codec is the one place that turns objects into bytes. It also reports the modules the payload
refers to, which the manifest records: what a reader must be able to import. The repository records
the codec's name in each manifest and refuses payloads written by another codec. The signed envelope
(``sealflow.repro.sealing.SealedCodec``) is a codec of its own, chosen where the instance is opened; it
also reads plain pickles, when they are trusted.

Objects whose classes are defined in component code pickle as ``sealflow_components.c_<sha256>.<Class>``;
unpickling imports that module by hash from the code store (see ``sealflow.code.importer``), in any
process that can reach the instance's database.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass
from typing import Any, Protocol

from sealflow.errors import InvalidInput, ObjectUnreadable

PICKLE_PROTOCOL = 5


@dataclass(frozen=True)
class Encoded:
    """A payload, and the modules whose classes and functions it refers to (sorted)."""

    payload: bytes
    modules: tuple[str, ...] = ()


class Codec(Protocol):
    """Turns objects into payloads and back."""

    @property
    def name(self) -> str:
        """The name recorded in each manifest."""
        ...

    def encode(self, obj: Any, what: str) -> Encoded:
        """The payload of ``obj``; ``InvalidInput`` naming ``what`` if it cannot be encoded."""
        ...

    @property
    def signed(self) -> bool:
        """Whether payloads carry their own signature and digest (the repository then skips its check)."""
        ...

    def decode(self, payload: bytes, what: str, *, trust_legacy: bool = False) -> Any:
        """The object in ``payload``; ``ObjectUnreadable`` naming ``what`` if it cannot be decoded here.

        ``trust_legacy`` lets a signing codec read a plain pickle for this call.
        """
        ...


class PickleCodec:
    """Plain pickle with protocol 5."""

    name = "pickle"
    signed = False

    def encode(self, obj: Any, what: str) -> Encoded:
        """The pickle of ``obj``, byte for byte what ``pickle.dumps`` gives."""
        buffer = io.BytesIO()
        pickler = _ModuleRecorder(buffer)
        try:
            pickler.dump(obj)
        except PICKLING_ERRORS as exc:
            raise unpicklable(what, exc) from exc
        return Encoded(buffer.getvalue(), tuple(sorted(pickler.modules - {"builtins"})))

    def decode(self, payload: bytes, what: str, *, trust_legacy: bool = False) -> Any:
        """The object pickled in ``payload``."""
        return unpickle(payload, what)


PICKLING_ERRORS = (pickle.PicklingError, TypeError, AttributeError, RecursionError)
"""What ``pickle.dumps`` raises for an object it cannot pickle."""


def unpicklable(what: str, exc: Exception) -> InvalidInput:
    """The error for ``what``, which ``pickle`` refused with ``exc``."""
    return InvalidInput(
        f"{what} cannot be pickled: {exc}; store objects whose classes are defined at the top level of "
        "component code or in an installed package, without open files, locks, lambdas or generators"
    )


def unpickle(data: bytes | memoryview, what: str, buffers: list[Any] | None = None) -> Any:
    """The object pickled in ``data`` (with its out-of-band ``buffers``); ``ObjectUnreadable`` naming
    ``what`` if it cannot be unpickled here."""
    try:
        return pickle.loads(data, buffers=buffers)
    except ModuleNotFoundError as exc:
        raise ObjectUnreadable(
            f"{what} needs the module {exc.name!r}, which cannot be imported here; install the "
            "package it comes from (the version the object was written with) and load it again"
        ) from exc
    except Exception as exc:
        raise ObjectUnreadable(
            f"{what} cannot be unpickled here: {type(exc).__name__}: {exc}; load it with the code "
            "and package versions it was written with"
        ) from exc


class _ModuleRecorder(pickle.Pickler):
    """A pickler that notes the module of every class, function and object it writes."""

    def __init__(self, buffer: io.BytesIO) -> None:
        super().__init__(buffer, protocol=PICKLE_PROTOCOL)
        self.modules: set[str] = set()

    def reducer_override(self, obj: Any) -> Any:
        """Note the module, then let pickle go on as usual."""
        try:
            owner = obj if isinstance(obj, type) or hasattr(obj, "__qualname__") else type(obj)
            module = getattr(owner, "__module__", None)
        except Exception:
            module = None
        if isinstance(module, str):
            self.modules.add(module)
        return NotImplemented


PICKLE = PickleCodec()
"""The default codec."""
