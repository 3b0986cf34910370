/**
 * The buttons of what the caller may do now with a project (`project.staff.actions`), each opening a
 * sheet with its fields, or the page that edits the record / fills a form. Part A's detail page mounts
 * it; after a change it calls `onChanged()` so the page loads the project again.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { adjustableStatuses, businessDate, formKindLabels, projectLifecycle, type Project } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { useOnReshow } from '../../../hooks/useOnReshow';
import { CloseSheet } from './CloseSheet';
import { readActionKey, actionButtonId, type ActionKey } from './keys';
import { MoveSheet, type SimpleMove } from './MoveSheet';
import { ReviewSheet } from './ReviewSheet';
import { projectDecisionUrl, projectEditUrl, projectFormUrl } from './routes';
import { SignSheet } from './SignSheet';
import { SpendingSheet } from './SpendingSheet';
import '../../../components/ChipGroup/index.scss';
import '../../../components/FormField/index.scss';
import '../../../components/Sheet/index.scss';
import './actions.scss';

interface Button {
  key: string;
  action: ActionKey;
  label: string;
  kind: 'primary' | 'default' | 'plain';
}

/** Danger moves go last, in plain style; signing and filing come first. */
const order: Record<ActionKey['type'], number> = {
  sign: 0,
  submitForm: 1,
  recordDecision: 2,
  move: 3,
  update: 4,
  recordSpending: 5,
  close: 6,
};

function buttonsOf(p: Project): Button[] {
  const staff = p.staff!;
  const out: Button[] = [];
  for (const key of staff.actions) {
    const action = readActionKey(key);
    if (!action) continue;
    let label: string;
    let kind: Button['kind'] = 'default';
    switch (action.type) {
      case 'move':
        label = projectLifecycle.transitions[action.move].label;
        if (action.move === 'terminate') kind = 'plain';
        else if (action.move !== 'returnForRevision') kind = 'primary';
        break;
      case 'update':
        label = adjustableStatuses.includes(p.status)
          ? '调整项目（写明原因）'
          : staff.frozen
            ? '查看可研报告'
            : '修改可研报告';
        break;
      case 'submitForm': {
        const last = staff.forms.filter((f) => f.kind === action.kind).some((f) => f.status === 'returned');
        label = `${last ? '重新提交' : '填报'}${formKindLabels[action.kind]}`;
        kind = 'primary';
        break;
      }
      case 'sign': {
        const form = staff.forms.find((f) => f._id === action.formId);
        if (!form) continue;
        label = `签署${form.kindLabel}${form.pending ? `（${form.pending.stepLabel}）` : ''}`;
        kind = 'primary';
        break;
      }
      case 'recordSpending':
        label = '登记资金支出';
        break;
      case 'close':
        label = '结项';
        kind = 'primary';
        break;
      case 'recordDecision':
        label = '记录审定会议';
        kind = 'primary';
        break;
    }
    out.push({ key, action, label, kind });
  }
  return out.sort((a, b) => {
    const danger = (x: Button) => (x.action.type === 'move' && x.action.move === 'terminate' ? 1 : 0);
    return danger(a) - danger(b) || order[a.action.type] - order[b.action.type];
  });
}

/** What the caller may do with this project now, as buttons that open their sheets. */
export function ProjectActions({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const [open, setOpen] = useState<ActionKey | null>(null);
  const leftForPage = useRef(false);
  // Back from the record editor or a form page: the project may have changed there.
  useOnReshow(() => {
    if (!leftForPage.current) return;
    leftForPage.current = false;
    onChanged();
  });
  if (!project.staff) return null;
  const buttons = buttonsOf(project);
  const today = businessDate(new Date());
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };

  const tap = (b: Button) => {
    const a = b.action;
    if (a.type === 'update' || a.type === 'submitForm' || a.type === 'recordDecision') {
      leftForPage.current = true;
      const url =
        a.type === 'update'
          ? projectEditUrl(project._id)
          : a.type === 'submitForm'
            ? projectFormUrl(project._id, a.kind)
            : projectDecisionUrl();
      void Taro.navigateTo({ url });
      return;
    }
    setOpen(a);
  };

  const signForm = open?.type === 'sign' ? project.staff.forms.find((f) => f._id === open.formId) : undefined;
  return (
    <View className="pa" id="project-actions">
      <Text className="pa__title">可以办理</Text>
      {buttons.length === 0 ? (
        <Text className="pa__none" id="project-actions-none">
          现在没有需要您办理的事项。
        </Text>
      ) : (
        <View className="pa__buttons">
          {buttons.map((b) => (
            <AppButton key={b.key} id={actionButtonId(b.key)} kind={b.kind} block onClick={() => tap(b)}>
              {b.label}
            </AppButton>
          ))}
        </View>
      )}
      {open?.type === 'move' && open.move === 'recordReview' ? (
        <ReviewSheet project={project} today={today} onClose={close} onDone={done} />
      ) : null}
      {open?.type === 'move' && open.move !== 'recordReview' ? (
        <MoveSheet project={project} move={open.move as SimpleMove} onClose={close} onDone={done} />
      ) : null}
      {signForm ? <SignSheet project={project} form={signForm} onClose={close} onDone={done} /> : null}
      {open?.type === 'recordSpending' ? (
        <SpendingSheet project={project} today={today} onClose={close} onDone={done} />
      ) : null}
      {open?.type === 'close' ? <CloseSheet project={project} onClose={close} onDone={done} /> : null}
    </View>
  );
}
