import type { CalendarDate } from '../calendar-date';
import type { DocumentKind, ExtractionResult } from '../model';
import { levelOf } from './addressees';
import { blocksToText, type StructuredDocument } from './blocks';
import type { Explanation } from './explanations';
import { type Findings, findFindings, RECOMMENDATION_FINDING } from './recommendations';
import { forcesOf } from './report-forces';
import { documentHead, statedDate, titleOf } from './report-head';
import { kindEvidence, kindOf, type Publisher, respondsToOf, sameDayAsReport } from './report-kind';
import { s55Of } from './s55';
import { statedCounts } from './stated-counts';
import { inEnglishWords, isWelsh } from './welsh';

/** What a document says of itself: its kind, title, date, forces, the report it answers and the s55 duty, with why. */
export interface ReportFacts {
  kind: DocumentKind;
  title: string | null;
  publishedOn: CalendarDate | null;
  forces: string[];
  respondsTo: ExtractionResult['respondsTo'];
  s55: NonNullable<ExtractionResult['s55']>;
  /** Whether what the document recommends is another body's, by its kind's rule: then no recommendation is read. */
  othersRecommendations: boolean;
  explanations: Explanation[];
}

/**
 * The facts the kind, title, date, forces, responds-to and s55 rules read, each with the Explanation
 * of the rule that read it, in that order.
 */
export function reportFacts(document: StructuredDocument, paras: string[], findings: Findings, publisher: Publisher | null = null): ReportFacts {
  const heading = titleOf(document, paras, documentHead(paras));
  const title = heading?.title ?? null;
  // A Welsh page is read by the same rules, in the English words they know; its title stays as written.
  const welsh = isWelsh(paras.join('\n'));
  const inEnglish = welsh ? paras.map(inEnglishWords) : paras;
  const headingInEnglish = heading && welsh ? { ...heading, title: inEnglishWords(heading.title) } : heading;
  const kind = kindOf(kindEvidence(inEnglish, headingInEnglish, findings, publisher));
  const forces = forcesOf({ paras: inEnglish, heading: headingInEnglish, findings, kind: kind.kind });
  const answered = kind.kind === 'pcc-response' ? respondsToOf(paras, title) : null;
  const respondsTo = answered?.respondsTo ?? null;
  const stated = statedDate(inEnglish);
  const date = stated.publishedOn === null && respondsTo !== null ? sameDayAsReport(paras, respondsTo.publishedOn) : stated;
  const s55 = s55Of({ kind: kind.kind, title, paragraphs: paras, forces: forces.forces, respondsTo });
  return {
    kind: kind.kind,
    title,
    publishedOn: date.publishedOn,
    forces: forces.forces,
    respondsTo,
    s55: { applies: s55.applies, reason: s55.reason },
    othersRecommendations: kind.othersRecommendations,
    explanations: [
      ...kind.explanations,
      ...(heading?.explanations ?? []),
      ...forces.explanations,
      ...(answered?.explanations ?? []),
      ...date.explanations,
      ...s55.explanations,
    ],
  };
}

/** What the extractor read, and why: for each finding, the rule that produced it and the text it read. */
export interface ExplainedExtraction {
  result: ExtractionResult;
  explanations: Explanation[];
}

/**
 * The fields of an ExtractionResult that can be read from a document's blocks. The rules that still
 * read text see a block a paragraph, so a finding's block and paragraph have one index.
 */
export function readDocument(document: StructuredDocument, publisher: Publisher | null = null): ExplainedExtraction {
  const paras = document.blocks.map((block) => blocksToText([block]));
  const findings = findFindings(document.blocks);
  const { explanations, othersRecommendations, ...facts } = reportFacts(document, paras, findings, publisher);
  const counts = statedCounts(paras);
  const recommendations = othersRecommendations ? [] : findings.recommendations;
  const findingExplanations = othersRecommendations
    ? findings.explanations.filter(({ finding }) => !RECOMMENDATION_FINDING.test(finding))
    : findings.explanations;
  const result: ExtractionResult = {
    ...facts,
    recommendations: recommendations.map((recommendation) => ({
      ...recommendation,
      level: levelOf(recommendation.addressees, facts.forces.length > 0),
    })),
    areasForImprovement: findings.areasForImprovement,
    causesOfConcern: findings.causesOfConcern,
    // Another body's count of its own recommendations is not the inspectorate's either.
    statedRecommendationCount: othersRecommendations ? null : counts.total,
    statedForceLevelRecommendationCount: othersRecommendations ? null : counts.forceLevel,
  };
  return { result, explanations: [...explanations, ...findingExplanations] };
}
