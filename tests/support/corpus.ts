import { resolve } from 'node:path';

/**
 * Real public documents, each beside what a perfect extractor reads from it (`<name>.expected.json`);
 * tests/fixtures/corpus/README.md says where each came from.
 */
export const CORPUS_DIRECTORY = resolve(import.meta.dirname, '../fixtures/corpus');

export const corpusFile = (name: string) => resolve(CORPUS_DIRECTORY, name);
