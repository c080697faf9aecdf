// CodeMirror 6 with Python highlighting; controlled by `value`, read-only unless `editable`.
import { useEffect, useRef } from "react";
import { basicSetup, EditorView } from "codemirror";
import { Compartment, EditorState } from "@codemirror/state";
import { python } from "@codemirror/lang-python";

export function CodeEditor({ value, onChange, editable }: { value: string; onChange: (v: string) => void; editable: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const readOnly = useRef(new Compartment());
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup, python(),
          readOnly.current.of([EditorState.readOnly.of(!editable), EditorView.editable.of(editable)]),
          EditorView.updateListener.of((u) => { if (u.docChanged) latest.current(u.state.doc.toString()); }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnly.current.reconfigure([EditorState.readOnly.of(!editable), EditorView.editable.of(editable)]),
    });
  }, [editable]);

  return <div className="code-editor" data-testid="code-editor" ref={host} />;
}
