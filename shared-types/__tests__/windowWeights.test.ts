/** Issue 12: weights of a window are percentages that add up to 100; a wrong year says which years are allowed. */
import { createWindowInputSchema, listWindowsInputSchema, setWeightsInputSchema, weightsSchema } from '../src';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => i.message);

describe('window weights', () => {
  it('refuses weights that add up to 110, saying what they add up to', () => {
    const r = setWeightsInputSchema.safeParse({
      windowId: 'w1',
      weights: { concentration: 50, urgency: 30, feasibility: 30 },
    });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['三项权重加起来要等于 100（现在是 110）']);
  });

  it('refuses weights under 100 and all zeros', () => {
    const low = setWeightsInputSchema.safeParse({
      windowId: 'w1',
      weights: { concentration: 30, urgency: 30, feasibility: 30 },
    });
    expect(messages(low)).toEqual(['三项权重加起来要等于 100（现在是 90）']);
    const zero = setWeightsInputSchema.safeParse({
      windowId: 'w1',
      weights: { concentration: 0, urgency: 0, feasibility: 0 },
    });
    expect(messages(zero)).toEqual(['三项权重加起来要等于 100（现在是 0）']);
  });

  it('accepts weights that add up to exactly 100, typed as text', () => {
    const r = setWeightsInputSchema.safeParse({
      windowId: 'w1',
      weights: { concentration: '40', urgency: '30', feasibility: '30' },
    });
    expect(r.success).toBe(true);
  });

  it('a new window with weights follows the same rule', () => {
    const r = createWindowInputSchema.safeParse({ weights: { concentration: 100, urgency: 10, feasibility: 0 } });
    expect(messages(r)).toEqual(['三项权重加起来要等于 100（现在是 110）']);
  });

  it('stored weights of older windows still read (any sum above 0)', () => {
    expect(weightsSchema.safeParse({ concentration: 1, urgency: 1, feasibility: 1 }).success).toBe(true);
  });
});

describe('window year', () => {
  it.each(['1999', '2101', '20'])('a project year of %s says which years are allowed', (year) => {
    const r = createWindowInputSchema.safeParse({ projectYear: year });
    expect(messages(r)).toEqual(['项目年度要填 2000 到 2100 之间的年份，例如 2027']);
  });

  it('the list filter says it too', () => {
    expect(messages(listWindowsInputSchema.safeParse({ year: 1900 }))).toEqual([
      '年度要填 2000 到 2100 之间的年份，例如 2027',
    ]);
  });
});
