import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatLongDate } from './calendar-date';
import type { LocalPolicingBody } from './configuration';
import type { Obligation, Report } from './model';
import { owedRecommendations } from './obligation-state';

const PLACEHOLDER = '[To be written]';

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

/** Paragraphs of a person's note, or the placeholder where nothing is written yet. */
function written(text: string | undefined): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).filter((line) => line.trim());
  return (lines.length > 0 ? lines : [PLACEHOLDER]).map((line) => new Paragraph(line));
}

/**
 * A Word document an office starts its s55 response from: the report's title and dates, a section for
 * the chief officer's comments (s55(5)), and one section per recommendation made to the force with a
 * place for the action taken or proposed, or why none (s55(5B)), holding any notes already recorded.
 */
export async function draftResponse(report: Report, obligation: Obligation, body: LocalPolicingBody): Promise<Uint8Array> {
  const title = report.title ?? `The report uploaded as ${report.source.key}`;
  const dates = obligation.dates;
  const owed = owedRecommendations(report);
  const children: Paragraph[] = [
    new Paragraph({ text: `${body.name}: response to ${title}`, heading: HeadingLevel.TITLE }),
    labelled('Report', title),
    labelled('Published', dates ? formatLongDate(dates.publishedOn) : 'publication date not yet confirmed'),
    labelled('Last day to publish this response', dates ? formatLongDate(dates.responseDueOn) : 'set once the publication date is confirmed'),
    new Paragraph(
      'Section 55 of the Police Act 1996 asks the local policing body to publish its comments on the report, with the chief officer’s comments, ' +
        'within 56 days of its publication, explaining for each recommendation the action taken or proposed, or why none, ' +
        'and to send a copy to HMICFRS and the Home Secretary.',
    ),
    new Paragraph({ text: 'The local policing body’s comments', heading: HeadingLevel.HEADING_1 }),
    new Paragraph(PLACEHOLDER),
    new Paragraph({ text: 'The chief officer’s comments', heading: HeadingLevel.HEADING_1 }),
    new Paragraph(
      obligation.progress.chiefOfficerCommentsReceivedOn
        ? `Received on ${formatLongDate(obligation.progress.chiefOfficerCommentsReceivedOn)}: [Paste the chief officer’s comments here]`
        : `Asked for by ${dates ? formatLongDate(dates.chiefOfficerCommentsDueOn) : 'the date the body sets'}: [Paste the chief officer’s comments here]`,
    ),
    new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_1 }),
    ...(owed.length === 0
      ? [new Paragraph('FiftySix found no recommendation made to the force in this report: check the report, and add any it missed.')]
      : []),
  ];
  for (const { key, recommendation } of owed) {
    const target = dates?.recommendationTargets.find((each) => each.key === key);
    const targetText = target?.dueOn ? formatLongDate(target.dueOn) : (target?.phrase ?? recommendation.targetPhrase ?? 'none stated');
    children.push(
      new Paragraph({ text: `Recommendation ${key}`, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ children: [new TextRun({ text: recommendation.text, italics: true })] }),
      labelled('Target', targetText),
      new Paragraph({ children: [new TextRun({ text: 'Action taken or proposed, or why none will be taken', bold: true })] }),
      ...written(obligation.progress.recommendationNotes[key]),
    );
  }
  const document = new Document({
    creator: 'FiftySix',
    title: `Response to ${title}`,
    description: `Draft section 55 response of ${body.name}`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
