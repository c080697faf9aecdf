// Results of a run: tables for series and frames, Plotly plots, scalars; errors with their operator.
import { useEffect, useRef, useState } from "react";
import type { DataType, ExecutionResult } from "./types";

const MAX_ROWS = 200;

export function Results({ result }: { result: ExecutionResult }) {
  if (result.result === "failure" && result.error) {
    const e = result.error;
    const op = e.operator_info;
    return (
      <div className="run-error" data-testid="run-error">
        <h4>The run failed at {e.process_stage}</h4>
        <p><b>{e.type}</b>: <span data-testid="run-error-message">{e.message}</span></p>
        {op && <p data-testid="failing-operator">Failing operator: <b>{op.hierarchy_in_workflow.by_name.join(" › ") || op.transformation_info.name}</b>
          {" "}({op.transformation_info.name} {op.transformation_info.tag})</p>}
        {e.location && <p className="small">at {e.location.file}:{e.location.line_number} in {e.location.function_name}</p>}
        {result.traceback && <details><summary>Traceback</summary><pre>{result.traceback}</pre></details>}
      </div>
    );
  }
  const names = Object.keys(result.output_types_by_output_name);
  return (
    <div className="results" data-testid="results">
      <p className="ok">The run succeeded{result.job_id ? ` (job ${result.job_id})` : ""}.</p>
      {names.length === 0 && <p className="muted">No outputs were returned (outputs sent to adapters are not shown).</p>}
      {names.map((name) => (
        <section key={name} className="result" data-testid="result" data-name={name}>
          <h4>{name} <small>{result.output_types_by_output_name[name]}</small></h4>
          <Value type={result.output_types_by_output_name[name]} value={result.output_results_by_output_name[name]} />
        </section>
      ))}
    </div>
  );
}

function Value({ type, value }: { type: DataType; value: unknown }) {
  if (value === undefined) return <p className="muted">sent to its adapter</p>;
  if (type === "PLOTLYJSON") return <Plot figure={value as PlotlyFigure} />;
  const wrapped = value as { __data__?: { index?: unknown[]; data?: unknown[]; columns?: unknown[]; name?: string } } | null;
  const data = wrapped && typeof wrapped === "object" ? wrapped.__data__ : undefined;
  if (data && Array.isArray(data.index) && Array.isArray(data.data)) {
    if (Array.isArray(data.columns)) {
      return <Table columns={["index", ...data.columns.map(String)]}
        rows={data.index.map((ix, k) => [ix, ...((data.data![k] as unknown[]) ?? [])])} />;
    }
    return <Table columns={["index", data.name ?? "value"]} rows={data.index.map((ix, k) => [ix, data.data![k]])} />;
  }
  if (value !== null && typeof value === "object") return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
  return <p className="scalar" data-testid="scalar">{String(value)}</p>;
}

function Table({ columns, rows }: { columns: string[]; rows: unknown[][] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="result-table">
        <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>{rows.slice(0, MAX_ROWS).map((r, k) => <tr key={k}>{r.map((v, j) => <td key={j}>{v === null ? "" : String(v)}</td>)}</tr>)}</tbody>
      </table>
      {rows.length > MAX_ROWS && <p className="muted small">first {MAX_ROWS} of {rows.length} rows</p>}
    </div>
  );
}

interface PlotlyFigure { data?: unknown[]; layout?: Record<string, unknown> }

function Plot({ figure }: { figure: PlotlyFigure }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState("");
  const empty = !figure || !Array.isArray(figure.data);
  useEffect(() => {
    if (empty) return;
    let cancelled = false;
    const el = host.current!;
    import("plotly.js-dist-min").then((Plotly) => {
      if (cancelled) return;
      const layout = { ...(figure.layout ?? {}), autosize: true };
      Plotly.newPlot(el, figure.data as Plotly.Data[], layout, { responsive: true, displaylogo: false })
        .catch((e: unknown) => setError(String(e)));
    }).catch((e: unknown) => setError(String(e)));
    return () => {
      cancelled = true;
      void import("plotly.js-dist-min").then((Plotly) => Plotly.purge(el));
    };
  }, [figure, empty]);
  if (empty) return <p className="muted">no plot (the plot operator did not run)</p>;
  return <>{error && <p className="error">{error}</p>}<div className="plot" data-testid="plot" ref={host} /></>;
}
