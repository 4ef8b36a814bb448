import { describe, expect, it, vi } from 'vitest';
import { CallerBudget, MAX_REST_IN_FLIGHT, REFUSAL_PAUSE, REST_QUEUE_FACTOR, restCost } from './caller-budget.js';

const anonymous = { subject: null, organisationId: null, roles: [], requestId: 'r' };
const steward = { subject: 'steve', organisationId: null, roles: ['data-steward' as const], requestId: 'r' };

describe('the callers’ budget', () => {
  it('runs a few REST requests of a caller at a time, the rest waiting in line, a full line refused', async () => {
    const budget = new CallerBudget();
    const max = MAX_REST_IN_FLIGHT.partner;
    const taken = await Promise.all(Array.from({ length: max }, () => budget.acquireSlot(anonymous, '10.0.0.1')));
    expect(taken.every((release) => release !== null)).toBe(true);
    // The next ones wait; the line holds REST_QUEUE_FACTOR times the slots, and is then full.
    let granted = 0;
    const waiting = Array.from({ length: max * REST_QUEUE_FACTOR }, () => budget.acquireSlot(anonymous, '10.0.0.1').then((r) => (granted++, r)));
    expect(await budget.acquireSlot(anonymous, '10.0.0.1')).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toBe(0);
    // Another address and an internal caller have slots of their own.
    expect(await budget.acquireSlot(anonymous, '10.0.0.2')).not.toBeNull();
    expect(await budget.acquireSlot(steward, '10.0.0.1')).not.toBeNull();
    // Giving a slot back (twice counts once) lets exactly the first in line through.
    taken[0]?.();
    taken[0]?.();
    const first = await waiting[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(first).not.toBeNull();
    expect(granted).toBe(1);
    for (const release of taken.slice(1)) release?.();
    first?.();
    const rest = await Promise.all(waiting.slice(1, max + 1));
    expect(rest.every((r) => r !== null)).toBe(true);
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

  it('holds a spent caller’s refusals a moment, as many as allowed, and sends the rest at once', async () => {
    vi.useFakeTimers();
    try {
      const budget = new CallerBudget();
      let sent = 0;
      const held = Array.from({ length: REFUSAL_PAUSE.heldPerCaller }, () => budget.pauseRefusal(anonymous, '10.0.0.9').then(() => sent++));
      // Beyond the caller's share, a refusal goes at once; another caller's is held as usual.
      let beyond = false;
      const extra = budget.pauseRefusal(anonymous, '10.0.0.9').then(() => (beyond = true));
      let other = false;
      const otherCaller = budget.pauseRefusal(anonymous, '10.0.0.10').then(() => (other = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(beyond).toBe(true);
      expect(sent).toBe(0);
      expect(other).toBe(false);
      await vi.advanceTimersByTimeAsync(REFUSAL_PAUSE.ms - 1);
      expect(sent).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      await Promise.all([...held, extra, otherCaller]);
      expect(sent).toBe(REFUSAL_PAUSE.heldPerCaller);
      expect(other).toBe(true);
      // Once sent, the caller's share is free again.
      let again = false;
      const next = budget.pauseRefusal(anonymous, '10.0.0.9').then(() => (again = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(again).toBe(false);
      await vi.advanceTimersByTimeAsync(REFUSAL_PAUSE.ms);
      await next;
      expect(again).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
