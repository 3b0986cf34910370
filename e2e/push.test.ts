/**
 * 订阅消息 (issue 13): a worker subscribes with a tap on 我的 → 订阅消息 (in the browser a stand-in for
 * WeChat's dialog: 同意 records accept, 拒绝 records reject), sees what each topic will bring; the
 * project page's 消息提醒 asks for project news; a message queued for a worker with a grant reaches
 * the dev host's outbox when the drain runs, one without a grant does not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, baseUrl, confirmModal, freshPhones, settle, shot } from './browser';

const phone = freshPhones();

interface LedgerTopic {
  topic: string;
  templateId: string;
  oneTime: number;
  canReceive: boolean;
}

async function outbox(): Promise<Array<{ touser: string; templateId: string; page?: string }>> {
  const res = await fetch(`${baseUrl}/dev/outbox`);
  return ((await res.json()) as { data: { subscribeMessages: Array<{ touser: string; templateId: string }> } }).data
    .subscribeMessages;
}

test('我的 → 订阅消息: the three project topics, 同意 adds one message, 拒绝 adds none', async () => {
  const page = await phone('demo-cadre');
  await page.goto(baseUrl + '/#/pages/mine/index');
  await page.locator('#mine-subscriptions').click();
  await page.locator('#push-topics').waitFor();
  for (const topic of ['projectNew', 'projectNews', 'projectMoved'])
    assert.match(await page.locator(`#push-state-${topic}`).innerText(), /未订阅/);
  await settle(page);
  await shot(page, 'push-01-subscriptions');

  await page.locator('#push-subscribe-projectNews').click();
  await page.locator('.taro-modal__content').filter({ visible: true }).waitFor();
  assert.match(await page.locator('.taro-modal__content').filter({ visible: true }).innerText(), /关注项目动态通知/);
  await shot(page, 'push-02-standin-dialog');
  await confirmModal(page);
  await page.locator('#push-state-projectNews').filter({ hasText: '还能通知您 1 次' }).waitFor();

  // 拒绝 in the dialog: nothing granted.
  await page.locator('#push-subscribe-projectNew').click();
  await page.locator('.taro-model__cancel').filter({ visible: true }).click();
  await page.waitForTimeout(500);
  assert.match(await page.locator('#push-state-projectNew').innerText(), /未订阅/);
  await settle(page);
  await shot(page, 'push-03-subscribed');

  const ledger = await api<{ topics: LedgerTopic[] }>('demo-cadre', 'push', 'ledger');
  const byTopic = Object.fromEntries(ledger.topics.map((t) => [t.topic, t]));
  assert.equal(byTopic.projectNews.oneTime, 1);
  assert.equal(byTopic.projectNew.oneTime, 0);
});

test('a queued message reaches the outbox for a worker with a grant, not for one without', async () => {
  const ledger = await api<{ topics: LedgerTopic[] }>('demo-worker', 'push', 'ledger');
  const decided = ledger.topics.find((t) => t.topic === 'proposalDecided')!;
  // The worker accepts the 建议处理结果通知 template (what the proposal form's tap records on weapp).
  await api('demo-worker', 'push', 'subscribe', { results: { [decided.templateId]: 'accept' } });
  const mine = await api<{ _id: string }>('demo-worker', 'proposal', 'submit', {
    title: '夜班职工通勤班车增加末班车次',
    content: '夜班下班后已没有公交，建议工会协调增加一班晚上十一点后的通勤班车，方便职工回家。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    clientDraftId: 'e2e-push-1',
  });
  const before = (await outbox()).length;
  await api('demo-district', 'proposal', 'decide', { proposalId: mine._id, kind: 'defer', reason: '明年统筹安排' });
  // Queued, not sent yet: the drain (timer every minute; an admin may run one now) sends it.
  const drained = await api<{ sent: number }>('demo-admin', 'push', 'drain', {});
  assert.ok(drained.sent >= 1);
  const sent = (await outbox()).slice(before).filter((m) => m.touser === 'demo-worker');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].templateId, decided.templateId);
  const after = await api<{ topics: LedgerTopic[] }>('demo-worker', 'push', 'ledger');
  assert.equal(after.topics.find((t) => t.topic === 'proposalDecided')!.canReceive, false);
});

test('the project page offers 消息提醒 with one tap', async () => {
  const list = await api<{ items: Array<{ _id: string }> }>('demo-district', 'project', 'list', {});
  // A project the worker may open (published, or from their own proposal).
  let projectId = '';
  for (const p of list.items) {
    const ok = await api('demo-worker', 'project', 'get', { projectId: p._id }).then(
      () => true,
      () => false,
    );
    if (ok) {
      projectId = p._id;
      break;
    }
  }
  assert.ok(projectId, 'the demo has a project the worker may open');
  const page = await phone('demo-worker');
  await page.goto(`${baseUrl}/#/packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`);
  await page.locator('#push-project').waitFor();
  await page.locator('#push-project').scrollIntoViewIfNeeded();
  await page.locator('#push-subscribe').click();
  await confirmModal(page);
  await page.locator('#push-state-projectNews').filter({ hasText: '还能通知您' }).waitFor();
  await settle(page);
  await shot(page, 'push-04-project-page');
});
