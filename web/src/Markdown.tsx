// Markdown rendered with marked; raw HTML in the source is shown as text, never run.
import { useMemo } from "react";
import { Marked } from "marked";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const marked = new Marked({ renderer: { html: ({ text }) => escape(text) } });

export function Markdown({ source }: { source: string }) {
  const html = useMemo(() => marked.parse(source, { async: false }) as string, [source]);
  return <div className="markdown" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function DocumentationEditor({ value, onChange, editable }: { value: string; onChange: (v: string) => void; editable: boolean }) {
  return (
    <div className="doc-editor">
      <textarea data-testid="documentation" value={value} readOnly={!editable} onChange={(e) => onChange(e.target.value)} />
      <Markdown source={value} />
    </div>
  );
}
