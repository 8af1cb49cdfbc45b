import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC } from '../../functions/commons/metric-names';
import { buildFiftySixApp } from '../../infra/build-app';
import { ConfigurationError, type DeploymentConfiguration } from '../../shared/configuration';

const configuration: DeploymentConfiguration = {
  senderAddress: 'reminders@fiftysix.example.org',
  appUrl: null,
  localPolicingBodies: [
    { id: 'cumbria', name: 'Cumbria Police, Fire and Crime Commissioner', force: 'Cumbria Constabulary', recipients: ['governance@cumbria-pfcc.example.org'] },
  ],
  users: [],
  operators: ['operations@fiftysix.example.org'],
  discovery: {
    sources: [
      { kind: 'feed', url: 'https://hmicfrs.justiceinspectorates.gov.uk/feed/' },
      { kind: 'listing', url: 'https://www.example-pcc.gov.uk/hmicfrs-reports/' },
    ],
    contact: 'operations@fiftysix.example.org',
  },
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function build(deployment: DeploymentConfiguration) {
  const outdir = mkdtempSync(join(tmpdir(), 'fiftysix-discovery-infra-'));
  folders.push(outdir);
  return buildFiftySixApp({ configuration: deployment, context: { 'aws:cdk:bundling-stacks': [] }, outdir });
}

const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

describe('the discovery function in the stack', () => {
  let built: ReturnType<typeof build>;
  let template: Template;

  beforeAll(() => {
    built = build(configuration);
    template = Template.fromStack(built.stack);
  }, 60_000);

  it('passes cdk-nag, every finding acknowledged with a reason', () => {
    expect(() => built.app.synth()).not.toThrow();
  });

  it('runs hourly on working days, London time, with its own schedule', () => {
    const discovery = built.stack.discovery!;
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((schedule) => schedule.Properties);
    const own = schedules.filter((schedule) => JSON.stringify(schedule.Target.Arn).includes(logicalId(discovery.function.function)));
    expect(own).toEqual([expect.objectContaining({ ScheduleExpression: 'cron(0 7-19 ? * MON-FRI *)', ScheduleExpressionTimezone: 'Europe/London' })]);
  });

  it('may put objects only under uploads/discovered/ and touch only its own partitions of the table', () => {
    const discovery = built.stack.discovery!;
    const roleId = logicalId(discovery.function.role);
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => action.startsWith('s3:'))).toEqual(['s3:PutObject']);
    const put = statements.find((statement) => [statement.Action].flat().includes('s3:PutObject'))!;
    expect(JSON.stringify(put.Resource)).toContain('/uploads/discovered/*');
    const table = statements.find((statement) => [statement.Action].flat().includes('dynamodb:PutItem'))!;
    expect([table.Action].flat().sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(table.Condition).toEqual({
      'ForAllValues:StringEquals': {
        'dynamodb:LeadingKeys': [
          'DISCOVERY',
          'SOURCE#https://hmicfrs.justiceinspectorates.gov.uk/feed/',
          'SOURCE#https://www.example-pcc.gov.uk/hmicfrs-reports/',
        ],
      },
    });
    expect(actions.filter((action) => /^(ses|sns|sqs):/.test(action) && action !== 'sqs:SendMessage')).toEqual([]);
  });

  it('alarms the operators when a source fails three runs in a row', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const failing = alarms.find((alarm) => alarm.MetricName === METRIC.discoverySourcesFailing);
    expect(failing).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'ignore' });
    expect(failing.AlarmActions).toEqual([{ Ref: logicalId(built.stack.alarms.topic) }]);
    expect(alarms.some((alarm) => String(alarm.AlarmName?.['Fn::Join'] ?? alarm.AlarmName).includes('DiscoveryErrors'))).toBe(true);
  });

  it('refuses a source it would fetch over plain HTTP', () => {
    const plain = { ...configuration, discovery: { ...configuration.discovery!, sources: [{ kind: 'feed' as const, url: 'http://127.0.0.1:8080/feed/' }] } };
    expect(() => build(plain)).toThrow(ConfigurationError);
    expect(() => build(plain)).toThrow(/HTTPS only/);
  });

  it('is left out when the configuration names no sources', () => {
    const { discovery: _none, ...without } = configuration;
    expect(build(without).stack.discovery).toBeNull();
  });
});
