/** The erasure counts of the metric rollups of a person with no prompt, survey, output, web-vitals or training event. */
export const noMetricRollupRows = {
  daily_outputs: 0,
  person_items: 0,
  person_shows: 0,
  survey_answers: 0,
  vital_samples: 0,
  person_trainings: 0,
  person_traits: 0,
} as const;
