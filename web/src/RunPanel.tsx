// Execute a revision: a wiring form (manual values or adapters for each input and output), then its results.
import { useEffect, useState } from "react";
import { api, message } from "./api";
import { Results } from "./Results";
import type { Adapter, ExecutionResult, InputWiring, OutputWiring, Transformation, Wiring } from "./types";

const DIRECT = "direct_provisioning";

interface Props {
  tr: Transformation;
  onResult: (r: ExecutionResult | null) => void;
  onSaveWiring: (w: Wiring) => Promise<void>;
  dirty: boolean;
}

export function RunPanel({ tr, onResult, onSaveWiring, dirty }: Props) {
  const [adapters, setAdapters] = useState<Adapter[]>([{ id: DIRECT, name: "Direct Provisioning", url: "", internalUrl: "" }]);
  const [wiring, setWiring] = useState<Wiring>(() => initialWiring(tr));
  const [result, setResult] = useState<ExecutionResult | null>(null);
  const [error, setError] = useState("");
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState("");

  useEffect(() => { api.adapters().then(setAdapters).catch(() => undefined); }, []);
  useEffect(() => { setWiring(initialWiring(tr)); }, [tr.id, JSON.stringify(tr.io_interface), JSON.stringify(tr.test_wiring)]); // eslint-disable-line

  const setIn = (name: string, patch: Partial<InputWiring>) => setWiring((w) => ({
    ...w, input_wirings: w.input_wirings.map((i) => (i.workflow_input_name === name ? { ...i, ...patch } : i)),
  }));
  const setOut = (name: string, patch: Partial<OutputWiring>) => setWiring((w) => ({
    ...w, output_wirings: w.output_wirings.map((o) => (o.workflow_output_name === name ? { ...o, ...patch } : o)),
  }));

  async function run() {
    setRunning(true);
    setError("");
    try {
      const r = await api.execute(tr.id, toRequest(wiring));
      setResult(r);
      onResult(r);
    } catch (e) {
      setError(message(e));
      setResult(null);
      onResult(null);
    } finally {
      setRunning(false);
    }
  }

  const inputs = tr.io_interface.inputs;
  return (
    <div className="run-panel" data-testid="run-panel">
      <h3>Run</h3>
      {dirty && <p className="warn small">Runs use the stored revision: save your changes first.</p>}
      <table className="wiring">
        <tbody>
          {wiring.input_wirings.map((w) => {
            const inp = inputs.find((i) => i.name === w.workflow_input_name);
            return (
              <tr key={w.workflow_input_name} data-testid="wiring-input" data-name={w.workflow_input_name}>
                <th>{w.workflow_input_name} <small>{inp?.data_type}{inp?.type === "OPTIONAL" ? ", optional" : ""}</small></th>
                <td><AdapterSelect adapters={adapters} value={w.adapter_id} onChange={(a) => setIn(w.workflow_input_name, { adapter_id: a })} /></td>
                <td className="grow">
                  {w.adapter_id === DIRECT ? (
                    <textarea aria-label={`value of ${w.workflow_input_name}`} rows={2}
                      placeholder={inp?.type === "OPTIONAL" ? `empty: default ${JSON.stringify(inp.value ?? null)}` : valueHint(inp?.data_type)}
                      value={w.filters?.value ?? ""} onChange={(e) => setIn(w.workflow_input_name, { filters: { ...(w.filters ?? {}), value: e.target.value } })} />
                  ) : <SourceFields w={w} onChange={(p) => setIn(w.workflow_input_name, p)} />}
                </td>
              </tr>
            );
          })}
          {wiring.output_wirings.map((w) => (
            <tr key={w.workflow_output_name} data-testid="wiring-output">
              <th>→ {w.workflow_output_name}</th>
              <td><AdapterSelect adapters={adapters} value={w.adapter_id} onChange={(a) => setOut(w.workflow_output_name, { adapter_id: a })} /></td>
              <td className="grow">{w.adapter_id === DIRECT ? <span className="muted small">shown below</span>
                : <SourceFields w={w} onChange={(p) => setOut(w.workflow_output_name, p)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button className="primary" data-testid="execute" disabled={running} onClick={() => void run()}>{running ? "Running…" : "Execute"}</button>
        <button data-testid="save-test-wiring" onClick={async () => {
          try { await onSaveWiring(toRequest(wiring)); setSaved("Saved as the test wiring."); } catch (e) { setSaved(message(e)); }
        }}>Save as test wiring</button>
        {saved && <span className="small">{saved}</span>}
      </div>
      {error && <p className="error" data-testid="run-request-error">{error}</p>}
      {result && <Results result={result} />}
    </div>
  );
}

function AdapterSelect({ adapters, value, onChange }: { adapters: Adapter[]; value: string; onChange: (id: string) => void }) {
  const known = adapters.some((a) => a.id === value);
  return (
    <select aria-label="adapter" value={value} onChange={(e) => onChange(e.target.value)}>
      {adapters.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      {!known && <option value={value}>{value} (not offered here)</option>}
    </select>
  );
}

function SourceFields({ w, onChange }: { w: InputWiring | OutputWiring; onChange: (p: Partial<InputWiring>) => void }) {
  const [filters, setFilters] = useState(JSON.stringify(w.filters ?? {}));
  const [bad, setBad] = useState(false);
  return (
    <div className="source-fields">
      <input placeholder="ref_id (e.g. data/in.csv)" aria-label="ref_id" value={w.ref_id ?? ""} onChange={(e) => onChange({ ref_id: e.target.value || null })} />
      <input placeholder="ref_key" aria-label="ref_key" value={w.ref_key ?? ""} onChange={(e) => onChange({ ref_key: e.target.value || null })} />
      <input placeholder="type (e.g. dataframe)" aria-label="type" value={w.type ?? ""} onChange={(e) => onChange({ type: e.target.value || null })} />
      <input placeholder='filters, e.g. {"file_name": "out.csv"}' aria-label="filters" className={bad ? "invalid" : ""} value={filters}
        onChange={(e) => {
          setFilters(e.target.value);
          try { onChange({ filters: JSON.parse(e.target.value || "{}") }); setBad(false); } catch { setBad(true); }
        }} />
    </div>
  );
}

function valueHint(dataType?: string): string {
  if (dataType === "SERIES") return '{"2024-01-01T00:00:00Z": 1.0, …} or [1, 2, 3]';
  if (dataType === "DATAFRAME") return '[{"a": 1, "b": 2}, …]';
  return "a value";
}

function initialWiring(tr: Transformation): Wiring {
  const tw = tr.test_wiring ?? { input_wirings: [], output_wirings: [] };
  return {
    input_wirings: tr.io_interface.inputs.map((i) => tw.input_wirings.find((w) => w.workflow_input_name === i.name)
      ?? { workflow_input_name: i.name ?? "", adapter_id: DIRECT, filters: { value: "" } }),
    output_wirings: tr.io_interface.outputs.map((o) => tw.output_wirings.find((w) => w.workflow_output_name === o.name)
      ?? { workflow_output_name: o.name ?? "", adapter_id: DIRECT }),
  };
}

/** The wiring as sent: empty manual values are left out, so optional inputs take their defaults. */
function toRequest(w: Wiring): Wiring {
  return {
    input_wirings: w.input_wirings.filter((i) => i.adapter_id !== DIRECT || (i.filters?.value ?? "") !== ""),
    output_wirings: w.output_wirings.filter((o) => o.adapter_id !== DIRECT),
  };
}
