/** Signed check-in codes: a code verifies for its own point, project and days, and nothing else. */
import { checkinDayRefusal, pointDatesRefusal } from '@shishi/shared-types';
import { parseCode, signCode, verifyCode } from '../code';
import { personHash, personKey, shardOf, SERVED_SHARDS } from '../served';

const secret = Buffer.from('k'.repeat(32));
const point = { _id: 'Pt3xY-_9', projectId: 'proj-1' };
const code = signCode(secret, { pointId: point._id, projectId: 'proj-1', expiresOn: '2026-12-31' });
const check = (c: string, today = '2026-11-24', projectId?: string, p = point) => {
  const parsed = parseCode(c);
  return parsed ? verifyCode(secret, parsed, p, { today, projectId }) : 'malformed';
};

describe('check-in codes', () => {
  it('fits a mini-program code scene (32 characters) and parses back to its point and last day', () => {
    expect(code.length).toBeLessThanOrEqual(32);
    expect(parseCode(code)).toMatchObject({ pointId: point._id, expiresOn: '2026-12-31' });
  });

  it('verifies on every day up to and including the last one', () => {
    expect(check(code, '2026-11-24')).toBeNull();
    expect(check(code, '2026-12-31')).toBeNull();
    expect(check(code, '2027-01-01')).toBe('expired');
  });

  it('a forged code is refused: another signature, a stretched expiry, another point, another secret', () => {
    const [id, exp, sig] = code.split('.');
    const flipped = `${sig.slice(0, 5)}${sig[5] === 'a' ? 'b' : 'a'}${sig.slice(6)}`;
    expect(check(`${id}.${exp}.${flipped}`)).toBe('forged');
    expect(check(`${id}.${(parseInt(exp, 36) + 365).toString(36)}.${sig}`, '2027-06-01')).toBe('forged');
    expect(check(code, '2026-11-24', undefined, { _id: 'OtherPt1', projectId: 'proj-1' })).toBe('forged');
    const theirs = signCode(Buffer.from('x'.repeat(32)), {
      pointId: point._id,
      projectId: 'proj-1',
      expiresOn: '2026-12-31',
    });
    expect(check(theirs)).toBe('forged');
    expect(check('not-a-code')).toBe('malformed');
  });

  it('a code of another project is refused where the worker scanned from that project', () => {
    expect(check(code, '2026-11-24', 'proj-2')).toBe('otherProject');
    expect(check(code, '2026-11-24', 'proj-1')).toBeNull();
    // A point stored under another project than the one signed: the signature no longer holds.
    expect(check(code, '2026-11-24', undefined, { _id: point._id, projectId: 'proj-2' })).toBe('forged');
  });
});

describe('check-in days', () => {
  const project = { startDate: '2027-03-01', endDate: '2027-10-31' };
  const pt = { startDate: '2027-04-01', endDate: '2027-04-30' };
  it('refuses a day outside the project, then outside the point; both ends count', () => {
    expect(checkinDayRefusal('2027-02-28', project, pt)).toBe(
      '今天不在项目的服务日期内（2027年3月1日至2027年10月31日），不能签到',
    );
    expect(checkinDayRefusal('2027-11-01', project, pt)).toContain('不在项目的服务日期内');
    expect(checkinDayRefusal('2027-03-31', project, pt)).toBe('这个服务点2027年4月1日开始服务，到时再来签到');
    expect(checkinDayRefusal('2027-04-01', project, pt)).toBeNull();
    expect(checkinDayRefusal('2027-04-30', project, pt)).toBeNull();
    expect(checkinDayRefusal('2027-05-01', project, pt)).toContain('已经结束');
    expect(checkinDayRefusal('2027-04-10', {}, pt)).toBeNull();
  });
  it('a point must lie inside the project dates', () => {
    expect(pointDatesRefusal(project, { startDate: '2027-02-01', endDate: '2027-04-01' })?.path).toBe('startDate');
    expect(pointDatesRefusal(project, { startDate: '2027-04-01', endDate: '2027-11-01' })?.path).toBe('endDate');
    expect(pointDatesRefusal(project, pt)).toBeNull();
  });
});

describe('person identity', () => {
  it('the same union and name is one person, spaces and full-width letters folded; another union is another', () => {
    const a = personHash(personKey('gr-1', '王秀梅'));
    expect(personHash(personKey('gr-1', ' 王 秀梅 '))).toBe(a);
    expect(personHash(personKey('gr-1', 'Ｌｉ　Ｍｉｎｇ'))).toBe(personHash(personKey('gr-1', 'LiMing')));
    expect(personHash(personKey('gr-2', '王秀梅'))).not.toBe(a);
    expect(shardOf(a)).toBeGreaterThanOrEqual(0);
    expect(shardOf(a)).toBeLessThan(SERVED_SHARDS);
  });
});
