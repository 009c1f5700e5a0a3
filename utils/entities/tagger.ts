import type nlpType from 'compromise';

/** compromise's entry point: English part-of-speech tagging for the English recogniser. */
export type Nlp = typeof nlpType;

/**
 * Thrown by the English recogniser when compromise has not been loaded yet. compromise is loaded
 * only when an English (or other non-CJK) article needs it: building its model was about a third
 * of loading the analysis code, which Chinese and Japanese pages never use.
 */
export class EnglishTaggerNeeded extends Error {
  constructor() {
    super('the English tagger (compromise) is not loaded: await loadEnglishTagger() first');
    this.name = 'EnglishTaggerNeeded';
  }
}

let nlp: Nlp | null = null;
let loading: Promise<void> | null = null;

/** compromise, if it has been loaded; the recogniser throws EnglishTaggerNeeded otherwise. */
export function englishTagger(): Nlp {
  if (!nlp) throw new EnglishTaggerNeeded();
  return nlp;
}

/** Whether compromise is in place (the English recogniser can run). */
export function englishTaggerLoaded(): boolean {
  return nlp !== null;
}

/** Load compromise (a chunk of its own in the extension). Resolves at once once loaded. */
export function loadEnglishTagger(): Promise<void> {
  loading ??= import('compromise').then(
    (m) => {
      nlp = m.default;
    },
    (e: unknown) => {
      // A failed load (a chunk that could not be read) may be tried again by the next analysis.
      loading = null;
      throw e;
    },
  );
  return loading;
}
