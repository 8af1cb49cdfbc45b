import { resolve } from 'node:path';

/**
 * The reference documents and their truth files live beside the repository, in ../shared/corpus, as
 * they do on every developer's machine and in CI.
 */
export const CORPUS_DIRECTORY = resolve(import.meta.dirname, '../../../shared/corpus');

export const corpusFile = (name: string) => resolve(CORPUS_DIRECTORY, name);
