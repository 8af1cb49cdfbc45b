import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, type DeploymentConfiguration, parseDeploymentConfiguration } from '../shared/configuration';

/** Where the deployment's configuration lives: `FIFTYSIX_CONFIG`, else fiftysix.config.json beside package.json. */
export function configurationPath(variables: NodeJS.ProcessEnv = process.env): string {
  return resolve(variables.FIFTYSIX_CONFIG ?? 'fiftysix.config.json');
}

/** Reads and validates the configuration file used by both `cdk synth` and the local stack. */
export function loadDeploymentConfiguration(path: string = configurationPath()): DeploymentConfiguration {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(path, [
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); copy the example in README.md, or set FIFTYSIX_CONFIG to its path`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(path, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return parseDeploymentConfiguration(raw, path);
}
