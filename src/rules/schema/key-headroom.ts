import type { Sequence } from '../../catalog/model.js';

/** The largest value each small integer type holds. */
export const SMALL_INTEGER_MAX: Readonly<Record<string, bigint>> = {
  smallint: 32_767n,
  integer: 2_147_483_647n,
};

export interface Headroom {
  /** The value generation stops at: the smaller of the sequence's MAXVALUE and the column type's max. */
  readonly limit: bigint;
  /** The last value handed out, 0 when none was yet. */
  readonly used: bigint;
  /** Share of the limit still free, 0–100, one decimal. */
  readonly percentLeft: number;
}

export function headroom(typeMax: bigint, sequence: Sequence | undefined): Headroom {
  const seqMax = sequence ? BigInt(sequence.max) : typeMax;
  const limit = seqMax < typeMax ? seqMax : typeMax;
  const last = sequence?.lastValue === null || sequence === undefined ? 0n : BigInt(sequence.lastValue);
  const used = last < 0n ? 0n : last;
  const left = limit - used;
  // Rounded to the nearest tenth of a percent.
  const permille = limit > 0n ? Number((left * 2000n + limit) / (2n * limit)) : 0;
  return { limit, used, percentLeft: Math.max(0, permille) / 10 };
}
