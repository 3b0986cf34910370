/** The money and routing rules of project records (第四条, 第六条), as properties over many inputs. */
import fc from 'fast-check';
import {
  decisionRefusal,
  formLifecycle,
  maxSubsidyFen,
  recordProblems,
  reminderDue,
  midtermDueAt,
  routeProject,
  signOrder,
  tranche1Fen,
  tranche2Fen,
  type MeetingKind,
} from '../src';

const ids = { researchDeptId: 'dept-research', organisationDeptId: 'dept-org' };

describe('money (第六条, integer fen)', () => {
  it('tranche 1 + tranche 2 = the subsidy exactly, tranche 1 is 40% rounded down to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (subsidy) => {
        const t1 = tranche1Fen(subsidy);
        const t2 = tranche2Fen(subsidy);
        expect(Number.isInteger(t1) && Number.isInteger(t2)).toBe(true);
        expect(t1 + t2).toBe(subsidy);
        expect(t1).toBe(Math.floor((subsidy * 40) / 100));
        expect(t1 * 100).toBeLessThanOrEqual(subsidy * 40);
        expect((t1 + 1) * 100).toBeGreaterThan(subsidy * 40);
      }),
    );
  });

  it('an industry project’s own split also adds up exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 100 }), (subsidy, pct) => {
        expect(tranche1Fen(subsidy, pct) + tranche2Fen(subsidy, pct)).toBe(subsidy);
        expect(tranche1Fen(subsidy, pct)).toBeLessThanOrEqual(subsidy);
      }),
    );
  });

  it('subsidy above half the total budget is refused, naming the largest allowed amount; at half it passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1_000_000_000 }),
        fc.constantFrom('district', 'industry'),
        (total, level) => {
          const cap = maxSubsidyFen(level as 'district', total)!;
          expect(cap * 2).toBeLessThanOrEqual(total);
          const record = (aid: number) =>
            ({
              level,
              applicantUnit: '中山区总工会',
              title: '户外劳动者爱心驿站',
              subProjects: [],
              milestones: [],
              budgetLines: [{ item: '设备', amountFen: total, cityAidFen: aid, source: '市总扶助' }],
              duties: {},
              temporaryNeed: false,
            }) as Parameters<typeof recordProblems>[0];
          expect(recordProblems(record(cap))).toEqual([]);
          const over = recordProblems(record(cap + 1));
          expect(over).toHaveLength(1);
          expect(over[0].path).toBe('record.budgetLines');
          expect(over[0].message).toMatch(/最多可申请 [\d,]+\.\d\d 元/);
        },
      ),
    );
  });

  it('a city project has no subsidy cap and no subsidy', () => {
    expect(maxSubsidyFen('city', 1000)).toBeNull();
  });
});

describe('routing (第四条) and committee decisions (第五条（四）)', () => {
  it('the city list goes 党组会 → 常委会 → 全委会; a county or industry project goes to the 市总党组会', () => {
    expect(routeProject({ level: 'city', applicantOrgId: 'dept-rights', industryUnionId: null, ...ids })).toEqual({
      departmentId: 'dept-research',
      departmentIds: ['dept-research', 'dept-rights'],
      meetings: ['partyGroup', 'standing', 'plenary'],
    });
    expect(routeProject({ level: 'district', applicantOrgId: 'dist-zs', industryUnionId: null, ...ids })).toMatchObject(
      {
        departmentId: 'dept-org',
        meetings: ['cityPartyGroup'],
      },
    );
    expect(
      routeProject({ level: 'industry', applicantOrgId: 'gr-bus', industryUnionId: 'ind-transport', ...ids }),
    ).toMatchObject({
      departmentId: 'ind-transport',
      meetings: ['cityPartyGroup'],
    });
  });

  it('no sequence of meetings completes the chain out of order or with a meeting twice', () => {
    const kinds: MeetingKind[] = ['partyGroup', 'standing', 'plenary', 'cityPartyGroup'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { maxLength: 8 }), fc.boolean(), (tries, city) => {
        const required: MeetingKind[] = city ? ['partyGroup', 'standing', 'plenary'] : ['cityPartyGroup'];
        const done: MeetingKind[] = [];
        for (const m of tries) if (decisionRefusal(required, done, m) === null) done.push(m);
        // What was accepted is always a prefix of the chain, in order, each once.
        expect(done).toEqual(required.slice(0, done.length));
      }),
    );
  });
});

describe('sign-offs (附件2–4)', () => {
  const signer = (role: string, orgId: string) => ({
    openid: role,
    bindings: [{ role: role as never, orgId, orgPath: ['dl', orgId] }],
  });
  const project = { orgId: 'dist-zs', departmentId: 'dept-org' };
  const people = [
    signer('unitHead', 'dist-zs'),
    signer('deptHead', 'dept-org'),
    signer('leader', 'dept-org'),
    signer('unitHead', 'dist-xg'),
    signer('deptHead', 'dept-research'),
    signer('leader', 'dl'),
    signer('unionStaff', 'dist-zs'),
  ];

  it('no sequence of signatures approves a form without the three sign-offs in order, each by its own signer', () => {
    let approvals = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: people.length - 1 }),
            approve: fc.boolean(),
            step: fc.constantFrom('unit', 'department', 'leader'),
          }),
          {
            maxLength: 12,
          },
        ),
        (tries) => {
          let state = 'awaitingUnit' as
            'awaitingUnit' | 'awaitingDepartment' | 'awaitingLeader' | 'approved' | 'returned';
          const signed: Array<{ step: string; role: string; orgId: string }> = [];
          for (const t of tries) {
            const step = t.step as 'unit' | 'department' | 'leader';
            const transition = `${t.approve ? 'approve' : 'return'}${step[0].toUpperCase()}${step.slice(1)}` as never;
            const target = { orgPath: [], departmentIds: [step === 'unit' ? project.orgId : project.departmentId] };
            const actor = people[t.who];
            if (formLifecycle.refusal(transition, { title: '表', state }, actor, target) === null) {
              state = formLifecycle.transitions[transition as 'approveUnit'].to as typeof state;
              signed.push({ step, role: actor.bindings[0].role, orgId: actor.bindings[0].orgId });
            }
          }
          if (state === 'approved') {
            approvals += 1;
            expect(signed.map((s) => s.step)).toEqual(['unit', 'department', 'leader']);
            expect(signed.map((s) => [s.role, s.orgId])).toEqual(
              signOrder.map((o) => [o.role, o.where === 'unit' ? project.orgId : project.departmentId]),
            );
          }
        },
      ),
      // A fixed seed: the same sequences every run (CI must not depend on luck); change it to explore anew.
      { numRuns: 3000, seed: 20271205 },
    );
    // The property was put to the test: some sequences did get a form approved.
    expect(approvals).toBeGreaterThan(0);
  });
});

describe('deadlines (第五条（八）)', () => {
  it('the mid-term form is due at the end of 08-15 in Dalian, whatever the host zone', () => {
    expect(midtermDueAt(2027).toISOString()).toBe('2027-08-15T15:59:59.999Z');
  });
  it('reminders are due 7 days and 1 day before, and none after the deadline', () => {
    const due = midtermDueAt(2027);
    expect(reminderDue(new Date('2027-08-01T00:00:00+08:00'), due)).toBeNull();
    expect(reminderDue(new Date('2027-08-09T09:00:00+08:00'), due)).toBe(7);
    expect(reminderDue(new Date('2027-08-15T09:00:00+08:00'), due)).toBe(1);
    expect(reminderDue(new Date('2027-08-16T00:00:01+08:00'), due)).toBeNull();
  });
});
