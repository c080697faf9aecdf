// Create a new component or workflow as a DRAFT.
import { useState } from "react";
import { api, message } from "./api";
import { uuid4 } from "./util";
import type { Transformation } from "./types";

export function NewDialog({ type, all, onClose, onCreated }: {
  type: "COMPONENT" | "WORKFLOW"; all: Transformation[]; onClose: () => void; onCreated: (id: string) => void;
}) {
  const [name, setName] = useState("");
  const [category, setCategory] = useState("Other");
  const [tag, setTag] = useState("1.0.0");
  const [error, setError] = useState("");
  const label = type === "COMPONENT" ? "component" : "workflow";
  const nameTaken = all.some((t) => t.name === name.trim() && t.type === type);

  async function create() {
    const id = uuid4();
    try {
      const base = {
        id, revision_group_id: id, name: name.trim(), description: "", category: category.trim() || "Other",
        version_tag: tag.trim(), state: "DRAFT" as const, type, documentation: `# ${name.trim()}\n`,
        io_interface: { inputs: [], outputs: [] }, test_wiring: { input_wirings: [], output_wirings: [] },
      };
      let content: Transformation["content"];
      if (type === "COMPONENT") {
        content = (await api.componentCode({ ...base, inputs: [], outputs: [], code: "" })).code;
      } else {
        content = { operators: [], links: [], inputs: [], outputs: [], constants: [] };
      }
      await api.putTransformation({ ...base, content });
      onCreated(id);
    } catch (e) {
      setError(message(e));
    }
  }

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label={`New ${label}`}>
        <h3>New {label}</h3>
        <label>Name <input data-testid="new-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus /></label>
        <label>Category <input data-testid="new-category" value={category} onChange={(e) => setCategory(e.target.value)} /></label>
        <label>Version tag <input data-testid="new-tag" value={tag} onChange={(e) => setTag(e.target.value)} /></label>
        {nameTaken && <p className="muted small">A {label} of this name exists; consider a new revision of it instead.</p>}
        {error && <p className="error" data-testid="new-error">{error}</p>}
        <div className="actions">
          <button onClick={onClose}>Cancel</button>
          <button className="primary" data-testid="create" disabled={!name.trim() || !tag.trim()} onClick={() => void create()}>
            Create draft
          </button>
        </div>
      </div>
    </div>
  );
}
