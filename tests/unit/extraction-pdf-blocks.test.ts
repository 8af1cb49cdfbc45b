import {
  beginText,
  degrees,
  endText,
  moveText,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  StandardFonts,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../shared/extraction/blocks';
import { pdfDocument } from '../../shared/extraction/pdf-text';

interface Printed {
  text: string;
  size?: number;
  bold?: boolean;
  indent?: number;
  /** Extra space above the line, in lines. */
  gap?: number;
  /** Horizontal scaling (Tz), in per cent, where the lines are set by scaledTypePdf (printedPdf sets none). */
  squeeze?: number;
}

const MARGIN = 56;
const BODY = 10;

/** A one-page PDF set as a report is: each entry one printed line, in Helvetica or Helvetica Bold. */
function printedPdf(lines: Printed[]): Promise<Uint8Array> {
  return printedPages([lines], () => []);
}

/** A PDF of these pages, each with the furniture printed around it: lines above the text (positive offsets from its top) or below it (negative, from its foot). */
async function printedPages(pages: Printed[][], furniture: (pageNumber: number) => Array<{ text: string; offset: number }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Record<'regular' | 'bold', PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  for (const [index, lines] of pages.entries()) {
    const page = doc.addPage([595, 842]);
    for (const { text, offset } of furniture(index + 1))
      page.drawText(text, { x: MARGIN, y: offset > 0 ? 780 + offset : 60 + offset, size: 8, font: fonts.regular });
    let y = 780;
    for (const { text, size = BODY, bold = false, indent = 0, gap = 0 } of lines) {
      y -= (gap + 1) * size * 1.3;
      page.drawText(text, { x: MARGIN + indent, y, size, font: bold ? fonts.bold : fonts.regular });
    }
  }
  return doc.save();
}

/**
 * The lines as producers such as InDesign set them: every font at size 1, scaled to its size by the
 * text matrix, so that the font size in the PDF says nothing of the size on the page.
 */
async function scaledTypePdf(lines: Printed[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  let y = 780;
  for (const { text, size = BODY, bold = false, indent = 0, gap = 0, squeeze = 100 } of lines) {
    y -= (gap + 1) * size * 1.3;
    const font = bold ? fonts.bold : fonts.regular;
    const name = page.node.newFontDictionary(font.name, font.ref);
    page.pushOperators(
      beginText(),
      setFontAndSize(name, 1),
      setCharacterSqueeze(squeeze),
      setTextMatrix(size, 0, 0, size, MARGIN + indent, y),
      showText(font.encodeText(text)),
      endText(),
    );
  }
  return doc.save();
}

/** An A4 page to draw on by hand, in Helvetica. */
async function blankPage() {
  const doc = await PDFDocument.create();
  return { doc, page: doc.addPage([595, 842]), helvetica: await doc.embedFont(StandardFonts.Helvetica) };
}

const REPORT: Printed[] = [
  { text: 'An inspection of how well the police', size: 22, bold: true },
  { text: 'tackle serious youth violence', size: 22, bold: true },
  { text: 'Published on 14 March 2026', gap: 1 },
  { text: 'Summary of findings', size: 16, bold: true, gap: 1 },
  { text: 'We found that forces understand the problem but do not yet work well with their partners.', gap: 0.5 },
  { text: 'Recommendations', bold: true, gap: 1 },
  { text: 'By March 2027, chief constables should:', gap: 0.5 },
  { text: '• agree with their partners how they share information;', indent: 14 },
  { text: '• review how they record each incident.', indent: 14 },
  { text: '1. The College of Policing should publish guidance.' },
];

describe('a PDF read as blocks', () => {
  it('takes the largest type on the first page as its title, its lines joined', async () => {
    const document = await pdfDocument(await printedPdf(REPORT));
    expect(document.title).toBe('An inspection of how well the police tackle serious youth violence');
  });

  it('reads lines set larger or bolder than the body as headings, the largest first, and the rest as paragraphs', async () => {
    const { blocks } = await pdfDocument(await printedPdf(REPORT));
    expect(blocks.filter((block) => block.kind !== 'list-item')).toEqual([
      { kind: 'heading', level: 1, text: 'An inspection of how well the police tackle serious youth violence' },
      { kind: 'paragraph', text: 'Published on 14 March 2026' },
      { kind: 'heading', level: 2, text: 'Summary of findings' },
      { kind: 'paragraph', text: 'We found that forces understand the problem but do not yet work well with their partners.' },
      { kind: 'heading', level: 3, text: 'Recommendations' },
      { kind: 'paragraph', text: 'By March 2027, chief constables should:' },
    ]);
  });

  it('reads a line that starts with a marker as a list item, its depth from its indentation', async () => {
    const { blocks } = await pdfDocument(await printedPdf(REPORT));
    expect(blocks.filter((block) => block.kind === 'list-item')).toEqual([
      { kind: 'list-item', marker: '•', depth: 1, text: 'agree with their partners how they share information;' },
      { kind: 'list-item', marker: '•', depth: 1, text: 'review how they record each incident.' },
      { kind: 'list-item', marker: '1.', depth: 0, text: 'The College of Policing should publish guidance.' },
    ]);
  });

  it.each([
    ['set as it is', printedPdf],
    // Its height, not its width, is the type's size: a condensed line is not set smaller.
    ['set by the text matrix, the line carrying on condensed to 80 % (Tz)', scaledTypePdf],
  ])('joins a line that carries on a list item, indented under its text, to the item (%s)', async (_, print) => {
    const { blocks } = await pdfDocument(
      await print([
        { text: 'Some words set in the body type, so that the body is the body.' },
        { text: '• forces should review how they share information with', indent: 14, gap: 1 },
        { text: 'their partners;', indent: 22, squeeze: 80 },
        { text: 'A paragraph after the list that starts a sentence of its own.', gap: 1 },
      ]),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Some words set in the body type, so that the body is the body.' },
      { kind: 'list-item', marker: '•', depth: 0, text: 'forces should review how they share information with their partners;' },
      { kind: 'paragraph', text: 'A paragraph after the list that starts a sentence of its own.' },
    ]);
  });

  it('joins a line opening on a dash in mid-sentence to the line it carries on, and keeps a dash under a finished line a list item', async () => {
    const { blocks } = await pdfDocument(
      await printedPdf([
        { text: 'Following the announcement that Cleveland Police is being removed from “special measures”' },
        { text: '– Police and Crime Commissioner Steve Turner has formally written to local stakeholders.' },
        { text: 'By March 2027, the force should review the way in which it shares information and:', gap: 1 },
        { text: '– publish what it finds in the way that its communities and its partners would expect it to' },
        { text: '– agree with its partners how it will share information.' },
      ]),
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Following the announcement that Cleveland Police is being removed from “special measures” – Police and Crime Commissioner Steve Turner has formally written to local stakeholders.',
      },
      { kind: 'paragraph', text: 'By March 2027, the force should review the way in which it shares information and:' },
      { kind: 'list-item', marker: '–', depth: 0, text: 'publish what it finds in the way that its communities and its partners would expect it to' },
      { kind: 'list-item', marker: '–', depth: 0, text: 'agree with its partners how it will share information.' },
    ]);
  });

  it('keeps a list’s later dash items items, though their lines run to the margin unfinished', async () => {
    const { blocks } = await pdfDocument(
      await printedPdf([
        { text: 'Some words set in the body type, so that the body is the body of the page and' },
        { text: '– publish what it finds in the way that its communities and its partners would' },
        { text: '– agree with its partners how it will share what it knows with the other forces' },
        { text: '– review how it records each incident.' },
      ]),
    );
    expect(blocks.slice(1)).toEqual([
      { kind: 'list-item', marker: '–', depth: 0, text: 'agree with its partners how it will share what it knows with the other forces' },
      { kind: 'list-item', marker: '–', depth: 0, text: 'review how it records each incident.' },
    ]);
  });

  it('reads type scaled to its size by the text matrix at the size it is printed', async () => {
    const scaled = await pdfDocument(await scaledTypePdf(REPORT));
    expect(scaled).toEqual(await pdfDocument(await printedPdf(REPORT)));
    expect(scaled.title).toBe('An inspection of how well the police tackle serious youth violence');
  });

  it('joins a line wrapped at the margin of the body type when a footer in smaller type reaches past it', async () => {
    const { blocks } = await pdfDocument(
      await printedPdf([
        { text: 'By March 2027, the force should review how it shares information with its partners' },
        { text: 'across the county and publish what it finds.' },
        { text: 'https://www.example.gov.uk/a-page-printed-from-a-browser', size: 8, gap: 1 },
        { text: '1/1', size: 8, indent: 500 },
      ]),
    );
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'By March 2027, the force should review how it shares information with its partners across the county and publish what it finds.',
    });
  });

  // Paragraphs 1.75 times the type apart, wider than single spacing, and 1.5 times, within it (lines 1.3).
  it.each([0.35, 0.15])('tells paragraphs apart by their spacing on a page where most paragraphs are one line long (%s lines between)', async (gap) => {
    const entry = (ref: string): Printed[] => [
      { text: ref, gap },
      { text: 'Completed', gap },
      { text: 'HMIC recommends that the force should immediately agree arrangements with', gap },
      { text: 'its partners to secure a smooth transition to its new operating model; and the', gap: 0 },
      { text: 'West Mercia Police', gap },
    ];
    const { blocks } = await pdfDocument(await printedPdf([...entry('1'), ...entry('2'), ...entry('3')]));
    expect(blocks.map((block) => block.text).slice(0, 4)).toEqual([
      '1',
      'Completed',
      'HMIC recommends that the force should immediately agree arrangements with its partners to secure a smooth transition to its new operating model; and the',
      'West Mercia Police',
    ]);
  });

  it('joins the lines of a double-spaced page into paragraphs, which only their short last lines end', async () => {
    // Every line a line's height below the last (gap 1), 2.6 times the type apart, as a double-spaced
    // letter is set, over enough lines to tell that from a page of short paragraphs.
    const paragraph: Printed[] = [
      { text: 'Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) said', gap: 1 },
      { text: 'the police have made vast improvements over the last decade in how they respond to', gap: 1 },
      { text: 'these crimes.', gap: 1 },
      { text: 'HMICFRS said there is an epidemic of offending against women and girls, and that a', gap: 1 },
      { text: 'whole-system approach is needed.', gap: 1 },
    ];
    const { blocks } = await pdfDocument(await printedPdf(Array.from({ length: 5 }, () => paragraph).flat()));
    expect(blocks.map((block) => block.text).slice(0, 2)).toEqual([
      'Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) said the police have made vast improvements over the last decade in how they respond to these crimes.',
      'HMICFRS said there is an epidemic of offending against women and girls, and that a whole-system approach is needed.',
    ]);
    expect(blocks).toHaveLength(10);
  });

  it("reads a line that starts with a symbol font's bullet, mapped into the private use area as Word's are, as a list item", async () => {
    const { doc, page, helvetica } = await blankPage();
    // Word's Symbol bullet: character code B7, which the font's ToUnicode map gives as U+F0B7.
    const toUnicode = doc.context.register(
      doc.context.stream(
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def ' +
          '/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <B7> <F0B7> endbfchar endcmap ' +
          'CMapName currentdict /CMap defineresource pop end end',
      ),
    );
    const symbol = page.node.newFontDictionary(
      'Symbol',
      doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Symbol', ToUnicode: toUnicode })),
    );
    page.drawText('By March 2027, chief constables should:', { x: MARGIN, y: 720, size: BODY, font: helvetica });
    for (const [index, text] of ['agree with their partners how they share information;', 'review how they record each incident.'].entries()) {
      const y = 700 - index * 14;
      page.pushOperators(beginText(), setFontAndSize(symbol, BODY), moveText(MARGIN + 18, y), showText(PDFHexString.of('B7')), endText());
      page.drawText(text, { x: MARGIN + 36, y, size: BODY, font: helvetica });
    }
    expect((await pdfDocument(await doc.save())).blocks).toEqual([
      { kind: 'paragraph', text: 'By March 2027, chief constables should:' },
      { kind: 'list-item', marker: '•', depth: 0, text: 'agree with their partners how they share information;' },
      { kind: 'list-item', marker: '•', depth: 0, text: 'review how they record each incident.' },
    ]);
  });

  it('has no title when nothing on the first page is set larger than the body', async () => {
    const document = await pdfDocument(await printedPdf([{ text: 'Only body text here.' }, { text: 'And another line of it.' }]));
    expect(document.title).toBeNull();
  });

  it("reads a Markdown table printed as text, a long row wrapped over lines, as that table's cells", async () => {
    const pdf = await printedPdf([
      { text: '| # | Recommendation | Status |' },
      { text: '|---|---|---|' },
      { text: '| T1 | Cause of concern: the force cannot maintain its services. Recommendation: HMIC' },
      { text: 'Recommends that the force should immediately review its workload; | Completed |' },
      { text: '| T2 | The force should audit its custody records. | Open |' },
      { text: 'The tracker is updated monthly.', gap: 1 },
    ]);
    expect((await pdfDocument(pdf)).blocks).toEqual([
      { kind: 'table-cell', table: 0, row: 0, column: 0, text: '#' },
      { kind: 'table-cell', table: 0, row: 0, column: 1, text: 'Recommendation' },
      { kind: 'table-cell', table: 0, row: 0, column: 2, text: 'Status' },
      { kind: 'table-cell', table: 0, row: 1, column: 0, text: 'T1' },
      {
        kind: 'table-cell',
        table: 0,
        row: 1,
        column: 1,
        text: 'Cause of concern: the force cannot maintain its services. Recommendation: HMIC Recommends that the force should immediately review its workload;',
      },
      { kind: 'table-cell', table: 0, row: 1, column: 2, text: 'Completed' },
      { kind: 'table-cell', table: 0, row: 2, column: 0, text: 'T2' },
      { kind: 'table-cell', table: 0, row: 2, column: 1, text: 'The force should audit its custody records.' },
      { kind: 'table-cell', table: 0, row: 2, column: 2, text: 'Open' },
      { kind: 'paragraph', text: 'The tracker is updated monthly.' },
    ]);
  });

  it('leaves out what a browser prints around a page printed alone, which no other page repeats, and keeps other small type', async () => {
    const pdf = await printedPages(
      [
        [
          { text: 'Cleveland Police has become the first force to be rated inadequate in all areas.' },
          { text: 'The inspectorate found that the force did not understand the demand it faced.', gap: 1 },
          { text: 'It found that the force answered too few of its emergency calls within ten seconds.', gap: 1 },
          { text: 'The force has agreed a plan with the police and crime commissioner to improve.', gap: 1 },
          { text: '1 The report was published on 27 September 2019, with figures for 2018/19', size: 8, gap: 1 },
          { text: 'https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/', size: 8 },
        ],
      ],
      () => [
        { text: '12/3/26, 12:07 PM Cleveland Police rated inadequate', offset: 30 },
        { text: 'https://www.example.co.uk/news/cleveland 1/1', offset: -30 },
      ],
    );
    expect((await pdfDocument(pdf)).blocks.map((block) => block.text)).toEqual([
      'Cleveland Police has become the first force to be rated inadequate in all areas.',
      'The inspectorate found that the force did not understand the demand it faced.',
      'It found that the force answered too few of its emergency calls within ten seconds.',
      'The force has agreed a plan with the police and crime commissioner to improve.',
      // A footnote's address and year range are no print stamp, though they sit at the page's foot.
      '1 The report was published on 27 September 2019, with figures for 2018/19 https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/',
    ]);
  });

  it('leaves out page numbers and running headers and footers, so a sentence carried over a page break is one paragraph', async () => {
    const title = 'Inspection of Anyshire Constabulary';
    const pdf = await printedPages(
      [
        [
          { text: title, size: 22, bold: true },
          { text: 'Recommendation 1', bold: true, gap: 1 },
          { text: 'Some words set in the body type.' },
          { text: 'By March 2027, the force should review how it shares information with its' },
        ],
        [{ text: 'partners in the county.' }, { text: 'Areas for improvement', bold: true, gap: 1 }],
        [{ text: 'The force should publish its plan.' }],
      ],
      (pageNumber) => [
        ...(pageNumber > 1 ? [{ text: title, offset: 30 }] : []),
        { text: `Page ${pageNumber} of 3`, offset: -30 },
        { text: 'OFFICIAL', offset: -40 },
      ],
    );
    const document = await pdfDocument(pdf);
    expect(document.title).toBe(title);
    expect(document.blocks).toEqual([
      { kind: 'heading', level: 1, text: title },
      { kind: 'heading', level: 2, text: 'Recommendation 1' },
      { kind: 'paragraph', text: 'Some words set in the body type.' },
      { kind: 'paragraph', text: 'By March 2027, the force should review how it shares information with its partners in the county.' },
      { kind: 'heading', level: 2, text: 'Areas for improvement' },
      { kind: 'paragraph', text: 'The force should publish its plan.' },
    ]);
  });

  describe("at a page's footnotes", () => {
    const texts = async (pages: Printed[][]) => (await pdfDocument(await printedPages(pages, () => []))).blocks.map((block) => block.text);
    const opening = { text: 'The inspection found that the force did not understand the demand it faced.' };

    it('carries a sentence cut by them on at the next page, where the line above them ran to the margin; the footnotes follow it', async () => {
      expect(
        await texts([
          [
            opening,
            { text: 'By March 2027, the force should review the way in which it shares information with', gap: 1 },
            { text: '1 Our 2024 report on partnership working, published in May.', size: 8, gap: 2 },
          ],
          [{ text: 'its partners in the county.' }, { text: 'The force should publish its plan.', gap: 1 }],
        ]),
      ).toEqual([
        opening.text,
        'By March 2027, the force should review the way in which it shares information with its partners in the county.',
        '1 Our 2024 report on partnership working, published in May.',
        'The force should publish its plan.',
      ]);
    });

    it('does not carry on a short line above them, which ended where it did on purpose', async () => {
      expect(
        await texts([
          [opening, { text: 'Figure 2: calls answered within ten seconds', gap: 1 }, { text: '1 Source: the force, 2024.', size: 8, gap: 2 }],
          [{ text: 'continued from the chapter before.' }],
        ]),
      ).toEqual([opening.text, 'Figure 2: calls answered within ten seconds', '1 Source: the force, 2024.', 'continued from the chapter before.']);
    });

    it('carries on small type continued overleaf, though it opens with a number as a footnote does', async () => {
      expect(
        await texts([
          [opening, { text: '3 officers attended the call, which the case study says was fewer than', size: 8, gap: 1 }],
          [
            { text: "the force's own policy requires.", size: 8 },
            { text: 'The force should review its policy.', gap: 1 },
          ],
        ]),
      ).toEqual([
        opening.text,
        "3 officers attended the call, which the case study says was fewer than the force's own policy requires.",
        'The force should review its policy.',
      ]);
    });
  });

  it("leaves out a footnote's number set small and raised after a word, and keeps numbers on the line", async () => {
    const { doc, page, helvetica: font } = await blankPage();
    const words = 'Within six months the force should review its 24 custody records';
    page.drawText(words, { x: MARGIN, y: 700, size: BODY, font });
    page.drawText('12', { x: MARGIN + font.widthOfTextAtSize(words, BODY) + 0.5, y: 704, size: 6, font });
    page.drawText('.', { x: MARGIN + font.widthOfTextAtSize(words, BODY) + 6, y: 700, size: BODY, font });
    expect((await pdfDocument(await doc.save())).blocks).toEqual([
      { kind: 'paragraph', text: 'Within six months the force should review its 24 custody records.' },
    ]);
  });

  it('keeps a heading that opens each page, and a line printed at an end of too few pages', async () => {
    const pages = ['one', 'two', 'three', 'four', 'five', 'six'].map((word, index) => [
      { text: `Recommendation ${index + 1}`, bold: true },
      { text: `The force should act on the ${word} thing the inspectors found.` },
      { text: `It should do so by the ${word} date it gave.` },
      { text: `Its ${word} plan should be published.` },
      { text: `The ${word} page ends here.` },
    ]);
    const pdf = await printedPages(pages, (pageNumber) => [{ text: pageNumber === 2 ? 'Draft' : `${pageNumber}`, offset: -30 }]);
    const texts = (await pdfDocument(pdf)).blocks.map((block) => block.text);
    expect(texts.filter((text) => text.startsWith('Recommendation '))).toHaveLength(6);
    expect(texts).toContain('Draft');
    expect(texts.filter((text) => text.endsWith('page ends here.'))).toHaveLength(6);
    expect(texts.filter((text) => /^\d+$/.test(text))).toEqual([]);
  });

  it("keeps a table's rows of figures that open each page, the line below them, and a line at the foot of pages at different heights", async () => {
    const pages = [1, 2, 3, 4].map((page) => [
      { text: `${10 + page} ${20 + page} ${30 + page}` },
      { text: `The figures above are those of the force's area number ${page}.` },
      ...Array.from({ length: page }, () => ({ text: 'A short line.' })),
      { text: 'Status: open' },
    ]);
    const texts = (await pdfDocument(await printedPages(pages, () => []))).blocks.map((block) => block.text);
    expect(texts.filter((text) => /^\d+ \d+ \d+$/.test(text))).toEqual(['11 21 31', '12 22 32', '13 23 33', '14 24 34']);
    expect(texts.filter((text) => text.startsWith("The figures above are those of the force's area number"))).toHaveLength(4);
    expect(texts.filter((text) => text.endsWith('Status: open'))).toHaveLength(4);
  });

  describe('on a page the PDF shows turned', () => {
    const lines: Printed[] = [
      { text: 'An inspection of how well the police', size: 20, bold: true },
      { text: 'Recommendations', size: 14, bold: true },
      { text: 'By March 2027, chief constables should review how they record each incident of serious youth' },
      { text: 'violence, and share what they find.' },
    ];
    /** The lines on a portrait page shown turned a quarter: set upright on it, or set turned to match, as a landscape page is. */
    async function turnedPage(set: 'upright' | 'turned to match'): Promise<Uint8Array> {
      const { doc, page, helvetica } = await blankPage();
      const bold = await doc.embedFont(StandardFonts.HelveticaBold);
      let at = 0;
      for (const { text, size = BODY, bold: heavy = false } of lines) {
        at += size * 1.6;
        const font = heavy ? bold : helvetica;
        if (set === 'upright') page.drawText(text, { x: MARGIN, y: 800 - at, size, font });
        else page.drawText(text, { x: 40 + at, y: MARGIN, size, font, rotate: degrees(90) });
      }
      page.setRotation(degrees(90));
      return doc.save();
    }

    it.each(['upright', 'turned to match'] as const)('reads text set %s in the order it reads, its wrapped line joined', async (set) => {
      const document = await pdfDocument(await turnedPage(set));
      expect(document.blocks).toEqual([
        { kind: 'heading', level: 1, text: 'An inspection of how well the police' },
        { kind: 'heading', level: 2, text: 'Recommendations' },
        {
          kind: 'paragraph',
          text: 'By March 2027, chief constables should review how they record each incident of serious youth violence, and share what they find.',
        },
      ]);
    });
  });

  it('holds every word the PDF prints, in order', async () => {
    const pdf = await printedPdf(REPORT);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(blocksToText((await pdfDocument(pdf)).blocks))).toEqual(words(REPORT.map((line) => line.text).join(' ')));
  });
});
