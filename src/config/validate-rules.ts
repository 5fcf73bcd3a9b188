import type { RuleMeta } from '../diagnostics/rule-meta.js';
import { RULE_LEVELS, type RuleConfig, type RuleLevel } from './config.js';
import {
  type Complain,
  checkKeys,
  describeValue,
  didYouMean,
  isPlainObject,
  joinPath,
  oneOf,
} from './describe-value.js';

/** The `rules` section: known ids, allowed severities, known numeric thresholds. Invalid entries are dropped. */
export function validateRules(
  raw: unknown,
  metas: readonly RuleMeta[],
  complain: Complain,
): Readonly<Record<string, RuleConfig>> {
  if (!isPlainObject(raw)) {
    complain('rules', `must be an object mapping rule ids to settings, got ${describeValue(raw)}.`);
    return {};
  }
  const ids = metas.map((meta) => meta.id);
  const valid: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(raw)) {
    const path = joinPath('rules', id);
    const meta = metas.find((candidate) => candidate.id === id);
    if (meta === undefined) {
      complain(path, `unknown rule id.${didYouMean(id, ids)} Rule ids are listed in docs/rules/.`);
      continue;
    }
    const checked = validateRuleSetting(setting, meta, path, complain);
    if (checked !== undefined) valid[id] = checked;
  }
  return valid;
}

function validateRuleSetting(
  setting: unknown,
  meta: RuleMeta,
  path: string,
  complain: Complain,
): RuleConfig | undefined {
  if (!isPlainObject(setting))
    return validateLevel(setting, meta, path, complain, ' (or an object with "severity" and "options")');
  checkKeys(setting, ['severity', 'options'], path, complain);
  const severity =
    setting.severity === undefined
      ? undefined
      : validateLevel(setting.severity, meta, joinPath(path, 'severity'), complain, '');
  const options =
    setting.options === undefined
      ? undefined
      : validateOptions(setting.options, meta, joinPath(path, 'options'), complain);
  return { ...(severity === undefined ? {} : { severity }), ...(options === undefined ? {} : { options }) };
}

function validateLevel(
  value: unknown,
  meta: RuleMeta,
  path: string,
  complain: Complain,
  orObject: string,
): RuleLevel | undefined {
  const level = RULE_LEVELS.find((candidate) => candidate === value);
  if (level === undefined) {
    const hint = typeof value === 'string' ? didYouMean(value, RULE_LEVELS) : '';
    complain(path, `must be ${oneOf(RULE_LEVELS)}${orObject}, got ${describeValue(value)}.${hint}`);
    return undefined;
  }
  if (level === 'off' && meta.group === 'input') {
    complain(
      path,
      `${meta.id} reports unreadable input and cannot be turned off; set "error", "warning" or "info" instead.`,
    );
    return undefined;
  }
  return level;
}

function validateOptions(
  value: unknown,
  meta: RuleMeta,
  path: string,
  complain: Complain,
): Readonly<Record<string, number>> | undefined {
  const names = Object.keys(meta.thresholds ?? {});
  if (!isPlainObject(value)) {
    complain(path, `must be an object of threshold numbers, got ${describeValue(value)}.`);
    return undefined;
  }
  const valid: Record<string, number> = {};
  for (const [name, threshold] of Object.entries(value)) {
    const thresholdPath = joinPath(path, name);
    if (!names.includes(name)) {
      const known =
        names.length > 0
          ? ` Thresholds of ${meta.id}: ${names.join(', ')}.`
          : ` ${meta.id} has no thresholds.`;
      complain(thresholdPath, `unknown threshold.${didYouMean(name, names)}${known}`);
    } else if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      complain(thresholdPath, `must be a number, got ${describeValue(threshold)}.`);
    } else {
      valid[name] = threshold;
    }
  }
  return valid;
}
