export type EntityType = 'person' | 'organization' | 'place' | 'date' | 'quantity';

export interface Mention {
  text: string;
  type: EntityType;
  start: number;
  end: number;
}

/** A candidate span before overlap resolution; higher priority wins among equally long spans. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  priority: number;
}

/** Keep the longest candidates (then highest priority) that do not overlap an already accepted one. */
export function resolveOverlaps(text: string, cands: Candidate[]): Mention[] {
  const sorted = [...cands].filter((c) => c.end > c.start).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ text: text.slice(c.start, c.end), type: c.type, start: c.start, end: c.end }));
}
