import { parentPort } from 'node:worker_threads';
import { PDFiumModule } from '@hyzyla/pdfium';
import { type Line, type TextItem, toLines } from './pdf-layout';

/** A share of a PDF's pages to read: those whose number, counted from 0, leaves `share` when divided by `shares`. */
export interface PageReadRequest {
  id: number;
  bytes: Uint8Array;
  share: number;
  shares: number;
  /** PDFium, compiled once by the thread that asks (a compiled module is shared, not copied). */
  pdfium: WebAssembly.Module;
}

/** Why PDFium would not open a document, as FPDF_GetLastError says it. */
export type PdfFailure = 'password' | 'damaged';

export type PageReadResponse = { id: number; pages: { number: number; lines: Line[] }[] } | { id: number; failure: { reason: PdfFailure; message: string } };

/**
 * The PDFium functions this reader calls, straight from the WebAssembly module's exports: the
 * package's own wrappers check their arguments on every call, which for a call per character was a
 * large part of reading a page.
 */
interface Pdfium {
  malloc(size: number): number;
  free(pointer: number): void;
  FPDF_InitLibrary(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(document: number): number;
  FPDF_LoadPage(document: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFPage_GetRotation(page: number): number;
  FPDFPage_SetRotation(page: number, rotation: number): void;
  FPDF_CloseDocument(document: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_GetCharAngle(textPage: number, index: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  FPDFFont_GetWeight(font: number): number;
  FPDFFont_GetBaseFontName(font: number, buffer: number, length: number): number;
}

interface Runtime {
  exports: Pdfium;
  /** Views of the module's memory, replaced by the runtime whenever the memory grows. */
  memory: { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAPF64: Float64Array };
}

/**
 * PDFium's error codes (fpdfview.h): 4 is a password the file needs, 5 a security handler it does not
 * support, which for the uploader is the same thing: a protected file.
 */
const PASSWORD_ERRORS = new Set([4, 5]);

/** A font this heavy or heavier is bold (CSS and PDF font descriptors share the scale). */
const BOLD_WEIGHT = 600;
/** Many embedded fonts carry no weight, only a name such as "Arial-BoldMT" or "ABCDEE+Lato-Semibold". */
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const FONT_NAME_BYTES = 128;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
/** What PDFium reads a hyphen at the end of a line as (fpdf_text.h), so that callers may drop it; pdf-layout.ts decides. */
const PDFIUM_HYPHEN = 0x02;
/** FS_RECTF: four floats, left, top, right, bottom; then the two doubles GetCharOrigin writes (FS_MATRIX's six floats, read at once, reuse both). */
const SCRATCH_BYTES = 16 + 16 + FONT_NAME_BYTES;

/** One runtime per worker, started on its first request and kept for the next document. */
let runtime: Promise<Runtime> | undefined;

async function startRuntime(compiled: WebAssembly.Module): Promise<Runtime> {
  const module = (await PDFiumModule({
    instantiateWasm: (imports, receive) => {
      // Emscripten's callback takes the instance and its module, not what the package's types say.
      void WebAssembly.instantiate(compiled, imports).then((instance) =>
        (receive as (instance: WebAssembly.Instance, module: WebAssembly.Module) => void)(instance, compiled),
      );
      return {};
    },
  })) as unknown as Runtime['memory'] & { wasmExports: Pdfium };
  module.wasmExports.FPDF_InitLibrary();
  return { exports: module.wasmExports, memory: module };
}

/**
 * Runs in a worker thread (see pdf-text.ts): a damaged PDF that sends PDFium round in circles or
 * through all its memory stops this thread, which the process can end, and two threads read a long
 * report's pages at the same time.
 */
async function read({ id, bytes, share, shares, pdfium: compiled }: PageReadRequest): Promise<PageReadResponse> {
  runtime ??= startRuntime(compiled);
  const { exports: pdfium, memory } = await runtime;
  const data = pdfium.malloc(bytes.length);
  const scratch = pdfium.malloc(SCRATCH_BYTES);
  let document = 0;
  try {
    memory.HEAPU8.set(bytes, data);
    document = pdfium.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (document === 0) {
      const code = pdfium.FPDF_GetLastError();
      return { id, failure: { reason: PASSWORD_ERRORS.has(code) ? 'password' : 'damaged', message: `PDFium could not open the file (error ${code}).` } };
    }
    const pages: { number: number; lines: Line[] }[] = [];
    const count = pdfium.FPDF_GetPageCount(document);
    for (let index = share; index < count; index += shares) {
      pages.push({ number: index + 1, lines: toLines(pageItems({ pdfium, memory, scratch }, document, index)) });
    }
    return { id, pages };
  } catch (error) {
    // PDFium aborted (a RuntimeError) on what it could not parse at all, and its state cannot be
    // trusted after that: the next document gets a fresh instance of it.
    runtime = undefined;
    return { id, failure: { reason: 'damaged', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    if (runtime !== undefined) {
      if (document !== 0) pdfium.FPDF_CloseDocument(document);
      pdfium.free(scratch);
      pdfium.free(data);
    }
  }
}

interface Reading {
  pdfium: Pdfium;
  memory: Runtime['memory'];
  scratch: number;
}

/**
 * A page's text as runs of one text object each (what the PDF drew with one operator), placed as
 * pdf-layout.ts expects: PDFium's own line ends end a run, and its spaces between words are kept.
 */
function pageItems(reading: Reading, document: number, index: number): TextItem[] {
  const { pdfium } = reading;
  const page = pdfium.FPDF_LoadPage(document, index);
  if (page === 0) throw new Error(`PDFium could not load page ${index + 1}.`);
  const textPage = uprightTextPage(pdfium, page);
  try {
    const items: TextItem[] = [];
    const bold = new Map<number, boolean>();
    const count = pdfium.FPDFText_CountChars(textPage);
    let item: TextItem | null = null;
    let itemObject = 0;
    let first = 0;
    let last = 0;
    /**
     * Sets the run's width from its last glyphs' boxes (asked for only here and at its start: a call
     * per character and box was a third of reading a page), and says whether a ligature ends it: the
     * letters of a ligature ("fi", "ffl") all have its first letter's box.
     */
    const measure = (run: TextItem): boolean => {
      const end = looseBox(reading, textPage, last);
      const before = last > first ? looseBox(reading, textPage, last - 1) : null;
      run.width = Math.max(end.right, before?.right ?? end.right) - run.x;
      return before !== null && before.left === end.left;
    };
    const finish = (hasEOL: boolean) => {
      if (item === null) return;
      measure(item);
      item.hasEOL = hasEOL;
      items.push(item);
      item = null;
    };
    for (let char = 0; char < count; char++) {
      const code = pdfium.FPDFText_GetUnicode(textPage, char);
      if (code === CARRIAGE_RETURN || code === LINE_FEED) {
        finish(true);
        continue;
      }
      const object = pdfium.FPDFText_GetTextObject(textPage, char);
      // A space PDFium put in where it judged the words apart belongs to no object: the run ends, and
      // pdf-layout.ts judges the gap as it does every other, by the type's size.
      if (object === 0) {
        finish(false);
        continue;
      }
      if (item === null || object !== itemObject) {
        const { left } = looseBox(reading, textPage, char);
        const baseline = charBaseline(reading, textPage, char);
        if (item === null || !measure(item) || !continuesLigature(item, left, baseline)) {
          finish(false);
          item = {
            str: '',
            x: left,
            y: baseline,
            width: 0,
            fontSize: typeSize(reading, textPage, char),
            bold: boldFont(reading, object, bold),
            hasEOL: false,
          };
          first = char;
        }
        itemObject = object;
      }
      item.str += code === PDFIUM_HYPHEN ? '-' : String.fromCodePoint(code);
      last = char;
    }
    finish(false);
    return items;
  } finally {
    pdfium.FPDFText_ClosePage(textPage);
    pdfium.FPDF_ClosePage(page);
  }
}

/** How many of a page's first characters say which way its text runs. */
const ANGLE_SAMPLE = 50;
/** Within this of nought, in radians, a character stands upright. */
const UPRIGHT = 0.01;

/**
 * The page's text, in the order it reads. PDFium orders it as the page is shown, turned by the page's
 * rotation: right for a landscape page whose text is set turned to match, but backwards for upright
 * text on a page shown turned (a page printed or scanned sideways), whose reader turns it back. There
 * the rotation is set aside, in this copy of the document only, and the text read as it is set.
 */
function uprightTextPage(pdfium: Pdfium, page: number): number {
  const textPage = pdfium.FPDFText_LoadPage(page);
  if (pdfium.FPDFPage_GetRotation(page) === 0) return textPage;
  // Only what the page draws: PDFium's own spaces and line ends have no angle of their own.
  const count = pdfium.FPDFText_CountChars(textPage);
  let drawn = 0;
  let upright = 0;
  for (let char = 0; char < count && drawn < ANGLE_SAMPLE; char++) {
    if (pdfium.FPDFText_GetTextObject(textPage, char) === 0) continue;
    drawn++;
    if (Math.abs(pdfium.FPDFText_GetCharAngle(textPage, char)) < UPRIGHT) upright++;
  }
  if (upright * 2 <= drawn) return textPage;
  pdfium.FPDFText_ClosePage(textPage);
  pdfium.FPDFPage_SetRotation(page, 0);
  return pdfium.FPDFText_LoadPage(page);
}

/**
 * PDFium gives each letter of a ligature the box of the ligature's first letter, so a word that a
 * ligature ends, drawn on in its own text object ("fi" then "ndings"), would seem to have a gap in it:
 * the next object on the same baseline, nearer than half the type size, carries the word on.
 */
function continuesLigature(item: TextItem, left: number, baseline: number): boolean {
  return Math.abs(baseline - item.y) < item.fontSize * 0.1 && left >= item.x && left - (item.x + item.width) < item.fontSize * 0.5;
}

function looseBox({ pdfium, memory, scratch }: Reading, textPage: number, char: number): { left: number; right: number } {
  pdfium.FPDFText_GetLooseCharBox(textPage, char, scratch);
  const floats = memory.HEAPF32;
  return { left: floats[scratch / 4]!, right: floats[scratch / 4 + 2]! };
}

/**
 * The size the character is printed at on the page. PDFium's font size is the one the text was set
 * in, before the matrices that place it: many producers set every font at size 1 and scale it by the
 * text matrix (11 for 11-point type), and Chromium sets its type in pixels and scales the page by ¾.
 */
function typeSize({ pdfium, memory, scratch }: Reading, textPage: number, char: number): number {
  const size = pdfium.FPDFText_GetFontSize(textPage, char);
  if (!pdfium.FPDFText_GetMatrix(textPage, char, scratch)) return size;
  // The vertical scale (the matrix's c and d): type condensed or widened (Tz) is still its height.
  const at = scratch / 4;
  return size * Math.hypot(memory.HEAPF32[at + 2]!, memory.HEAPF32[at + 3]!);
}

function charBaseline({ pdfium, memory, scratch }: Reading, textPage: number, char: number): number {
  pdfium.FPDFText_GetCharOrigin(textPage, char, scratch + 16, scratch + 24);
  return memory.HEAPF64[(scratch + 24) / 8]!;
}

/** Whether a text object's font is bold, by its weight or else its name; kept per font for the page. */
function boldFont({ pdfium, memory, scratch }: Reading, object: number, known: Map<number, boolean>): boolean {
  const font = pdfium.FPDFTextObj_GetFont(object);
  let bold = known.get(font);
  if (bold === undefined) {
    const nameAt = scratch + 32;
    const length = pdfium.FPDFFont_GetBaseFontName(font, nameAt, FONT_NAME_BYTES);
    const name = Buffer.from(memory.HEAPU8.subarray(nameAt, nameAt + Math.max(0, Math.min(length, FONT_NAME_BYTES) - 1))).toString('latin1');
    bold = pdfium.FPDFFont_GetWeight(font) >= BOLD_WEIGHT || BOLD_NAME.test(name);
    known.set(font, bold);
  }
  return bold;
}

parentPort?.on('message', (request: PageReadRequest) => {
  void read(request).then((response) => parentPort!.postMessage(response));
});
