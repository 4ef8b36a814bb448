/** A graph as the renderers read it. */
export interface RenderableGraph {
  nodes: { id: string; kind: 'DATASET' | 'JOB'; namespace: string; name: string }[];
  edges: { from: string; to: string }[];
}

/** The graph as a Mermaid flowchart (left to right; datasets as boxes, jobs as hexagons). */
export function toMermaid(graph: RenderableGraph): string {
  const index = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const label = (text: string) => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) {
    const text = `${label(n.namespace)}<br/>${label(n.name)}`;
    lines.push(n.kind === 'JOB' ? `  ${index.get(n.id)}{{"${text}"}}` : `  ${index.get(n.id)}["${text}"]`);
  }
  for (const e of graph.edges) lines.push(`  ${index.get(e.from)} --> ${index.get(e.to)}`);
  return `${lines.join('\n')}\n`;
}

/** The graph as Graphviz DOT (left to right; datasets as boxes, jobs as ellipses). */
export function toDot(graph: RenderableGraph): string {
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const n of graph.nodes) {
    // DOT's own escape `\n` breaks the label line; the parts are quoted separately so it stays one.
    const label = `${quote(n.namespace).slice(0, -1)}\\n${quote(n.name).slice(1)}`;
    lines.push(`  ${quote(n.id)} [label=${label}, shape=${n.kind === 'JOB' ? 'ellipse' : 'box'}];`);
  }
  for (const e of graph.edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
