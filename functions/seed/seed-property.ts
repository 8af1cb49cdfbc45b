/** The seed travels as one JSON string: CloudFormation turns every other property value into a string. */
export const SEED_PROPERTY = 'Configuration';
