// Shapes of the exchange format and of the API's answers, as far as the UI reads them.

export type DataType =
  | "INT" | "FLOAT" | "STRING" | "BOOLEAN" | "SERIES" | "DATAFRAME" | "MULTITSFRAME" | "PLOTLYJSON" | "ANY";
export const DATA_TYPES: DataType[] = [
  "INT", "FLOAT", "STRING", "BOOLEAN", "SERIES", "DATAFRAME", "MULTITSFRAME", "PLOTLYJSON", "ANY",
];
export type State = "DRAFT" | "RELEASED" | "DISABLED";
export type TrType = "COMPONENT" | "WORKFLOW";

export interface Position { x: number; y: number }

export interface IOInput {
  id: string;
  name: string | null;
  data_type: DataType;
  type?: "REQUIRED" | "OPTIONAL";
  value?: unknown;
}
export interface IOOutput { id: string; name: string | null; data_type: DataType }

export interface Connector { id: string; name: string | null; data_type: DataType; position?: Position }
export interface OperatorInput extends Connector {
  type?: "REQUIRED" | "OPTIONAL";
  value?: unknown;
  exposed?: boolean;
}
export interface Operator {
  id: string;
  revision_group_id: string;
  name: string;
  type: TrType;
  state: State;
  version_tag: string;
  transformation_id: string;
  inputs: OperatorInput[];
  outputs: Connector[];
  position: Position;
}
export interface Vertex { operator?: string | null; connector: Connector }
export interface Link { id: string; start: Vertex; end: Vertex; path: Position[] }
export interface WorkflowIO extends Connector {
  operator_id: string;
  connector_id: string;
  operator_name?: string;
  connector_name?: string;
  type?: "REQUIRED" | "OPTIONAL";
  value?: unknown;
}
export interface WorkflowContent {
  operators: Operator[];
  links: Link[];
  inputs: WorkflowIO[];
  outputs: WorkflowIO[];
  constants: WorkflowIO[];
}

export interface InputWiring {
  workflow_input_name: string;
  adapter_id: string;
  ref_id?: string | null;
  ref_id_type?: string | null;
  ref_key?: string | null;
  type?: string | null;
  filters?: Record<string, string>;
}
export interface OutputWiring {
  workflow_output_name: string;
  adapter_id: string;
  ref_id?: string | null;
  ref_id_type?: string | null;
  ref_key?: string | null;
  type?: string | null;
  filters?: Record<string, string>;
}
export interface Wiring { input_wirings: InputWiring[]; output_wirings: OutputWiring[] }

export interface Transformation {
  id: string;
  revision_group_id: string;
  name: string;
  description: string;
  category: string;
  version_tag: string;
  state: State;
  type: TrType;
  released_timestamp?: string;
  disabled_timestamp?: string;
  documentation: string;
  content: string | WorkflowContent;
  io_interface: { inputs: IOInput[]; outputs: IOOutput[] };
  test_wiring: Wiring;
}

export interface Adapter { id: string; name: string; url: string; internalUrl: string }

export interface ExecutionError {
  type: string;
  message: string;
  process_stage: string;
  operator_info?: {
    transformation_info: { id: string; name: string; tag: string; type: string };
    hierarchy_in_workflow: { by_name: string[]; by_id: string[] };
  };
  location?: { file: string; function_name: string; line_number: number };
}
export interface ExecutionResult {
  result: "ok" | "failure";
  output_results_by_output_name: Record<string, unknown>;
  output_types_by_output_name: Record<string, DataType>;
  job_id?: string;
  error?: ExecutionError;
  traceback?: string;
}

export interface ExecutionRecord {
  id: string;
  transformation_id: string;
  name: string;
  version_tag: string;
  type: TrType;
  status: string;
  started_at: string;
  finished_at: string;
  duration: number;
  code_hashes: string[];
  closure_hash: string;
  fingerprint_hash?: string;
  error?: { type?: string; message?: string } | null;
  [key: string]: unknown;
}

export interface ReplayReport {
  execution_id: string;
  verdict: string;
  outputs: { name?: string; [key: string]: unknown }[];
  error?: string | null;
  environment_identical: boolean;
  environment_changes: string[];
  objects_stored: string[];
}

export interface PlanChange {
  id: string;
  name: string;
  version_tag: string;
  old_code_hash?: string | null;
  new_code_hash?: string | null;
  code_diff?: string | null;
  interface_changes: string[];
  used_by: unknown[];
  will_break: unknown[];
  objects: unknown[];
  executions: number;
}
export interface Plan { changes: PlanChange[]; breaking: boolean }

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  summary: string;
  targets: { id: string; name: string; version_tag: string }[];
  old_code_hashes: string[];
  new_code_hashes: string[];
  snapshot?: unknown;
}

export interface StoredObject {
  name: string;
  tag: string;
  size: number;
  written_at: string;
  execution_id?: string | null;
  sealed?: boolean;
  status: string;
  problems: string[];
}
