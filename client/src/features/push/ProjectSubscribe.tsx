import { Text, View } from '@tarojs/components';
import { AppButton, Card, ErrorBlock, Loading, Notice } from '../../components';
import { useSubscriber } from './hooks';
import { stateText, topicsOf } from './state';
import './push.scss';

const TOPICS = ['projectNews', 'projectMoved'] as const;

/** On the project page: 消息提醒 — subscribe to this kind of news with one tap (WeChat's dialog). */
export function ProjectSubscribe() {
  const s = useSubscriber();
  const topics = s.ledger.data ? topicsOf(s.ledger.data, TOPICS) : [];
  const on = topics.some((t) => t.canReceive);
  return (
    <Card title="消息提醒" id="push-project">
      <Text className="push__intro">关注的项目有新动态、您的建议形成的项目有进展时，用微信消息通知您。</Text>
      {s.ledger.error ? (
        <ErrorBlock error={s.ledger.error} onRetry={s.ledger.reload} />
      ) : s.ledger.loading || !s.ledger.data ? (
        <Loading />
      ) : (
        <View className="push__states">
          {topics.map((t) => (
            <Text key={t.topic} className="push__state" id={`push-state-${t.topic}`}>
              {t.label}：{stateText(t)}
            </Text>
          ))}
        </View>
      )}
      {s.error ? <Notice text={s.error.message} /> : null}
      <AppButton
        id="push-subscribe"
        kind={on ? 'default' : 'primary'}
        block
        loading={s.asking !== null}
        busyText="正在订阅…"
        onClick={() => void s.subscribe(TOPICS)}
      >
        {on ? '再订阅一次（多收一条）' : '订阅消息提醒'}
      </AppButton>
    </Card>
  );
}
