import { Text, View } from '@tarojs/components';
import { AppButton, Card, ErrorBlock, Loading, Notice } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { stateText, topicHelp, topicsOf, useSubscriber, workerTopics } from '../../../../features/push';
import '../../../../features/push/push.scss';

/**
 * 我的 → 订阅消息: the three kinds of project news, whether a message would reach me now (push.ledger),
 * and 订阅 for each (WeChat's dialog; in the browser a stand-in dialog).
 */
function SubscriptionsPage() {
  const s = useSubscriber();
  return (
    <View className="page">
      <Text className="page-intro">
        订阅后，有消息时会在微信里通知您。一次性订阅：每点一次“允许”，可以收到一条；长期订阅：允许一次，以后一直可以收到。不订阅也能在“消息”里看到全部通知。
      </Text>
      {s.error ? <Notice text={s.error.message} id="push-error" /> : null}
      {s.ledger.error ? (
        <ErrorBlock error={s.ledger.error} onRetry={s.ledger.reload} />
      ) : s.ledger.loading || !s.ledger.data ? (
        <Loading />
      ) : (
        <Card title="项目消息" id="push-topics">
          {topicsOf(s.ledger.data, workerTopics).map((t) => (
            <View key={t.topic} className="push__topic" id={`push-topic-${t.topic}`}>
              <View className="push__topic-body">
                <Text className="push__topic-title">{t.label}</Text>
                <Text className="push__topic-help">{topicHelp[t.topic]}</Text>
                <Text
                  className={`push__topic-state ${t.canReceive ? 'push__topic-state--on' : ''}`}
                  id={`push-state-${t.topic}`}
                >
                  {stateText(t)}
                </Text>
              </View>
              <AppButton
                id={`push-subscribe-${t.topic}`}
                className="push__topic-action"
                kind={t.canReceive ? 'default' : 'primary'}
                loading={s.asking?.includes(t.topic) ?? false}
                busyText="订阅中…"
                onClick={() => void s.subscribe([t.topic])}
              >
                {t.canReceive && t.kind === 'longTerm' ? '已订阅' : '订阅'}
              </AppButton>
            </View>
          ))}
        </Card>
      )}
      {s.ledger.data ? (
        <AppButton
          id="push-subscribe-all"
          block
          kind="plain"
          loading={s.asking !== null && s.asking.length > 1}
          busyText="正在订阅…"
          onClick={() => void s.subscribe(workerTopics)}
        >
          一次订阅全部三类
        </AppButton>
      ) : null}
    </View>
  );
}

export default withFontScale(SubscriptionsPage);
