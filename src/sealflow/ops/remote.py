"""Exchange revisions with another instance over its REST API: fetch, push and sync.

A remote is any service with hetida designer's transformation API (another Sealflow, or hetida
designer itself). Fetch reads ``GET /api/transformations`` and writes the export folder layout; push
reads such a folder and sends it to ``PUT /api/transformations``, whose 207 answer reports on every
item. Every failure names the URL and, if there was an answer, its status.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from sealflow.code.pyfile import transformation_from_code
from sealflow.errors import InvalidInput, RemoteError
from sealflow.model.transformation import parse_transformation
from sealflow.ops.export_folder import export_path, write_atomically
from sealflow.ops.import_folder import transformation_files
from sealflow.ops.selection import Filters

Item = dict[str, Any] | str
"""One exchanged item: a revision object, or a component as code."""

STATUSES = ("SUCCESS", "FAILED", "IGNORED", "NOT_TRIED")


@dataclass(frozen=True)
class FetchOptions:
    """What to fetch: the filters of ``GET /api/transformations`` and the form of components."""

    filters: Filters = field(default_factory=Filters)
    include_dependencies: bool = True
    components_as_code: bool = False

    def params(self) -> list[tuple[str, str]]:
        """The query string."""
        f = self.filters
        params: list[tuple[str, str]] = []
        if f.type is not None:
            params.append(("type", f.type.value))
        if f.state is not None:
            params.append(("state", f.state.value))
        params += [("category", value) for value in f.categories or ()]
        if f.category_prefix is not None:
            params.append(("category_prefix", f.category_prefix))
        if f.revision_group_id is not None:
            params.append(("revision_group_id", str(f.revision_group_id)))
        params += [("id", str(value)) for value in f.ids or ()]
        params += [("name", value) for value in f.names or ()]
        if not f.include_deprecated:
            params.append(("include_deprecated", "false"))
        params.append(("include_dependencies", _flag(self.include_dependencies)))
        params.append(("components_as_code", _flag(self.components_as_code)))
        return params


@dataclass(frozen=True)
class PushOptions:
    """How the remote stores what is pushed (the options of ``PUT /api/transformations``)."""

    allow_overwrite_released: bool = False
    update_component_code: bool = True
    release_drafts: bool = False
    deprecate_older_revisions: bool = False
    abort_on_error: bool = False

    def params(self) -> dict[str, str]:
        """The query string."""
        return {
            "allow_overwrite_released": _flag(self.allow_overwrite_released),
            "update_component_code": _flag(self.update_component_code),
            "release_drafts": _flag(self.release_drafts),
            "deprecate_older_revisions": _flag(self.deprecate_older_revisions),
            "abort_on_error": _flag(self.abort_on_error),
        }


@dataclass(frozen=True)
class PushedItem:
    """What the remote did with one pushed item."""

    key: str
    status: str
    msg: str
    name: str | None
    version_tag: str | None


def api_url(url: str) -> str:
    """The API root of a service URL: ``http://host:8000`` and ``http://host:8000/api`` both name it."""
    base = url.strip().rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise InvalidInput(f"{url!r} is no service URL; give one like http://localhost:8000")
    return base if base.endswith("/api") else f"{base}/api"


def fetch(url: str, options: FetchOptions, *, timeout: float = 60.0, token: str | None = None) -> list[Item]:
    """The revisions a remote lists for ``options``, as exchange-format objects and code strings;
    ``token`` is sent as bearer token."""
    target = f"{api_url(url)}/transformations"
    data = _call("GET", target, timeout=timeout, params=options.params(), headers=_auth(token))
    if not isinstance(data, list) or not all(isinstance(item, dict | str) for item in data):
        raise RemoteError(
            f"{target} answered 200 but not with a list of transformations; is it a Sealflow service?"
        )
    return data


def push(
    url: str,
    items: Sequence[Item],
    options: PushOptions,
    *,
    timeout: float = 300.0,
    token: str | None = None,
) -> list[PushedItem]:
    """Send ``items`` to a remote's bulk import; what it did with each, in the order of its answer."""
    target = f"{api_url(url)}/transformations"
    data = _call(
        "PUT", target, timeout=timeout, params=options.params(), json=list(items), headers=_auth(token)
    )
    if not isinstance(data, dict) or not all(
        isinstance(report, dict) and report.get("status") in STATUSES for report in data.values()
    ):
        raise RemoteError(f"{target} did not answer with an import report; is it a Sealflow service?")
    return [
        PushedItem(
            str(key),
            report["status"],
            str(report.get("msg", "")),
            report.get("name"),
            report.get("version_tag"),
        )
        for key, report in data.items()
    ]


def write_folder(items: Sequence[Item], directory: Path) -> list[Path]:
    """Write fetched items in the export folder layout; returns the written files."""
    written = []
    for index, item in enumerate(items):
        source = f"item {index} of the answer"
        if isinstance(item, str):
            path = directory / export_path(transformation_from_code(item, source), as_code=True)
            text = item
        else:
            path = directory / export_path(parse_transformation(item, source))
            text = json.dumps(item, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_atomically(path, text)
        written.append(path)
    return written


def read_folder(directory: Path) -> list[Item]:
    """The items in a folder: each ``.json`` file's object(s) and each ``.py`` file's code, by path."""
    if not directory.is_dir():
        raise InvalidInput(f"{directory} is no folder; give the folder 'sealflow remote fetch' wrote")
    items: list[Item] = []
    for path in transformation_files([directory]):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"cannot read {path}: {exc}") from exc
        if path.suffix == ".py":
            items.append(text)
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(
                f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}; correct it"
            ) from exc
        items.extend(data if isinstance(data, list) else [data])
    return items


def _auth(token: str | None) -> dict[str, str]:
    """The headers that carry ``token``, if there is one."""
    return {"Authorization": f"Bearer {token}"} if token else {}


def _call(method: str, target: str, *, timeout: float, **request: Any) -> Any:
    try:
        response = httpx.request(method, target, timeout=timeout, **request)
    except httpx.TimeoutException as exc:
        raise RemoteError(f"{target} did not answer within {timeout:g} seconds; is the service up?") from exc
    except httpx.HTTPError as exc:
        raise RemoteError(f"cannot reach {target}: {exc}; check the URL and that the service runs") from exc
    if response.status_code >= 400:
        raise RemoteError(
            f"{target} answered {response.status_code} {response.reason_phrase}: {_detail(response)}",
            status=response.status_code,
        )
    try:
        return response.json()
    except ValueError as exc:
        raise RemoteError(
            f"{target} answered {response.status_code} but not with JSON; is it a Sealflow service?"
        ) from exc


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return "no JSON error body; is it a Sealflow service?"
    detail = body.get("detail", body) if isinstance(body, dict) else body
    text = detail if isinstance(detail, str) else json.dumps(detail)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:300] + " ..."


def _flag(value: bool) -> str:
    return "true" if value else "false"
