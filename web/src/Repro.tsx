// Reproducibility views: execution history with manifests and replay, the audit log, persisted objects.
import { useEffect, useState } from "react";
import { ApiError, api, message } from "./api";
import { navigate } from "./router";
import type { AuditEntry, ExecutionRecord, ReplayReport, StoredObject } from "./types";
import { shortHash, when } from "./util";

const PAGE = 50;

function useFingerprint(): string | undefined {
  const [id, setId] = useState<string>();
  useEffect(() => { api.info().then((i) => setId(String(i.fingerprint.id ?? ""))).catch(() => undefined); }, []);
  return id;
}

export function ExecutionHistory({ transformationId }: { transformationId?: string }) {
  const [records, setRecords] = useState<ExecutionRecord[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const fingerprint = useFingerprint();

  useEffect(() => {
    api.executions(transformationId, PAGE, offset).then(setRecords).catch((e) => setError(message(e)));
  }, [transformationId, offset]);

  if (error) return <p className="error">{error}</p>;
  if (!records) return <p className="muted">Loading…</p>;
  return (
    <div className="history" data-testid="execution-history">
      {records.length === 0 && offset === 0 && <p className="muted">No runs recorded yet.</p>}
      <table className="data">
        <thead><tr><th>started</th>{!transformationId && <th>revision</th>}<th>status</th><th>duration</th><th>closure</th><th>environment</th></tr></thead>
        <tbody>
          {records.map((r) => (
            <Row key={r.id} r={r} showName={!transformationId} open={open === r.id} fingerprint={fingerprint}
              onToggle={() => setOpen(open === r.id ? null : r.id)} />
          ))}
        </tbody>
      </table>
      <Pager offset={offset} count={records.length} setOffset={setOffset} />
    </div>
  );
}

function Row({ r, showName, open, onToggle, fingerprint }: {
  r: ExecutionRecord; showName: boolean; open: boolean; onToggle: () => void; fingerprint?: string;
}) {
  const same = fingerprint && r.fingerprint_hash ? r.fingerprint_hash === fingerprint : undefined;
  return (
    <>
      <tr className={`clickable ${open ? "open" : ""}`} onClick={onToggle} data-testid="execution-row" data-status={r.status}>
        <td>{when(r.started_at)}</td>
        {showName && <td><a href={`/transformations/${r.transformation_id}`} onClick={(e) => { e.preventDefault(); e.stopPropagation(); navigate(`/transformations/${r.transformation_id}`); }}>{r.name} {r.version_tag}</a></td>}
        <td><span className={`badge status-${r.status}`}>{r.status}</span></td>
        <td>{r.duration.toFixed(3)} s</td>
        <td><code>{shortHash(r.closure_hash)}</code></td>
        <td>{same === undefined ? "—" : same ? "this environment" : <span className="warn">another environment</span>}</td>
      </tr>
      {open && <tr><td colSpan={showName ? 6 : 5}><Manifest r={r} /></td></tr>}
    </>
  );
}

function Manifest({ r }: { r: ExecutionRecord }) {
  const [replay, setReplay] = useState<ReplayReport | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <div className="manifest" data-testid="manifest">
      <p><b>Execution</b> <code>{r.id}</code> of {r.name} {r.version_tag} ({r.type})</p>
      <p><b>Code hashes</b>: {r.code_hashes.map((h) => <code key={h} className="hash" title={h}>{shortHash(h)}</code>)}</p>
      <p><b>Closure</b> <code>{r.closure_hash}</code></p>
      <p><b>Environment fingerprint</b> <code>{r.fingerprint_hash ?? "not recorded"}</code></p>
      {r.error && <p className="error">{r.error.type}: {r.error.message}</p>}
      <div className="actions">
        <button data-testid="replay" disabled={busy} onClick={async () => {
          setBusy(true); setError("");
          try { setReplay(await api.replay(r.id)); } catch (e) { setError(message(e)); } finally { setBusy(false); }
        }}>{busy ? "Replaying…" : "Replay"}</button>
      </div>
      {error && <p className="error" data-testid="replay-error">{error}</p>}
      {replay && (
        <div className="replay" data-testid="replay-report">
          <p>Verdict: <b data-testid="replay-verdict">{replay.verdict}</b>
            {" · "}{replay.environment_identical ? "same environment" : "environment changed"}</p>
          {replay.environment_changes.length > 0 && <ul>{replay.environment_changes.map((c) => <li key={c}>{c}</li>)}</ul>}
          {replay.error && <p className="error">{replay.error}</p>}
          {replay.objects_stored.length > 0 && (
            <p data-testid="replay-objects">Objects the replay stored, kept apart from this instance's objects and
              discarded: {replay.objects_stored.map((o) => <code key={o}>{o}</code>)}</p>
          )}
          {replay.outputs.length > 0 && <pre className="json">{JSON.stringify(replay.outputs, null, 2)}</pre>}
        </div>
      )}
      <details><summary>Full manifest</summary><pre className="json">{JSON.stringify(r, null, 2)}</pre></details>
    </div>
  );
}

function Pager({ offset, count, setOffset }: { offset: number; count: number; setOffset: (n: number) => void }) {
  if (offset === 0 && count < PAGE) return null;
  return (
    <div className="actions">
      <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Newer</button>
      <span className="small">{offset + 1}–{offset + count}</span>
      <button disabled={count < PAGE} onClick={() => setOffset(offset + PAGE)}>Older</button>
    </div>
  );
}

export function ExecutionsView() {
  return <div><h2>Executions</h2><p className="muted small">Every run leaves a record: its code hashes, inputs, outputs and environment. Replay re-runs the recorded code on the recorded inputs.</p><ExecutionHistory /></div>;
}

function unavailable(e: unknown, what: string): string {
  return e instanceof ApiError && e.status === 404 ? `This server does not offer ${what} yet.` : message(e);
}

export function AuditView() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState("");
  useEffect(() => {
    api.audit(PAGE, offset).then(setEntries).catch((e) => setError(unavailable(e, "an audit log")));
  }, [offset]);
  return (
    <div data-testid="audit-view">
      <h2>Audit log</h2>
      {error && <p className="muted" data-testid="audit-unavailable">{error}</p>}
      {entries && entries.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {entries && entries.length > 0 && (
        <table className="data">
          <thead><tr><th>at</th><th>actor</th><th>action</th><th>summary</th><th>revisions</th><th>code</th></tr></thead>
          <tbody>{entries.map((a) => (
            <tr key={a.id} data-testid="audit-row">
              <td>{when(a.at)}</td><td>{a.actor}</td><td>{a.action}</td><td>{a.summary}</td>
              <td>{a.targets.map((t) => <a key={t.id} href={`/transformations/${t.id}`} onClick={(e) => { e.preventDefault(); navigate(`/transformations/${t.id}`); }}>{t.name} {t.version_tag} </a>)}</td>
              <td className="small">{a.old_code_hashes.map(shortHash).join(", ") || "—"} → {a.new_code_hashes.map(shortHash).join(", ") || "—"}</td>
            </tr>))}
          </tbody>
        </table>
      )}
      {entries && <Pager offset={offset} count={entries.length} setOffset={setOffset} />}
    </div>
  );
}

export function ObjectsView() {
  const [objects, setObjects] = useState<StoredObject[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => { api.objects().then(setObjects).catch((e) => setError(unavailable(e, "a list of persisted objects"))); }, []);
  return (
    <div data-testid="objects-view">
      <h2>Persisted objects</h2>
      <p className="muted small">Objects stored by runs, and whether this environment can load them.</p>
      {error && <p className="muted" data-testid="objects-unavailable">{error}</p>}
      {objects && objects.length === 0 && <p className="muted">No objects stored.</p>}
      {objects && objects.length > 0 && (
        <table className="data">
          <thead><tr><th>name</th><th>tag</th><th>size</th><th>written</th><th>run</th><th>status</th><th>problems</th></tr></thead>
          <tbody>{objects.map((o) => (
            <tr key={`${o.name}/${o.tag}`} data-testid="object-row">
              <td>{o.name}</td><td>{o.tag}</td><td>{o.size}</td><td>{when(o.written_at)}</td>
              <td><code>{o.execution_id ? shortHash(o.execution_id) : "—"}</code></td>
              <td><span className={`badge status-${o.status}`}>{o.status}{o.sealed ? " · sealed" : ""}</span></td>
              <td>{o.problems.join("; ")}</td>
            </tr>))}
          </tbody>
        </table>
      )}
    </div>
  );
}
