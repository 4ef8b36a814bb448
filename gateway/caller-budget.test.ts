import { describe, expect, it } from 'vitest';
import { CallerBudget, MAX_REST_IN_FLIGHT, restCost } from './caller-budget.js';

const anonymous = { subject: null, organisationId: null, roles: [], requestId: 'r' };
const steward = { subject: 'steve', organisationId: null, roles: ['data-steward' as const], requestId: 'r' };

describe('the callers’ budget', () => {
  it('gives each caller a bounded number of REST slots, and gives them back', () => {
    const budget = new CallerBudget();
    const taken = Array.from({ length: MAX_REST_IN_FLIGHT.partner }, () => budget.acquireSlot(anonymous, '10.0.0.1'));
    expect(taken.every((release) => release !== null)).toBe(true);
    expect(budget.acquireSlot(anonymous, '10.0.0.1')).toBeNull();
    // Another address and an internal caller have slots of their own.
    expect(budget.acquireSlot(anonymous, '10.0.0.2')).not.toBeNull();
    expect(budget.acquireSlot(steward, '10.0.0.1')).not.toBeNull();
    taken[0]?.();
    taken[0]?.();
    const again = budget.acquireSlot(anonymous, '10.0.0.1');
    expect(again).not.toBeNull();
    expect(budget.acquireSlot(anonymous, '10.0.0.1')).toBeNull();
  });

  it('is spent by REST bytes and GraphQL fields alike', async () => {
    const budget = new CallerBudget({ partnerFieldsPerMinute: 1000, internalFieldsPerMinute: 1000 });
    expect(await budget.exhausted(anonymous, 'a')).toBeNull();
    await budget.spend(anonymous, 'a', restCost(0, 300_000));
    expect(await budget.exhausted(anonymous, 'a')).toBeGreaterThanOrEqual(1);
    expect(await budget.exhausted(anonymous, 'b')).toBeNull();
    expect(restCost(0, 0)).toBe(1);
    expect(restCost(256, 256)).toBe(3);
  });
});
