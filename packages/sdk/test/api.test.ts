import { expect, it } from 'vitest';

it('public API of @uptake/sdk', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual(['init']);
});

it('public API of @uptake/sdk/protocol', async () => {
  expect(Object.keys(await import('../src/protocol/index.js')).sort()).toEqual([
    'adaptiveDefaults',
    'audienceSchema',
    'batchAnswerSchema',
    'batchSchema',
    'configAnswerSchema',
    'describeIssues',
    'eventNameSchema',
    'eventSchema',
    'exposureHistorySchema',
    'fatigueSchema',
    'fieldIssues',
    'formatIssues',
    'instantSchema',
    'limits',
    'promptSchema',
    'questionSchema',
    'surveySchema',
    'triggerSchema',
  ]);
});

it('the client that init returns', async () => {
  const { inertClient } = await import('../src/start-client.js');
  expect(Object.keys(inertClient).sort()).toEqual(['ai', 'explain', 'flush', 'identify', 'optOut', 'preview', 'show', 'task', 'track']);
  expect(Object.keys(inertClient.ai).sort()).toEqual(['feature', 'output', 'request']);
});

it('the global of the script tag, window.uptake', async () => {
  document.body.innerHTML = '<script data-collector="http://127.0.0.1:1" data-write-key="wk" data-tool="t" data-consent="denied"></script>';
  expect(Object.keys(await import('../src/script-tag.js')).sort()).toEqual([
    'ai',
    'explain',
    'flush',
    'identify',
    'optOut',
    'preview',
    'push',
    'show',
    'task',
    'track',
  ]);
});

it('public API of @uptake/sdk/rules', async () => {
  expect(Object.keys(await import('../src/rules/index.js')).sort()).toEqual([
    'allowedByFatigue',
    'allowedByFrequency',
    'assign',
    'daysSince',
    'emptyExposure',
    'exposureAction',
    'foldExposures',
    'isDue',
    'matchesGlob',
    'selectDue',
    'unitHash',
  ]);
});
