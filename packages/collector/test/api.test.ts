import { expect, it } from 'vitest';

it('public API of @uptake/collector', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
    'ConfigError',
    'TrainingFileError',
    'allEvents',
    'checkConfig',
    'configSchema',
    'defaultDbPath',
    'exportFormats',
    'exportToFile',
    'generateDemo',
    'importTraining',
    'loadConfig',
    'openStore',
    'parseConfig',
    'pseudonymizerFor',
    'readConfigFile',
    'readEvents',
    'startCollector',
    'trainingRows',
    'unverifiedToolWarnings',
    'validateTrainingCsv',
  ]);
});
