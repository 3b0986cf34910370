/** The `announce` function's actions (信息发布: a project's plan and news, the workers' feed). */
import { access } from '../rules/access';
import { announcePublishAccess, announceStatsAccess } from '../rules/menuAccess';
import { roles } from '../roles';
import {
  announcementSchema,
  announcementStatsInputSchema,
  announcementStatsOutputSchema,
  feedInputSchema,
  feedOutputSchema,
  getAnnouncementInputSchema,
  publishAnnouncementInputSchema,
  publishAnnouncementOutputSchema,
  updateAnnouncementInputSchema,
  withdrawAnnouncementInputSchema,
} from '../schemas/announce';
import type { ActionContract } from './contract';

export const announceContracts = {
  publish: {
    summary:
      '发布项目公告：项目的第一条是实施方案（同时发布项目），之后的公告发给同一范围的职工；文字和图片通过内容安全检测后职工才能看到',
    input: publishAnnouncementInputSchema,
    output: publishAnnouncementOutputSchema,
    access: announcePublishAccess,
  },
  update: {
    summary: '修改公告：已发布的标记“已更新”和时间，修改后的内容重新检测',
    input: updateAnnouncementInputSchema,
    output: announcementSchema,
    access: announcePublishAccess,
  },
  withdraw: {
    summary: '撤回公告：职工不再看到，未发出的订阅消息停发；记录保留，工作人员看到“已撤回”',
    input: withdrawAnnouncementInputSchema,
    output: announcementSchema,
    access: announcePublishAccess,
  },
  feed: {
    summary: '首页动态：发给我（所在单位、所属群体）的项目和公告，最新在前，标出未读',
    input: feedInputSchema,
    output: feedOutputSchema,
    access: access(roles),
  },
  get: {
    summary: '一条公告（打开即标为已读）',
    input: getAnnouncementInputSchema,
    output: announcementSchema,
    access: access(roles, 'any'),
  },
  stats: {
    summary: '项目各条公告的触达：发布范围人数、在小程序里打开的人数、订阅消息已发送 / 失败 / 待发送',
    input: announcementStatsInputSchema,
    output: announcementStatsOutputSchema,
    access: announceStatsAccess,
  },
} as const satisfies Record<string, ActionContract>;
