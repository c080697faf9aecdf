// Small helpers shared by the views.

/** A random UUID (version 4); works outside secure contexts too. */
export function uuid4(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Whether a value of type `from` may flow into a connector of type `to`. */
export function accepts(to: string, from: string): boolean {
  return to === from || to === "ANY" || from === "ANY";
}

/** The next version tag after `tag` (last number increased), e.g. 1.0.0 → 1.0.1. */
export function nextTag(tag: string, taken: string[]): string {
  const m = tag.match(/^(.*?)(\d+)([^\d]*)$/);
  let candidate = m ? `${m[1]}${Number(m[2]) + 1}${m[3]}` : `${tag}.1`;
  while (taken.includes(candidate)) {
    const n = candidate.match(/^(.*?)(\d+)([^\d]*)$/);
    candidate = n ? `${n[1]}${Number(n[2]) + 1}${n[3]}` : `${candidate}.1`;
  }
  return candidate;
}

/** A name not in `taken`: `base`, else `base_2`, `base_3`… */
export function uniqueName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : "—";
}

export function when(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}
