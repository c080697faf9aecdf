// The plan of a pending destructive operation (overwriting a released revision), shown before confirming.
import type { Plan } from "./types";
import { shortHash } from "./util";

export function PlanDialog({ plan, note, onCancel, onConfirm }: { plan: Plan | null; note: string; onCancel: () => void; onConfirm: () => void }) {
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-label="Plan" data-testid="plan-dialog">
        <h3>Overwrite a released revision?</h3>
        {note && <p className="warn">{note}</p>}
        {plan && (
          <>
            {plan.breaking
              ? <p className="error" data-testid="plan-breaking">This change breaks workflows that use the revision.</p>
              : <p>No workflow that uses the revision breaks.</p>}
            {plan.changes.map((c) => (
              <div key={c.id} className="plan-change" data-testid="plan-change">
                <h4>{c.name} {c.version_tag}</h4>
                <p className="small">code {shortHash(c.old_code_hash)} → {shortHash(c.new_code_hash)} · {c.executions} recorded runs
                  · used by {c.used_by.length} · objects {c.objects.length}</p>
                {c.interface_changes.length > 0 && <ul>{c.interface_changes.map((x, k) => <li key={k}>{String(x)}</li>)}</ul>}
                {c.will_break.length > 0 && <p className="error">Will break: {c.will_break.map((w) => typeof w === "string" ? w : JSON.stringify(w)).join(", ")}</p>}
                {c.code_diff && <pre className="diff">{c.code_diff}</pre>}
              </div>
            ))}
          </>
        )}
        <p className="small">Recorded runs keep their code (it is stored by hash), but new runs of this revision use the new content.</p>
        <div className="actions">
          <button onClick={onCancel} data-testid="plan-cancel">Cancel</button>
          <button className="danger" onClick={onConfirm} data-testid="plan-confirm">Overwrite</button>
        </div>
      </div>
    </div>
  );
}
