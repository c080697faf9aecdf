"""The SQL adapter: one contract suite over SQLite (a file), PostgreSQL and MariaDB, all real servers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.adapters.sql import SqlAdapter, parse_sql_databases
from sealflow.errors import AdapterError, AdapterUnavailable, InvalidWiring
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring

MARIADB_URL = os.environ.get("SEALFLOW_TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306/test")
CONTEXT = RunContext(job_id=str(uuid4()), transformation_id=str(uuid4()))


@pytest.fixture(scope="session")
def mariadb_url() -> Iterator[str]:
    """A MariaDB database made for this test run and dropped after it."""
    admin = create_engine(MARIADB_URL)
    name = f"sealflow_test_{uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE `{name}`")
    except sa.exc.SQLAlchemyError as exc:
        pytest.fail(
            f"MariaDB at {MARIADB_URL} is not usable ({exc}); start it or set SEALFLOW_TEST_MARIADB_URL"
        )
    yield sa.make_url(MARIADB_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS `{name}`")
    admin.dispose()


def create_engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=NullPool)


@pytest.fixture(params=["sqlite", "postgres", "mariadb"])
def target_url(request: pytest.FixtureRequest) -> str:
    """An empty database on each backend."""
    fixture = {"sqlite": "sqlite_url", "postgres": "postgres_schema_url", "mariadb": "mariadb_url"}
    url: str = request.getfixturevalue(fixture[request.param])
    if request.param == "mariadb":
        engine = create_engine(url)
        with engine.begin() as connection:
            for table in sa.inspect(connection).get_table_names():
                connection.exec_driver_sql(f"DROP TABLE `{table}`")
        engine.dispose()
    return url


@pytest.fixture
def adapter(target_url: str) -> Iterator[SqlAdapter]:
    """The adapter on one database ``plant`` holding ``pumps`` and the timeseries table ``readings``."""
    engine = create_engine(target_url)
    with engine.begin() as connection:
        pd.DataFrame({"id": [1, 2, 3], "name": ["p1", "p2", "p3"], "power": [1.5, 2.5, 3.5]}).to_sql(
            "pumps", connection, index=False
        )
        readings = pd.DataFrame(
            {
                "ts": pd.to_datetime(
                    ["2026-01-01T00:00:00", "2026-01-01T01:00:00", "2026-01-01T02:00:00"] * 2
                ),
                "sensor": ["a"] * 3 + ["b"] * 3,
                "val": [1.0, 2.0, 3.0, 10.0, 20.0, 30.0],
            }
        )
        readings.to_sql("readings", connection, index=False, dtype={"sensor": sa.String(40)})
    engine.dispose()
    databases = parse_sql_databases(
        [
            {
                "name": "Plant",
                "key": "plant",
                "connection_url": target_url,
                "append_tables": ["alerts"],
                "replace_tables": ["pumps"],
                "timeseries_tables": {
                    "readings": {
                        "appendable": True,
                        "metric_col_name": "sensor",
                        "timestamp_col_name": "ts",
                        "fetchable_value_cols": ["val"],
                        "writable_value_cols": ["val"],
                    }
                },
            }
        ]
    )
    sql = SqlAdapter(databases, timeout=2.0)
    yield sql
    sql.dispose()


def load(adapter: SqlAdapter, ref_id: str, data_type: DataType = DataType.DATAFRAME, **filters: str) -> Any:
    wiring = InputWiring(workflow_input_name="x", adapter_id="sql-adapter", ref_id=ref_id, filters=filters)
    return adapter.load([SourceRequest("x", data_type, wiring)], CONTEXT)["x"]


def send(adapter: SqlAdapter, ref_id: str, value: Any, data_type: DataType = DataType.DATAFRAME) -> None:
    wiring = OutputWiring(workflow_output_name="y", adapter_id="sql-adapter", ref_id=ref_id)
    adapter.send([SinkRequest("y", data_type, wiring)], {"y": value}, CONTEXT)


def test_a_query_loads_its_rows_as_a_dataframe(adapter: SqlAdapter):
    frame = load(
        adapter, "plant/query", sql_query="SELECT name, power FROM pumps WHERE power > 2 ORDER BY id;"
    )

    assert frame.to_dict("list") == {"name": ["p2", "p3"], "power": [2.5, 3.5]}


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM pumps",
        "SELECT 1; DELETE FROM pumps",
        "WITH gone AS (DELETE FROM pumps RETURNING *) SELECT * FROM gone",
        "SELECT * INTO copy FROM pumps",
        "SELECT * FROM pumps FOR UPDATE",
        "/*! DELETE FROM pumps */ SELECT 1",
        "",
    ],
)
def test_anything_but_one_select_is_refused_and_changes_nothing(adapter: SqlAdapter, query: str):
    with pytest.raises(InvalidWiring, match="SQL query refused"):
        load(adapter, "plant/query", sql_query=query)

    assert len(load(adapter, "plant/table/pumps")) == 3


def test_colons_and_percent_signs_are_taken_as_written(adapter: SqlAdapter):
    frame = load(
        adapter,
        "plant/query",
        sql_query="SELECT name, ':power' AS label FROM pumps WHERE name LIKE 'p%' AND power > 3 ORDER BY id",
    )

    assert frame.to_dict("list") == {"name": ["p3"], "label": [":power"]}


def test_keywords_inside_literals_and_comments_do_not_matter(adapter: SqlAdapter):
    frame = load(
        adapter,
        "plant/query",
        sql_query="-- DROP TABLE pumps\nSELECT name FROM pumps WHERE name <> 'x; DELETE FROM pumps' ORDER BY id",
    )

    assert list(frame["name"]) == ["p1", "p2", "p3"]


def test_queries_run_in_a_read_only_transaction(adapter: SqlAdapter):
    database = adapter.databases["plant"]
    engine = adapter.engine(database)
    write = "INSERT INTO pumps (id, name, power) VALUES (9, 'p9', 9.0)"

    with pytest.raises(sa.exc.DBAPIError), adapter._reading(engine) as connection:
        connection.exec_driver_sql(write)

    assert len(load(adapter, "plant/table/pumps")) == 3


def test_a_query_running_past_the_timeout_is_stopped(adapter: SqlAdapter):
    dialect = adapter.engine(adapter.databases["plant"]).dialect.name
    slow = {
        "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n",
        "postgresql": "SELECT pg_sleep(10)",
        "mysql": "SELECT SUM(a.seq * b.seq) FROM seq_1_to_100000 a, seq_1_to_100000 b",
    }[dialect]
    started = time.monotonic()

    with pytest.raises(AdapterError, match="ran longer than the statement timeout of 2 s"):
        load(adapter, "plant/query", sql_query=slow)

    assert time.monotonic() - started < 8


def test_an_unreachable_database_is_reported_without_its_password():
    url = "postgresql+psycopg://reader:secret@127.0.0.1:1/plant"
    adapter = SqlAdapter(parse_sql_databases([{"name": "Down", "key": "down", "connection_url": url}]))

    with pytest.raises(AdapterUnavailable, match="database 'down'") as raised:
        load(adapter, "down/table/pumps")

    assert "secret" not in str(raised.value)
    adapter.dispose()


def test_a_table_loads_whole(adapter: SqlAdapter):
    frame = load(adapter, "plant/table/pumps")

    assert frame.sort_values("id").to_dict("list") == {
        "id": [1, 2, 3],
        "name": ["p1", "p2", "p3"],
        "power": [1.5, 2.5, 3.5],
    }


def test_a_missing_table_is_named(adapter: SqlAdapter):
    with pytest.raises(InvalidWiring, match="has no table 'nothing'"):
        load(adapter, "plant/table/nothing")


def test_a_timeseries_table_loads_as_multitsframe_filtered_by_metric_and_time(adapter: SqlAdapter):
    frame = load(
        adapter,
        "plant/ts_table/readings",
        DataType.MULTITSFRAME,
        metrics='["b"]',
        timestampFrom="2026-01-01T01:00:00Z",
        timestampTo="2026-01-01T02:00:00+00:00",
    )

    assert list(frame.columns) == ["timestamp", "metric", "value"]
    assert [stamp.isoformat() for stamp in frame["timestamp"]] == [
        "2026-01-01T01:00:00+00:00",
        "2026-01-01T02:00:00+00:00",
    ]
    assert list(frame["metric"]) == ["b", "b"]
    assert list(frame["value"]) == [20.0, 30.0]
    assert len(load(adapter, "plant/ts_table/readings", DataType.MULTITSFRAME, metrics="ALL")) == 6


def test_append_table_creates_then_appends(adapter: SqlAdapter):
    alerts = pd.DataFrame({"pump": ["p1"], "level": [3]})

    send(adapter, "plant/append_table/alerts", alerts)
    send(adapter, "plant/append_table/alerts", alerts.assign(pump="p2"))

    frame = load(adapter, "plant/query", sql_query="SELECT pump, level FROM alerts ORDER BY pump")
    assert frame.to_dict("list") == {"pump": ["p1", "p2"], "level": [3, 3]}


def test_replace_table_swaps_the_rows_in_one_transaction(adapter: SqlAdapter):
    send(adapter, "plant/replace_table/pumps", pd.DataFrame({"id": [7], "name": ["p7"], "power": [7.0]}))

    assert load(adapter, "plant/table/pumps").to_dict("list") == {"id": [7], "name": ["p7"], "power": [7.0]}

    with pytest.raises(AdapterError):
        send(adapter, "plant/replace_table/pumps", pd.DataFrame({"id": [8], "no_such_column": [1]}))

    assert list(load(adapter, "plant/table/pumps")["name"]) == ["p7"]


def test_an_appendable_timeseries_table_takes_a_multitsframe(adapter: SqlAdapter):
    new = pd.DataFrame(
        {
            "timestamp": pd.to_datetime(["2026-01-02T00:00:00Z"]),
            "metric": ["c"],
            "value": [5.0],
        }
    )

    send(adapter, "plant/appendable_ts_table/readings", new, DataType.MULTITSFRAME)

    frame = load(adapter, "plant/ts_table/readings", DataType.MULTITSFRAME, metrics='["c"]')
    assert frame["timestamp"].iloc[0].isoformat() == "2026-01-02T00:00:00+00:00"
    assert (frame["metric"].iloc[0], frame["value"].iloc[0]) == ("c", 5.0)


def test_sinks_write_only_to_configured_tables(adapter: SqlAdapter):
    with pytest.raises(
        InvalidWiring, match="'readings' of database 'plant' is not configured as append_table"
    ):
        send(adapter, "plant/append_table/readings", pd.DataFrame({"a": [1]}))


@pytest.mark.parametrize(
    ("ref_id", "message"),
    [
        ("other/table/pumps", "no database with key 'other'"),
        ("plant/tables/pumps", "is not '<key>/query'"),
        ("plant/append_table/alerts", "is a sink"),
    ],
)
def test_bad_ids_are_explained(adapter: SqlAdapter, ref_id: str, message: str):
    with pytest.raises(InvalidWiring, match=message):
        load(adapter, ref_id)


def test_bad_configuration_is_refused_with_its_reason():
    with pytest.raises(AdapterError, match="not valid JSON"):
        parse_sql_databases("[{")
    with pytest.raises(AdapterError, match="invalid entry"):
        parse_sql_databases('[{"name": "x"}]')
    with pytest.raises(AdapterError, match="key of its own"):
        parse_sql_databases(
            '[{"name": "a", "key": "k", "connection_url": "sqlite://"},'
            ' {"name": "b", "key": "k", "connection_url": "sqlite://"}]'
        )
