/**
 * A correction anyone may suggest on a public page (ADR 014): what is wrong, and an optional email
 * for questions. The rules here are what the form checks; the words for each problem are in web/i18n.
 */

export const correctionLimits = { maxText: 2000, maxLinks: 3, maxEmail: 254, maxNote: 2000 } as const;

export type CorrectionField = 'text' | 'email';

export type CorrectionProblemCode = 'text_missing' | 'text_too_long' | 'too_many_links' | 'email_invalid' | 'email_too_long';

export type CorrectionProblem = { field: CorrectionField; code: CorrectionProblemCode };

/** Counts what looks like a link: spam is mostly links, and a correction rarely needs more than one or two. */
export function linkCount(text: string): number {
  return text.match(/https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|info|ru|cn|xyz|top)\b/gi)?.length ?? 0;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems with a suggested correction (already trimmed), or none. */
export function correctionProblems(input: { text: string; email: string }): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  if (input.text.length === 0) problems.push({ field: 'text', code: 'text_missing' });
  else if (input.text.length > correctionLimits.maxText) problems.push({ field: 'text', code: 'text_too_long' });
  else if (linkCount(input.text) > correctionLimits.maxLinks) problems.push({ field: 'text', code: 'too_many_links' });
  if (input.email.length > correctionLimits.maxEmail) problems.push({ field: 'email', code: 'email_too_long' });
  else if (input.email && !emailShape.test(input.email)) problems.push({ field: 'email', code: 'email_invalid' });
  return problems;
}
