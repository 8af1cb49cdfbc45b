import { ConfigurationError, type DiscoveryConfiguration, parseDiscoveryConfiguration } from '../../shared/configuration';

const VARIABLE = 'DISCOVERY_CONFIGURATION';

/** The discovery function's own variable: the configuration's `discovery` section, as JSON. */
export function discoveryEnvironment(discovery: DiscoveryConfiguration): Record<string, string> {
  return { [VARIABLE]: JSON.stringify(discovery) };
}

/** Reads and validates the sources and contact at cold start, so a wrong one fails the deployment's first run loudly. */
export function readDiscoveryEnvironment(variables: NodeJS.ProcessEnv = process.env): DiscoveryConfiguration {
  const source = `The function’s ${VARIABLE} variable`;
  const value = variables[VARIABLE];
  if (!value) throw new ConfigurationError(source, [`${VARIABLE}: must hold the configuration's "discovery" section as JSON`]);
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (error) {
    throw new ConfigurationError(source, [`${VARIABLE}: is not JSON (${(error as Error).message})`]);
  }
  return parseDiscoveryConfiguration(raw, source);
}
