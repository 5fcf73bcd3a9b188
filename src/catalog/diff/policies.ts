import type { Policy } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { flagChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { list, quoteIdentifier } from './names.js';

function policySubject(policy: Policy): Subject {
  return {
    object: 'policy',
    name: `${policy.table.qualified}.${quoteIdentifier(policy.name)}`,
    label: `policy ${quoteIdentifier(policy.name)} on ${policy.table.qualified}`,
  };
}

/** The policy as CREATE POLICY would spell it, for added and removed policies. */
function renderPolicy(policy: Policy): string {
  const using = policy.using === undefined ? '' : ` USING (${policy.using})`;
  const withCheck = policy.withCheck === undefined ? '' : ` WITH CHECK (${policy.withCheck})`;
  return `CREATE POLICY ${quoteIdentifier(policy.name)} ON ${policy.table.qualified} AS ${
    policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'
  } FOR ${policy.command.toUpperCase()} TO ${policy.roles.join(', ')}${using}${withCheck}`;
}

function comparePolicies(before: Policy, after: Policy): readonly CatalogChange[] {
  const subject = policySubject(before);
  return [
    propertyChange(subject, { what: 'command', before: before.command, after: after.command }),
    flagChange(subject, {
      before: before.permissive,
      after: after.permissive,
      becameTrue: 'is now PERMISSIVE',
      becameFalse: 'is now RESTRICTIVE',
    }),
    propertyChange(subject, { what: 'roles', before: list(before.roles), after: list(after.roles) }),
    propertyChange(subject, { what: 'USING expression', before: before.using, after: after.using }),
    propertyChange(subject, {
      what: 'WITH CHECK expression',
      before: before.withCheck,
      after: after.withCheck,
    }),
  ].filter(isChange);
}

export const policyMatcher: Matcher<Policy> = {
  identity: (policy) => policySubject(policy).name,
  subject: policySubject,
  summary: renderPolicy,
  compare: comparePolicies,
};
