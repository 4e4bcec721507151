import type { DigestTarget } from '../config/digest-schema.js';
import type { Digest, DigestFigure } from './build-digest.js';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const valueText = (f: DigestFigure, value: number | null | undefined) =>
  value === null || value === undefined ? 'not published' : f.kind === 'rate' ? percent(value) : value.toLocaleString('en-US');

/** "62% (last week 60%; organisation 55%; 4 weeks: 57% → 58% → 60% → 62%)": the figure and its comparisons, in words. */
export function figureText(f: DigestFigure): string {
  const beside = [`last week ${valueText(f, f.previous)}`];
  if (f.organisation !== undefined) beside.push(`organisation ${valueText(f, f.organisation)}`);
  beside.push(`${f.trend.length} weeks: ${f.trend.map((v) => (v === null ? '–' : valueText(f, v))).join(' → ')}`);
  return `${valueText(f, f.value)} (${beside.join('; ')})`;
}

const footer = (d: Digest) =>
  `Week ${d.week.from} to ${d.week.to}. Figures as viewers see them: groups under the minimum size are not shown, counts carry a little noise.`;

/** The body POSTed to the target's webhook, in its format. */
export function renderDigest(digest: Digest, format: DigestTarget['format']): unknown {
  if (format === 'slack')
    // Slack incoming webhook: `text` is the notification's fallback, the blocks are what people read.
    return {
      text: digest.title,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: digest.title } },
        {
          type: 'section',
          fields: digest.figures.map((f) => ({ type: 'mrkdwn', text: `*${f.label}*\n${figureText(f)}` })),
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: footer(digest) }] },
      ],
    };
  if (format === 'teams')
    // A Teams workflow ("post to a channel when a webhook request is received") takes a message
    // whose attachment is an Adaptive Card.
    return {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: digest.title, weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'FactSet', facts: digest.figures.map((f) => ({ title: f.label, value: figureText(f) })) },
              { type: 'TextBlock', text: footer(digest), isSubtle: true, size: 'Small', wrap: true },
            ],
          },
        },
      ],
    };
  return { digest: digest.name, scope: digest.scope, week: digest.week, title: digest.title, figures: digest.figures };
}

/** The digest as text, for `uptake digest --dry-run`. */
export function digestText(digest: Digest): string {
  const width = Math.max(...digest.figures.map((f) => f.label.length));
  return [digest.title, ...digest.figures.map((f) => `  ${f.label.padEnd(width)}  ${figureText(f)}`), `  ${footer(digest)}`].join('\n');
}
