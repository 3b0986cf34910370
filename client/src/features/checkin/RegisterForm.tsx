/** 现场登记 (staff): a worker served without their phone — name, union, optional phone tail. */
import { Text } from '@tarojs/components';
import { useState } from 'react';
import { registerInputSchema, type ServicePoint } from '@shishi/shared-types';
import { AppButton, Card, ChipGroup, FormField, Notice, TextField } from '../../components';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
import { registerWorker } from './api';

const empty = { name: '', unit: '', phoneTail: '' };

export function RegisterForm({
  projectId,
  points,
  onDone,
}: {
  projectId: string;
  points: ServicePoint[];
  onDone: () => void;
}) {
  const [v, setV] = useState(empty);
  const [pointId, setPointId] = useState<string>(points[0]?._id ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<{ tone: 'info' | 'danger' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof empty) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const submit = async () => {
    setNote(null);
    const input = {
      projectId,
      name: v.name,
      unit: v.unit,
      ...(v.phoneTail.trim() ? { phoneTail: v.phoneTail } : {}),
      ...(pointId ? { pointId } : {}),
    };
    const parsed = registerInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const r = await registerWorker(parsed.data);
      setNote(
        r.added
          ? {
              tone: 'info',
              text: `已登记 ${parsed.data.name}（${r.unitName}）。${r.newlyServed ? '' : '此人之前已计入，'}直接服务职工现为 ${r.served} 人。`,
            }
          : { tone: 'warning', text: `${parsed.data.name}（${r.unitName}）今天已经签到或登记过了，不用再登记。` },
      );
      setV(empty);
      onDone();
    } catch (e) {
      const err = toApiError(e);
      setErrors(fieldErrorsFrom(err.fields));
      setNote({ tone: 'danger', text: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="现场登记" id="register-form">
      <Text className="ck-hint">
        没带手机或不会扫码的职工，由工作人员在这里登记，同样计入直接服务人数。同一单位、同一姓名算一个人。
      </Text>
      {note ? <Notice tone={note.tone} text={note.text} id="register-note" /> : null}
      <TextField
        id="register-name"
        label="姓名"
        maxlength={20}
        value={v.name}
        onInput={set('name')}
        error={errors.name}
      />
      <TextField
        id="register-unit"
        label="所在单位（基层工会全称）"
        maxlength={60}
        value={v.unit}
        onInput={set('unit')}
        error={errors.unit}
        placeholder="如：中山区环卫服务中心工会"
      />
      <TextField
        id="register-tail"
        label="手机尾号"
        optional
        maxlength={4}
        type="number"
        value={v.phoneTail}
        onInput={set('phoneTail')}
        error={errors.phoneTail}
        placeholder="后 4 位，方便区分同名的人"
      />
      {points.length > 1 ? (
        <FormField label="登记地点">
          <ChipGroup
            options={points.map((p) => ({ value: p._id, label: p.name }))}
            value={pointId}
            onChange={(value: string) => setPointId(value)}
            idPrefix="register-point"
          />
        </FormField>
      ) : null}
      <AppButton
        id="register-submit"
        kind="primary"
        block
        loading={busy}
        busyText="正在登记…"
        onClick={() => void submit()}
      >
        登记
      </AppButton>
    </Card>
  );
}
