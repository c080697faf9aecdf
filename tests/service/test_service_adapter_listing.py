"""``/api/adapters`` lists the SQL and MQTT adapters when they are configured, and only then."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from sealflow.config import Settings


def test_configured_sql_and_mqtt_adapters_are_listed(start_service, tmp_path: Path):
    databases = [{"name": "Plant", "key": "plant", "connection_url": f"sqlite:///{tmp_path / 'plant.db'}"}]
    settings = Settings(
        home=tmp_path,
        install_library=False,
        sql_databases=json.dumps(databases),
        mqtt_url="mqtt://127.0.0.1:1883",
    )

    with start_service(settings) as base_url:
        listed = httpx.get(f"{base_url}/api/adapters").json()

    assert {"id": "sql-adapter", "name": "SQL Adapter", "url": "", "internalUrl": ""} in listed
    assert {"id": "mqtt-adapter", "name": "MQTT Adapter", "url": "", "internalUrl": ""} in listed


def test_unconfigured_sql_and_mqtt_adapters_are_not_listed(start_service, tmp_path: Path):
    with start_service(Settings(home=tmp_path, install_library=False)) as base_url:
        listed = {adapter["id"] for adapter in httpx.get(f"{base_url}/api/adapters").json()}

    assert not listed & {"sql-adapter", "mqtt-adapter"}
