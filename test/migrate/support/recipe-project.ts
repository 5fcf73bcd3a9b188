import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../../src/engine/engine.js';
import { NEXT_MIGRATION } from '../../../src/rules/migration/recipe-steps.js';
import { resetPublicSchema } from '../../rules/support/schema-rule-harness.js';
import { checkProject } from '../../support/check-project.js';

/**
 * A project whose migrations are a finding's suggested recipe, one golang-migrate migration per
 * step (a step of one statement runs outside a transaction, as CONCURRENTLY needs).
 */
export function recipeProject(schema: string, suggestedSql: string | undefined): Record<string, string> {
  const steps = (suggestedSql ?? '').split(`\n${NEXT_MIGRATION}\n`);
  return Object.fromEntries([
    ['schema.sql', schema],
    ...steps.map((step, i) => [`migrations/${String(i + 1).padStart(6, '0')}_step.up.sql`, `${step}\n`]),
  ]);
}

/** Checks, on a clean public schema, the schema followed by the recipe's migrations: its diagnostics. */
export async function checkRecipe(
  engine: Engine,
  schema: string,
  suggestedSql: string | undefined,
): Promise<readonly Diagnostic[]> {
  await resetPublicSchema(engine);
  return (await checkProject(engine, recipeProject(schema, suggestedSql))).diagnostics;
}
