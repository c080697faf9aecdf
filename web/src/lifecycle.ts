// What the lifecycle allows in each state, with the reason shown on a disabled action.
import type { Transformation } from "./types";

export type Action = "save" | "release" | "newRevision" | "copy" | "disable" | "delete" | "overwrite";

/** null when the action is allowed, else why not (shown on the disabled button). */
export function actionBlocked(action: Action, saved: Transformation, dirty: boolean, structuralChange: boolean): string | null {
  const s = saved.state;
  switch (action) {
    case "save":
      if (!dirty) return "Nothing changed since the last save.";
      if (s !== "DRAFT" && structuralChange) {
        return `A ${s} revision is frozen: only its documentation and test wiring can change. Start a new revision, or overwrite the released revision deliberately.`;
      }
      return null;
    case "release":
      return s === "DRAFT" ? null : `Only a DRAFT can be released; this revision is ${s}.`;
    case "newRevision":
      return s === "DRAFT" ? "This DRAFT can be edited directly; release it before starting a new revision." : null;
    case "copy":
      return null;
    case "disable":
      return s === "RELEASED" ? null : s === "DRAFT"
        ? "A DRAFT is not in use anywhere: delete it instead of disabling it."
        : "This revision is disabled already.";
    case "delete":
      return s === "DRAFT" ? null : `Only a DRAFT can be deleted; a ${s} revision may be in use by workflows and runs. Disable it instead.`;
    case "overwrite":
      return s === "DRAFT" ? "A DRAFT can be edited directly." : null;
  }
}

/** Whether `edited` differs from `saved` in more than documentation and test wiring. */
export function changesStructure(saved: Transformation, edited: Transformation): boolean {
  const strip = (t: Transformation) => JSON.stringify({ ...t, documentation: "", test_wiring: null });
  return strip(saved) !== strip(edited);
}
