import type { CalendarDate } from '../../shared/calendar-date';
import type { DeploymentConfiguration } from '../../shared/configuration';
import { isTrackablePublicationDate, recommendationKey, TRACKABLE_PUBLICATION_DATES } from '../../shared/deadlines';
import type { Obligation } from '../../shared/model';
import type { ObligationProgress } from '../../shared/reminders';
import { correctPublicationDate, type ReadReport } from '../../shared/report-ingestion';
import { ReportNotFoundError, type ReportsTable } from './reports-table';

/** A change a person asked for that the report's state does not allow; the message says why. */
export class ObligationUpdateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObligationUpdateError';
  }
}

/**
 * A person confirms the date HMICFRS published the report, by uploading it again with `published-on`
 * or from the CLI. A date other than the one the clock ran from restarts every clock from it.
 */
export async function confirmPublicationDate(
  reports: ReportsTable,
  configuration: DeploymentConfiguration,
  reportId: string,
  publishedOn: CalendarDate,
  source: 'upload-metadata' | 'confirmed',
): Promise<ReadReport> {
  if (!isTrackablePublicationDate(publishedOn)) {
    throw new ObligationUpdateError(`The publication date ${publishedOn} is not ${TRACKABLE_PUBLICATION_DATES}`);
  }
  const report = await reports.getReport(reportId);
  if (!report) throw new ReportNotFoundError(reportId);
  if (report.status === 'failed' || report.status === 'no-duty') {
    throw new ObligationUpdateError(`Report ${reportId} is recorded as ${report.status}: no clock runs for it, so it has no publication date to confirm`);
  }
  const read = { report, obligations: await reports.getObligations(reportId) };
  if (report.publishedOn === publishedOn) return read;
  const corrected = correctPublicationDate(read, publishedOn, source, configuration);
  await reports.saveCorrectedReport(corrected);
  return corrected;
}

/**
 * Records what a body has done (the chief officer's comments received, recommendations explained,
 * the response published), for the body named or, with none, every body that owes the report a
 * response; reminders about what is done stop from the next scan.
 */
export async function recordProgress(
  reports: ReportsTable,
  reportId: string,
  bodyId: string | null,
  change: Partial<ObligationProgress>,
): Promise<Obligation[]> {
  const obligations = await reports.getObligations(reportId);
  const chosen = bodyId === null ? obligations : obligations.filter((obligation) => obligation.bodyId === bodyId);
  if (bodyId !== null && chosen.length === 0) {
    const owing = obligations.map((obligation) => obligation.bodyId).join(', ') || 'none';
    throw new ObligationUpdateError(`"${bodyId}" is not a body that owes this report a response; it owes: ${owing}`);
  }
  const keys = ((await reports.getReport(reportId))?.recommendations ?? []).map(recommendationKey);
  const unknown = (change.explainedRecommendations ?? []).filter((key) => !keys.includes(key));
  if (unknown.length > 0) {
    throw new ObligationUpdateError(`Report ${reportId} has no recommendation ${unknown.join(', ')}; its recommendations are: ${keys.join(', ') || 'none'}`);
  }
  const updated = chosen.map((obligation) => ({
    ...obligation,
    progress: {
      ...obligation.progress,
      ...change,
      explainedRecommendations: [...new Set([...obligation.progress.explainedRecommendations, ...(change.explainedRecommendations ?? [])])],
    },
  }));
  // Progress only ever takes reminders away, so the next reminder day can stay: the scan finds nothing
  // left to send about what is done and moves it on.
  for (const obligation of updated) await reports.recordProgress(obligation);
  return updated;
}
