import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { documentStructure } from '../../shared/extraction/document-text';
import { htmlDocument } from '../../shared/extraction/html-text';
import { textDocument } from '../../shared/extraction/paragraphs';

describe('plain text as blocks', () => {
  it('a Markdown heading mark is a heading, a marked line a list item; a short line standing alone stays a paragraph, for the rules to judge', () => {
    expect(
      textDocument(
        '# PEEL 2023: Kent Police\n\nRecommendations\n\n1. Forces should review vetting.\n• The force should audit it.\nThe force was inspected in May.',
      ),
    ).toEqual({
      title: null,
      blocks: [
        { kind: 'heading', level: 1, text: 'PEEL 2023: Kent Police' },
        { kind: 'paragraph', text: 'Recommendations' },
        { kind: 'list-item', marker: '1.', depth: 0, text: 'Forces should review vetting.' },
        { kind: 'list-item', marker: '•', depth: 0, text: 'The force should audit it.' },
        { kind: 'paragraph', text: 'The force was inspected in May.' },
      ],
    });
  });

  it("a Markdown table's rows are its cells, by row and column, without the rule under its headings", () => {
    expect(textDocument('| Ref | Text |\n|---|---|\n| 1 | Forces should audit. |\n\nAfter the table.').blocks).toEqual([
      { kind: 'table-cell', table: 0, row: 0, column: 0, text: 'Ref' },
      { kind: 'table-cell', table: 0, row: 0, column: 1, text: 'Text' },
      { kind: 'table-cell', table: 0, row: 1, column: 0, text: '1' },
      { kind: 'table-cell', table: 0, row: 1, column: 1, text: 'Forces should audit.' },
      { kind: 'paragraph', text: 'After the table.' },
    ]);
  });

  it('a short line followed by more text, or a sentence, is not a heading', () => {
    expect(textDocument('Kent Police\nwas inspected.\n\nThe force should act.').blocks.map(({ kind }) => kind)).toEqual(['paragraph', 'paragraph']);
  });

  describe('text hard-wrapped at one width, as a press release copied from its PDF', () => {
    const wrapped = [
      'The police service is at a historic turning point – and there is',
      'a limited window of opportunity to repair public trust, His',
      'Majesty’s Chief Inspector of Constabulary has said. In his first',
      'annual assessment of policing in England and Wales, Andy Cooke',
      'has called for major reform, including new powers in law for the',
      'inspectors of constabulary. In the State of Policing 2022, HM Chief',
      'Inspector of Constabulary Andy Cooke has said the police need to',
      'prioritise the issues that matter most to the public, and that',
      'forces are failing to get the basics right in investigations.',
      'Short heading',
      'The report makes three recommendations.',
    ].join('\n');

    it('a line that runs to the width and leaves its sentence open goes on in the next, whatever its case', () => {
      const paragraphs = textDocument(wrapped).blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.kind));
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs[0]).toMatch(/^The police service .* repair public trust, His Majesty’s Chief Inspector .* basics right in investigations\.$/);
      expect(paragraphs.slice(1)).toEqual(['Short heading', 'The report makes three recommendations.']);
    });

    it('text whose lines run past any wrap width is not wrapped text: a capital starts a paragraph', () => {
      const unwrapped = Array.from(
        { length: 8 },
        (_, index) => `Paragraph ${index} runs on well past any width a hard wrap would set, as a page's paragraphs do when kept whole`,
      ).join('\n');
      expect(textDocument(unwrapped).blocks).toHaveLength(8);
    });

    it('in wrapped text a line that closes its sentence ends its paragraph, and a table’s rows stay rows', () => {
      const sentences = Array.from(
        { length: 8 },
        (_, index) => `Sentence ${index} is one line of wrapped text that closes with its full stop, as these all do here.`,
      );
      const rows = Array.from({ length: 9 }, (_, index) => `| ${index + 1} | Forces should audit their crime records and report the result to the public |`);
      const blocks = textDocument([...sentences, ...rows].join('\n')).blocks;
      expect(blocks.filter(({ kind }) => kind === 'paragraph')).toHaveLength(8);
      expect(blocks.flatMap((block) => (block.kind === 'table-cell' && block.column === 0 ? [block.text] : []))).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
      ]);
    });
  });
});

describe('HTML as blocks', () => {
  it('headings by level, list items with the marker a browser shows and their depth, table cells by row and column', () => {
    const html =
      '<h2>Recommendations</h2><ol start="3" type="a"><li>Forces should act.<ul><li>Soon</li></ul></li></ol><table><tr><th>Ref</th><th>Text</th></tr><tr><td>1</td><td>Forces should audit.</td></tr></table>';
    expect(htmlDocument(html).blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Recommendations' },
      { kind: 'list-item', marker: 'c.', depth: 0, text: 'Forces should act.' },
      { kind: 'list-item', marker: '•', depth: 1, text: 'Soon' },
      { kind: 'table-cell', table: 0, row: 0, column: 0, text: 'Ref' },
      { kind: 'table-cell', table: 0, row: 0, column: 1, text: 'Text' },
      { kind: 'table-cell', table: 0, row: 1, column: 0, text: '1' },
      { kind: 'table-cell', table: 0, row: 1, column: 1, text: 'Forces should audit.' },
    ]);
  });

  it('the title is the first <h1>, or the part of the <title> the page itself says, never the site', () => {
    expect(htmlDocument('<title>Site</title><h2>Overall summary</h2><h1>PEEL 2023: Kent Police</h1>').title).toBe('PEEL 2023: Kent Police');
    expect(htmlDocument('<title>An inspection of vetting | HMICFRS</title><p>An inspection of vetting</p>').title).toBe('An inspection of vetting');
    expect(htmlDocument('<title>News | Surrey PCC</title><p>Some text.</p>').title).toBeNull();
  });

  it('side panels and small cookie banners are furniture', () => {
    const blocks = htmlDocument('<aside>Related reports</aside><div class="cookie-banner">We use cookies.</div><main><p>The report.</p></main>').blocks;
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'The report.' }]);
  });
});

describe('Word as blocks', () => {
  it("Word's Title and Heading styles are headings, and Title the document's title", async () => {
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Response to the vetting inspection', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Forces should review vetting.' }),
          ],
        },
      ],
    });
    const document = await documentStructure(new Uint8Array(await Packer.toBuffer(docx)));
    expect(document).toEqual({
      title: 'Response to the vetting inspection',
      blocks: [
        { kind: 'heading', level: 1, text: 'Response to the vetting inspection' },
        { kind: 'heading', level: 2, text: 'Recommendations' },
        { kind: 'paragraph', text: 'Forces should review vetting.' },
      ],
    });
  });
});
