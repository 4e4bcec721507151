/**
 * Half-life regression (Settles and Meeder, "A trainable spaced repetition model for language
 * learning", ACL 2016): the chance that a person still uses what they learned Δ days after they
 * last did is p = 2^(−Δ/h), and their half-life h = 2^(θ·x) follows from what is known about them
 * (role, usage so far, time since training, prompts seen…). θ is fitted on the organisation's own data.
 */

/** A fitted model: the features it reads, in order, with how each is scaled before θ applies. */
export interface HalfLifeModel {
  readonly features: readonly string[];
  /** θ for the bias, then one per feature, on the scaled features. */
  readonly theta: readonly number[];
  /** Each feature's mean and standard deviation in the fitting data (scaled = (x − mean) / sd). */
  readonly scale: readonly { readonly mean: number; readonly sd: number }[];
}

/** Half-lives are kept between half a day and ten years: the data says nothing beyond. */
const minLog2 = -1;
const maxLog2 = Math.log2(3650);

/** θ·x on the scaled features, bias first. */
export function halfLifeExponent(model: HalfLifeModel, x: readonly number[]): number {
  let s = model.theta[0] ?? 0;
  for (let i = 0; i < model.features.length; i++) {
    const { mean, sd } = model.scale[i]!;
    s += model.theta[i + 1]! * ((x[i]! - mean) / sd);
  }
  return s;
}

/** h = 2^(θ·x) in days, within half a day and ten years. */
export function predictHalfLife(model: HalfLifeModel, x: readonly number[]): number {
  return 2 ** Math.min(maxLog2, Math.max(minLog2, halfLifeExponent(model, x)));
}

/** p = 2^(−Δ/h). */
export const recallProbability = (halfLife: number, days: number) => 2 ** (-days / halfLife);

/**
 * Days after the last use at which p falls under `target`: Δ = −h · log₂(target), rounded up to
 * whole days and kept within [minDays, maxDays].
 */
export function daysUntilDue(halfLife: number, target: number, minDays: number, maxDays: number): number {
  return Math.min(maxDays, Math.max(minDays, Math.ceil(-halfLife * Math.log2(target))));
}
