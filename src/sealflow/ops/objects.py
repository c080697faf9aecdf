"""Use cases on persisted objects: list and check them against this environment, adopt legacy pickles.

Listing and checking read every payload and verify it (signature, then compatibility) without unpickling
anything. Adopting checks a plain pickle the same way — its modules from the opcodes, hetida designer's
``hetdesrun_loaded_components.by_code__hash_<hash>`` modules resolved from the code store — and seals the
unchanged pickle into the object store; it never executes the file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from sealflow.errors import InvalidInput, ObjectIncompatible, ObjectNotFound, ObjectUnreadable
from sealflow.ops.instance import Instance
from sealflow.repro.sealing import UNSIGNED, Status
from sealflow.store.objects import ObjectManifest
from sealflow.store.objects.envelope import is_sealed
from sealflow.store.objects.repository import describe

ADOPTED_TAG = "adopted"


class ObjectReport(BaseModel):
    """One stored object and how it fares in this environment."""

    name: str
    tag: str
    size: int
    written_at: datetime
    execution_id: str | None
    sealed: bool
    status: Status
    problems: list[str]

    @property
    def ok(self) -> bool:
        """Whether the object loads here as it was written."""
        return self.status == "ok"


def list_objects(instance: Instance) -> list[ObjectReport]:
    """Every stored object, by name then oldest first, with its status here."""
    return [_report(instance, manifest) for manifest in instance.objects.manifests()]


def check_objects(instance: Instance, reference: str | None = None) -> list[ObjectReport]:
    """The status of ``NAME``, ``NAME:TAG`` (``latest`` allowed) or, without a reference, of every object."""
    if reference is None:
        return list_objects(instance)
    name, _, tag = reference.partition(":")
    if not tag:
        manifests = instance.objects.tags(name)
        if not manifests:
            raise ObjectNotFound(f"no object {name!r} in {instance.objects.location}", name=name)
        return [_report(instance, manifest) for manifest in manifests]
    return [_report(instance, instance.objects.manifest(name, tag))]


def adopt_object(
    instance: Instance, path: Path, *, name: str | None = None, tag: str | None = None
) -> ObjectReport:
    """Check the plain pickle at ``path`` and seal it into the object store as ``name`` with ``tag``.

    ``name`` defaults to the file's stem, ``tag`` to ``adopted``. ``ObjectIncompatible`` if it needs
    component code the code store does not hold, ``InvalidInput`` if it is no plain pickle.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"cannot read {path}: {exc.strerror or exc}; give the path of a pickle file"
        ) from exc
    what = f"the file {path}"
    if is_sealed(data):
        raise InvalidInput(f"{what} is sealed already; copy it into the object store as it is")
    inspection = instance.sealing.inspect(data, what)
    if inspection.problems[:1] != [UNSIGNED]:
        raise InvalidInput(f"{what} {inspection.problems[0]}; give the path of a pickle file")
    problems = inspection.problems[1:]
    if problems:
        raise ObjectIncompatible(f"{what} {'; it '.join(problems)}; nothing was stored", problems=problems)
    encoded = instance.sealing.seal_pickle(data)
    manifest = instance.objects.save_encoded(name or path.stem, tag or ADOPTED_TAG, encoded)
    return _report(instance, manifest)


def _report(instance: Instance, manifest: ObjectManifest) -> ObjectReport:
    what = describe(manifest, instance.objects.location)
    sealed = manifest.codec == instance.sealing.name
    try:
        payload = instance.objects.read(manifest)
    except (ObjectUnreadable, ObjectNotFound) as exc:
        status: Status = "tampered"
        problems = [str(exc).removeprefix(what).strip()]
    else:
        inspection = instance.sealing.inspect(payload, what)
        status, problems = inspection.status, inspection.problems
        if sealed and status == "unsigned":
            status, problems = "tampered", ["was stored sealed, but its payload is now a plain pickle"]
    return ObjectReport(
        name=manifest.name,
        tag=manifest.tag,
        size=manifest.size,
        written_at=manifest.created_at,
        execution_id=manifest.job_id,
        sealed=sealed,
        status=status,
        problems=problems,
    )
