/** Reading docs/api.md: its `###` sections and their JSON examples (api-doc.test.ts and the generated input tests). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const doc = readFileSync(join(__dirname, '..', 'api.md'), 'utf8');
export const lines = doc.split('\n');

export interface Section {
  heading: string;
  body: string;
}

/** `### ` sections, each up to the next `##`/`###` heading (headings inside code blocks ignored). */
export function sections(): Section[] {
  const out: Section[] = [];
  let current: { heading: string; body: string[] } | null = null;
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      if (current) out.push({ heading: current.heading, body: current.body.join('\n') });
      current = heading[1] === '###' ? { heading: heading[2].trim(), body: [] } : null;
      continue;
    }
    current?.body.push(line);
  }
  if (current) out.push({ heading: current.heading, body: current.body.join('\n') });
  return out;
}

const documented = sections();

export function sectionOf(fn: string, action: string): Section {
  const found = documented.filter((s) => s.heading.replace(/`/g, '') === `${fn}.${action}`);
  if (found.length !== 1)
    throw new Error(`api.md needs exactly one "### ${fn}.${action}" section, found ${found.length}`);
  return found[0];
}

export function jsonBlocks(body: string): unknown[] {
  const out: unknown[] = [];
  const re = /```json\n([\s\S]*?)```/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out.push(JSON.parse(m[1]));
  return out;
}
