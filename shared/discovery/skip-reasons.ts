/** Why a publication is not a report a local policing body must answer: each one is shown, so a person can tell a wrong skip. */
export interface SkipReason {
  code: 'press-release' | 'pcc-response' | 'terms-of-reference' | 'inspection-programme' | 'fire-and-rescue-only' | 'no-report-found';
  message: string;
}

const POLICING = /\b(police|policing|constabulary|peel|force|forces|crime)\b/i;
/** "Deputy Commissioner's Response", "PCC response to …": a PCC office's page lists its answers beside the reports. */
const RESPONSE = /\b(commissioner|pcc|pfcc|mayor|force)(['’]s)?\s+response\b|\bresponse (to|from) (the )?(hmic|report|inspection)|^(pcc|pfcc)\b.*\bresponse\b/i;
/** Whether a title names a local policing body's (or force's) response to a report, not a report. */
export function isBodyResponse(title: string): boolean {
  return RESPONSE.test(title);
}

const FIRE_AND_RESCUE = /\bfire\s*(and|&|-)\s*rescue\b|\bfrs\b/i;

/** The path as a person reads it; one with a "%" that is no escape ("…-100%-…") is read as written rather than failing the pass. */
function readablePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (error) {
    if (error instanceof URIError) return path;
    throw error;
  }
}

/**
 * What the title and address alone show a publication is not: section 55 runs only from an inspection
 * report on a police force, so a press release, a body's response, terms of reference, an inspection programme or a
 * fire and rescue service's report starts no clock.
 */
export function reasonToSkip(title: string, url: string): SkipReason | null {
  const path = readablePath(new URL(url).pathname).replace(/[-_/]+/g, ' ');
  const words = `${title} ${path}`;
  if (/\bpress releases?\b/i.test(words)) return { code: 'press-release', message: `"${title}" is a press release, not a report` };
  if (isBodyResponse(title)) return { code: 'pcc-response', message: `"${title}" is a local policing body's response to a report, not a report` };
  if (/\bterms of reference\b/i.test(words))
    return { code: 'terms-of-reference', message: `"${title}" gives an inspection's terms of reference, not its findings` };
  if (/\binspection (programme|framework)\b|\bprogramme and framework\b/i.test(words)) {
    return { code: 'inspection-programme', message: `"${title}" is an inspection programme, not a report` };
  }
  if (FIRE_AND_RESCUE.test(words) && !POLICING.test(title)) {
    return { code: 'fire-and-rescue-only', message: `"${title}" is about fire and rescue services only: section 55 concerns police forces` };
  }
  return null;
}
