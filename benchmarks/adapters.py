"""Adapter throughput: rows loaded from PostgreSQL by the SQL adapter, messages run by the queue consumer.

Loads a table of 1,000,000 rows (timestamp, metric, value) from the local PostgreSQL into a DATAFRAME
through the SQL adapter (read-only transaction, statement timeout) and with ``pandas.read_sql`` on the same
table in the same run, and reports rows per second and their ratio. Then publishes messages asking for a
trivial component to RabbitMQ and reports how many the consumer runs per second, each with its execution
record, its claim and its reply; the consumer's CPU time per message and the load average show how much
of the wall time other processes took.

    python benchmarks/adapters.py [--rows 1000000] [--messages 500]

Targets: the SQL adapter within 1.2x of pandas.read_sql; the consumer at least 200 messages per second.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

import pandas as pd
import pika  # type: ignore[import-untyped]
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sealflow.adapters.broker import open_broker
from sealflow.adapters.protocol import RunContext, SourceRequest
from sealflow.adapters.sql import SqlAdapter, parse_sql_databases
from sealflow.config import Settings
from sealflow.model.datatypes import DataType
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import InputWiring
from sealflow.ops.consume import Queues, consume
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations

POSTGRES = os.environ.get(
    "SEALFLOW_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
AMQP = os.environ.get("SEALFLOW_BENCH_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")


def best(function: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """The shortest of ``rounds`` timed calls, and the last result."""
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def sql_benchmark(rows: int, rounds: int) -> None:
    admin = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"sealflow_bench_{uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TABLE readings AS SELECT timestamp '2026-01-01' + i * interval '1 second' AS timestamp, "
                "'sensor_' || mod(i, 10) AS metric, random() AS value "
                f"FROM generate_series(1, {rows}) AS i"
            )
        adapter = SqlAdapter(parse_sql_databases([{"name": "Bench", "key": "bench", "connection_url": url}]))
        wiring = InputWiring(workflow_input_name="x", adapter_id="sql-adapter", ref_id="bench/table/readings")
        request = [SourceRequest("x", DataType.DATAFRAME, wiring)]
        context = RunContext(job_id=str(uuid4()), transformation_id=str(uuid4()))

        def pandas_load() -> pd.DataFrame:
            with engine.connect() as connection:
                return pd.read_sql("SELECT * FROM readings", connection)

        def adapter_load() -> pd.DataFrame:
            frame: pd.DataFrame = adapter.load(request, context)["x"]
            return frame

        pandas_load(), adapter_load()  # warm up connections and caches
        t_pandas, reference = best(pandas_load, rounds)
        t_adapter, loaded = best(adapter_load, rounds)
        assert loaded.shape == reference.shape == (rows, 3)
        adapter.dispose()
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    print(f"PostgreSQL table of {rows:,} rows into a DATAFRAME (best of {rounds})")
    print(f"  pandas.read_sql          {rows / t_pandas:12,.0f} rows/s   {t_pandas:7.3f} s")
    print(f"  SQL adapter (table)      {rows / t_adapter:12,.0f} rows/s   {t_adapter:7.3f} s")
    print(f"  ratio adapter / pandas   {t_adapter / t_pandas:12.2f}x   (target <= 1.2x)")


def trivial_component() -> TransformationRevision:
    """A released component: ``y = x + 1`` on integers."""
    return TransformationRevision.model_validate(
        {
            "name": "Add One",
            "version_tag": "1.0.0",
            "type": "COMPONENT",
            "state": "RELEASED",
            "released_timestamp": "2026-01-01T00:00:00Z",
            "content": "def main(*, x):\n    return {'y': x + 1}\n",
            "io_interface": {
                "inputs": [{"name": "x", "data_type": "INT"}],
                "outputs": [{"name": "y", "data_type": "INT"}],
            },
        }
    )


def consumer_benchmark(messages: int) -> None:
    prefix = f"sealflow-bench-{uuid4().hex[:8]}"
    queues = Queues(f"{prefix}.requests", f"{prefix}.replies", f"{prefix}.dead")
    client = pika.BlockingConnection(pika.URLParameters(AMQP))
    channel = client.channel()
    with tempfile.TemporaryDirectory() as home:
        instance = Instance.open(Settings(home=Path(home)))
        add = trivial_component()
        import_transformations(instance, [add])
        broker = open_broker(AMQP)
        try:
            for queue in (queues.requests, queues.replies, queues.dead_letter_queue):
                channel.queue_declare(queue, durable=True)
            wiring = {
                "input_wirings": [{"workflow_input_name": "x", "adapter_id": 1, "filters": {"value": "1"}}]
            }
            for number in range(messages):
                body = json.dumps({"id": str(add.id), "wiring": wiring}).encode()
                channel.basic_publish(
                    "", queues.requests, body, pika.BasicProperties(message_id=f"m-{number}")
                )
            started, cpu_started = time.perf_counter(), time.process_time()
            counts = consume(instance, broker, queues, max_messages=messages)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            replies = channel.queue_declare(queues.replies, passive=True).method.message_count
        finally:
            broker.close()
            for queue in (queues.requests, queues.replies, queues.dead_letter_queue):
                channel.queue_delete(queue)
            client.close()
            instance.close()
    assert counts.replied == messages == replies, (counts, replies)
    print(f"queue consumer, {messages} messages of a trivial component (RabbitMQ, SQLite instance)")
    print(f"  consumer                 {messages / elapsed:12,.0f} messages/s   (target >= 200/s)")
    print(
        f"  per message              {elapsed / messages * 1e3:12.2f} ms   (consumer CPU {cpu / messages * 1e3:.2f} ms)"
    )
    print(f"  load average             {os.getloadavg()[0]:12.2f}      ({os.cpu_count()} CPUs)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--messages", type=int, default=500)
    arguments = parser.parse_args()
    sql_benchmark(arguments.rows, arguments.rounds)
    consumer_benchmark(arguments.messages)


if __name__ == "__main__":
    main()
