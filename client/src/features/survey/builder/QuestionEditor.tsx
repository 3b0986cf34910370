import { View, Text } from '@tarojs/components';
import { scaleLabelSets, type SurveyQuestion, type SurveySection } from '@shishi/shared-types';
import { AppButton, TextBox as UiTextBox, type TextBoxProps } from '../../../components';
import { LogicEditor } from './LogicEditor';
import { nextId, questionLabel } from './model';
import { Stepper } from './Stepper';

interface QuestionEditorProps {
  question: SurveyQuestion;
  number: number;
  sections: readonly SurveySection[];
  onChange: (q: SurveyQuestion) => void;
  onRemoveOption: (optionId: string) => void;
  onDone: () => void;
  /** Message at `<question path>.<sub>`. */
  errorAt: (sub: string) => string | undefined;
  /** The question existed when answers came in: only safe changes are offered. */
  answered: boolean;
}

/** A text box of the editor: marked red while its field has a message. */
function TextBox({ error, className, ...box }: TextBoxProps & { error?: string }) {
  const classes = [error ? 'se-input--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  return <UiTextBox {...box} className={classes || undefined} />;
}

const Err = ({ id, text }: { id?: string; text?: string }) =>
  text ? (
    <Text className="ui-field__error" id={id}>
      {text}
    </Text>
  ) : null;

/**
 * 常用文字: the label sets (满意度, 难易, 同意, 频率) from shared-types, one tap to fill a scale's ends or a
 * matrix's columns. The chosen set is marked; typing other words leaves none marked.
 */
function LabelSetChips({
  id,
  current,
  ends,
  onPick,
  onClear,
}: {
  id: string;
  current: readonly string[];
  /** Scale: only the two ends are compared and filled. */
  ends?: boolean;
  onPick: (points: readonly string[]) => void;
  onClear?: () => void;
}) {
  const same = (points: readonly string[]) =>
    ends
      ? current[0] === points[0] && current[current.length - 1] === points[points.length - 1]
      : current.length === points.length && current.every((c, k) => c === points[k]);
  const none = current.every((c) => c.trim() === '');
  return (
    <View className="ui-chips se-chips" id={id}>
      {scaleLabelSets.map((set) => (
        <View
          key={set.key}
          id={`${id}-${set.key}`}
          className={`ui-chip ui-chip--small ${same(set.points) ? 'ui-chip--selected' : ''}`}
          onClick={() => onPick(set.points)}
        >
          <Text>
            {set.name}（{ends ? `${set.points[0]}…${set.points[set.points.length - 1]}` : set.points.join('/')}）
          </Text>
        </View>
      ))}
      {onClear ? (
        <View
          id={`${id}-none`}
          className={`ui-chip ui-chip--small ${none ? 'ui-chip--selected' : ''}`}
          onClick={onClear}
        >
          <Text>不用文字</Text>
        </View>
      ) : null}
    </View>
  );
}

/** Editing one question: wording, 必答, options / rows / limits of its type, and its display condition. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question: q, number, sections, onChange, onDone, errorAt, answered } = props;
  return (
    <View className="se-q se-q--open" id="qe">
      <View className="se-q__top">
        <Text className="se-q__label">{questionLabel(q, number)}</Text>
        <AppButton id="qe-done" kind="primary" className="se-small-btn" onClick={onDone}>
          完成
        </AppButton>
      </View>
      {answered ? (
        <Text className="se-q__locked" id="qe-locked">
          已有答卷：这道题只能修改文字、在末尾添加选项、改为选答，不能删除或调换选项。
        </Text>
      ) : null}
      <Text className="se-block-label">题目</Text>
      <TextBox
        id="qe-title"
        value={q.title}
        maxlength={200}
        placeholder="例如：您最希望工会帮助解决哪方面的问题？"
        onInput={(title) => onChange({ ...q, title })}
        error={errorAt('title')}
      />
      <Err id="qe-title-error" text={errorAt('title')} />
      <Text className="se-block-label">补充说明（选填）</Text>
      <TextBox
        id="qe-desc"
        value={q.description}
        maxlength={500}
        placeholder="需要时再写，例如题目里词语的解释"
        onInput={(description) => onChange({ ...q, description })}
        error={errorAt('description')}
      />
      <View className="ui-chips se-chips se-q__required">
        <View
          id="qe-required-yes"
          className={`ui-chip ${q.required ? 'ui-chip--selected' : ''}`}
          onClick={() => onChange({ ...q, required: true })}
        >
          <Text>必答</Text>
        </View>
        <View
          id="qe-required-no"
          className={`ui-chip ${!q.required ? 'ui-chip--selected' : ''}`}
          onClick={() => onChange({ ...q, required: false })}
        >
          <Text>选答</Text>
        </View>
      </View>
      <Err id="qe-required-error" text={errorAt('required')} />
      <TypeFields {...props} />
      <LogicEditor
        question={q}
        sections={sections}
        onChange={(showIf) => onChange({ ...q, showIf })}
        errorAt={(p) => errorAt(p)}
        locked={answered}
      />
      <Err text={errorAt('showIf')} />
    </View>
  );
}

function TypeFields({ question: q, onChange, onRemoveOption, errorAt, answered }: QuestionEditorProps) {
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'ranking': {
      const options = q.options;
      const setOptions = (next: typeof options) => onChange({ ...q, options: next } as SurveyQuestion);
      const hasOther = options.some((o) => o.other);
      const addOption = () => {
        const o = {
          id: nextId(
            'o',
            options.map((x) => x.id),
          ),
          label: '',
          other: false,
        };
        // New options go before 其他, which stays last.
        const k = options.findIndex((x) => x.other);
        setOptions(k >= 0 && !answered ? [...options.slice(0, k), o, ...options.slice(k)] : [...options, o]);
      };
      const move = (k: number) => {
        const next = [...options];
        [next[k - 1], next[k]] = [next[k], next[k - 1]];
        setOptions(next);
      };
      return (
        <View className="se-options">
          <Text className="se-block-label">选项</Text>
          {options.map((o, k) => (
            <View key={o.id} className="se-option">
              <View className="se-option__row">
                <Text className="se-option__n">{k + 1}</Text>
                <TextBox
                  id={`qe-opt-${k}`}
                  className="se-option__input"
                  value={o.label}
                  maxlength={100}
                  placeholder={o.other ? '其他（请注明）' : `选项 ${k + 1}`}
                  onInput={(label) => setOptions(options.map((x, i) => (i === k ? { ...x, label } : x)))}
                  error={errorAt(`options.${k}.label`)}
                />
                {!answered && k > 0 ? (
                  <Text className="se-link" id={`qe-opt-${k}-up`} onClick={() => move(k)}>
                    上移
                  </Text>
                ) : null}
                {!answered && options.length > 2 ? (
                  <Text
                    className="se-link se-link--danger"
                    id={`qe-opt-${k}-remove`}
                    onClick={() => onRemoveOption(o.id)}
                  >
                    删除
                  </Text>
                ) : null}
              </View>
              {o.other ? <Text className="se-option__tag">选了这一项，职工要填写具体内容</Text> : null}
              <Err text={errorAt(`options.${k}.label`)} />
            </View>
          ))}
          <Err id="qe-options-error" text={errorAt('options')} />
          <View className="se-options__add">
            {!(answered && q.type === 'ranking') ? (
              <AppButton id="qe-opt-add" className="se-small-btn" onClick={addOption}>
                ＋ 添加选项
              </AppButton>
            ) : null}
            {q.type !== 'ranking' && !hasOther && !answered ? (
              <AppButton
                id="qe-other"
                className="se-small-btn"
                onClick={() =>
                  setOptions([
                    ...options,
                    {
                      id: nextId(
                        'o',
                        options.map((x) => x.id),
                      ),
                      label: '其他',
                      other: true,
                    },
                  ])
                }
              >
                ＋ 添加“其他”（可填写）
              </AppButton>
            ) : null}
          </View>
          {q.type === 'multiple' ? (
            <>
              <Stepper
                id="qe-min"
                label="最少选几项"
                value={q.minPicks === 0 ? null : q.minPicks}
                nullLabel="不限"
                min={1}
                max={options.length}
                onChange={(v) => onChange({ ...q, minPicks: v ?? 0 })}
                error={errorAt('minPicks')}
              />
              <Stepper
                id="qe-max"
                label="最多选几项"
                value={q.maxPicks}
                nullLabel="不限"
                min={1}
                max={options.length}
                onChange={(v) => onChange({ ...q, maxPicks: v })}
                error={errorAt('maxPicks')}
              />
            </>
          ) : null}
          {q.type === 'ranking' ? (
            <Stepper
              id="qe-rank"
              label="需要排出前几项"
              value={q.rankCount}
              nullLabel="全部"
              min={1}
              max={options.length}
              onChange={(v) => onChange({ ...q, rankCount: v })}
              error={errorAt('rankCount')}
            />
          ) : null}
        </View>
      );
    }
    case 'scale':
    case 'score': {
      const [lo, hi] = q.type === 'scale' ? [1, 5] : [0, 10];
      const setEnds = (lowLabel: string, highLabel: string) => onChange({ ...q, lowLabel, highLabel });
      return (
        <View>
          <Text className="se-block-label">两端的文字（选填，不填只显示分数）</Text>
          <LabelSetChips
            id="qe-labels"
            current={[q.lowLabel, q.highLabel]}
            ends
            onPick={(points) => setEnds(points[0], points[points.length - 1])}
            onClear={() => setEnds('', '')}
          />
          <Text className="se-block-label">{lo} 分表示</Text>
          <TextBox
            id="qe-low"
            value={q.lowLabel}
            maxlength={20}
            placeholder="不填则不显示"
            onInput={(lowLabel) => onChange({ ...q, lowLabel })}
            error={errorAt('lowLabel')}
          />
          <Err text={errorAt('lowLabel')} />
          <Text className="se-block-label">{hi} 分表示</Text>
          <TextBox
            id="qe-high"
            value={q.highLabel}
            maxlength={20}
            placeholder="不填则不显示"
            onInput={(highLabel) => onChange({ ...q, highLabel })}
            error={errorAt('highLabel')}
          />
          <Err text={errorAt('highLabel')} />
        </View>
      );
    }
    case 'matrix': {
      const setRows = (rows: typeof q.rows) => onChange({ ...q, rows });
      const setCols = (columns: string[]) => onChange({ ...q, columns });
      return (
        <View>
          <Text className="se-block-label">评价的方面（每行一项）</Text>
          {q.rows.map((r, k) => (
            <View key={r.id} className="se-option">
              <View className="se-option__row">
                <Text className="se-option__n">{k + 1}</Text>
                <TextBox
                  id={`qe-row-${k}`}
                  className="se-option__input"
                  value={r.label}
                  maxlength={100}
                  placeholder={`例如：第 ${k + 1} 项服务`}
                  onInput={(label) => setRows(q.rows.map((x, i) => (i === k ? { ...x, label } : x)))}
                  error={errorAt(`rows.${k}.label`)}
                />
                {!answered && q.rows.length > 1 ? (
                  <Text
                    className="se-link se-link--danger"
                    id={`qe-row-${k}-remove`}
                    onClick={() => setRows(q.rows.filter((_, i) => i !== k))}
                  >
                    删除
                  </Text>
                ) : null}
              </View>
              <Err text={errorAt(`rows.${k}.label`)} />
            </View>
          ))}
          <Err text={errorAt('rows')} />
          {!answered ? (
            <AppButton
              id="qe-row-add"
              className="se-small-btn"
              onClick={() =>
                setRows([
                  ...q.rows,
                  {
                    id: nextId(
                      'r',
                      q.rows.map((x) => x.id),
                    ),
                    label: '',
                  },
                ])
              }
            >
              ＋ 添加一行
            </AppButton>
          ) : null}
          <Text className="se-block-label">每行的选择（从低到高）</Text>
          {!answered ? (
            <LabelSetChips id="qe-cols" current={q.columns} onPick={(points) => setCols([...points])} />
          ) : null}
          {q.columns.map((c, k) => (
            <View key={k} className="se-option">
              <View className="se-option__row">
                <Text className="se-option__n">{k + 1}</Text>
                <TextBox
                  id={`qe-col-${k}`}
                  className="se-option__input"
                  value={c}
                  maxlength={20}
                  placeholder="例如：满意"
                  onInput={(label) => setCols(q.columns.map((x, i) => (i === k ? label : x)))}
                  error={errorAt(`columns.${k}`)}
                />
                {!answered && q.columns.length > 2 ? (
                  <Text
                    className="se-link se-link--danger"
                    id={`qe-col-${k}-remove`}
                    onClick={() => setCols(q.columns.filter((_, i) => i !== k))}
                  >
                    删除
                  </Text>
                ) : null}
              </View>
              <Err text={errorAt(`columns.${k}`)} />
            </View>
          ))}
          <Err text={errorAt('columns')} />
          {!answered && q.columns.length < 7 ? (
            <AppButton id="qe-col-add" className="se-small-btn" onClick={() => setCols([...q.columns, ''])}>
              ＋ 添加一列
            </AppButton>
          ) : null}
        </View>
      );
    }
    case 'text':
    case 'longText': {
      const choices = q.type === 'text' ? [20, 50, 100, 200] : [200, 500, 1000, 2000];
      return (
        <View>
          <Text className="se-block-label">最多填写几个字</Text>
          <View className="ui-chips se-chips">
            {choices.map((n) => (
              <View
                key={n}
                id={`qe-maxlen-${n}`}
                className={`ui-chip ${q.maxLength === n ? 'ui-chip--selected' : ''}`}
                onClick={() => onChange({ ...q, maxLength: n })}
              >
                <Text>{n} 字</Text>
              </View>
            ))}
          </View>
          <Err text={errorAt('maxLength')} />
        </View>
      );
    }
  }
}
