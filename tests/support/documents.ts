import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';

/** Small report texts in the shapes HMICFRS publishes, for tests that need a document to ingest. */
export function forceReportText(force: string, title: string, extra = ''): string {
  return [
    title,
    `An inspection of ${force} by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).`,
    '',
    'Recommendations',
    '',
    'Recommendation 1',
    'By March 2025, the force should make sure its crime scene management follows authorised professional practice.',
    '',
    'Recommendation 2',
    'Within six months, the force should review how it supervises investigations.',
    '',
    extra,
  ].join('\n');
}

/** A national report, owed by every body, with one recommendation whose target is years away. */
export function nationalReportText(title: string): string {
  return [
    title,
    'An inspection of all police forces in England and Wales by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).',
    '',
    'Recommendation 1',
    'By March 2040, all forces should review how they record crime.',
  ].join('\n');
}

/** A report of `count` recommendations of about 500 characters each: a thousand of them make about 510 KB. */
export function manyRecommendationsText(force: string, title: string, count: number): string {
  const recommendation = (number: number) =>
    `Recommendation ${number}\nBy March 2026, the force should ${'review how it supervises investigations, records what it finds and tells victims, '.repeat(6).trim()}`;
  return forceReportText(force, title, Array.from({ length: count }, (_, index) => recommendation(index + 3)).join('\n\n'));
}

/** The text as a PDF prints it: a line at a time in Helvetica, on one A4 page. */
export async function reportPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  for (const [index, line] of text.split('\n').entries()) page.drawText(line, { x: 56, y: 780 - index * 16, size: 9, font });
  return doc.save();
}

export interface PdfLayout {
  font: StandardFonts;
  size: number;
  width: number;
  /** Space between paragraphs, as a multiple of the space between lines. */
  paragraphSpacing: number;
  /** A document of more than one page numbers them at the foot and has its first line as a running header from the second on. */
  pageFurniture: boolean;
}

const REPORT_LAYOUT: PdfLayout = { font: StandardFonts.Helvetica, size: 11, width: 483, paragraphSpacing: 1.6, pageFurniture: true };
const FURNITURE_SIZE = 8;

/**
 * Lays text out as a real report would: each source line a paragraph, wrapped at the margin, with
 * extra space between paragraphs and new pages as needed. The standard fonts' WinAnsi encoding covers
 * every character in the corpus (’ – · included); tabs are the only thing to turn into spaces.
 * Page numbers and the running header are drawn last, as some producers order them.
 */
export async function printedPdf(text: string, layout: PdfLayout = REPORT_LAYOUT): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(layout.font);
  const { size, width } = layout;
  const leading = size * 1.3;
  const margin = 56;
  let page = doc.addPage([595, 842]);
  let y = 842 - margin;
  const advance = (gap: number) => {
    y -= gap;
    if (y < margin) {
      page = doc.addPage([595, 842]);
      y = 842 - margin;
    }
  };
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        page.drawText(line, { x: margin, y, size, font });
        advance(leading);
        line = word;
      } else {
        line = candidate;
      }
    }
    page.drawText(line, { x: margin, y, size, font });
    advance(leading * layout.paragraphSpacing);
  }
  const pages = doc.getPages();
  if (layout.pageFurniture && pages.length > 1) {
    const header = runningHeader(text, (candidate) => font.widthOfTextAtSize(candidate, FURNITURE_SIZE) <= width);
    pages.forEach((each, index) => {
      each.drawText(`${index + 1}`, { x: 595 / 2, y: margin / 2, size: FURNITURE_SIZE, font });
      if (index > 0) each.drawText(header, { x: margin, y: 842 - margin / 2, size: FURNITURE_SIZE, font });
    });
  }
  return doc.save();
}

/** The text's first line, cut at a word to fit the measure. */
function runningHeader(text: string, fits: (candidate: string) => boolean): string {
  const words = (text.split('\n').find((line) => line.trim() !== '') ?? '').split(/\s+/).filter(Boolean);
  let header = '';
  for (const word of words) {
    const candidate = header ? `${header} ${word}` : word;
    if (!fits(candidate)) break;
    header = candidate;
  }
  return header;
}

/** Text as it may stand in XML or HTML content: its three markup characters as entities. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The text as a browser prints a web page of it: each line a paragraph in an 11-point serif, on A4,
 * with Chromium's own header (the date and the page's title, its first line) and footer (its address
 * and page numbers), as "Print to PDF" gives them by default.
 */
export async function browserPrintedPdf(page: Page, text: string): Promise<Uint8Array> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(lines[0] ?? '')}</title>` +
      `<style>body { font-family: 'Liberation Serif', serif; font-size: 11pt } p { margin: 0 0 0.6em }</style></head>` +
      `<body>${lines.map((line) => `<p>${escapeXml(line)}</p>`).join('')}</body></html>`,
  );
  return new Uint8Array(await page.pdf({ format: 'A4', displayHeaderFooter: true, margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }));
}
