// The workflow editor: a graph canvas with a library palette, links with type checks, workflow IO and constants.
import { useCallback, useMemo, useState } from "react";
import {
  Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type Edge, type EdgeChange, type FinalConnectionState, type Node, type NodeChange, type NodeProps,
} from "@xyflow/react";
import { navigate } from "./router";
import type { Operator, Transformation, WorkflowContent, WorkflowIO } from "./types";
import {
  addOperator, connect, inputFeeder, linkProblem, moveNode, outputExposure, removeLink, removeOperator,
  renameIO, setInputMode, setIOValue, setOutputExposed,
} from "./workflowModel";
import { autoLayout } from "./layout";

interface Props {
  content: WorkflowContent;
  onChange: (c: WorkflowContent) => void;
  editable: boolean;
  library: Transformation[];
  selfGroup: string;
  failingOperatorId?: string;
}

type OpData = { op: Operator; failing: boolean };
type IOData = { io: WorkflowIO; kind: "input" | "output" | "constant" };

function OperatorNode({ data, selected }: NodeProps<Node<OpData>>) {
  const { op, failing } = data;
  return (
    <div className={`op-node ${failing ? "failing" : ""} ${selected ? "selected" : ""}`} data-testid="operator"
      data-name={op.name} data-failing={failing ? "true" : "false"}>
      <div className="op-title">{op.name} <small>{op.version_tag}</small>
        {op.type === "WORKFLOW" && <span className="kind workflow">W</span>}</div>
      <div className="op-ports">
        <div className="op-col">
          {op.inputs.map((i) => (
            <div key={i.id} className="port in">
              <Handle type="target" position={Position.Left} id={`in:${i.id}`} data-testid={`in-${i.name}`}
                title={`${i.name}: ${i.data_type}`} className={`dt-${i.data_type.toLowerCase()}`} />
              <span>{i.name} <small>{i.data_type}</small></span>
            </div>
          ))}
        </div>
        <div className="op-col right">
          {op.outputs.map((o) => (
            <div key={o.id} className="port out">
              <span>{o.name} <small>{o.data_type}</small></span>
              <Handle type="source" position={Position.Right} id={`out:${o.id}`} data-testid={`out-${o.name}`}
                title={`${o.name}: ${o.data_type}`} className={`dt-${o.data_type.toLowerCase()}`} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function IONode({ data, selected }: NodeProps<Node<IOData>>) {
  const { io, kind } = data;
  const label = kind === "constant" ? `= ${String(io.value)}` : io.name;
  return (
    <div className={`io-node ${kind} ${selected ? "selected" : ""}`} data-testid={`wf-${kind}`} data-name={io.name ?? ""}>
      {kind === "output" && <Handle type="target" position={Position.Left} id="io" />}
      <span className="io-kind">{kind === "input" ? "input" : kind === "output" ? "output" : "constant"}</span>
      <span>{label} <small>{io.data_type}</small></span>
      {kind !== "output" && <Handle type="source" position={Position.Right} id="io" />}
    </div>
  );
}

const nodeTypes = { operator: OperatorNode, io: IONode };

export function WorkflowEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ content, onChange, editable, library, selfGroup, failingOperatorId }: Props) {
  const flow = useReactFlow();
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [paletteSearch, setPaletteSearch] = useState("");

  const nodes: Node[] = useMemo(() => [
    ...content.operators.map((op): Node<OpData> => ({
      id: op.id, type: "operator", position: op.position, data: { op, failing: op.id === failingOperatorId },
      selected: op.id === selected,
    })),
    ...(["input", "output", "constant"] as const).flatMap((kind) =>
      (kind === "input" ? content.inputs : kind === "output" ? content.outputs : content.constants).map((io): Node<IOData> => ({
        id: io.id, type: "io", position: io.position ?? { x: 0, y: 0 }, data: { io, kind }, selected: io.id === selected,
      }))),
  ], [content, failingOperatorId, selected]);

  const edges: Edge[] = useMemo(() => content.links.map((l) => ({
    id: l.id,
    source: l.start.operator ?? l.start.connector.id,
    sourceHandle: l.start.operator ? `out:${l.start.connector.id}` : "io",
    target: l.end.operator ?? l.end.connector.id,
    targetHandle: l.end.operator ? `in:${l.end.connector.id}` : "io",
    deletable: editable && !!l.start.operator && !!l.end.operator,
    className: l.start.operator && l.end.operator ? "link" : "link io-link",
  })), [content.links, editable]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    let next = content;
    for (const ch of changes) {
      if (ch.type === "position" && ch.position && editable) next = moveNode(next, ch.id, ch.position.x, ch.position.y);
      if (ch.type === "select") setSelected((s) => ch.selected ? ch.id : s === ch.id ? null : s);
      if (ch.type === "remove" && editable && next.operators.some((o) => o.id === ch.id)) next = removeOperator(next, ch.id);
    }
    if (next !== content) onChange(next);
  }, [content, editable, onChange]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    let next = content;
    for (const ch of changes) if (ch.type === "remove" && editable) next = removeLink(next, ch.id);
    if (next !== content) onChange(next);
  }, [content, editable, onChange]);

  const problemOf = useCallback((c: Connection | Edge): string | null => {
    if (!c.sourceHandle?.startsWith("out:") || !c.targetHandle?.startsWith("in:")) {
      return "links run from an operator output to an operator input; use the side panel for workflow inputs and outputs";
    }
    return linkProblem(content, c.source, c.sourceHandle.slice(4), c.target, c.targetHandle.slice(3));
  }, [content]);

  const onConnect = useCallback((c: Connection) => {
    const problem = problemOf(c);
    if (problem) { setNotice(problem); return; }
    setNotice("");
    onChange(connect(content, c.source, c.sourceHandle!.slice(4), c.target, c.targetHandle!.slice(3)));
  }, [content, onChange, problemOf]);

  const onConnectEnd = useCallback((_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
    const [from, to] = state.fromHandle.type === "source" ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
    setNotice(problemOf({ source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null })
      ?? "these connectors cannot be linked");
  }, [problemOf]);

  const add = useCallback((trId: string, position: { x: number; y: number }) => {
    const tr = library.find((t) => t.id === trId);
    if (tr) onChange(addOperator(content, tr, position));
  }, [content, library, onChange]);

  const palette = library.filter((t) => t.state === "RELEASED" && t.revision_group_id !== selfGroup &&
    `${t.name} ${t.category}`.toLowerCase().includes(paletteSearch.toLowerCase()));
  const selectedOp = content.operators.find((o) => o.id === selected);
  const selectedIO = [...content.inputs, ...content.outputs, ...content.constants].find((i) => i.id === selected);

  return (
    <div className="wf-editor">
      {editable && (
        <div className="palette" data-testid="palette">
          <input placeholder="Find operators" data-testid="palette-search" value={paletteSearch}
            onChange={(e) => setPaletteSearch(e.target.value)} />
          <div className="muted small">Drag onto the canvas, or press +.</div>
          <div className="palette-list">
            {palette.map((t) => (
              <div key={t.id} className="palette-item" draggable data-testid="palette-item" data-name={t.name}
                title={t.description}
                onDragStart={(e) => { e.dataTransfer.setData("application/x-sealflow-tr", t.id); e.dataTransfer.effectAllowed = "copy"; }}>
                <span className={`kind ${t.type.toLowerCase()}`}>{t.type === "WORKFLOW" ? "W" : "C"}</span>
                <span className="grow">{t.name} <small className="muted">{t.version_tag}</small></span>
                <button className="tiny" title="Add to the canvas" onClick={() => {
                  const center = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
                  add(t.id, { x: center.x + content.operators.length * 20, y: center.y + content.operators.length * 20 });
                }}>+</button>
              </div>
            ))}
          </div>
        </div>
      )}
      <div className="canvas" data-testid="canvas"
        onDragOver={(e) => { if (editable) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } }}
        onDrop={(e) => {
          e.preventDefault();
          const id = e.dataTransfer.getData("application/x-sealflow-tr");
          if (id && editable) add(id, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        }}>
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange} onConnect={onConnect} onConnectEnd={onConnectEnd} isValidConnection={(c) => problemOf(c) === null}
          nodesDraggable={editable} nodesConnectable={editable} elementsSelectable deleteKeyCode={editable ? ["Delete", "Backspace"] : null}
          onNodeDoubleClick={(_, n) => {
            const op = content.operators.find((o) => o.id === n.id);
            if (op) navigate(`/transformations/${op.transformation_id}`);
          }}
          fitView minZoom={0.2} proOptions={{ hideAttribution: true }}>
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
        <div className="canvas-bar">
          {editable && <button data-testid="auto-layout" onClick={() => {
            const size = (id: string) => { const m = flow.getNode(id)?.measured; return m?.width && m?.height ? { width: m.width, height: m.height } : undefined; };
            onChange(autoLayout(content, size));
            setTimeout(() => flow.fitView(), 50);
          }}>Auto layout</button>}
          <span className="muted small">Drag from an output (right) to an input (left) of a matching type; ANY fits all. Select a link and press Delete to remove it.</span>
          {notice && <span className="error small" data-testid="link-notice">{notice}</span>}
        </div>
      </div>
      <div className="side-panel" data-testid="side-panel">
        {selectedOp && <OperatorPanel op={selectedOp} content={content} onChange={onChange} editable={editable}
          onRemove={() => { onChange(removeOperator(content, selectedOp.id)); setSelected(null); }} />}
        {selectedIO && !selectedOp && <IOPanel io={selectedIO} content={content} onChange={onChange} editable={editable} />}
        {!selectedOp && !selectedIO && (
          <div className="muted small">
            <p>{content.operators.length} operators, {content.inputs.length} inputs, {content.outputs.length} outputs, {content.constants.length} constants.</p>
            <p>Select an operator to choose how each input is fed (workflow input, constant or its default) and which outputs the workflow returns. Double-click an operator to open it.</p>
          </div>
        )}
      </div>
    </div>
  );
}

function OperatorPanel({ op, content, onChange, editable, onRemove }: {
  op: Operator; content: WorkflowContent; onChange: (c: WorkflowContent) => void; editable: boolean; onRemove: () => void;
}) {
  return (
    <div data-testid="operator-panel">
      <h4>{op.name} <small>{op.version_tag}</small></h4>
      <a href={`/transformations/${op.transformation_id}`} onClick={(e) => { e.preventDefault(); navigate(`/transformations/${op.transformation_id}`); }}>Open {op.type.toLowerCase()}</a>
      <h5>Inputs</h5>
      {op.inputs.map((i) => {
        const feeder = inputFeeder(content, op.id, i.id);
        if (feeder?.kind === "link") {
          const src = content.operators.find((o) => o.id === feeder.link.start.operator);
          return <div key={i.id} className="panel-row"><b>{i.name}</b> ← {src?.name}.{feeder.link.start.connector.name}</div>;
        }
        const mode = feeder?.kind ?? "default";
        return (
          <div key={i.id} className="panel-row" data-testid={`input-row-${i.name}`}>
            <b>{i.name}</b> <small>{i.data_type}</small>
            <select disabled={!editable} value={mode} aria-label={`feed ${i.name}`}
              onChange={(e) => onChange(setInputMode(content, op.id, i.id, e.target.value as "input" | "constant" | "default", i.value == null ? "" : String(i.value)))}>
              <option value="input">workflow input</option>
              <option value="constant">constant</option>
              {i.type === "OPTIONAL" && <option value="default">default ({String(i.value ?? "none")})</option>}
            </select>
            {feeder && (feeder.kind === "input"
              ? <input disabled={!editable} aria-label={`name of ${i.name}`} value={feeder.io.name ?? ""} onChange={(e) => onChange(renameIO(content, feeder.io.id, e.target.value))} />
              : <input disabled={!editable} aria-label={`value of ${i.name}`} value={String(feeder.io.value ?? "")} onChange={(e) => onChange(setIOValue(content, feeder.io.id, e.target.value))} />)}
          </div>
        );
      })}
      <h5>Outputs</h5>
      {op.outputs.map((o) => {
        const exposed = outputExposure(content, op.id, o.id);
        return (
          <div key={o.id} className="panel-row">
            <label><input type="checkbox" disabled={!editable} checked={!!exposed} aria-label={`return ${o.name}`}
              onChange={(e) => onChange(setOutputExposed(content, op.id, o.id, e.target.checked))} /> <b>{o.name}</b> <small>{o.data_type}</small></label>
            {exposed && <input disabled={!editable} aria-label={`name of output ${o.name}`} value={exposed.name ?? ""} onChange={(e) => onChange(renameIO(content, exposed.id, e.target.value))} />}
          </div>
        );
      })}
      {editable && <button className="danger" onClick={onRemove}>Remove operator</button>}
    </div>
  );
}

function IOPanel({ io, content, onChange, editable }: {
  io: WorkflowIO; content: WorkflowContent; onChange: (c: WorkflowContent) => void; editable: boolean;
}) {
  const isConstant = content.constants.some((c) => c.id === io.id);
  return (
    <div>
      <h4>{isConstant ? "Constant" : content.inputs.some((i) => i.id === io.id) ? "Workflow input" : "Workflow output"}</h4>
      <p className="small">feeds {io.operator_name}.{io.connector_name} ({io.data_type})</p>
      {isConstant
        ? <label>Value <input disabled={!editable} value={String(io.value ?? "")} onChange={(e) => onChange(setIOValue(content, io.id, e.target.value))} /></label>
        : <label>Name <input disabled={!editable} value={io.name ?? ""} onChange={(e) => onChange(renameIO(content, io.id, e.target.value))} /></label>}
    </div>
  );
}
