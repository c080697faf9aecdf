// The page frame: navigation, the transformation browser and the routed view.
import { useCallback, useEffect, useState } from "react";
import { ApiError, api, message, setToken } from "./api";
import { Browser } from "./Browser";
import { navigate, usePath } from "./router";
import { TransformationPage } from "./TransformationPage";
import { AuditView, ExecutionsView, ObjectsView } from "./Repro";
import { NewDialog } from "./NewDialog";
import type { Transformation } from "./types";

export function App() {
  const path = usePath();
  const [all, setAll] = useState<Transformation[]>([]);
  const [loadError, setLoadError] = useState("");
  const [needsToken, setNeedsToken] = useState(false);
  const [token, setTokenText] = useState("");
  const [creating, setCreating] = useState<"COMPONENT" | "WORKFLOW" | null>(null);

  const reload = useCallback(async () => {
    try {
      setAll(await api.listTransformations());
      setLoadError("");
      setNeedsToken(false);
    } catch (e) {
      setLoadError(message(e));
      setNeedsToken(e instanceof ApiError && e.status === 401);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const match = path.match(/^\/transformations\/([0-9a-f-]{36})/);
  const section = path.startsWith("/executions") ? "executions" : path.startsWith("/audit") ? "audit"
    : path.startsWith("/objects") ? "objects" : "transformations";

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>Sealflow</a>
        {(["transformations", "executions", "audit", "objects"] as const).map((s) => (
          <a key={s} href={s === "transformations" ? "/" : `/${s}`} className={section === s ? "active" : ""}
            onClick={(e) => { e.preventDefault(); navigate(s === "transformations" ? "/" : `/${s}`); }}>
            {s === "audit" ? "Audit log" : s === "objects" ? "Objects" : s[0].toUpperCase() + s.slice(1)}
          </a>
        ))}
        <span className="spacer" />
        <button data-testid="new-component" onClick={() => setCreating("COMPONENT")}>New component</button>
        <button data-testid="new-workflow" onClick={() => setCreating("WORKFLOW")}>New workflow</button>
      </header>
      {loadError && <div className="error banner">{loadError}</div>}
      {needsToken && (
        <form className="actions banner" onSubmit={(e) => { e.preventDefault(); setToken(token); void reload(); }}>
          <label>Access token <input type="password" data-testid="token" value={token} onChange={(e) => setTokenText(e.target.value)} /></label>
          <button className="primary" type="submit">Sign in</button>
        </form>
      )}
      <div className="body">
        {section === "transformations" && (
          <Browser all={all} selectedId={match?.[1]} />
        )}
        <main className="main">
          {section === "transformations" && match && (
            <TransformationPage key={match[1]} id={match[1]} all={all} reload={reload} />
          )}
          {section === "transformations" && !match && (
            <div className="welcome">
              <h2>Transformations</h2>
              <p>{all.length} revisions stored. Pick one on the left, or create a component or workflow.</p>
            </div>
          )}
          {section === "executions" && <ExecutionsView />}
          {section === "audit" && <AuditView />}
          {section === "objects" && <ObjectsView />}
        </main>
      </div>
      {creating && (
        <NewDialog type={creating} all={all} onClose={() => setCreating(null)}
          onCreated={async (id) => { setCreating(null); await reload(); navigate(`/transformations/${id}`); }} />
      )}
    </div>
  );
}
