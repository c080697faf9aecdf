// Automatic left-to-right layout of a workflow graph (dagre).
import dagre from "@dagrejs/dagre";
import type { WorkflowContent } from "./types";
import { moveNode } from "./workflowModel";

export const OPERATOR_SIZE = { width: 200, height: 90 };
export const IO_SIZE = { width: 150, height: 40 };

type Size = { width: number; height: number };

/** An operator's size before it was drawn: wide enough for its longest input and output labels. */
function estimate(o: WorkflowContent["operators"][number]): Size {
  const label = (xs: { name: string | null; data_type: string }[]) =>
    Math.max(0, ...xs.map((x) => (x.name ?? "").length + x.data_type.length + 1));
  const width = Math.min(320, Math.max(OPERATOR_SIZE.width, 6 * (label(o.inputs) + label(o.outputs)) + 40, 7 * o.name.length + 40));
  return { width, height: 34 + Math.max(o.inputs.length, o.outputs.length, 1) * 20 };
}

/** Lay out left to right; `measured` gives a drawn node's real size when known. */
export function autoLayout(c: WorkflowContent, measured?: (id: string) => Size | undefined): WorkflowContent {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 30, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const o of c.operators) g.setNode(o.id, { ...(measured?.(o.id) ?? estimate(o)) });
  for (const io of [...c.inputs, ...c.outputs, ...c.constants]) g.setNode(io.id, { ...(measured?.(io.id) ?? IO_SIZE) });
  for (const l of c.links) {
    const from = l.start.operator ?? l.start.connector.id;
    const to = l.end.operator ?? l.end.connector.id;
    if (g.hasNode(from) && g.hasNode(to)) g.setEdge(from, to);
  }
  dagre.layout(g);
  let next = c;
  for (const id of g.nodes()) {
    const n = g.node(id);
    next = moveNode(next, id, n.x - n.width / 2, n.y - n.height / 2);
  }
  return next;
}

/** Whether the operators overlap (e.g. an imported workflow without positions): then lay it out. */
export function needsLayout(c: WorkflowContent): boolean {
  const seen = new Set<string>();
  for (const o of c.operators) {
    const key = `${Math.round(o.position.x / 40)}:${Math.round(o.position.y / 40)}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  const ios = [...c.inputs, ...c.outputs, ...c.constants];
  return ios.length > 1 && ios.every((io) => !io.position || (io.position.x === 0 && io.position.y === 0));
}
