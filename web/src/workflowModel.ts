// Pure edits of workflow content (exchange format): operators, links, workflow inputs/outputs, constants.
import type { Connector, Link, Operator, OperatorInput, Transformation, WorkflowContent, WorkflowIO } from "./types";
import { accepts, uniqueName, uuid4 } from "./util";

const conn = (c: Connector): Connector => ({ id: c.id, name: c.name, data_type: c.data_type, position: { x: 0, y: 0 } });

export function emptyContent(): WorkflowContent {
  return { operators: [], links: [], inputs: [], outputs: [], constants: [] };
}

/** The content with every list present (imported content may omit some). */
export function normalizeContent(c: Partial<WorkflowContent> | undefined): WorkflowContent {
  return {
    operators: c?.operators ?? [], links: c?.links ?? [], inputs: c?.inputs ?? [],
    outputs: c?.outputs ?? [], constants: c?.constants ?? [],
  };
}

/** Whether an operator input is fed by a link, a constant or a workflow input. */
export function inputFeeder(c: WorkflowContent, opId: string, connectorId: string):
  { kind: "link"; link: Link } | { kind: "input" | "constant"; io: WorkflowIO } | null {
  const link = c.links.find((l) => l.end.operator === opId && l.end.connector.id === connectorId && l.start.operator);
  if (link) return { kind: "link", link };
  const io = c.inputs.find((i) => i.operator_id === opId && i.connector_id === connectorId);
  if (io) return { kind: "input", io };
  const k = c.constants.find((i) => i.operator_id === opId && i.connector_id === connectorId);
  if (k) return { kind: "constant", io: k };
  return null;
}

export function outputExposure(c: WorkflowContent, opId: string, connectorId: string): WorkflowIO | undefined {
  return c.outputs.find((o) => o.operator_id === opId && o.connector_id === connectorId);
}

function ioLink(io: WorkflowIO, op: Operator, connector: Connector, direction: "in" | "out"): Link {
  const outer = { connector: { id: io.id, name: io.name, data_type: io.data_type, position: { x: 0, y: 0 } } };
  const inner = { operator: op.id, connector: conn(connector) };
  return { id: uuid4(), start: direction === "in" ? outer : inner, end: direction === "in" ? inner : outer, path: [] };
}

const dropLinksOf = (c: WorkflowContent, ioId: string): Link[] =>
  c.links.filter((l) => l.start.connector.id !== ioId && l.end.connector.id !== ioId);

/** Make an unfed operator input a workflow input (named after the connector), a constant, or neither. */
export function setInputMode(
  c: WorkflowContent, opId: string, connectorId: string, mode: "input" | "constant" | "default", value = "",
): WorkflowContent {
  const op = c.operators.find((o) => o.id === opId)!;
  const connector = op.inputs.find((i) => i.id === connectorId)!;
  let next = detachInput(c, opId, connectorId);
  const index = op.inputs.indexOf(connector);
  const position = { x: Math.round(op.position.x - 230), y: Math.round(op.position.y + index * 50) };
  const base = {
    id: uuid4(), data_type: connector.data_type, operator_id: op.id, connector_id: connector.id,
    operator_name: op.name, connector_name: connector.name ?? "", position,
  };
  if (mode === "input") {
    const name = uniqueName(connector.name ?? "input", next.inputs.map((i) => i.name ?? ""));
    const optional = connector.type === "OPTIONAL";
    const io: WorkflowIO = { ...base, name, type: optional ? "OPTIONAL" : "REQUIRED",
      value: optional ? connector.value ?? null : null };
    next = { ...next, inputs: [...next.inputs, io], links: [...next.links, ioLink(io, op, connector, "in")] };
  } else if (mode === "constant") {
    const io: WorkflowIO = { ...base, name: "", value };
    next = { ...next, constants: [...next.constants, io], links: [...next.links, ioLink(io, op, connector, "in")] };
  }
  return markExposed(next, opId, connectorId, mode === "input");
}

function markExposed(c: WorkflowContent, opId: string, connectorId: string, exposed: boolean): WorkflowContent {
  return {
    ...c,
    operators: c.operators.map((o) => o.id !== opId ? o : {
      ...o,
      inputs: o.inputs.map((i) => i.id !== connectorId ? i : { ...i, exposed: i.type === "REQUIRED" || exposed }),
    }),
  };
}

function detachInput(c: WorkflowContent, opId: string, connectorId: string): WorkflowContent {
  const drop = [...c.inputs, ...c.constants].filter((i) => i.operator_id === opId && i.connector_id === connectorId);
  let links = c.links;
  for (const io of drop) links = links.filter((l) => l.start.connector.id !== io.id);
  const ids = new Set(drop.map((d) => d.id));
  return {
    ...c, links,
    inputs: c.inputs.filter((i) => !ids.has(i.id)),
    constants: c.constants.filter((i) => !ids.has(i.id)),
  };
}

/** Expose an operator output as a workflow output, or stop exposing it. */
export function setOutputExposed(c: WorkflowContent, opId: string, connectorId: string, exposed: boolean): WorkflowContent {
  const existing = outputExposure(c, opId, connectorId);
  if (existing && !exposed) {
    return { ...c, outputs: c.outputs.filter((o) => o.id !== existing.id), links: dropLinksOf(c, existing.id) };
  }
  if (!existing && exposed) {
    const op = c.operators.find((o) => o.id === opId)!;
    const connector = op.outputs.find((o) => o.id === connectorId)!;
    const index = op.outputs.indexOf(connector);
    const name = uniqueName(connector.name ?? "output", c.outputs.map((o) => o.name ?? ""));
    const io: WorkflowIO = {
      id: uuid4(), name, data_type: connector.data_type, operator_id: op.id, connector_id: connector.id,
      operator_name: op.name, connector_name: connector.name ?? "",
      position: { x: Math.round(op.position.x + 260), y: Math.round(op.position.y + index * 50) },
    };
    return { ...c, outputs: [...c.outputs, io], links: [...c.links, ioLink(io, op, connector, "out")] };
  }
  return c;
}

/** Rename a workflow input or output (its link carries the name too). */
export function renameIO(c: WorkflowContent, ioId: string, name: string): WorkflowContent {
  const rename = (io: WorkflowIO) => io.id === ioId ? { ...io, name } : io;
  return {
    ...c, inputs: c.inputs.map(rename), outputs: c.outputs.map(rename),
    links: c.links.map((l) => l.start.connector.id === ioId ? { ...l, start: { ...l.start, connector: { ...l.start.connector, name } } }
      : l.end.connector.id === ioId ? { ...l, end: { ...l.end, connector: { ...l.end.connector, name } } } : l),
  };
}

export function setIOValue(c: WorkflowContent, ioId: string, value: unknown): WorkflowContent {
  const set = (io: WorkflowIO) => io.id === ioId ? { ...io, value } : io;
  return { ...c, inputs: c.inputs.map(set), constants: c.constants.map(set) };
}

/** Place a released transformation as an operator; required inputs become workflow inputs, outputs workflow outputs. */
export function addOperator(c: WorkflowContent, tr: Transformation, position: { x: number; y: number }): WorkflowContent {
  const taken = c.operators.map((o) => o.name);
  let name = tr.name;
  for (let n = 2; taken.includes(name); n += 1) name = `${tr.name} (${n})`;
  const op: Operator = {
    id: uuid4(), revision_group_id: tr.revision_group_id, name, type: tr.type, state: tr.state,
    version_tag: tr.version_tag, transformation_id: tr.id,
    inputs: tr.io_interface.inputs.map((i): OperatorInput => ({
      id: i.id, name: i.name, data_type: i.data_type, position: { x: 0, y: 0 }, type: i.type ?? "REQUIRED",
      value: i.value ?? null, exposed: (i.type ?? "REQUIRED") === "REQUIRED",
    })),
    outputs: tr.io_interface.outputs.map((o) => ({ id: o.id, name: o.name, data_type: o.data_type, position: { x: 0, y: 0 } })),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  let next: WorkflowContent = { ...c, operators: [...c.operators, op] };
  for (const i of op.inputs) if (i.type === "REQUIRED") next = setInputMode(next, op.id, i.id, "input");
  for (const o of op.outputs) next = setOutputExposed(next, op.id, o.id, true);
  return next;
}

export function removeOperator(c: WorkflowContent, opId: string): WorkflowContent {
  const ios = [...c.inputs, ...c.outputs, ...c.constants].filter((i) => i.operator_id === opId).map((i) => i.id);
  const gone = new Set(ios);
  const remaining = {
    ...c,
    operators: c.operators.filter((o) => o.id !== opId),
    inputs: c.inputs.filter((i) => !gone.has(i.id)),
    outputs: c.outputs.filter((i) => !gone.has(i.id)),
    constants: c.constants.filter((i) => !gone.has(i.id)),
    links: c.links.filter((l) => l.start.operator !== opId && l.end.operator !== opId && !gone.has(l.start.connector.id) && !gone.has(l.end.connector.id)),
  };
  const orphaned = c.links.filter((l) => l.start.operator === opId && l.end.operator).map((l) => [l.end.operator!, l.end.connector.id] as const);
  return orphaned.reduce((acc, [o, i]) => refill(acc, o, i), remaining);
}

/** Why a link from (source op, output) to (target op, input) is not allowed, or null when it is. */
export function linkProblem(c: WorkflowContent, sourceOp: string, outputId: string, targetOp: string, inputId: string): string | null {
  if (sourceOp === targetOp) return "an operator cannot feed itself";
  const s = c.operators.find((o) => o.id === sourceOp)?.outputs.find((o) => o.id === outputId);
  const t = c.operators.find((o) => o.id === targetOp)?.inputs.find((i) => i.id === inputId);
  if (!s || !t) return "connect an operator output to an operator input";
  if (!accepts(t.data_type, s.data_type)) return `a ${s.data_type} output cannot feed the ${t.data_type} input ${t.name}`;
  if (reaches(c, targetOp, sourceOp)) return "this link would form a cycle";
  return null;
}

function reaches(c: WorkflowContent, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const here = stack.pop()!;
    if (here === to) return true;
    if (seen.has(here)) continue;
    seen.add(here);
    for (const l of c.links) if (l.start.operator === here && l.end.operator) stack.push(l.end.operator);
  }
  return false;
}

/** Link an operator output to an operator input, replacing whatever fed that input. */
export function connect(c: WorkflowContent, sourceOp: string, outputId: string, targetOp: string, inputId: string): WorkflowContent {
  const s = c.operators.find((o) => o.id === sourceOp)!;
  const t = c.operators.find((o) => o.id === targetOp)!;
  let next = detachInput(c, targetOp, inputId);
  next = { ...next, links: next.links.filter((l) => !(l.end.operator === targetOp && l.end.connector.id === inputId)) };
  const exposed = outputExposure(next, sourceOp, outputId);
  if (exposed) next = setOutputExposed(next, sourceOp, outputId, false);
  const link: Link = {
    id: uuid4(), path: [],
    start: { operator: s.id, connector: conn(s.outputs.find((o) => o.id === outputId)!) },
    end: { operator: t.id, connector: conn(t.inputs.find((i) => i.id === inputId)!) },
  };
  return markExposed({ ...next, links: [...next.links, link] }, targetOp, inputId, false);
}

/** Remove a link between operators; a required input left unfed becomes a workflow input again. */
export function removeLink(c: WorkflowContent, linkId: string): WorkflowContent {
  const link = c.links.find((l) => l.id === linkId);
  if (!link || !link.start.operator || !link.end.operator) return c;
  let next = { ...c, links: c.links.filter((l) => l.id !== linkId) };
  next = refill(next, link.end.operator, link.end.connector.id);
  const stillUsed = next.links.some((l) => l.start.operator === link.start.operator && l.start.connector.id === link.start.connector.id);
  if (!stillUsed) next = setOutputExposed(next, link.start.operator, link.start.connector.id, true);
  return next;
}

function refill(c: WorkflowContent, opId: string, inputId: string): WorkflowContent {
  const input = c.operators.find((o) => o.id === opId)?.inputs.find((i) => i.id === inputId);
  if (!input || input.type !== "REQUIRED" || inputFeeder(c, opId, inputId)) return c;
  return setInputMode(c, opId, inputId, "input");
}

export function moveNode(c: WorkflowContent, id: string, x: number, y: number): WorkflowContent {
  const p = { x: Math.round(x), y: Math.round(y) };
  const move = (io: WorkflowIO) => io.id === id ? { ...io, position: p } : io;
  return {
    ...c,
    operators: c.operators.map((o) => o.id === id ? { ...o, position: p } : o),
    inputs: c.inputs.map(move), outputs: c.outputs.map(move), constants: c.constants.map(move),
  };
}

/** The workflow's IO interface, as the server derives it from the content. */
export function workflowInterface(c: WorkflowContent): Transformation["io_interface"] {
  return {
    inputs: c.inputs.map((i) => ({ id: i.id, name: i.name, data_type: i.data_type, type: i.type ?? "REQUIRED",
      value: i.type === "OPTIONAL" ? i.value ?? null : null })),
    outputs: c.outputs.map((o) => ({ id: o.id, name: o.name, data_type: o.data_type })),
  };
}
