/**
 * Push rules: the grant ledger's accounting (one-time grants consumed, long-term not, no grant no send),
 * which send failures are retried, and the backoff schedule.
 */
import fc from 'fast-check';
import {
  applyChoice,
  MAX_SEND_ATTEMPTS,
  noGrant,
  pushSubscribeInputSchema,
  retryDelayMs,
  sendOutcome,
  spendGrant,
  subscribeChoices,
  subscribeTopics,
  type Grant,
  type SubscribeChoice,
} from '../src';

describe('ledger accounting', () => {
  it('a one-time accept allows exactly one send, and the send consumes it', () => {
    const granted = applyChoice(noGrant, 'oneTime', 'accept');
    expect(granted).toEqual({ oneTime: 1, longTerm: false });
    const first = spendGrant(granted, 'oneTime');
    expect(first).toEqual({ send: true, after: { oneTime: 0, longTerm: false } });
    expect(spendGrant(first.after, 'oneTime')).toEqual({ send: false, after: { oneTime: 0, longTerm: false } });
  });

  it('a long-term grant is used, not consumed, until refused or banned', () => {
    let g = applyChoice(noGrant, 'longTerm', 'accept');
    for (let i = 0; i < 5; i += 1) {
      const spent = spendGrant(g, 'longTerm');
      expect(spent.send).toBe(true);
      expect(spent.after).toEqual(g);
      g = spent.after;
    }
    expect(spendGrant(applyChoice(g, 'longTerm', 'reject'), 'longTerm').send).toBe(false);
    expect(spendGrant(applyChoice(g, 'longTerm', 'ban'), 'longTerm').send).toBe(false);
  });

  it('no grant, no send', () => {
    expect(spendGrant(noGrant, 'oneTime').send).toBe(false);
    expect(spendGrant(noGrant, 'longTerm').send).toBe(false);
    expect(spendGrant(applyChoice(noGrant, 'oneTime', 'reject'), 'oneTime').send).toBe(false);
    expect(spendGrant(applyChoice(noGrant, 'oneTime', 'filter'), 'oneTime').send).toBe(false);
  });

  it('sends allowed on a one-time template = accepts since the last ban (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...subscribeChoices), fc.constant('send' as const)), { maxLength: 60 }),
        (steps) => {
          let g: Grant = noGrant;
          let accepts = 0;
          let sent = 0;
          for (const step of steps) {
            if (step === 'send') {
              const r = spendGrant(g, 'oneTime');
              if (r.send) sent += 1;
              g = r.after;
            } else {
              g = applyChoice(g, 'oneTime', step as SubscribeChoice);
              if (step === 'accept') accepts += 1;
              if (step === 'ban') accepts = sent; // a ban ends what was left
            }
            expect(g.oneTime).toBeGreaterThanOrEqual(0);
            expect(g.oneTime).toBe(accepts - sent);
          }
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('send outcomes and backoff', () => {
  it('0 is sent; 43101 means the grant is gone; permanent codes fail at once', () => {
    expect(sendOutcome(0, 1)).toBe('sent');
    expect(sendOutcome(43101, 1)).toBe('refused');
    for (const code of [40003, 40037, 41030, 47003, 43107, 45168]) expect(sendOutcome(code, 1)).toBe('failed');
  });

  it('transient codes and no answer are retried until the last attempt', () => {
    for (const code of [-1, 45009, 45011, null]) {
      expect(sendOutcome(code, 1)).toBe('retry');
      expect(sendOutcome(code, MAX_SEND_ATTEMPTS - 1)).toBe('retry');
      expect(sendOutcome(code, MAX_SEND_ATTEMPTS)).toBe('failed');
    }
  });

  it('waits 30 s, 2 min, 8 min, 32 min, then at most an hour; a daily quota waits an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, 45009)).toBe(3_600_000);
  });
});

describe('push.subscribe input', () => {
  it('takes the configured template ids only, with WeChat answers', () => {
    const id = subscribeTopics.projectNew.templateId;
    expect(pushSubscribeInputSchema.safeParse({ results: { [id]: 'accept' } }).success).toBe(true);
    const unknown = pushSubscribeInputSchema.safeParse({ results: { 'tmpl-x': 'accept' } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['results', 'tmpl-x'], message: '没有这个订阅消息模板' });
    expect(pushSubscribeInputSchema.safeParse({ results: { [id]: 'yes' } }).success).toBe(false);
    expect(pushSubscribeInputSchema.safeParse({ results: {} }).success).toBe(false);
  });
});
