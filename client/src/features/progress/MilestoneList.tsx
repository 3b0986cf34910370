import { View, Text, Picker } from '@tarojs/components';
import { useState } from 'react';
import { businessDate, type MilestoneView, type Project } from '@shishi/shared-types';
import { AppButton, Notice } from '../../components';
import { Sheet } from '../../components/Sheet';
import { toApiError } from '../../services/call';
import { toastSuccess } from '../../utils/feedback';
import { tickMilestone } from './api';
import { dayLabel } from './labels';

interface MilestoneListProps {
  project: Project;
  milestones: MilestoneView[];
  lateCount: number;
  /** The caller may tick milestones off (the implementing unit's staff). */
  canTick: boolean;
  onChanged: () => void;
}

function stateOf(m: MilestoneView): { label: string; tone: 'done' | 'late' | 'ahead' } {
  if (m.done) return { label: `${m.doneOn ? dayLabel(m.doneOn) : ''}完成`, tone: 'done' };
  if (m.late) return { label: '已逾期', tone: 'late' };
  return { label: '按计划推进', tone: 'ahead' };
}

/** 推进计划: the feasibility report's milestones with planned and done dates, late ones marked. */
export function MilestoneList({ project, milestones, lateCount, canTick, onChanged }: MilestoneListProps) {
  const [ticking, setTicking] = useState<MilestoneView | null>(null);
  return (
    <View className="pg-card" id="progress-milestones">
      <View className="pg-card__head">
        <Text className="pg-card__title">推进计划</Text>
        {lateCount > 0 ? (
          <Text className="pg-flag pg-flag--late" id="progress-late-count">
            {lateCount} 个节点逾期
          </Text>
        ) : null}
      </View>
      {milestones.length === 0 ? (
        <Text className="pg-empty" id="progress-milestones-empty">
          可行性研究报告里还没有列出推进节点。列出后，每个节点的计划时间和完成情况都会显示在这里。
        </Text>
      ) : (
        milestones.map((m, i) => {
          const state = stateOf(m);
          return (
            <View key={m.key} className={`pg-ms pg-ms--${state.tone}`} id={`progress-milestone-${i}`}>
              <View className="pg-ms__dot" />
              <View className="pg-ms__body">
                <Text className="pg-ms__task">{m.task}</Text>
                <Text className="pg-ms__date">计划 {dayLabel(m.date)}</Text>
                <Text className={`pg-ms__state pg-ms__state--${state.tone}`} id={`progress-milestone-${i}-state`}>
                  {state.label}
                </Text>
              </View>
              {canTick ? (
                <AppButton
                  id={`progress-milestone-${i}-tick`}
                  kind={m.done ? 'plain' : 'default'}
                  className="pg-ms__tick"
                  onClick={() => setTicking(m)}
                >
                  {m.done ? '撤销' : '标记完成'}
                </AppButton>
              ) : null}
            </View>
          );
        })
      )}
      {ticking ? (
        <TickSheet
          project={project}
          milestone={ticking}
          onClose={() => setTicking(null)}
          onDone={() => {
            setTicking(null);
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}

interface TickSheetProps {
  project: Project;
  milestone: MilestoneView;
  onClose: () => void;
  onDone: () => void;
}

/** 标记完成 with the day it was done (today unless said otherwise), or 撤销 a mark made by mistake. */
function TickSheet({ project, milestone, onClose, onDone }: TickSheetProps) {
  const today = businessDate(new Date());
  // Unchanged, the server's today is used (its clock is the one the rule checks against).
  const [day, setDay] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = milestone.done;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await tickMilestone(
        undo
          ? { projectId: project._id, key: milestone.key, undo: true }
          : { projectId: project._id, key: milestone.key, ...(day ? { doneOn: day } : {}) },
      );
      toastSuccess(undo ? '已撤销' : '已标记完成');
      onDone();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      open
      id="progress-tick-sheet"
      title={undo ? '撤销完成标记' : '标记节点完成'}
      onClose={onClose}
      footer={
        <AppButton
          id="progress-tick-confirm"
          kind="primary"
          block
          loading={busy}
          busyText="正在保存…"
          onClick={() => void send()}
        >
          {undo ? '撤销标记' : '标记完成'}
        </AppButton>
      }
    >
      {error ? <Notice id="progress-tick-error" text={error} /> : null}
      <Text className="pg-sheet-lead">{milestone.task}</Text>
      <Text className="pg-sheet-fact">计划时间：{dayLabel(milestone.date)}</Text>
      {undo ? (
        <Text className="pg-sheet-fact">
          已于 {milestone.doneOn ? dayLabel(milestone.doneOn) : ''} 标记完成。撤销后这个节点回到未完成。
        </Text>
      ) : (
        <View className="pg-field">
          <Text className="pg-field__label">完成日期</Text>
          <Picker mode="date" value={day ?? today} end={today} onChange={(e) => setDay(String(e.detail.value))}>
            <View className="ui-input pg-date" id="progress-tick-date">
              <Text>{day ? dayLabel(day) : '今天'}</Text>
              <Text className="pg-date__arrow">›</Text>
            </View>
          </Picker>
        </View>
      )}
    </Sheet>
  );
}
