/**
 * 记录座谈 / 修改座谈: date, place, attendance, the units taking part (rows added and removed), the
 * summary, the issues raised, photos, and the follow-ups (what, who, by when). Checked on the phone with
 * the function's own schema and date rules; the function's field messages land next to their fields.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef } from 'react';
import {
  businessDate,
  forumInputProblems,
  forumLimits,
  recordForumInputSchema,
  type Forum,
} from '@shishi/shared-types';
import { AppButton, Card, FormField, Notice, TextField } from '../../components';
import { useFormState } from '../../hooks/useFormState';
import { toastSuccess } from '../../utils/feedback';
import { fieldErrorsFrom } from '../../utils/fieldErrors';
import { AttachmentField, useAttachments } from '../attachment';
import { DateInput } from '../project/actions/ui';
import { recordForum } from './api';
import { FORUM_SAVED } from './routes';
import './forum.scss';

interface UnitRow {
  row: number;
  unit: string;
  count: string;
}
interface IssueRow {
  row: number;
  text: string;
}
interface FollowRow {
  row: number;
  /** The stored follow-up this row edits (its done state is kept). */
  key?: string;
  what: string;
  owner: string;
  dueDate: string;
  done: boolean;
}

interface Values {
  date: string;
  place: string;
  attendance: string;
  summary: string;
  participants: UnitRow[];
  issues: IssueRow[];
  followUps: FollowRow[];
}

/** A count as typed: a whole number, or what the schema refuses with its own message. */
const countOf = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

function initialValues(forum: Forum | null, next: () => number): Values {
  const d = forum?.detail;
  return {
    date: forum?.date ?? businessDate(Date.now()),
    place: forum?.place ?? '',
    attendance: forum ? String(forum.attendance) : '',
    summary: forum?.summary ?? '',
    participants: (d?.participants ?? []).map((p) => ({ row: next(), unit: p.unit, count: String(p.count) })),
    issues: (d?.issues ?? []).map((text) => ({ row: next(), text })),
    followUps: (d?.followUps ?? []).map((f) => ({
      row: next(),
      key: f.key,
      what: f.what,
      owner: f.owner,
      dueDate: f.dueDate,
      done: f.done,
    })),
  };
}

export function ForumForm({
  projectId,
  forum,
  openid,
}: {
  projectId: string;
  /** The forum being edited; null for a new one. */
  forum: Forum | null;
  openid: string | null;
}) {
  const counter = useRef(0);
  const next = () => (counter.current += 1);
  const form = useFormState<Values>(() => initialValues(forum, next));
  const photos = useAttachments(
    openid,
    undefined,
    (forum?.detail?.photos ?? []).map((p) => ({ fileID: p.fileID, url: p.url })),
  );
  const v = form.values;
  const e = form.errors;

  /** Changes one list and clears the messages of that list (their row numbers move). */
  const setList = <K extends 'participants' | 'issues' | 'followUps'>(key: K, list: Values[K]) => {
    form.setValues((old) => ({ ...old, [key]: list }));
    form.setErrors((old) =>
      Object.fromEntries(Object.entries(old).filter(([path]) => path !== key && !path.startsWith(`${key}.`))),
    );
  };
  const setRow = <K extends 'participants' | 'issues' | 'followUps'>(
    key: K,
    row: number,
    patch: Partial<Values[K][number]>,
  ) => {
    const list = v[key] as Array<Values[K][number]>;
    const i = list.findIndex((r) => r.row === row);
    form.setValues((old) => ({
      ...old,
      [key]: (old[key] as Array<Values[K][number]>).map((r) => (r.row === row ? { ...r, ...patch } : r)),
    }));
    form.setErrors((old) =>
      Object.fromEntries(
        Object.entries(old).filter(([path]) => path !== `${key}.${i}` && !path.startsWith(`${key}.${i}.`)),
      ),
    );
  };

  const submit = async () => {
    if (photos.uploading) {
      photos.setError('照片还在上传，请稍等');
      return;
    }
    const checked = form.check(
      recordForumInputSchema.safeParse({
        projectId,
        forumId: forum?._id,
        date: v.date,
        place: v.place,
        attendance: countOf(v.attendance),
        summary: v.summary,
        participants: v.participants.map((p) => ({ unit: p.unit, count: countOf(p.count) })),
        issues: v.issues.map((i) => i.text),
        photos: photos.fileIDs,
        followUps: v.followUps.map((f) => ({
          ...(f.key ? { key: f.key } : {}),
          what: f.what,
          owner: f.owner,
          dueDate: f.dueDate,
        })),
      }),
    );
    if (!checked) return;
    const problems = forumInputProblems(checked, businessDate(Date.now()));
    if (problems.length > 0) {
      form.setErrors(fieldErrorsFrom(problems));
      return;
    }
    await form.send(
      async () => {
        await recordForum(checked);
        Taro.eventCenter.trigger(FORUM_SAVED, projectId);
        toastSuccess(forum ? '座谈记录已修改' : '座谈已记录');
        setTimeout(() => void Taro.navigateBack(), 600);
      },
      { page: true },
    );
  };

  return (
    <View id="forum-form">
      {form.formError ? <Notice id="forum-form-error" text={form.formError} /> : null}
      <Card title={forum ? '修改座谈记录' : '记录现场座谈'}>
        <FormField label="座谈日期" error={e.date} id="forum-date">
          <DateInput id="forum-date" value={v.date} onChange={(day) => form.setField('date', day)} />
        </FormField>
        <TextField
          {...form.text('place')}
          id="forum-place"
          label="座谈地点"
          maxlength={forumLimits.place}
          placeholder="例如：中山区环卫一队会议室"
        />
        <TextField
          {...form.text('attendance')}
          id="forum-attendance"
          label="参加人数"
          type="number"
          maxlength={6}
          placeholder="一共来了多少人"
        />
        <TextField
          {...form.text('summary')}
          id="forum-summary"
          label="座谈情况"
          multiline
          maxlength={forumLimits.summary}
          placeholder="职工怎么看这个项目，满意的地方和希望改进的地方"
        />
      </Card>

      <Card title="参加单位" id="forum-units">
        {e.participants ? <Text className="ui-field__error">{e.participants}</Text> : null}
        {v.participants.length === 0 ? (
          <Text className="fm-hint">可以不填；填了的话，各单位人数合计不能多于参加人数。</Text>
        ) : null}
        {v.participants.map((p, i) => (
          <View className="fm-form__row" key={p.row} id={`forum-unit-${i}`}>
            <View className="fm-form__row-fields">
              <TextField
                id={`forum-unit-${i}-name`}
                label="单位名称"
                maxlength={forumLimits.unit}
                value={p.unit}
                error={e[`participants.${i}.unit`]}
                onInput={(unit) => setRow('participants', p.row, { unit })}
                placeholder="例如：中山区环卫一队"
              />
              <TextField
                id={`forum-unit-${i}-count`}
                label="人数"
                type="number"
                maxlength={6}
                value={p.count}
                error={e[`participants.${i}.count`]}
                onInput={(count) => setRow('participants', p.row, { count })}
              />
            </View>
            <View
              className="fm-form__remove"
              id={`forum-unit-${i}-remove`}
              onClick={() =>
                setList(
                  'participants',
                  v.participants.filter((r) => r.row !== p.row),
                )
              }
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {v.participants.length < forumLimits.participants ? (
          <AppButton
            id="forum-unit-add"
            className="fm-form__add"
            block
            onClick={() => setList('participants', [...v.participants, { row: next(), unit: '', count: '' }])}
          >
            添加参加单位
          </AppButton>
        ) : null}
      </Card>

      <Card title="职工提出的问题" id="forum-issues">
        {e.issues ? <Text className="ui-field__error">{e.issues}</Text> : null}
        {v.issues.length === 0 ? <Text className="fm-hint">一条一个问题，方便之后逐条跟进。</Text> : null}
        {v.issues.map((issue, i) => (
          <View className="fm-form__row" key={issue.row} id={`forum-issue-${i}`}>
            <View className="fm-form__row-fields">
              <TextField
                id={`forum-issue-${i}-text`}
                label={`问题 ${i + 1}`}
                multiline
                maxlength={forumLimits.issue}
                value={issue.text}
                error={e[`issues.${i}`]}
                onInput={(text) => setRow('issues', issue.row, { text })}
              />
            </View>
            <View
              className="fm-form__remove"
              id={`forum-issue-${i}-remove`}
              onClick={() =>
                setList(
                  'issues',
                  v.issues.filter((r) => r.row !== issue.row),
                )
              }
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {v.issues.length < forumLimits.issues ? (
          <AppButton
            id="forum-issue-add"
            className="fm-form__add"
            block
            onClick={() => setList('issues', [...v.issues, { row: next(), text: '' }])}
          >
            添加问题
          </AppButton>
        ) : null}
      </Card>

      <Card title="现场照片">
        <AttachmentField
          attachments={photos}
          label="照片"
          id="forum-photos"
          serverError={e.photos ?? Object.entries(e).find(([path]) => path.startsWith('photos.'))?.[1]}
        />
      </Card>

      <Card title="跟进事项" id="forum-followups">
        {e.followUps ? <Text className="ui-field__error">{e.followUps}</Text> : null}
        {v.followUps.length === 0 ? (
          <Text className="fm-hint">座谈上答应职工要办的事，写明责任人和完成期限，办完后在项目记录里标记完成。</Text>
        ) : null}
        {v.followUps.map((f, i) => (
          <View className="fm-form__row" key={f.row} id={`forum-followup-${i}`}>
            <View className="fm-form__row-fields">
              <TextField
                id={`forum-followup-${i}-what`}
                label={`事项 ${i + 1}${f.done ? '（已完成）' : ''}`}
                multiline
                maxlength={forumLimits.followUpWhat}
                value={f.what}
                error={e[`followUps.${i}.what`] ?? e[`followUps.${i}.key`]}
                onInput={(what) => setRow('followUps', f.row, { what })}
              />
              <TextField
                id={`forum-followup-${i}-owner`}
                label="责任人"
                maxlength={forumLimits.followUpOwner}
                value={f.owner}
                error={e[`followUps.${i}.owner`]}
                onInput={(owner) => setRow('followUps', f.row, { owner })}
              />
              <FormField label="完成期限" error={e[`followUps.${i}.dueDate`]} id={`forum-followup-${i}-due`}>
                <DateInput
                  id={`forum-followup-${i}-due`}
                  value={f.dueDate}
                  onChange={(dueDate) => setRow('followUps', f.row, { dueDate })}
                />
              </FormField>
            </View>
            <View
              className="fm-form__remove"
              id={`forum-followup-${i}-remove`}
              onClick={() =>
                setList(
                  'followUps',
                  v.followUps.filter((r) => r.row !== f.row),
                )
              }
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {v.followUps.length < forumLimits.followUps ? (
          <AppButton
            id="forum-followup-add"
            className="fm-form__add"
            block
            onClick={() =>
              setList('followUps', [...v.followUps, { row: next(), what: '', owner: '', dueDate: '', done: false }])
            }
          >
            添加跟进事项
          </AppButton>
        ) : null}
      </Card>

      <View className="fm-form__bar">
        <AppButton
          id="forum-submit"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void submit()}
        >
          {forum ? '保存修改' : '保存座谈记录'}
        </AppButton>
      </View>
    </View>
  );
}
