import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from './metric-names';

/** One set of metrics per cold start, flushed by each handler at the end of its invocation. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE });
