import { GLOSSARY_BUDGETS } from '../core/budgets';
import type { LocatedGlossaryProblem } from './glossaryFile';
import type { EngineHost, FileProblem } from './host';
import { BoundedMemo } from '../core/memo';
import { mergeGlossaries, type Glossary, type GlossaryEntry } from '../core/terms/glossary';
import { InitialsIndex } from '../core/terms/pinyinIndex';
import { LONG_FORM, TermMatcher, type TermHit } from '../core/terms/termMatcher';
import type { Span } from '../core/types';
import type { TermHistoryData } from '../core/terms/termHistory';
import { LineIndex } from '../core/text/lineIndex';


/** Where a user glossary entry is written. */
export interface UserLocation {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

export interface GlossaryFileReport {
  readonly uri: string;
  readonly text: string;
  readonly problems: readonly LocatedGlossaryProblem[];
}

/**
 * The glossary in force: built-in entries plus the user's files, with the
 * matcher, the pinyin index and a per-paragraph cache of term hits. Replaced
 * wholesale on reload; `generation` tells caches apart.
 */
export class GlossaryService {
  readonly builtin: readonly GlossaryEntry[];
  readonly builtinProblem: string | undefined;
  #glossary!: Glossary;
  #matcher!: TermMatcher;
  #initials: InitialsIndex | undefined;
  #hits = new BoundedMemo<TermHit[]>(GLOSSARY_BUDGETS.paragraphs);
  #candidates = new BoundedMemo<readonly TermHit[]>(GLOSSARY_BUDGETS.paragraphs);
  #generation = 0;
  /** Entry term → where it is written in a user glossary file. */
  #userLocations = new Map<string, UserLocation>();

  #history: { data: TermHistoryData | undefined } | undefined;

  /** The built-in glossary from `host`; or, with `sharing`, the glossary `sharing` has, with caches of its own (`withOwnCaches`). */
  constructor(
    private readonly host: Pick<EngineHost, 'loadBuiltinGlossary' | 'loadUserGlossary' | 'pinyinInitials' | 'files' | 'loadTermHistory'>,
    sharing?: GlossaryService,
  ) {
    if (sharing) {
      this.builtin = sharing.builtin;
      this.builtinProblem = sharing.builtinProblem;
      this.#glossary = sharing.#glossary;
      this.#matcher = sharing.#matcher;
      this.#generation = sharing.#generation;
      this.#userLocations = sharing.#userLocations;
      return;
    }
    const builtin = host.loadBuiltinGlossary();
    this.builtin = builtin.entries;
    this.builtinProblem = builtin.problem;
    this.#install([this.builtin]);
  }

  /**
   * The same glossary with term hits and candidates remembered apart: for an analysis whose tokens
   * no document has (the warm-up's sample), so that its hits can never serve a document's paragraph
   * with the same text.
   */
  withOwnCaches(): GlossaryService {
    return new GlossaryService(this.host, this);
  }

  get glossary(): Glossary {
    return this.#glossary;
  }

  get generation(): number {
    return this.#generation;
  }

  get initials(): InitialsIndex {
    return (this.#initials ??= new InitialsIndex(this.#glossary.entries, this.host.pinyinInitials));
  }

  /** The built-in terms' life in the national reports, read on first use (hover, term statistics). */
  get history(): TermHistoryData | undefined {
    return (this.#history ??= { data: this.host.loadTermHistory?.() }).data;
  }

  userLocation(term: string): UserLocation | undefined {
    return this.#userLocations.get(term);
  }

  /**
   * Rebuilds from the user's files. `openText` gives the editor's unsaved text
   * of a file when it is open. Returns a report per file for diagnostics and
   * the files that could not be read at all.
   */
  reload(files: readonly string[], openText: (uri: string) => string | undefined): { reports: GlossaryFileReport[]; failures: FileProblem[] } {
    const layers: GlossaryEntry[][] = [[...this.builtin]];
    const reports: GlossaryFileReport[] = [];
    const failures: FileProblem[] = [];
    const locations = new Map<string, UserLocation>();
    for (const file of files) {
      const uri = this.host.files.toUri(file);
      const result = this.host.loadUserGlossary(file, uri, openText(uri));
      if (!result.ok) {
        failures.push(result.problem);
        continue;
      }
      layers.push(result.entries);
      reports.push({ uri, text: result.text, problems: result.problems });
      const lines = new LineIndex(result.text);
      for (const entry of result.entries) {
        const offset = Math.max(0, result.text.indexOf(JSON.stringify(entry.term)));
        locations.set(entry.term, { uri, position: lines.positionAt(offset) });
      }
    }
    this.#userLocations = locations;
    this.#install(layers);
    return { reports, failures };
  }

  /**
   * Term hits of one paragraph (offsets relative to it), remembered by its text. `segmentation`
   * (one function for all paragraphs: no closure per call) is asked only when they must be computed: its token boundaries (a SegmentedParagraph or the
   * boundaries around the paragraph's short terms); undefined while the dictionary loads, and then
   * the hits are not remembered. `position` (the paragraph's line) finds them without hashing when
   * the same text was asked for there last: the rules ask for every paragraph on every edit.
   */
  hits(text: string, segmentation: (text: string) => { boundaries(): Uint8Array } | undefined, position = -1): readonly TermHit[] {
    const known = this.#hits.getAt(position, text);
    if (known !== undefined) return known;
    const segmented = segmentation(text);
    if (!segmented) return this.#matcher.match(text);
    const hits = this.#matcher.matchAmong(this.candidates(text), segmented.boundaries());
    this.#hits.setAt(position, text, hits);
    return hits;
  }

  /**
   * Every glossary form in a paragraph, token boundaries aside (see TermMatcher.occurrences):
   * remembered, since what to cut is decided from them and the hits are read off them after the cut.
   */
  candidates(text: string): readonly TermHit[] {
    let found = this.#candidates.get(text);
    if (!found) this.#candidates.set(text, (found = this.#matcher.occurrences(text)));
    return found;
  }

  /** Where term matching reads token boundaries in a paragraph: the occurrences of short forms. */
  boundarySpans(text: string): readonly Span[] {
    return this.candidates(text).filter((hit) => hit.form.length < LONG_FORM);
  }

  /** True when the term hits of this paragraph text are cached. */
  hasHits(text: string): boolean {
    return this.#hits.has(text);
  }

  #install(layers: readonly (readonly GlossaryEntry[])[]): void {
    this.#glossary = mergeGlossaries(layers);
    this.#matcher = new TermMatcher(this.#glossary);
    this.#initials = undefined;
    this.#hits = new BoundedMemo<TermHit[]>(GLOSSARY_BUDGETS.paragraphs);
    this.#candidates = new BoundedMemo<readonly TermHit[]>(GLOSSARY_BUDGETS.paragraphs);
    this.#generation++;
  }
}
