import type { Severity } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { EffectiveConfig, RuleConfig } from './config.js';

/** How one rule runs after the config is applied. */
export interface RuleSettings {
  readonly id: string;
  readonly enabled: boolean;
  readonly severity: Severity;
  /** True when the config named the severity: it then wins over a finding's own (see Finding.severity). */
  readonly severityFromConfig?: boolean;
  /** Every threshold of the rule: its default unless the config overrides it. */
  readonly thresholds: Readonly<Record<string, number>>;
}

/** Settings for every rule in `metas`, keyed by id; rules absent from the config keep their defaults. */
export function resolveRuleSettings(
  config: Pick<EffectiveConfig, 'rules'>,
  metas: readonly RuleMeta[],
): ReadonlyMap<string, RuleSettings> {
  return new Map(metas.map((meta) => [meta.id, settingsFor(meta, config.rules[meta.id])]));
}

function settingsFor(meta: RuleMeta, setting: RuleConfig | undefined): RuleSettings {
  const level = typeof setting === 'string' ? setting : setting?.severity;
  const overrides = typeof setting === 'object' ? (setting.options ?? {}) : {};
  const defaults = Object.fromEntries(
    Object.entries(meta.thresholds ?? {}).map(([name, threshold]) => [name, threshold.default]),
  );
  return {
    id: meta.id,
    enabled: level === undefined ? meta.enabledByDefault !== false : level !== 'off',
    severity: level === undefined || level === 'off' ? meta.defaultSeverity : level,
    severityFromConfig: level !== undefined && level !== 'off',
    thresholds: { ...defaults, ...overrides },
  };
}
