import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createTable, useLocalEnvironment } from '../../infra/local/local-stack';
import { TEST_CONFIGURATION } from '../support/test-configuration';

describe('a local table kept from an earlier version', () => {
  it('is given the indexes it lacks when the stack starts', async () => {
    useLocalEnvironment(inject('localStack'), TEST_CONFIGURATION);
    const client = new DynamoDBClient({});
    const tableName = `old-${randomUUID().slice(0, 8)}`;
    // The table as FiftySix made it before bodies and the office's lists: the reminders index only.
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'reminderQueue', 'nextReminderOn'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'reminders-due',
            KeySchema: [
              { AttributeName: 'reminderQueue', KeyType: 'HASH' },
              { AttributeName: 'nextReminderOn', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await createTable(client, tableName);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'obligations-by-body',
      'reminders-due',
      'reports-by-last-day',
      'unsettled-reminders',
    ]);
  });
});
