/** 新建服务点 (staff): name, address, dates, hours, contact; checked with the function's own schema. */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { createPointInputSchema, type ServicePoint } from '@shishi/shared-types';
import { AppButton, Card, Notice, TextField } from '../../components';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
import { createServicePoint } from './api';

const empty = { name: '', address: '', startDate: '', endDate: '', hours: '', contact: '' };

export function PointForm({
  projectId,
  dates,
  onCreated,
}: {
  projectId: string;
  dates: string;
  onCreated: (p: ServicePoint) => void;
}) {
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof empty) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const submit = async () => {
    setFailed('');
    const parsed = createPointInputSchema.safeParse({ ...v, projectId });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onCreated(await createServicePoint(parsed.data));
      setV(empty);
    } catch (e) {
      const err = toApiError(e);
      setErrors(fieldErrorsFrom(err.fields));
      setFailed(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="新建服务点" id="point-form">
      {failed ? <Notice text={failed} id="point-form-error" /> : null}
      <TextField
        id="point-name"
        label="服务点名称"
        maxlength={30}
        value={v.name}
        onInput={set('name')}
        error={errors.name}
        placeholder="如：中山区职工服务中心"
      />
      <TextField
        id="point-address"
        label="地址"
        maxlength={80}
        value={v.address}
        onInput={set('address')}
        error={errors.address}
        placeholder="街道、门牌号、楼层"
      />
      <View>
        <TextField
          id="point-start"
          label="开始日期"
          maxlength={10}
          value={v.startDate}
          onInput={set('startDate')}
          error={errors.startDate}
          placeholder="如 2026-12-01"
        />
        <TextField
          id="point-end"
          label="结束日期"
          maxlength={10}
          value={v.endDate}
          onInput={set('endDate')}
          error={errors.endDate}
          placeholder="如 2026-12-31"
          extra={dates ? `项目服务日期：${dates}` : undefined}
        />
      </View>
      <TextField
        id="point-hours"
        label="服务时间"
        maxlength={40}
        value={v.hours}
        onInput={set('hours')}
        error={errors.hours}
        placeholder="如：周一至周五 9:00–16:00"
      />
      <TextField
        id="point-contact"
        label="联系人和电话"
        maxlength={40}
        value={v.contact}
        onInput={set('contact')}
        error={errors.contact}
        placeholder="如：张丽 0411-82345678"
      />
      <AppButton
        id="point-submit"
        kind="primary"
        block
        loading={busy}
        busyText="正在保存…"
        onClick={() => void submit()}
      >
        保存服务点
      </AppButton>
    </Card>
  );
}
