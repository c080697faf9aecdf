"""Autoimport: import the sources in a directory, each on its own, when the service starts.

A source is a subdirectory (in the export layout) or a ``*.json`` file holding a list of revisions. A
file ``<source>.config.json`` next to it (``mydir.config.json``, ``x.json.config.json``) may hold
``filter_params`` (which revisions to import) and ``update_config`` (how to store them), with the keys of
hetida designer's autoimport; without it the defaults apply. Each source is one transaction: a source
that fails is logged with its cause and stores nothing, and the other sources go on.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sealflow.errors import InvalidInput, SealflowError
from sealflow.model.datatypes import State, TransformationType
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.export import WiringFilter
from sealflow.ops.import_folder import CONFIG_SUFFIX, ImportReport, Selection, import_files
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters

logger = logging.getLogger(__name__)


class FilterParams(BaseModel):
    """Which revisions of a source to import (``filter_params``)."""

    model_config = ConfigDict(extra="forbid")

    type: TransformationType | None = None
    state: State | None = None
    category: list[str] | None = None
    category_prefix: str | None = None
    revision_group_id: UUID | None = None
    id: list[UUID] | None = None
    name: list[str] | None = None
    include_deprecated: bool = True
    include_dependencies: bool = False
    unused: bool = False
    """Accepted for compatibility; it has no meaning for revisions that are not stored yet."""

    def selection(self) -> Selection:
        """The selection these parameters describe."""
        filters = Filters(
            type=self.type,
            state=self.state,
            categories=tuple(self.category) if self.category is not None else None,
            category_prefix=self.category_prefix,
            revision_group_id=self.revision_group_id,
            ids=tuple(self.id) if self.id is not None else None,
            names=tuple(self.name) if self.name is not None else None,
            include_deprecated=self.include_deprecated,
        )
        return Selection(filters, self.include_dependencies)


class UpdateConfig(BaseModel):
    """How the revisions of a source are stored (``update_config``)."""

    model_config = ConfigDict(extra="forbid")

    allow_overwrite_released: bool = False
    update_component_code: bool = True
    strip_wirings: bool = False
    strip_wirings_with_adapter_ids: list[str] = Field(default_factory=list)
    keep_only_wirings_with_adapter_ids: list[str] = Field(default_factory=list)
    abort_on_error: bool = False
    """Accepted for compatibility: a source is always imported all or nothing."""
    deprecate_older_revisions: bool = False

    def options(self) -> UpdateOptions:
        """The update options this configuration describes."""
        return UpdateOptions(
            allow_overwrite_released=self.allow_overwrite_released,
            update_component_code=self.update_component_code,
            wirings=WiringFilter(
                strip_all=self.strip_wirings,
                strip_adapter_ids=tuple(self.strip_wirings_with_adapter_ids),
                keep_only_adapter_ids=tuple(self.keep_only_wirings_with_adapter_ids),
            ),
            deprecate_older_revisions=self.deprecate_older_revisions,
        )


class SourceConfig(BaseModel):
    """The content of a ``<source>.config.json`` file."""

    model_config = ConfigDict(extra="forbid")

    filter_params: FilterParams = Field(default_factory=FilterParams)
    update_config: UpdateConfig = Field(default_factory=UpdateConfig)


@dataclass(frozen=True)
class SourceResult:
    """What the autoimport did with one source: its report, or the error that stopped it."""

    source: Path
    report: ImportReport | None = None
    error: SealflowError | None = None


def autoimport_sources(directory: Path) -> list[Path]:
    """The sources in ``directory``: its subdirectories and ``*.json`` files that are no configuration."""
    return sorted(
        path
        for path in directory.iterdir()
        if not path.name.startswith(".")
        and (path.is_dir() or (path.suffix == ".json" and not path.name.endswith(CONFIG_SUFFIX)))
    )


def read_config(source: Path) -> SourceConfig:
    """The configuration next to ``source``, or the defaults when there is none."""
    path = source.with_name(source.name + CONFIG_SUFFIX)
    if not path.exists():
        return SourceConfig()
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        return SourceConfig.model_validate(data)
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}; correct it") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise InvalidInput(f"{path} is no valid autoimport configuration ({problems}); correct it") from exc


def import_source(instance: Instance, source: Path) -> ImportReport:
    """Import one source by its configuration, all or nothing."""
    config = read_config(source)
    return import_files(instance, [source], config.update_config.options(), config.filter_params.selection())


def autoimport(instance: Instance, directory: Path) -> list[SourceResult]:
    """Import every source in ``directory``; each failure is logged and stops only its own source."""
    if not directory.is_dir():
        logger.warning("autoimport: %s is no directory; nothing imported", directory)
        return []
    sources = autoimport_sources(directory)
    names = {source.name for source in sources}
    for config in sorted(directory.glob(f"*{CONFIG_SUFFIX}")):
        if config.name.removesuffix(CONFIG_SUFFIX) not in names:
            logger.warning(
                "autoimport: %s configures no source (no file or folder %s); ignored",
                config,
                config.name.removesuffix(CONFIG_SUFFIX),
            )
    results = []
    for source in sources:
        try:
            report = import_source(instance, source)
        except SealflowError as exc:
            logger.error("autoimport: %s was not imported, nothing of it is stored: %s", source, exc)
            results.append(SourceResult(source, error=exc))
            continue
        counts = ", ".join(f"{count} {action}" for action, count in report.counts().items() if count)
        logger.info(
            "autoimport: %s: %d revision(s) %s", source, len(report.items), f"({counts})" if counts else ""
        )
        results.append(SourceResult(source, report=report))
    return results


def run_autoimport(instance: Instance) -> list[dict[str, Any]]:
    """Run the autoimport of the instance's ``SEALFLOW_AUTOIMPORT_DIR``; per source, counts or the error."""
    directory = instance.settings.autoimport_dir
    if directory is None:
        raise InvalidInput("no autoimport directory is configured; set SEALFLOW_AUTOIMPORT_DIR")
    return [
        {
            "source": str(result.source),
            "error": str(result.error) if result.error else None,
            "counts": result.report.counts() if result.report else {},
        }
        for result in autoimport(instance, directory)
    ]
