// Every request of the UI goes through `request`: one place for headers (e.g. a bearer token).
import type {
  Adapter, AuditEntry, ExecutionRecord, ExecutionResult, IOInput, IOOutput, Plan, ReplayReport,
  StoredObject, Transformation, Wiring,
} from "./types";

/** An error answer of the server; `detail` is its message, shown to the user verbatim. */
export class ApiError extends Error {
  constructor(public status: number, public detail: string, public error: string) {
    super(detail);
  }
}

const TOKEN_KEY = "sealflow.token";
let authHeaders: Record<string, string> = {};

/** Headers sent with every request (for authentication). */
export function setAuthHeaders(headers: Record<string, string>): void {
  authHeaders = { ...headers };
}

/** Send `token` as a bearer token from now on (kept for this browser tab); empty: send none. */
export function setToken(token: string): void {
  const t = token.trim();
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
  setAuthHeaders(t ? { Authorization: `Bearer ${t}` } : {});
}

setToken(sessionStorage.getItem(TOKEN_KEY) ?? "");

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...authHeaders };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  if (!response.ok) {
    const d = data as { detail?: unknown; error?: string } | undefined;
    const detail = typeof d?.detail === "string" ? d.detail : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, detail, d?.error ?? "");
  }
  return data as T;
}

const q = (params: Record<string, string | number | boolean | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
};

export const api = {
  listTransformations: () =>
    request<Transformation[]>("GET", `/api/transformations${q({ include_deprecated: true })}`),
  getTransformation: (id: string) => request<Transformation>("GET", `/api/transformations/${id}`),
  putTransformation: (tr: Transformation, allowOverwriteReleased = false, updateCode = true) =>
    request<Transformation>(
      "PUT",
      `/api/transformations/${tr.id}${q({
        allow_overwrite_released: allowOverwriteReleased || undefined,
        update_component_code: updateCode ? undefined : false,
      })}`,
      tr,
    ),
  planOverwrite: (tr: Transformation) =>
    request<{ dry_run?: boolean; plan?: Plan }>(
      "PUT",
      `/api/transformations/${tr.id}${q({ allow_overwrite_released: true, dry_run: true })}`,
      tr,
    ),
  deleteTransformation: (id: string) => request<void>("DELETE", `/api/transformations/${id}`),
  execute: (id: string, wiring: Wiring | null) =>
    request<ExecutionResult>("POST", "/api/transformations/execute", {
      id,
      wiring,
      run_pure_plot_operators: true,
    }),
  componentCode: (body: {
    id: string; revision_group_id: string; name: string; category: string; description: string;
    version_tag: string; inputs: IOInput[]; outputs: IOOutput[]; code: string; state?: string;
    released_timestamp?: string; disabled_timestamp?: string;
  }) => request<{ code: string }>("POST", "/api/components/code", body),
  adapters: () => request<Adapter[]>("GET", "/api/adapters"),
  info: () => request<{ version: string; fingerprint: Record<string, unknown> }>("GET", "/api/info"),
  executions: (transformationId?: string, limit = 50, offset = 0) =>
    request<ExecutionRecord[]>(
      "GET",
      `/api/executions${q({ transformation_id: transformationId, limit, offset })}`,
    ),
  execution: (id: string) => request<ExecutionRecord>("GET", `/api/executions/${id}`),
  replay: (id: string) => request<ReplayReport>("POST", `/api/executions/${id}/replay`),
  audit: (limit: number, offset: number) =>
    request<AuditEntry[]>("GET", `/api/audit${q({ limit, offset })}`),
  objects: () => request<StoredObject[]>("GET", "/api/objects"),
  openapi: () => request<{ paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(
    "GET", "/openapi.json"),
};

/** The message of any error, for display. */
export function message(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Whether the server offers a dry run (plan) for overwriting a released revision. */
export async function supportsPlan(): Promise<boolean> {
  try {
    const spec = await api.openapi();
    const put = spec.paths["/api/transformations/{id}"]?.put;
    return (put?.parameters ?? []).some((p) => p.name === "dry_run");
  } catch {
    return false;
  }
}
