/** Who a survey is for and when it takes answers. */
import {
  answerWindowRefusal,
  audienceLabel,
  audienceRefusal,
  canManageSurvey,
  inAudienceOrg,
  respondentDims,
  surveyPhase,
  surveyWindow,
} from '../src';

const zsPath = ['dl', 'dist-zhongshan', 'gr-zs-sanitation'];
const busPath = ['dl', 'ind-transport', 'gr-tr-bus'];

describe('survey window (Asia/Shanghai)', () => {
  it('opens at 00:00 of the first day and closes at 00:00 after the last day, Shanghai time', () => {
    const { opensAt, closesAt } = surveyWindow('2026-11-24', '2026-12-31');
    expect(opensAt.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(closesAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('draft → scheduled → open → closed on the clock; closed early stays closed', () => {
    const w = { status: 'published' as const, ...surveyWindow('2026-11-24', '2026-12-31') };
    expect(surveyPhase({ ...w, status: 'draft' }, new Date('2026-12-01T00:00:00Z'))).toBe('draft');
    expect(surveyPhase(w, new Date('2026-11-23T15:59:59Z'))).toBe('scheduled');
    expect(surveyPhase(w, new Date('2026-11-23T16:00:00Z'))).toBe('open');
    expect(surveyPhase(w, new Date('2026-12-31T15:59:59Z'))).toBe('open');
    expect(surveyPhase(w, new Date('2026-12-31T16:00:00Z'))).toBe('closed');
    expect(surveyPhase({ ...w, status: 'closed' }, new Date('2026-12-01T00:00:00Z'))).toBe('closed');
  });

  it('a closed or not-yet-open survey says so with its date', () => {
    const w = { status: 'published' as const, ...surveyWindow('2026-11-24', '2026-12-31') };
    expect(answerWindowRefusal(w, new Date('2026-11-20T00:00:00Z'))).toBe('这份调查 2026-11-24 开始，请到时再来填写');
    expect(answerWindowRefusal(w, new Date('2027-01-02T00:00:00Z'))).toBe('这份调查已于 2026-12-31 结束，不能再提交');
    expect(
      answerWindowRefusal(
        { ...w, status: 'closed', closedAt: new Date('2026-12-05T03:00:00Z') },
        new Date('2026-12-06T00:00:00Z'),
      ),
    ).toBe('这份调查已于 2026-12-05 结束，不能再提交');
    expect(answerWindowRefusal(w, new Date('2026-12-01T00:00:00Z'))).toBeNull();
    expect(answerWindowRefusal({ ...w, status: 'draft' }, new Date('2026-12-01T00:00:00Z'))).toBe('这份调查还没有发布');
  });
});

describe('audience', () => {
  const city = { orgId: 'dl', orgName: '大连市总工会', industryOrgIds: [], groups: [] as const };

  it('a worker under the audience org is inside; one elsewhere is told who the survey is for', () => {
    expect(audienceRefusal(city, { orgPath: zsPath, groups: [] })).toBeNull();
    const zs = { ...city, orgId: 'dist-zhongshan', orgName: '中山区总工会' };
    expect(audienceRefusal(zs, { orgPath: busPath, groups: [] })).toBe(
      '这份调查面向中山区总工会的职工，您不在调查范围内',
    );
  });

  it('narrowed to 产业工会: only workers under them', () => {
    const a = { ...city, industryOrgIds: ['ind-transport'], industryNames: ['交通运输工会'] };
    expect(audienceRefusal(a, { orgPath: busPath, groups: [] })).toBeNull();
    expect(audienceRefusal(a, { orgPath: zsPath, groups: [] })).toBe(
      '这份调查面向交通运输工会的职工，您不在调查范围内',
    );
    expect(inAudienceOrg(a, zsPath)).toBe(false);
  });

  it('aimed at worker groups: the respondent must belong to one', () => {
    const a = { ...city, groups: ['women', 'migrant'] as const };
    expect(audienceRefusal(a, { orgPath: zsPath, groups: ['migrant'] })).toBeNull();
    expect(audienceRefusal(a, { orgPath: zsPath, groups: ['youth'] })).toContain('这份调查面向女职工、农民工');
    expect(audienceLabel({ ...a, orgName: '大连市总工会' })).toBe('大连市总工会 · 女职工、农民工');
  });

  it('staff manage the surveys of their own subtree only', () => {
    expect(canManageSurvey({ role: 'unionStaff', orgId: 'dist-zhongshan' }, ['dl', 'dist-zhongshan'])).toBe(true);
    expect(canManageSurvey({ role: 'unionStaff', orgId: 'dist-zhongshan' }, ['dl'])).toBe(false);
    expect(canManageSurvey({ role: 'research', orgId: 'dl' }, ['dl', 'dist-xigang'])).toBe(true);
    expect(canManageSurvey({ role: 'cadre', orgId: 'dl' }, ['dl'])).toBe(false);
  });

  it('breakdown facts: district and industry from the path, groups as said', () => {
    expect(
      respondentDims(
        [
          { _id: 'dl', type: 'city' },
          { _id: 'dist-zhongshan', type: 'district' },
          { _id: 'gr-zs-sanitation', type: 'grassroots' },
        ],
        ['women', 'migrant', 'women'],
      ),
    ).toEqual({ d: 'dist-zhongshan', i: '_none', g: ['migrant', 'women'] });
    expect(respondentDims([{ _id: 'ind-transport', type: 'industry' }], [])).toEqual({
      d: '_none',
      i: 'ind-transport',
      g: [],
    });
  });
});
