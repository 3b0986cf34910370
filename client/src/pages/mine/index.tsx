import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  AppButton,
  Card,
  Cell,
  CellGroup,
  ErrorBlock,
  Loading,
  PagedList,
  largeFontOn,
  setLargeFont,
} from '../../components';
import { config, routes } from '../../config';
import { useUnreadCount } from '../../features/message';
import { ProfileCard, useMe } from '../../features/profile';
import { ProposalCard, useMyProposals } from '../../features/proposal';
import { signOut } from '../../services/call';
import { withFontScale } from '../../components/FontScale';
import './index.scss';

/** 我的: my profile, then 我的建议 page by page. */
function MinePage() {
  const me = useMe();
  return (
    <View className="page">
      {me.error ? (
        <ErrorBlock error={me.error} onRetry={me.reload} />
      ) : me.loading || !me.data ? (
        <Loading />
      ) : me.data.bound ? (
        <>
          <ProfileCard profile={me.data.profile} onEdit={() => void Taro.navigateTo({ url: routes.bind })} />
          <MessagesEntry />
          <CellGroup>
            <Cell
              id="mine-subscriptions"
              title="订阅消息"
              description="项目有新消息时用微信通知我"
              onClick={() => void Taro.navigateTo({ url: routes.pushSubscriptions })}
            />
            <Cell
              id="mine-groups"
              title="我所属的群体"
              description="女职工、农民工等群体的项目通知能送到您这里"
              onClick={() => void Taro.navigateTo({ url: routes.workerGroups })}
            />
          </CellGroup>
          <LargeFontEntry />
          <MyProposals />
        </>
      ) : (
        <>
          <LargeFontEntry />
          <Card title="还没有绑定资料">
            <Text className="page-intro">绑定姓名和所在基层工会后，就能提建议、查看建议进展。</Text>
            <AppButton kind="primary" block onClick={() => void Taro.reLaunch({ url: routes.bind })}>
              去绑定资料
            </AppButton>
          </Card>
        </>
      )}
      {config.platform === 'h5' ? (
        <AppButton id="switch-identity" block className="mine__switch" onClick={signOut}>
          切换演示身份
        </AppButton>
      ) : null}
    </View>
  );
}

/** 消息 with the unread count in a red pill. */
function MessagesEntry() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <CellGroup>
      <Cell
        id="mine-messages"
        title="消息"
        description="建议的处理结果会通知您"
        value={
          count > 0 ? (
            <Text className="mine__unread" id="mine-unread">
              {count > 99 ? '99+' : count}
            </Text>
          ) : undefined
        }
        onClick={() => void Taro.navigateTo({ url: routes.messages })}
      />
    </CellGroup>
  );
}

/** 长辈模式: larger text on every page of this phone (kept on the device). */
function LargeFontEntry() {
  const [on, setOn] = useState(largeFontOn);
  const toggle = () => {
    setLargeFont(!on);
    setOn(!on);
  };
  return (
    <CellGroup>
      <Cell
        id="large-font"
        title="长辈模式"
        description={on ? '已开启：字更大，看得更清楚' : '开启后字更大，看得更清楚'}
        arrow={false}
        value={
          <View
            id="large-font-switch"
            className={`ui-toggle ${on ? 'ui-toggle--on' : ''}`}
            ariaRole="switch"
            ariaLabel="长辈模式"
            aria-checked={on ? 'true' : 'false'}
          >
            <View className="ui-toggle__knob" />
          </View>
        }
        onClick={toggle}
      />
    </CellGroup>
  );
}

function MyProposals() {
  const list = useMyProposals();
  return (
    <View>
      <Text className="section-title" id="mine-total">
        我的建议{list.status === 'ready' ? `（共 ${list.total} 条）` : ''}
      </Text>
      <PagedList
        id="mine-list"
        list={list}
        keyOf={(p) => p._id}
        renderItem={(p) => <ProposalCard proposal={p} variant="mine" />}
        emptyText="您还没有提过建议。有想请工会帮忙办的事，欢迎说一说。"
        emptyActionText="去提建议"
        onEmptyAction={() => void Taro.navigateTo({ url: routes.proposalNew })}
      />
    </View>
  );
}

export default withFontScale(MinePage);
