// The component editor: metadata, IO interface (the generated code follows it) and the code.
import { useEffect, useRef, useState } from "react";
import { api, message } from "./api";
import { CodeEditor } from "./CodeEditor";
import { DATA_TYPES, type DataType, type IOInput, type IOOutput, type Transformation } from "./types";
import { uniqueName, uuid4 } from "./util";

interface Props { tr: Transformation; saved: Transformation; onChange: (tr: Transformation) => void; editable: boolean }

export function ComponentEditor({ tr, saved, onChange, editable }: Props) {
  const [syncError, setSyncError] = useState("");
  const [syncing, setSyncing] = useState(false);
  const latest = useRef(tr);
  latest.current = tr;
  const keyOf = (t: Transformation) => JSON.stringify([t.name, t.category, t.description, t.version_tag, t.state, t.io_interface]);
  const interfaceKey = keyOf(tr);
  const first = useRef(interfaceKey);
  const savedKey = keyOf(saved);
  // What the server stored is in step with its code: no update needed until the interface changes again.
  useEffect(() => { first.current = savedKey; }, [savedKey]);

  useEffect(() => {
    if (!editable || interfaceKey === first.current) return;
    setSyncing(true);
    const timer = setTimeout(async () => {
      const t = latest.current;
      try {
        const { code } = await api.componentCode({
          id: t.id, revision_group_id: t.revision_group_id, name: t.name, category: t.category,
          description: t.description, version_tag: t.version_tag, inputs: t.io_interface.inputs,
          outputs: t.io_interface.outputs, code: t.content as string, state: t.state,
          released_timestamp: t.released_timestamp, disabled_timestamp: t.disabled_timestamp,
        });
        first.current = interfaceKey;
        setSyncError("");
        if (code !== latest.current.content) onChange({ ...latest.current, content: code });
      } catch (e) {
        setSyncError(message(e));
      } finally {
        setSyncing(false);
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [interfaceKey, editable, onChange]);

  const io = tr.io_interface;
  const setIO = (inputs: IOInput[], outputs: IOOutput[]) => onChange({ ...tr, io_interface: { inputs, outputs } });
  const setInput = (n: number, patch: Partial<IOInput>) =>
    setIO(io.inputs.map((i, k) => (k === n ? { ...i, ...patch } : i)), io.outputs);
  const setOutput = (n: number, patch: Partial<IOOutput>) =>
    setIO(io.inputs, io.outputs.map((o, k) => (k === n ? { ...o, ...patch } : o)));

  return (
    <div className="component-editor">
      <div className="meta-grid">
        <label>Name <input data-testid="tr-name" disabled={!editable} value={tr.name} onChange={(e) => onChange({ ...tr, name: e.target.value })} /></label>
        <label>Category <input data-testid="tr-category" disabled={!editable} value={tr.category} onChange={(e) => onChange({ ...tr, category: e.target.value })} /></label>
        <label>Version tag <input data-testid="tr-tag" disabled={!editable} value={tr.version_tag} onChange={(e) => onChange({ ...tr, version_tag: e.target.value })} /></label>
        <label className="wide">Description <input data-testid="tr-description" disabled={!editable} value={tr.description} onChange={(e) => onChange({ ...tr, description: e.target.value })} /></label>
      </div>
      <div className="io-tables">
        <table className="io-table" data-testid="inputs-table">
          <thead><tr><th colSpan={5}>Inputs</th></tr><tr><th>name</th><th>data type</th><th>required</th><th>default</th><th /></tr></thead>
          <tbody>
            {io.inputs.map((i, n) => (
              <tr key={i.id} data-testid="input-row">
                <td><input aria-label="input name" disabled={!editable} value={i.name ?? ""} onChange={(e) => setInput(n, { name: e.target.value })} /></td>
                <td><TypeSelect label="input data type" value={i.data_type} disabled={!editable} onChange={(d) => setInput(n, { data_type: d })} /></td>
                <td>
                  <select aria-label="input required" disabled={!editable} value={i.type ?? "REQUIRED"}
                    onChange={(e) => setInput(n, e.target.value === "REQUIRED" ? { type: "REQUIRED", value: null } : { type: "OPTIONAL" })}>
                    <option value="REQUIRED">required</option><option value="OPTIONAL">optional</option>
                  </select>
                </td>
                <td>
                  <input aria-label="input default" disabled={!editable || i.type !== "OPTIONAL"} placeholder={i.type === "OPTIONAL" ? "none" : "—"}
                    value={i.value == null ? "" : typeof i.value === "string" ? i.value : JSON.stringify(i.value)}
                    onChange={(e) => setInput(n, { value: e.target.value === "" ? null : e.target.value })} />
                </td>
                <td>{editable && <button className="tiny" title="Remove input" onClick={() => setIO(io.inputs.filter((_, k) => k !== n), io.outputs)}>✕</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable && <button data-testid="add-input" onClick={() => setIO([...io.inputs, { id: uuid4(), name: uniqueName("x", io.inputs.map((i) => i.name ?? "")), data_type: "FLOAT", type: "REQUIRED", value: null }], io.outputs)}>Add input</button>}
        <table className="io-table" data-testid="outputs-table">
          <thead><tr><th colSpan={3}>Outputs</th></tr><tr><th>name</th><th>data type</th><th /></tr></thead>
          <tbody>
            {io.outputs.map((o, n) => (
              <tr key={o.id} data-testid="output-row">
                <td><input aria-label="output name" disabled={!editable} value={o.name ?? ""} onChange={(e) => setOutput(n, { name: e.target.value })} /></td>
                <td><TypeSelect label="output data type" value={o.data_type} disabled={!editable} onChange={(d) => setOutput(n, { data_type: d })} /></td>
                <td>{editable && <button className="tiny" title="Remove output" onClick={() => setIO(io.inputs, io.outputs.filter((_, k) => k !== n))}>✕</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable && <button data-testid="add-output" onClick={() => setIO(io.inputs, [...io.outputs, { id: uuid4(), name: uniqueName("result", io.outputs.map((o) => o.name ?? "")), data_type: "FLOAT" }])}>Add output</button>}
      </div>
      <div className="code-head">
        <b>Code</b> <span className="muted small">The lines between the DO NOT EDIT markers follow the interface above.</span>
        {syncing && <span className="muted small" data-testid="code-syncing"> updating…</span>}
        {syncError && <span className="error small" data-testid="code-sync-error">{syncError}</span>}
      </div>
      <CodeEditor value={tr.content as string} editable={editable} onChange={(code) => onChange({ ...latest.current, content: code })} />
    </div>
  );
}

function TypeSelect({ value, onChange, disabled, label }: { value: DataType; onChange: (d: DataType) => void; disabled: boolean; label: string }) {
  return (
    <select aria-label={label} disabled={disabled} value={value} onChange={(e) => onChange(e.target.value as DataType)}>
      {DATA_TYPES.map((d) => <option key={d}>{d}</option>)}
    </select>
  );
}
