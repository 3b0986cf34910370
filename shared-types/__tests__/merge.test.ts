/** Merging duplicates: every author and supporter stays credited, each person once; refusals are clear. */
import { backerCount, creditedPeople, mergeRefusal, unmergeRefusal, type MergeFacts } from '../src';

const p = (id: string, extra: Partial<MergeFacts> = {}): MergeFacts => ({
  _id: id,
  title: `建议${id}`,
  status: 'submitted',
  orgPath: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
  windowId: 'w',
  mergedFrom: [],
  ...extra,
});

describe('merge accounting', () => {
  it('counts each person once however many reasons they have', () => {
    const cluster = [
      { _id: 'k', author: 'alice', supporters: ['bob', 'carol'] },
      { _id: 'm1', author: 'bob', supporters: ['carol', 'dave'] },
      { _id: 'm2', author: 'alice', supporters: ['erin'] },
    ];
    expect(backerCount(cluster)).toBe(5);
    const people = creditedPeople(cluster);
    expect([...people.get('alice')!].sort()).toEqual(['a:k', 'a:m2']);
    expect([...people.get('bob')!].sort()).toEqual(['a:m1', 's:k']);
    expect([...people.get('carol')!].sort()).toEqual(['s:k', 's:m1']);
  });

  it('without merges is the author plus the supporters', () => {
    expect(backerCount([{ _id: 'k', author: 'alice', supporters: ['bob', 'carol'] }])).toBe(3);
  });

  it('undoing a merge removes exactly that proposal’s reasons', () => {
    const all = [
      { _id: 'k', author: 'alice', supporters: ['bob'] },
      { _id: 'm', author: 'bob', supporters: ['carol'] },
    ];
    expect(backerCount(all)).toBe(3);
    expect(backerCount(all.slice(0, 1))).toBe(2);
    expect(backerCount(all.slice(1))).toBe(2);
  });
});

describe('merge refusals', () => {
  const scope = 'dist-zhongshan';
  it('refuses merging a proposal into itself', () => {
    expect(mergeRefusal(p('k'), p('k'), scope)).toContain('它自己');
  });
  it('refuses merging across scopes', () => {
    expect(mergeRefusal(p('k'), p('m', { orgPath: ['dl', 'dist-xigang', 'gr-xg-hotel'] }), scope)).toContain(
      '不在您的管辖范围内',
    );
  });
  it('refuses merging into a merged one, or a merged or decided one', () => {
    expect(mergeRefusal(p('k', { status: 'merged' }), p('m'), scope)).toContain('已经合并到别的建议');
    expect(mergeRefusal(p('k', { status: 'adopted' }), p('m'), scope)).toContain('已经作出决定');
    expect(mergeRefusal(p('k'), p('m', { status: 'merged' }), scope)).toContain('已经合并过了');
    expect(mergeRefusal(p('k'), p('m', { status: 'declined' }), scope)).toContain('已经作出决定');
  });
  it('refuses merging across windows, and a proposal that holds merged ones', () => {
    expect(mergeRefusal(p('k'), p('m', { windowId: 'other' }), scope)).toContain('同一个征集期');
    expect(mergeRefusal(p('k'), p('m', { mergedFrom: ['x'] }), scope)).toContain('已经合并了其他建议');
  });
  it('allows an open proposal into an open one under review', () => {
    expect(mergeRefusal(p('k', { status: 'reviewing' }), p('m'), scope)).toBeNull();
  });
  it('refuses undoing what is not merged, or once the kept one is decided', () => {
    expect(unmergeRefusal(p('m'), null, scope)).toContain('没有被合并');
    expect(unmergeRefusal(p('m', { status: 'merged' }), p('k', { status: 'adopted' }), scope)).toContain(
      '已经作出决定',
    );
    expect(unmergeRefusal(p('m', { status: 'merged' }), p('k'), scope)).toBeNull();
  });
});
