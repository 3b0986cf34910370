import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { progressReportStatuses, type Project } from '@shishi/shared-types';
import { AppButton } from '../../components';
import { ShareButton } from './ShareButton';

interface NextStepsProps {
  project: Project;
  /** Further actions of the features around the page, under 分享. */
  children?: ReactNode;
}

/**
 * 您可以做什么: once a project is published, what a worker can do — take part (the service points and
 * their times are below; check in there) and share it with colleagues. 关注 follows right under this card
 * (the announcements block, which knows whether the reader follows).
 */
export function NextSteps({ project, children }: NextStepsProps) {
  if (!project.plan) return null;
  // Workers take part while the project is carried out (the statuses progress is reported in).
  const open = progressReportStatuses.includes(project.status);
  return (
    <View className="pg-card" id="project-next">
      <View className="pg-card__head">
        <Text className="pg-card__title">您可以做什么</Text>
      </View>
      {open ? (
        <View className="pg-next">
          <Text className="pg-next__step">
            <Text className="pg-next__em">参加：</Text>到下面列出的服务点，在服务时间内现场参加。
          </Text>
          <Text className="pg-next__step">
            <Text className="pg-next__em">签到：</Text>在服务点用微信扫一扫现场的二维码，计入直接受益人数。
          </Text>
          <AppButton
            id="project-next-points"
            kind="default"
            block
            onClick={() => void Taro.pageScrollTo({ selector: '#checkin-panel', duration: 300 })}
          >
            查看服务点和签到
          </AppButton>
        </View>
      ) : (
        <Text className="pg-empty" id="project-next-closed">
          这个项目的服务已经结束，可以在下面查看办理情况。
        </Text>
      )}
      <Text className="pg-next__step">
        <Text className="pg-next__em">分享：</Text>把项目发给同事，一起参加。
      </Text>
      <ShareButton projectId={project._id} />
      {children}
    </View>
  );
}
