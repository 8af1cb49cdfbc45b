import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFHexString, rgb, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, extractFromText, UnreadableDocumentError } from '../../shared/extraction';
import { blocksToText } from '../../shared/extraction/blocks';
import { DOCX_READ_LIMITS, docxDocument } from '../../shared/extraction/docx-text';
import { CORPUS_DIRECTORY } from '../support/corpus';
import { escapeXml, type PdfLayout, printedPdf } from '../support/documents';
import { zipArchive } from '../support/zip-archive';

const corpus = CORPUS_DIRECTORY;
const corpusFiles = readdirSync(corpus).filter((name) => name.endsWith('.txt'));
const cumbria = readFileSync(path.join(corpus, 'cumbria-pcc-response-finding-time-for-crime.txt'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

/** The characters Windows-1252 has beyond ISO-8859-1's, of those the corpus uses. */
const WINDOWS_1252_EXTRAS: Record<string, number> = { '’': 0x92, '–': 0x96 };

/** Text as Windows tools save it as "ANSI" in the UK: a byte a character, £ as 0xA3 and ’ as 0x92. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => {
    const byte = WINDOWS_1252_EXTRAS[character] ?? character.codePointAt(0)!;
    if (byte > 0xff) throw new Error(`${character} is not a Windows-1252 character`);
    return byte;
  });
}

const escapeHtml = (text: string) => escapeXml(text).replace(/’/g, '&rsquo;').replace(/–/g, '&ndash;');

function renderHtml(text: string): string {
  const body = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line.trim())}</p>`)
    .join('\n      ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Kent Police | Recommendation 9: By March 2023, forces should never be read</title>
    <style>p { margin: 0 } .nav > li::before { content: "Recommendation 7" }</style>
    <script>window.dataLayer = ["</div>", "Recommendation 8: By May 2023, forces should never be read"];</script>
  </head>
  <body>
    <header class="site"><a href="/">Home</a> Essex Police, Fire and Crime Commissioner</header>
    <nav><ul><li><a href="/recs">Recommendations</a></li><li>Recommendation 6</li></ul></nav>
    <main>
      ${body}
    </main>
    <noscript>Recommendation 5: By June 2023, forces should never be read</noscript>
    <footer>© Dorset Police. Recommendations: 1. Forces should never be read.</footer>
    <script src="/analytics.js"></script>
  </body>
</html>`;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX of the given paragraphs; `numbered` ones are items of a Word numbered list ("1.", "2." …). */
function renderDocx(text: string, numbered: (line: string) => boolean = () => false): Uint8Array {
  const paragraphs = text
    .split('\n')
    .map((line) => {
      const list = numbered(line) ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
      return `<w:p>${list}<w:r><w:t xml:space="preserve">${escapeXml(line.replace(/\t/g, ' '))}</w:t></w:r></w:p>`;
    })
    .join('');
  return zipArchive(
    Object.entries({
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`,
      'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    }),
  );
}

async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Recommendation 1: By March 2023, forces should keep this secret.', { x: 50, y: 700, size: 12, font });
  // A standard security handler whose user-password check fails for the empty password, as in a
  // PDF saved with an open password.
  const context = doc.context;
  context.trailerInfo.Encrypt = context.register(
    context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)) }),
  );
  context.trailerInfo.ID = context.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return doc.save();
}

async function failure(promise: Promise<unknown>): Promise<UnreadableDocumentError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  const unreadable = error as UnreadableDocumentError;
  expect(unreadable.message.length).toBeGreaterThan(20);
  return unreadable;
}

describe('every format gives the same extraction as the plain text', () => {
  const expected = extractFromText(cumbria);

  it('has two recommendations to compare', () => {
    expect(expected.recommendations.map((each) => each.ref)).toEqual(['#23432', '#23475']);
  });

  it('reads a PDF, joining lines wrapped at the margin', async () => {
    const pdf = await printedPdf(cumbria);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    expect(await extractDocument(pdf)).toEqual(expected);
  });

  /** tests/fixtures/pdf: corpus texts as real tools print them (its README says how each was made), beside the text each was printed from. */
  const toolPrintedPdfs: Array<[string, string]> = [
    ['cumbria-response-printed-by-chromium.pdf', 'cumbria-pcc-response-finding-time-for-crime.txt'],
    ['cumbria-response-printed-by-chromium-with-header-and-footer.pdf', 'cumbria-pcc-response-finding-time-for-crime.txt'],
    ['tracker-west-mercia-printed-by-chromium-with-header-and-footer.pdf', 'tracker-accountabilityindex-peel-2018-19-west-mercia.txt'],
  ];
  it.each(toolPrintedPdfs)('reads %s as the text it was printed from', async (pdf, text) => {
    const printed = new Uint8Array(readFileSync(path.join(import.meta.dirname, '../fixtures/pdf', pdf)));
    expect(await extractDocument(printed)).toEqual(extractFromText(readFileSync(path.join(corpus, text), 'utf8')));
  });

  const layouts: Array<[string, PdfLayout]> = [
    ['a narrow column, its pages numbered and headed', { font: StandardFonts.TimesRoman, size: 10, width: 300, paragraphSpacing: 1.3, pageFurniture: true }],
    [
      'large type and tight paragraph spacing, no page furniture',
      { font: StandardFonts.TimesRoman, size: 12, width: 420, paragraphSpacing: 1.3, pageFurniture: false },
    ],
  ];
  describe.each(layouts)('every corpus document as a PDF in %s', (_, layout) => {
    it.each(corpusFiles)('%s', async (name) => {
      const text = readFileSync(path.join(corpus, name), 'utf8');
      expect(await extractDocument(await printedPdf(text, layout))).toEqual(extractFromText(text));
    });
  });

  it('reads an HTML page without its scripts, styles, menus, banner and footer', async () => {
    const result = await extractDocument(bytes(renderHtml(cumbria)));
    expect(result).toEqual(expected);
  });

  it('reads a Word document', async () => {
    expect(await extractDocument(renderDocx(cumbria))).toEqual(expected);
  });

  it('reads a Word document as Word writers save it: deflated parts, styles, and an image left out', async () => {
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const logo = new Paragraph({ children: [new ImageRun({ type: 'png', data: pixel, transformation: { width: 40, height: 40 } })] });
    const paragraphs = cumbria.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Arial' })] }));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [logo, ...paragraphs] }] }));
    expect(await extractDocument(new Uint8Array(docx))).toEqual(expected);
  });

  it('reads a Word document of 300 pages, inside a third of the limits on unzipping', async () => {
    const copies = Math.ceil((300 * 3000) / cumbria.length);
    const text = Array.from({ length: copies }, () => cumbria).join('\n');
    const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Arial', size: 24 })] }));
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    expect((await extractDocument(docx)).recommendations).toHaveLength(copies * expected.recommendations.length);
    expect(blocksToText((await docxDocument(docx, { ...DOCX_READ_LIMITS, xmlMb: DOCX_READ_LIMITS.xmlMb / 3 })).blocks)).toContain('Cumbria');
  });

  it('reads the numbers of a Word numbered list, which raw text would lose', async () => {
    const text = [
      'Response to HMICFRS recommendations',
      'Recommendations',
      'By March 2024, forces should review their vetting.',
      'By June 2024, chief constables should publish the results.',
      'Our response',
      'The force has started the review.',
    ].join('\n');
    const result = await extractDocument(renderDocx(text, (line) => line.startsWith('By ')));
    expect(result.recommendations.map(({ ref, targetDate, addressees }) => ({ ref, targetDate, addressees }))).toEqual([
      { ref: '1', targetDate: '2024-03-31', addressees: ['forces'] },
      { ref: '2', targetDate: '2024-06-30', addressees: ['chief constables'] },
    ]);
  });

  it('reads text with a byte-order mark, Windows line ends, and UTF-16', async () => {
    expect(await extractDocument(bytes(`\uFEFF${cumbria.replace(/\n/g, '\r\n')}`))).toEqual(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cumbria, 'utf16le')]);
    expect(await extractDocument(new Uint8Array(utf16))).toEqual(expected);
  });

  describe('text in an older character set', () => {
    const text = cumbria.replace('forces should make sure their crime scene', 'forces should spend £2m making sure their crime scene');

    it('reads text saved as Windows-1252 ("ANSI"), keeping a £ saved as the byte 0xA3', async () => {
      const ansi = windows1252(text);
      expect(ansi).toContain(0xa3);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(ansi)).toThrow();
      const result = await extractDocument(ansi);
      expect(result).toEqual(extractFromText(text));
      expect(result.recommendations[0]?.text).toContain('spend £2m making sure');
    });

    it('reads a web page in Windows-1252 that names no character set', async () => {
      expect(await extractDocument(windows1252(renderHtml(text)))).toEqual(extractFromText(text));
    });

    it('reads a web page in the character set its <meta charset> names, where Windows-1252 would read another character', async () => {
      const page = `<!DOCTYPE html><html><head><meta charset="iso-8859-15"><title>Savings</title></head><body><main>
        <p>Recommendation 1</p><p>By March 2025, the force should save \xA42m.</p></main></body></html>`;
      const result = await extractDocument(new Uint8Array(Buffer.from(page, 'latin1')));
      expect(result.recommendations.map((recommendation) => recommendation.text)).toEqual(['By March 2025, the force should save €2m.']);
    });

    it('refuses a web page that is not in the character set it names, saying so', async () => {
      const page = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>Recommendation 1: By March 2025, spend \xA32m.</p></body></html>';
      const error = await failure(extractDocument(new Uint8Array(Buffer.from(page, 'latin1'))));
      expect(error).toMatchObject({ code: 'unsupported-format', message: expect.stringContaining('says it is utf-8 text but is not') });
    });
  });

  it('recognises the format from the content, so a PDF with no name still reads as a PDF', async () => {
    const pdf = await printedPdf('Recommendation 1\nBy March 2023, forces should review their custody suites.');
    const result = await extractDocument(pdf);
    expect(result.recommendations).toEqual([
      {
        ref: '1',
        text: 'By March 2023, forces should review their custody suites.',
        targetDate: '2023-03-31',
        addressees: ['forces'],
        level: 'force',
        targetPhrase: 'By March 2023',
        targetRelative: null,
      },
    ]);
  });
});

describe('unreadable documents fail with a reason a person can act on', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['whitespace only', bytes('  \n\t\r\n  ')],
    ['a byte-order mark and nothing else', bytes('\uFEFF\n')],
  ])('%s → empty', async (_, input) => {
    expect((await failure(extractDocument(input))).code).toBe('empty');
  });

  it('too large → too-large, before any parsing', async () => {
    const error = await failure(extractDocument(bytes('Recommendation 1: By March 2023, forces should act.'), { maxBytes: 10 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/10 bytes limit/);
  });

  it('the default limit is 50 MB', async () => {
    const error = await failure(extractDocument(new Uint8Array(50 * 1024 * 1024 + 1)));
    expect(error.code).toBe('too-large');
  });

  it('a damaged PDF → corrupt', async () => {
    const error = await failure(extractDocument(bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage garbage\nstartxref\n9\n%%EOF')));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/damaged/);
  });

  describe.each([
    ['made by pdf-lib', () => printedPdf(corpusFiles.map((name) => readFileSync(path.join(corpus, name), 'utf8')).join('\n'))],
    [
      'printed by Chromium',
      async () => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../fixtures/pdf/cumbria-response-printed-by-chromium.pdf'))),
    ],
  ])('a PDF %s, cut short → corrupt, saying so, however much of it is left', (_, whole) => {
    let pdf: Uint8Array;
    beforeAll(async () => {
      pdf = await whole();
    });

    it('the whole file reads', async () => {
      expect(pdf.length).toBeGreaterThan(3 * 4096);
      expect((await extractDocument(pdf)).recommendations.length).toBeGreaterThan(1);
    });

    it.each([
      ['at 4 KiB', (bytes: Uint8Array) => bytes.slice(0, 4096)],
      ['at half', (bytes: Uint8Array) => bytes.slice(0, bytes.length / 2)],
      ['in its cross-reference table, every page still there', (bytes: Uint8Array) => bytes.slice(0, -30)],
      [
        'with a kilobyte lost from the middle',
        (bytes: Uint8Array) => Uint8Array.of(...bytes.slice(0, bytes.length / 2), ...bytes.slice(bytes.length / 2 + 1024)),
      ],
    ])('%s', async (_, cut) => {
      const error = await failure(extractDocument(cut(pdf)));
      expect(error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('cut short') });
      expect(error.message).toContain('Upload the complete PDF');
    });
  });

  it('a password-protected PDF → encrypted', async () => {
    const error = await failure(extractDocument(await encryptedPdf()));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password/);
  });

  it('a PDF with no text layer (a scan) → no-text', async () => {
    expect((await failure(extractDocument(await scannedPdf()))).code).toBe('no-text');
  });

  it('random binary → unsupported-format', async () => {
    const random = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
    expect((await failure(extractDocument(random))).code).toBe('unsupported-format');
  });

  it('binary data with no NULs, not UTF-8 → unsupported-format, not read as Windows-1252', async () => {
    const noNuls = new Uint8Array(4096).map((_, index) => ((index * 7919 + 13) % 255) + 1);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(noNuls)).toThrow();
    const error = await failure(extractDocument(noNuls));
    expect(error).toMatchObject({ code: 'unsupported-format', message: expect.stringContaining('binary data') });
  });

  it('UTF-8 text holding replacement characters as written (a PDF’s contents page copied, its dot leaders lost) is read, not refused as binary', async () => {
    const contents = `Adapting to Protest\n\nHMIC reviewed the policing of protest.\n\n${Array.from({ length: 30 }, (_, index) => `Chapter ${index + 1} \uFFFD`).join(' ')}`;
    const result = await extractDocument(new TextEncoder().encode(contents));
    expect(result.title).toBe('Adapting to Protest');
  });

  it('a zip archive that is not a Word document → unsupported-format', async () => {
    const archive = zipArchive([['report.txt', 'Recommendation 1: By March 2023, forces should act.']]);
    expect((await failure(extractDocument(archive))).code).toBe('unsupported-format');
  });

  it('a Word document whose XML is damaged → corrupt', async () => {
    const archive = zipArchive([['word/document.xml', '<w:document><w:body><w:p>']]);
    expect((await failure(extractDocument(archive))).code).toBe('corrupt');
  });

  it('an old binary Word file → unsupported-format, and a password-protected Word file → encrypted', async () => {
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504));
    expect((await failure(extractDocument(ole))).code).toBe('unsupported-format');
    const protectedDocx = Uint8Array.of(...ole, ...Buffer.from('EncryptedPackage', 'utf16le'));
    expect((await failure(extractDocument(protectedDocx))).code).toBe('encrypted');
  });

  it('a web page with nothing but furniture → no-text', async () => {
    const page = '<!DOCTYPE html><html><head><title>HMICFRS</title></head><body><nav>Home</nav><script>x()</script></body></html>';
    expect((await failure(extractDocument(bytes(page)))).code).toBe('no-text');
  });
});
