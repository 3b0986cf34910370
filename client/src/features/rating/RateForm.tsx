/**
 * 评价项目: the four dimensions, each five large choices showing the score and its words, an optional
 * comment with a character count, 提交评价. Checked on the device with the schema `rating.submit`
 * parses with; the server's field messages show next to their fields.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  ratingSubmitInputSchema,
  type OwnRating,
  type RatingSubmitOutput,
} from '@shishi/shared-types/src/contracts/rating';
import {
  RATING_COMMENT_MAX,
  RATING_SCORES,
  ratingDimensionLabels,
  ratingDimensionQuestions,
  ratingDimensions,
  ratingScoreWord,
  type RatingDimension,
} from '@shishi/shared-types/src/rules/rating';
import { AppButton, Notice, TextField } from '../../components';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
import { submitRating } from './api';

type Scores = Partial<Record<RatingDimension, number>>;

interface RateFormProps {
  projectId: string;
  /** The rating being changed (its scores and comment start the form). */
  current: OwnRating | null;
  onDone: (result: RatingSubmitOutput) => void;
  onCancel?: () => void;
}

export function RateForm({ projectId, current, onDone, onCancel }: RateFormProps) {
  const [scores, setScores] = useState<Scores>(() => (current ? { ...current.scores } : {}));
  const [comment, setComment] = useState(current?.comment ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (d: RatingDimension, n: number) => {
    setScores((old) => ({ ...old, [d]: n }));
    setErrors((old) => ({ ...old, [`scores.${d}`]: undefined }));
  };

  /** Scrolls to the first field with a message (the dimensions in order, then the comment). */
  const scrollToFirst = (found: FieldErrors) => {
    const first = ratingDimensions.find((d) => found[`scores.${d}`]);
    const selector = first ? `#rate-${first}` : found.comment ? '#rate-comment-field' : null;
    setTimeout(() => {
      if (selector) void Taro.pageScrollTo({ selector, duration: 200 });
      else void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }, 50);
  };

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    const parsed = ratingSubmitInputSchema.safeParse({ projectId, scores, comment });
    if (!parsed.success) {
      const found = fieldErrorsFromIssues(parsed.error.issues);
      setErrors(found);
      // A fault no field shows (a broken link's project id) goes above the form.
      const other = Object.keys(found).find((k) => k !== 'comment' && !k.startsWith('scores.'));
      if (other) setFormError(found[other] ?? null);
      scrollToFirst(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await submitRating(parsed.data);
      setBusy(false);
      onDone(result);
    } catch (e) {
      const error = toApiError(e);
      const found = fieldErrorsFrom(error.fields);
      setErrors(found);
      setFormError(error.message);
      setBusy(false);
      scrollToFirst({});
    }
  };

  const missing = ratingDimensions.filter((d) => scores[d] === undefined).length;
  return (
    <View className="rt-form" id="rate-form">
      {formError ? <Notice id="rate-error" text={formError} /> : null}
      {ratingDimensions.map((d) => (
        <View key={d} className={`rt-q ${errors[`scores.${d}`] ? 'rt-q--invalid' : ''}`} id={`rate-${d}`}>
          <Text className="rt-q__label">{ratingDimensionLabels[d]}</Text>
          <Text className="rt-q__question">{ratingDimensionQuestions[d]}</Text>
          <View className="rt-choices">
            {RATING_SCORES.map((n) => (
              <View
                key={n}
                id={`rate-${d}-${n}`}
                className={`rt-choice ${scores[d] === n ? 'rt-choice--on' : ''}`}
                onClick={() => pick(d, n)}
              >
                <Text className="rt-choice__score">{n}</Text>
                <Text className="rt-choice__word">{ratingScoreWord(d, n)}</Text>
              </View>
            ))}
          </View>
          {errors[`scores.${d}`] ? (
            <Text className="rt-q__error" id={`rate-${d}-error`}>
              {errors[`scores.${d}`]}
            </Text>
          ) : null}
        </View>
      ))}
      <View className="rt-q" id="rate-comment-field">
        <TextField
          id="rate-comment"
          label="评价意见"
          optional
          multiline
          maxlength={RATING_COMMENT_MAX}
          value={comment}
          onInput={(value) => {
            setComment(value);
            setErrors((old) => ({ ...old, comment: undefined }));
          }}
          error={errors.comment}
          placeholder="说说项目哪里好、哪里还可以改进"
          extra={
            <Text className="rt-count" id="rate-comment-count">
              {comment.length}/{RATING_COMMENT_MAX}
            </Text>
          }
        >
          <Text className="rt-hint">意见经内容审核后，工作人员才能看到；不要写姓名、电话等个人信息。</Text>
        </TextField>
      </View>
      {missing > 0 && Object.values(errors).some(Boolean) ? (
        <Notice id="rate-missing" text={`还有 ${missing} 项没有打分，请看标红的地方。`} />
      ) : null}
      <View className="rt-actions">
        <AppButton
          id="rate-submit"
          kind="primary"
          block
          loading={busy}
          busyText="正在提交…"
          onClick={() => void submit()}
        >
          {current ? '保存修改' : '提交评价'}
        </AppButton>
        {onCancel ? (
          <AppButton id="rate-cancel" block onClick={onCancel}>
            不修改了
          </AppButton>
        ) : null}
      </View>
    </View>
  );
}
