/**
 * Text as a list of paragraphs, whatever format it came from. Each non-blank line starts a paragraph,
 * except a line that carries on a sentence the previous line left open (it starts in lower case and the
 * previous line has no closing punctuation): that is a hard-wrapped line and is joined back.
 */
export function paragraphs(text: string): string[] {
  const result: string[] = [];
  let afterBlank = true;
  for (const line of normaliseText(text).split('\n')) {
    if (line === '') {
      afterBlank = true;
      continue;
    }
    const previous = result.at(-1);
    if (!afterBlank && previous !== undefined && continuesSentence(previous, line)) {
      result[result.length - 1] = `${previous} ${line}`;
    } else {
      result.push(line);
    }
    afterBlank = false;
  }
  return result;
}

/**
 * One space between words, no tabs or invisible characters, trimmed lines, "\n" line ends. Markdown
 * heading marks and bold are dropped too, so "## **Recommendation 1**" reads as its words.
 */
function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // Every run of white space but a lone ' ', which is most of them: replacing each of those with itself
      // was a measurable share of parsing a long report.
      .replace(/ ?[^\S\n ][^\S\n]*| {2,}[^\S\n]*/g, ' ')
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/^#{1,6}\s+/, '')
          .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'),
      )
      .join('\n')
  );
}

/** Bullets, dashes and letters or roman numerals in brackets: the markers of a sub-list. */
export const LIST_ITEM = /^(?:[•·▪◦‣●○■□➢►\-–—*]\s*(?=\S)|\(?(?:[a-z]|[ivx]{1,4})\)\s+|[a-z]\.\s+)/;

function continuesSentence(previous: string, line: string): boolean {
  return !/[.!?:;]["'’”)\]]?$/.test(previous) && /^[a-z]/.test(line) && !LIST_ITEM.test(line);
}

/** Any list marker, numbers included: a line that starts one never continues the line before. */
export function startsListItem(line: string): boolean {
  return LIST_ITEM.test(line) || /^\(?\d{1,3}[.)]\s/.test(line);
}

/** A paragraph's text without its list marker. */
export function withoutListMarker(paragraph: string): string {
  return paragraph.replace(LIST_ITEM, '');
}
