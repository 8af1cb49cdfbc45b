import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

/**
 * A synthetic HMICFRS-style inspection report of exactly `pages` A4 pages: a title page, then chapters
 * of headings and justified-width paragraphs, a recommendations chapter with "Recommendation N" blocks
 * and bulleted sub-lists, areas for improvement, and a running footer. The words come from a seeded
 * generator, so every run measures the same file.
 */
export async function reportPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const typesetter = new Typesetter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), pages);
  const words = new Words(pages);

  typesetter.block('PEEL 2025–27: An inspection of Kent Police', { size: 22, bold: true, after: 2 });
  typesetter.block('Police effectiveness, efficiency and legitimacy', { size: 14, after: 2 });
  typesetter.block('Published on: 14 March 2026', { after: 4 });

  let recommendation = 1;
  let area = 1;
  for (let chapter = 1; !typesetter.full; chapter++) {
    typesetter.block(`${chapter}. ${words.heading()}`, { size: 16, bold: true, after: 1 });
    for (let section = 1; section <= 4 && !typesetter.full; section++) {
      typesetter.block(`${chapter}.${section} ${words.heading()}`, { size: 13, bold: true });
      for (let paragraph = 0; paragraph < 4; paragraph++) typesetter.block(words.paragraph());
    }
    if (chapter % 3 === 0) {
      typesetter.block('Recommendations', { size: 14, bold: true });
      for (let item = 0; item < 3; item++, recommendation++) {
        typesetter.block(`Recommendation ${recommendation}`, { bold: true, after: 0.3 });
        typesetter.block(`By March 2027, the force should ${words.clause()}. It should also:`, { after: 0.3 });
        for (let bullet = 0; bullet < 3; bullet++) typesetter.block(`• ${words.clause()};`, { indent: 14, after: 0.3 });
        typesetter.block(' ');
      }
      typesetter.block('Areas for improvement', { size: 14, bold: true });
      for (let item = 0; item < 2; item++, area++) {
        typesetter.block(`Area for improvement ${area}: The force should ${words.clause()}.`);
      }
    }
  }
  typesetter.footers('PEEL 2025–27: An inspection of Kent Police');
  return doc.save();
}

interface BlockStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  /** Space after the block, in lines. */
  after?: number;
}

class Typesetter {
  private static readonly PAGE: [number, number] = [595, 842];
  private static readonly MARGIN = 60;
  private page: PDFPage;
  private y: number;
  full = false;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly pages: number,
  ) {
    this.page = doc.addPage(Typesetter.PAGE);
    this.y = Typesetter.PAGE[1] - Typesetter.MARGIN;
  }

  /** Wraps `text` at the margin; stops, and marks the document full, at the last page's foot. */
  block(text: string, { size = 11, bold = false, indent = 0, after = 0.8 }: BlockStyle = {}): void {
    const font = bold ? this.bold : this.regular;
    const width = Typesetter.PAGE[0] - 2 * Typesetter.MARGIN - indent;
    const leading = size * 1.35;
    let line = '';
    const draw = () => {
      if (this.full) return;
      this.page.drawText(line, { x: Typesetter.MARGIN + indent, y: this.y, size, font });
      this.advance(leading);
    };
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        draw();
        line = word;
      } else {
        line = candidate;
      }
    }
    draw();
    this.advance(leading * after);
  }

  footers(title: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      page.drawText(`${title} · Page ${index + 1} of ${pages.length}`, { x: Typesetter.MARGIN, y: 30, size: 8, font: this.regular });
    });
  }

  private advance(gap: number): void {
    this.y -= gap;
    if (this.y >= Typesetter.MARGIN) return;
    if (this.doc.getPageCount() === this.pages) {
      this.full = true;
      return;
    }
    this.page = this.doc.addPage(Typesetter.PAGE);
    this.y = Typesetter.PAGE[1] - Typesetter.MARGIN;
  }
}

const VOCABULARY = (
  'the force police officers staff victims investigations crime demand supervision call handling ' +
  'neighbourhood teams safeguarding vulnerable people risk assessment partners local authorities ' +
  'performance data quality leadership wellbeing workforce vetting standards public confidence ' +
  'effective efficient legitimate improve review understand manage resources training digital evidence ' +
  'custody detainees domestic abuse response time incidents priority outcomes communities engagement ' +
  'we found that inspectors examined records interviews with and of to in for on its has have is are was'
).split(' ');

/** Deterministic prose, so the files are the same on every run and machine. */
class Words {
  private state: number;

  constructor(seed: number) {
    this.state = seed;
  }

  heading(): string {
    const text = this.words(3 + this.next(4));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  clause(): string {
    return this.words(8 + this.next(10));
  }

  paragraph(): string {
    const sentences = Array.from({ length: 3 + this.next(4) }, () => {
      const sentence = this.words(12 + this.next(14));
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    });
    return sentences.join(' ');
  }

  private words(count: number): string {
    return Array.from({ length: count }, () => VOCABULARY[this.next(VOCABULARY.length)]).join(' ');
  }

  /** A 32-bit linear congruential generator: enough for text, and the same everywhere. */
  private next(bound: number): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    // The high bits: an LCG's low bits repeat with a short period.
    return (this.state >>> 16) % bound;
  }
}
