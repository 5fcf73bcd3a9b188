import type { RuleMeta } from '../diagnostics/rule-meta.js';

/** docs/rules/README.md, derived from the registry so the index never drifts from the rules. */
export function renderRulesIndex(metas: readonly RuleMeta[]): string {
  const rows = metas.map(
    (meta) =>
      `| [${meta.id}](${meta.id}.md) | ${meta.group} | ${meta.category} | ${meta.defaultSeverity} | ${meta.summary} |`,
  );
  return [
    '# Rules',
    '',
    'Generated from the rule registry by `npm run docs`; do not edit by hand.',
    '',
    '| rule | group | category | default severity | what it finds |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
