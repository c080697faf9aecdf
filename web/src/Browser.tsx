// Browse and search transformations by category, state and name; revision groups with their revisions.
import { useMemo, useState } from "react";
import { navigate } from "./router";
import type { Transformation } from "./types";

interface Group { id: string; name: string; type: string; revisions: Transformation[] }

export function Browser({ all, selectedId }: { all: Transformation[]; selectedId?: string }) {
  const [search, setSearch] = useState("");
  const [type, setType] = useState("");
  const [state, setState] = useState("");
  const [category, setCategory] = useState("");

  const categories = useMemo(() => [...new Set(all.map((t) => t.category))].sort(), [all]);
  const byCategory = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const hits = all.filter((t) =>
      (!type || t.type === type) && (!state || t.state === state) && (!category || t.category === category) &&
      (!needle || `${t.name} ${t.category} ${t.description} ${t.version_tag}`.toLowerCase().includes(needle)));
    const groups = new Map<string, Group>();
    for (const t of hits) {
      const g = groups.get(t.revision_group_id) ?? { id: t.revision_group_id, name: t.name, type: t.type, revisions: [] };
      g.revisions.push(t);
      groups.set(t.revision_group_id, g);
    }
    const cats = new Map<string, Group[]>();
    for (const g of groups.values()) {
      g.revisions.sort((a, b) => a.version_tag.localeCompare(b.version_tag, undefined, { numeric: true }));
      g.name = g.revisions[g.revisions.length - 1].name;
      const cat = g.revisions[g.revisions.length - 1].category;
      cats.set(cat, [...(cats.get(cat) ?? []), g]);
    }
    return [...cats.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([cat, gs]) => [cat, gs.sort((a, b) => a.name.localeCompare(b.name))] as const);
  }, [all, search, type, state, category]);
  const count = byCategory.reduce((n, [, gs]) => n + gs.length, 0);

  return (
    <aside className="browser" data-testid="browser">
      <input data-testid="search" placeholder="Search name, category, description" value={search}
        onChange={(e) => setSearch(e.target.value)} />
      <div className="filters">
        <select aria-label="type" data-testid="filter-type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">all types</option><option>COMPONENT</option><option>WORKFLOW</option>
        </select>
        <select aria-label="state" data-testid="filter-state" value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">all states</option><option>DRAFT</option><option>RELEASED</option><option>DISABLED</option>
        </select>
        <select aria-label="category" data-testid="filter-category" value={category}
          onChange={(e) => setCategory(e.target.value)}>
          <option value="">all categories</option>
          {categories.map((c) => <option key={c}>{c}</option>)}
        </select>
      </div>
      <div className="muted small" data-testid="browser-count">{count} revision groups</div>
      <div className="tree">
        {byCategory.map(([cat, groups]) => (
          <details key={cat} open={!!search || !!category || byCategory.length < 4}>
            <summary>{cat} <span className="muted">({groups.length})</span></summary>
            {groups.map((g) => (
              <div key={g.id} className="group" data-testid="group" data-name={g.name}>
                <span className={`kind ${g.type.toLowerCase()}`}>{g.type === "WORKFLOW" ? "W" : "C"}</span>
                <span className="group-name">{g.name}</span>
                <span className="revisions">
                  {g.revisions.map((r) => (
                    <a key={r.id} href={`/transformations/${r.id}`} data-testid="revision"
                      className={`chip state-${r.state.toLowerCase()} ${r.id === selectedId ? "selected" : ""}`}
                      title={`${r.name} ${r.version_tag} (${r.state})`}
                      onClick={(e) => { e.preventDefault(); navigate(`/transformations/${r.id}`); }}>
                      {r.version_tag} <small>{r.state}</small>
                    </a>
                  ))}
                </span>
              </div>
            ))}
          </details>
        ))}
      </div>
    </aside>
  );
}
