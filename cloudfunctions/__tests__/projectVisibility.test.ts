/**
 * Who sees a project (第四条): the applicant unit's subtree and the routed departments, nobody else. A
 * project a city department drafts is not shown to a district's staff; a district's project is shown to
 * the department it is routed to.
 */
import type { DecideOutput, Project, ProjectPage } from '@shishi/shared-types';
import { fullRecord } from './projectFixtures';
import { failure, ok, worldPerTest } from './world';

const world = worldPerTest();

const p = (openid: string, action: string, data?: unknown) => world.call(openid, 'project', action, data);

describe('project visibility follows the applicant unit and the routed departments', () => {
  it.each([
    ['a city department (调查研究室)', 'demo-research-staff'],
    ['the city union itself', 'demo-research'],
  ])("a project drafted by %s is not visible to a district's or an industry union's staff", async (_who, author) => {
    const city = ok<Project>(
      await p(author, 'create', {
        record: fullRecord({
          level: 'city',
          applicantUnit: '大连市总工会调查研究室',
          title: '全市职工需求大调查',
          budgetLines: [{ item: '调查组织', amountFen: 12_000_001, cityAidFen: 0, source: '市总工会经费' }],
          aidStatement: '市级项目由市总工会直接安排经费',
        }),
      }),
    );
    expect(city.level).toBe('city');
    expect(ok<Project>(await p(author, 'get', { projectId: city._id })).staff).toBeTruthy();
    for (const staff of ['demo-district', 'demo-district-head', 'demo-industry-staff']) {
      const got = await p(staff, 'get', { projectId: city._id });
      if (got.ok) expect({ staff, record: (got.data as Project).staff }).toEqual({ staff, record: null });
      else expect({ staff, code: failure(got).code }).toEqual({ staff, code: 'FORBIDDEN' });
      const listed = ok<ProjectPage>(await p(staff, 'list', {}));
      expect({ staff, listed: listed.items.map((i) => i._id) }).not.toEqual(
        expect.objectContaining({ listed: expect.arrayContaining([city._id]) }),
      );
    }
  });

  it("a district's project is visible to the department it is routed to", async () => {
    const out = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        confirmUnscored: true,
        projectTitle: '户外劳动者爱心驿站建设',
      }),
    );
    const id = out.project!._id;
    for (const staff of ['demo-org-reviewer', 'demo-org-head', 'demo-org-leader']) {
      const got = ok<Project>(await p(staff, 'get', { projectId: id }));
      expect({ staff, record: !!got.staff }).toEqual({ staff, record: true });
      const listed = ok<ProjectPage>(await p(staff, 'list', {}));
      expect({ staff, listed: listed.items.map((i) => i._id) }).toEqual({
        staff,
        listed: expect.arrayContaining([id]),
      });
    }
    // Another department and another union do not see it.
    for (const staff of ['demo-rights-head', 'demo-industry-staff']) {
      const got = await p(staff, 'get', { projectId: id });
      if (got.ok) expect({ staff, record: (got.data as Project).staff }).toEqual({ staff, record: null });
      else expect({ staff, code: failure(got).code }).toEqual({ staff, code: 'FORBIDDEN' });
    }
  });
});
