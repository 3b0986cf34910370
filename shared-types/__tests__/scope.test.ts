/** Subtree scoping (DESIGN.md §1): staff see their org subtree; workers see their own and what passed the check. */
import { canSeeProposal, inSubtree, seesAuthorName, type ProposalVisibilityFacts, type Viewer } from '../src';

const zhongshanSanitation = ['dl', 'dist-zhongshan', 'gr-zs-sanitation'];
const xigangHotel = ['dl', 'dist-xigang', 'gr-xg-hotel'];

const worker: Viewer = { openid: 'w1', role: 'worker', orgId: 'gr-zs-sanitation' };
const otherWorker: Viewer = { openid: 'w2', role: 'worker', orgId: 'gr-zs-sanitation' };
const cadre: Viewer = { openid: 'c1', role: 'cadre', orgId: 'gr-zs-sanitation' };
const districtStaff: Viewer = { openid: 's1', role: 'unionStaff', orgId: 'dist-zhongshan' };
const cityResearch: Viewer = { openid: 'r1', role: 'research', orgId: 'dl' };

function proposal(facts: Partial<ProposalVisibilityFacts> = {}): ProposalVisibilityFacts {
  return { authorOpenid: 'w1', orgPath: zhongshanSanitation, moderation: 'pass', ...facts };
}

describe('inSubtree', () => {
  it('holds for the node itself and every node below it', () => {
    expect(inSubtree(zhongshanSanitation, 'gr-zs-sanitation')).toBe(true);
    expect(inSubtree(zhongshanSanitation, 'dist-zhongshan')).toBe(true);
    expect(inSubtree(zhongshanSanitation, 'dl')).toBe(true);
  });

  it('does not hold for siblings, cousins or descendants', () => {
    expect(inSubtree(zhongshanSanitation, 'dist-xigang')).toBe(false);
    expect(inSubtree(zhongshanSanitation, 'gr-zs-mall')).toBe(false);
    expect(inSubtree(['dl', 'dist-zhongshan'], 'gr-zs-sanitation')).toBe(false);
    expect(inSubtree([], 'dl')).toBe(false);
  });

  it('matches whole ids, not prefixes', () => {
    expect(inSubtree(['dl', 'dist-zhongshan-2'], 'dist-zhongshan')).toBe(false);
  });
});

describe('canSeeProposal', () => {
  it('lets the author see their own flagged proposal', () => {
    expect(canSeeProposal(worker, proposal({ moderation: 'review' }))).toBe(true);
    expect(canSeeProposal(worker, proposal({ moderation: 'rejected' }))).toBe(true);
  });

  it('hides another worker’s flagged proposal from a worker, and shows it once it passed', () => {
    expect(canSeeProposal(otherWorker, proposal({ moderation: 'review' }))).toBe(false);
    expect(canSeeProposal(otherWorker, proposal({ moderation: 'rejected' }))).toBe(false);
    expect(canSeeProposal(otherWorker, proposal({ moderation: 'pass' }))).toBe(true);
  });

  it('treats a cadre like a worker for others’ flagged proposals', () => {
    expect(canSeeProposal(cadre, proposal({ moderation: 'review' }))).toBe(false);
    expect(canSeeProposal(cadre, proposal({ moderation: 'pass', orgPath: xigangHotel }))).toBe(true);
  });

  it('lets district staff see every proposal of their subtree, flagged or not, and nothing outside it', () => {
    expect(canSeeProposal(districtStaff, proposal({ moderation: 'review' }))).toBe(true);
    expect(canSeeProposal(districtStaff, proposal({ moderation: 'pass' }))).toBe(true);
    expect(canSeeProposal(districtStaff, proposal({ moderation: 'pass', orgPath: xigangHotel }))).toBe(false);
    expect(canSeeProposal(districtStaff, proposal({ moderation: 'review', orgPath: xigangHotel }))).toBe(false);
  });

  it('lets city staff see the whole city', () => {
    expect(canSeeProposal(cityResearch, proposal({ moderation: 'review', orgPath: xigangHotel }))).toBe(true);
  });

  it('never matches an offline proposal (no author openid) to a viewer by openid', () => {
    const offline = proposal({ authorOpenid: null, moderation: 'review' });
    expect(canSeeProposal({ ...worker, openid: '' }, offline)).toBe(false);
  });
});

describe('seesAuthorName', () => {
  it('shows the full name to the author and to staff in scope only', () => {
    expect(seesAuthorName(worker, proposal())).toBe(true);
    expect(seesAuthorName(otherWorker, proposal())).toBe(false);
    expect(seesAuthorName(cadre, proposal())).toBe(false);
    expect(seesAuthorName(districtStaff, proposal())).toBe(true);
    expect(seesAuthorName(districtStaff, proposal({ orgPath: xigangHotel }))).toBe(false);
  });
});
