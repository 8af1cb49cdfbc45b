import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DISCOVERED_PREFIX, DISCOVERY_SCHEDULE, HANDLER_ENTRIES } from '../functions/commons/wiring';
import { discoveryEnvironment } from '../functions/discovery/discovery-environment';
import { ConfigurationError, type DiscoveryConfiguration } from '../shared/configuration';
import { grantObjectAccess, grantTableAccess } from './access';
import type { Storage } from './fiftysix-stack';
import { acknowledgeWildcards, underArn } from './nag';
import { ProjectFunction } from './project-function';
import { runOnSchedule } from './schedule';

export interface DiscoveryProps {
  storage: Storage;
  environment: Record<string, string>;
  configuration: DiscoveryConfiguration;
}

/**
 * Looks for new HMICFRS publications on its own schedule and puts each report it finds into the
 * uploads bucket under uploads/discovered/, where the ingest takes it as any other upload.
 */
export class Discovery extends Construct {
  readonly function: ProjectFunction;

  constructor(scope: Construct, id: string, { storage, environment, configuration }: DiscoveryProps) {
    super(scope, id);
    // In AWS the crawler goes out over HTTPS only; a loopback http:// source is for the local stack.
    const plain = configuration.sources.filter((source) => new URL(source.url).protocol !== 'https:');
    if (plain.length > 0) {
      throw new ConfigurationError(
        'The configuration’s discovery sources',
        plain.map((source) => `${source.url}: a deployed stack fetches over HTTPS only; write the https:// address`),
      );
    }
    this.function = new ProjectFunction(this, 'Discover', {
      entry: HANDLER_ENTRIES.discovery,
      description: 'Looks for new HMICFRS publications and puts each report into the uploads bucket',
      memorySize: 512,
      // At one request a second per host, a feed of fifty items and their landing pages and reports takes minutes.
      timeout: Duration.minutes(10),
      environment: { ...environment, ...discoveryEnvironment(configuration) },
    });
    const discover = this.function.function;
    // Reads and writes its sources' records and what each led to: those partitions only.
    grantTableAccess(discover, storage.table, {
      items: ['GetItem', 'PutItem'],
      partitions: ['DISCOVERY', ...configuration.sources.map((source) => `SOURCE#${source.url}`)],
    });
    grantObjectAccess(discover, storage.uploads, DISCOVERED_PREFIX, ['s3:PutObject']);
    acknowledgeWildcards(this.function.role, {
      [`Resource::${underArn(storage.uploads, `/${DISCOVERED_PREFIX}*`)}`]: 'Only objects under uploads/discovered/, one per document found; it reads none',
    });
    runOnSchedule(this.function, DISCOVERY_SCHEDULE, 'Looks for new HMICFRS publications hourly on working days, London time', 'Hourly');
  }
}
