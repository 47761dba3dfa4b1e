import type { Finding, Paragraph, Span } from './types';

/*
 * Findings and tokens are copied field by field, never with object spread. V8 gave
 * every `{ ...token, tag }` made by a megamorphic spread site a hidden class of its
 * own: a heap snapshot of the server after a fuzz run held 3 million such classes
 * (≈1 GB) for 3.6 million tokens, and their garbage slowed every edit.
 */

/**
 * Where a finding of one paragraph came from: the paragraph-relative finding the
 * rule cached for the paragraph's text, and the line it now sits on. The editor layer
 * reuses what it built from `finding` while the line stays the same.
 */
export interface FindingOrigin {
  readonly finding: Finding;
  readonly line: number;
  readonly text: string;
}

/**
 * Origins live beside the findings, not in them: findings are plain data that the
 * CLI prints and tests compare. Keys are held weakly, so this keeps nothing alive.
 * (Caching moved and graded copies by the cached relative findings was tried: it tied
 * several copies to every memo entry, and the fuzz grew the server past 3.5 GB.)
 */
const origins = new WeakMap<Finding, FindingOrigin>();

export function originOf(finding: Finding): FindingOrigin | undefined {
  return origins.get(finding);
}

/** A paragraph's findings (relative to it) at document offsets, each remembering its origin. */
export function fromParagraph(found: readonly Finding[], paragraph: Paragraph): readonly Finding[] {
  if (found.length === 0) return found;
  return found.map((finding) => {
    const moved = copy(finding, paragraph.start);
    origins.set(moved, { finding, line: paragraph.line, text: paragraph.text });
    return moved;
  });
}

/** `finding` moved by `base` UTF-16 units; the same object when `base` is 0. */
export function shiftFinding(finding: Finding, base: number): Finding {
  if (base === 0) return finding;
  const moved = copy(finding, base);
  const origin = origins.get(finding);
  if (origin) origins.set(moved, origin);
  return moved;
}

/** `finding` with the severity it is reported at. */
export function gradeFinding<S extends string>(finding: Finding, severity: S): Finding & { readonly severity: S } {
  const graded = {
    code: finding.code,
    messageId: finding.messageId,
    span: finding.span,
    args: finding.args,
    related: finding.related,
    fix: finding.fix,
    ignoreKey: finding.ignoreKey,
    severity,
  };
  const origin = origins.get(finding);
  if (origin) origins.set(graded, origin);
  return graded;
}

function moveSpan(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base };
}

function copy(finding: Finding, base: number): Finding {
  return {
    code: finding.code,
    messageId: finding.messageId,
    span: moveSpan(finding.span, base),
    args: finding.args,
    related: finding.related?.map((span) => moveSpan(span, base)),
    fix: finding.fix?.map((edit) => ({ span: moveSpan(edit.span, base), newText: edit.newText })),
    ignoreKey: finding.ignoreKey,
  };
}
