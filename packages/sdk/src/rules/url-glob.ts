/** Globs already turned into patterns (a few hundred at most): the prompts runtime matches the same few after every host event. */
const compiled = new Map<string, RegExp>();

/**
 * Whether a page path matches a glob: `*` matches within one path segment, `**` across segments,
 * `?` one character; everything else is literal. `/reports/*` matches `/reports/q3`, not
 * `/reports/q3/edit`; `/reports/**` matches both.
 */
export function matchesGlob(glob: string, path: string): boolean {
  let pattern = compiled.get(glob);
  if (!pattern) {
    if (compiled.size > 99) compiled.clear();
    compiled.set(glob, (pattern = globPattern(glob)));
  }
  return pattern.test(path);
}

function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
