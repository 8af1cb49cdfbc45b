import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { REVIEW_PARTITION, type SECONDARY_INDEXES } from '../functions/commons/table-layout';

/**
 * The DynamoDB operations the adapters in functions/commons send. A transaction's writes are
 * authorised as the PutItem, UpdateItem and DeleteItem inside it (TransactWriteItems is no IAM
 * action); only a ConditionCheck inside one would need ConditionCheckItem, and no adapter writes one.
 */
export type ItemAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem';

export interface TableAccess {
  /** What the function does to the table's items. */
  items: readonly ItemAction[];
  /** The indexes it queries; nothing else is done through an index. */
  indexes?: readonly (typeof SECONDARY_INDEXES)[number]['name'][];
  /** The only partitions it may touch, when it has no business with the rest. */
  partitions?: readonly string[];
}

/**
 * Lets a function do to the table what its code does, and no more: CDK's grantReadWriteData would
 * add Scan, DeleteItem, BatchWriteItem and every index to functions that use none of them.
 */
export function grantTableAccess(grantee: IGrantable, table: ITableV2, { items, indexes = [], partitions }: TableAccess): void {
  Grant.addToPrincipal({
    grantee,
    actions: items.map((action) => `dynamodb:${action}`),
    resourceArns: [table.tableArn],
    ...(partitions ? { conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...partitions] } } } : {}),
  });
  if (indexes.length > 0) {
    Grant.addToPrincipal({ grantee, actions: ['dynamodb:Query'], resourceArns: indexes.map((name) => `${table.tableArn}/index/${name}`) });
  }
}

/**
 * A change that settles what waited for a person (a duplicate merged or dismissed, a response linked)
 * deletes its review item in the change's transaction: only items in that partition may be deleted.
 */
export function grantSettlingReviews(grantee: IGrantable, table: ITableV2): void {
  grantTableAccess(grantee, table, { items: ['DeleteItem'], partitions: [REVIEW_PARTITION] });
}

/** What the uploads adapter does to objects: read an upload (a version of it, as its event names), or sign a link that puts one. */
export type ObjectAction = 's3:GetObject' | 's3:GetObjectVersion' | 's3:PutObject';

/** The object operations a function's code calls, on the objects under one prefix only. */
export function grantObjectAccess(grantee: IGrantable, bucket: IBucket, prefix: string, actions: readonly ObjectAction[]): void {
  Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [bucket.arnForObjects(`${prefix}*`)] });
}
