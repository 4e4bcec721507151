/** The part of a JSON Schema node the reference reads. */
interface SchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
}

/** Keys whose items are documented in a guide of their own rather than row by row here. */
const guides: Record<string, string> = {
  prompts: '[product-owners.md](product-owners.md)',
  surveys: '[product-owners.md](product-owners.md)',
};

const largestSafe = Number.MAX_SAFE_INTEGER;

function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'values'}`;
  const type = [node.type ?? 'value'].flat().join(' or ');
  const bounds = [
    node.minimum !== undefined ? `≥ ${node.minimum}` : node.exclusiveMinimum !== undefined ? `> ${node.exclusiveMinimum}` : '',
    node.maximum !== undefined && node.maximum !== largestSafe ? `≤ ${node.maximum}` : '',
  ].filter(Boolean);
  return bounds.length ? `${type} ${bounds.join(', ')}` : type;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(node: SchemaNode, prefix: string, out: string[], inherited?: Record<string, unknown>): void {
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${key}`;
    const items = child.type === 'array' ? child.items : undefined;
    // A key of an object that has a default takes its value from that default when the object is absent.
    const value = child.default ?? inherited?.[key];
    const fallback =
      value !== undefined
        ? `\`${JSON.stringify(value)}\``
        : required.has(key)
          ? inherited
            ? 'required in the object'
            : '**required**'
          : '—';
    const guide = prefix === '' ? guides[key] : undefined;
    const description = [child.description ?? '', guide ? `Items: see ${guide}.` : ''].filter(Boolean).join(' ');
    out.push(`| \`${path}\` | ${cell(typeOf(child))} | ${fallback} | ${cell(description)} |`);
    if (guide) continue;
    if (child.properties) rows(child, `${path}.`, out, (child.default as Record<string, unknown> | undefined) ?? {});
    else if (items?.properties) rows(items, `${path}[].`, out);
  }
}

/**
 * The reference of every config key, as a Markdown table generated from the config's JSON Schema
 * (itself generated from the zod schema that validates the file), so the two cannot drift.
 */
export function configReference(schema: SchemaNode): string {
  const out = ['| key | type | default | what it does |', '| --- | --- | --- | --- |'];
  rows(schema, '', out);
  return `${out.join('\n')}\n`;
}
