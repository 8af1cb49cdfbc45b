import { expect } from 'vitest';
import { blocksToText } from '../../shared/extraction/blocks';
import { textDocument } from '../../shared/extraction/paragraphs';
import { findFindings } from '../../shared/extraction/recommendations';
import { type ReportFacts, reportFacts } from '../../shared/extraction/report-text';

/** A rule table's promise: every rule named once, with one line of doc. */
export function expectNamedRules(rules: ReadonlyArray<{ name: string; doc: string }>): void {
  const names = rules.map((rule) => rule.name);
  expect(new Set(names).size).toBe(names.length);
  for (const rule of rules) expect(rule.doc).toMatch(/^\S.{10,200}$/);
}

/** The facts read from plain text, handed on as its reader does, and the rule behind each finding. */
export function factsOfText(text: string): ReportFacts & { ruleFor: (finding: string) => string | undefined } {
  const document = textDocument(text);
  const facts = reportFacts(
    document,
    document.blocks.map((block) => blocksToText([block])),
    findFindings(document.blocks),
  );
  return { ...facts, ruleFor: (finding) => facts.explanations.find((explanation) => explanation.finding.startsWith(finding))?.rule };
}
