// One revision: its editor (component or workflow), documentation, run panel, executions and lifecycle actions.
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, message, supportsPlan } from "./api";
import { ComponentEditor } from "./ComponentEditor";
import { DocumentationEditor } from "./Markdown";
import { ExecutionHistory } from "./Repro";
import { actionBlocked, changesStructure, type Action } from "./lifecycle";
import { needsLayout, autoLayout } from "./layout";
import { PlanDialog } from "./PlanDialog";
import { navigate } from "./router";
import { RunPanel } from "./RunPanel";
import type { ExecutionResult, Plan, Transformation, WorkflowContent } from "./types";
import { nextTag, uuid4 } from "./util";
import { normalizeContent, workflowInterface } from "./workflowModel";
import { WorkflowEditor } from "./WorkflowEditor";

interface Props { id: string; all: Transformation[]; reload: () => Promise<void> }

function prepared(tr: Transformation): Transformation {
  if (tr.type !== "WORKFLOW") return tr;
  const content = normalizeContent(tr.content as WorkflowContent);
  return { ...tr, content: needsLayout(content) ? autoLayout(content) : content };
}

export function TransformationPage({ id, all, reload }: Props) {
  const [saved, setSaved] = useState<Transformation | null>(null);
  const [raw, setRaw] = useState<Transformation | null>(null);  // as stored, before any automatic layout
  const [tr, setTr] = useState<Transformation | null>(null);
  const [loadError, setLoadError] = useState("");
  const [tab, setTab] = useState<"editor" | "documentation" | "executions">("editor");
  const [error, setError] = useState("");
  const [info, setInfo] = useState("");
  const [unlocked, setUnlocked] = useState(false);
  const [plan, setPlan] = useState<{ plan: Plan | null; note: string } | null>(null);
  const [failingOperator, setFailingOperator] = useState<string | undefined>();

  useEffect(() => {
    api.getTransformation(id).then((t) => { const p = prepared(t); setRaw(t); setSaved(p); setTr(p); })
      .catch((e) => setLoadError(message(e)));
  }, [id]);

  const onChange = useCallback((next: Transformation) => setTr(next), []);
  const onContent = useCallback((content: WorkflowContent) =>
    setTr((t) => t && { ...t, content, io_interface: workflowInterface(content) }), []);
  const onResult = useCallback((r: ExecutionResult | null) =>
    setFailingOperator(r?.result === "failure" ? r.error?.operator_info?.hierarchy_in_workflow.by_id[0] : undefined), []);

  const dirty = useMemo(() => !!tr && !!saved && JSON.stringify(tr) !== JSON.stringify(saved), [tr, saved]);
  if (loadError) return <div className="error banner">{loadError}</div>;
  if (!tr || !saved || !raw) return <div className="muted">Loading…</div>;

  const structural = changesStructure(saved, tr);
  const editable = saved.state === "DRAFT" || unlocked;
  const blocked = (a: Action) => (a === "save" && unlocked && dirty ? null : actionBlocked(a, saved, dirty, structural));

  async function act(what: () => Promise<void>) {
    setError("");
    setInfo("");
    try {
      await what();
    } catch (e) {
      setError(message(e));
    }
  }
  const stored = (t: Transformation) => { const p = prepared(t); setRaw(t); setSaved(p); setTr(p); };
  // A frozen revision changes only in documentation and test wiring: send exactly what is stored otherwise.
  const frozenUpdate = (patch: Partial<Transformation>) => ({ ...raw, ...patch });
  const now = () => new Date().toISOString();

  const save = () => act(async () => {
    if (saved.state !== "DRAFT" && structural) {
      const preview = await supportsPlan();
      if (!preview) { setPlan({ plan: null, note: "This server cannot show the plan of an overwrite." }); return; }
      const answer = await api.planOverwrite(tr);
      if (!answer.dry_run || !answer.plan) {
        setPlan({ plan: null, note: "The server did not return a plan." });
        return;
      }
      setPlan({ plan: answer.plan, note: "" });
      return;
    }
    const body = saved.state === "DRAFT" ? tr : frozenUpdate({ documentation: tr.documentation });
    stored(await api.putTransformation(body));
    setInfo("Saved.");
    await reload();
  });
  const confirmOverwrite = () => act(async () => {
    setPlan(null);
    stored(await api.putTransformation(tr, true));
    setUnlocked(false);
    setInfo("Overwritten.");
    await reload();
  });
  const release = () => act(async () => {
    stored(await api.putTransformation({ ...tr, state: "RELEASED", released_timestamp: now() }));
    setInfo("Released.");
    await reload();
  });
  const disable = () => act(async () => {
    stored(await api.putTransformation(frozenUpdate({ state: "DISABLED", disabled_timestamp: now() })));
    setInfo("Disabled.");
    await reload();
  });
  const derive = (copy: boolean) => act(async () => {
    const newId = uuid4();
    const tags = all.filter((t) => t.revision_group_id === saved.revision_group_id).map((t) => t.version_tag);
    const next: Transformation = {
      ...saved, id: newId, state: "DRAFT", released_timestamp: undefined, disabled_timestamp: undefined,
      revision_group_id: copy ? newId : saved.revision_group_id,
      name: copy ? `${saved.name} (copy)` : saved.name,
      version_tag: copy ? saved.version_tag : nextTag(saved.version_tag, tags),
    };
    delete next.released_timestamp;
    delete next.disabled_timestamp;
    await api.putTransformation(next, false, false);  // the code stays as it is, byte for byte
    await reload();
    navigate(`/transformations/${newId}`);
  });
  const remove = () => act(async () => {
    if (!window.confirm(`Delete the draft ${saved.name} ${saved.version_tag}? This cannot be undone.`)) return;
    await api.deleteTransformation(saved.id);
    await reload();
    navigate("/");
  });
  const saveWiring = async (w: Transformation["test_wiring"]) => {
    const t = await api.putTransformation(saved.state === "DRAFT" ? { ...saved, test_wiring: w } : frozenUpdate({ test_wiring: w }));
    stored(t);
  };

  const button = (a: Action, label: string, onClick: () => void, cls = "") => {
    const reason = blocked(a);
    return (
      <button data-testid={`action-${a}`} className={cls} disabled={!!reason} title={reason ?? ""} onClick={onClick}>{label}</button>
    );
  };
  const group = all.filter((t) => t.revision_group_id === saved.revision_group_id)
    .sort((a, b) => a.version_tag.localeCompare(b.version_tag, undefined, { numeric: true }));

  return (
    <div className="tr-page" data-testid="tr-page">
      <div className="tr-head">
        <h2 data-testid="tr-title">{saved.name} <small>{saved.version_tag}</small></h2>
        <span className={`badge state-${saved.state.toLowerCase()}`} data-testid="tr-state">{saved.state}</span>
        <span className="muted small">{saved.type} · {saved.category}</span>
        {group.length > 1 && (
          <span className="small">revisions: {group.map((g) => (
            <a key={g.id} href={`/transformations/${g.id}`} className={`chip state-${g.state.toLowerCase()} ${g.id === id ? "selected" : ""}`}
              onClick={(e) => { e.preventDefault(); navigate(`/transformations/${g.id}`); }}>{g.version_tag}</a>))}</span>
        )}
      </div>
      <div className="actions lifecycle" data-testid="lifecycle">
        {button("save", dirty ? "Save" : "Saved", () => void save(), "primary")}
        {button("release", "Release", () => void release())}
        {button("newRevision", "New revision", () => void derive(false))}
        {button("copy", "Copy", () => void derive(true))}
        {button("disable", "Disable", () => void disable())}
        {button("delete", "Delete draft", () => void remove(), "danger")}
        {saved.state !== "DRAFT" && !unlocked && (
          <button data-testid="action-overwrite" title="Change a released revision in place (shows what it affects first)"
            onClick={() => setUnlocked(true)}>Overwrite released…</button>)}
        {unlocked && <span className="warn small">Editing a {saved.state} revision: saving shows the plan first.
          <button className="tiny" onClick={() => { setUnlocked(false); setTr(saved); }}>Cancel</button></span>}
        {saved.state !== "DRAFT" && !unlocked && (
          <span className="muted small" data-testid="lifecycle-note">{saved.state} revisions are frozen: documentation and test wiring can still change.</span>)}
      </div>
      {error && <div className="error banner" data-testid="action-error" role="alert">{error}</div>}
      {info && <div className="info banner" data-testid="action-info">{info}</div>}
      <nav className="tabs">
        {(["editor", "documentation", "executions"] as const).map((t) => (
          <button key={t} data-testid={`tab-${t}`} className={tab === t ? "active" : ""} onClick={() => setTab(t)}>
            {t === "editor" ? (saved.type === "WORKFLOW" ? "Workflow" : "Component") : t[0].toUpperCase() + t.slice(1)}
          </button>
        ))}
      </nav>
      {tab === "editor" && (
        <>
          {tr.type === "COMPONENT"
            ? <ComponentEditor tr={tr} saved={saved} onChange={onChange} editable={editable} />
            : <WorkflowEditor content={tr.content as WorkflowContent} onChange={onContent} editable={editable}
                library={all} selfGroup={saved.revision_group_id} failingOperatorId={failingOperator} />}
          <RunPanel tr={saved} onResult={onResult} onSaveWiring={saveWiring} dirty={dirty} />
        </>
      )}
      {tab === "documentation" && (
        <DocumentationEditor value={tr.documentation} onChange={(d) => setTr({ ...tr, documentation: d })} editable />
      )}
      {tab === "executions" && <ExecutionHistory transformationId={saved.id} />}
      {plan && <PlanDialog plan={plan.plan} note={plan.note} onCancel={() => setPlan(null)} onConfirm={() => void confirmOverwrite()} />}
    </div>
  );
}
