import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { METRIC } from '../commons/metric-names';
import { metrics } from '../commons/metrics';
import { discover, discoveryDependencies, type SourceRun } from './discover';
import { readDiscoveryEnvironment } from './discovery-environment';

const environment = readHandlerEnvironment();
const configuration = readDiscoveryEnvironment();
const dependencies = discoveryDependencies({ tableName: environment.tableName, bucket: environment.uploadsBucketName }, configuration.contact);

/** One pass over every configured source; what a source could not give is counted for the alarm, not retried. */
export async function handler(_event: unknown, context?: Context): Promise<SourceRun[]> {
  if (context) logger.addContext(context);
  try {
    const runs = await discover(configuration.sources, context ? { ...dependencies, remainingMs: () => context.getRemainingTimeInMillis() } : dependencies);
    for (const run of runs.filter((each) => each.problem)) {
      const log = run.alarm ? logger.error.bind(logger) : logger.warn.bind(logger);
      log('A discovery source failed or listed nothing', { source: run.source, problem: run.problem, consecutiveProblems: run.consecutiveProblems });
    }
    metrics.addMetric(METRIC.discoverySourcesFailing, MetricUnit.Count, runs.filter((run) => run.alarm).length);
    metrics.addMetric(
      METRIC.documentsDiscovered,
      MetricUnit.Count,
      runs.reduce((total, run) => total + run.fetched.length, 0),
    );
    logger.info('Discovery pass finished', {
      sources: runs.map((run) => ({
        source: run.source,
        found: run.found.length,
        fetched: run.fetched.map((put) => put.key),
        skipped: run.skipped.length,
        left: run.left,
        errors: run.errors,
      })),
    });
    return runs;
  } finally {
    metrics.publishStoredMetrics();
  }
}
