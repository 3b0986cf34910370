/**
 * One lifecycle mechanism for every record that moves through states (proposals, surveys, collection
 * windows, projects, forms): states are data with meaning (label, tone, progress), transitions are data
 * (from, to, who may, on which records, and what to say when the state is wrong). A wrong state is
 * CONFLICT, a wrong role or scope FORBIDDEN — everywhere, as docs/api.md says.
 */
import { roleLabels, type Role } from './roles';
import { accessRefusal, type AccessRule, type Actor, type Refusal, type ScopeFacts } from './rules/access';

export const tones = ['neutral', 'progress', 'success', 'warning', 'danger'] as const;
export type Tone = (typeof tones)[number];

export interface StateMeta {
  label: string;
  tone: Tone;
  /** 0–100, how far along the record is (shown as a progress bar). */
  progress: number;
}

export interface TransitionRule<S extends string> {
  /** What the action is called, in Chinese (e.g. 提交论证). */
  label: string;
  from: readonly S[];
  to: S;
  /** Who may and on which records. */
  access: AccessRule;
  /**
   * What to say when the record is in another state; gets the record's title and current state's label.
   * Default: 《title》现在是「label」，不能label2（只有在 … 时可以）.
   */
  refusal?: (subject: { title: string; stateLabel: string; state: S }) => string;
}

export interface Lifecycle<S extends string, T extends string> {
  /** What a record is called in messages (这条建议, 这个项目, …). */
  noun: string;
  states: Record<S, StateMeta>;
  transitions: Record<T, TransitionRule<S>>;
  /** CONFLICT when `transition` cannot happen from `state`, else null. */
  stateRefusal(transition: T, subject: { title: string; state: S }): Refusal | null;
  /** FORBIDDEN (role or scope) first, then CONFLICT (state), else null. */
  refusal(transition: T, subject: { title: string; state: S }, actor: Actor, target?: ScopeFacts): Refusal | null;
  /** The transitions the actor may take from this state on this record (for buttons). */
  available(state: S, actor: Actor, target?: ScopeFacts): T[];
  meta(state: S): StateMeta;
}

/** Role names for a refusal: 只有区市县/产业工会工作人员、系统管理员可以. */
export function roleNames(roles: readonly Role[]): string {
  return roles.map((r) => roleLabels[r]).join('、');
}

export function defineLifecycle<S extends string, T extends string>(def: {
  noun: string;
  states: Record<S, StateMeta>;
  transitions: Record<T, TransitionRule<S>>;
}): Lifecycle<S, T> {
  const stateRefusal = (transition: T, subject: { title: string; state: S }): Refusal | null => {
    const rule = def.transitions[transition];
    if (rule.from.includes(subject.state)) return null;
    const stateLabel = def.states[subject.state]?.label ?? String(subject.state);
    const message = rule.refusal
      ? rule.refusal({ title: subject.title, stateLabel, state: subject.state })
      : `《${subject.title}》现在是「${stateLabel}」，不能${rule.label}（${rule.from
          .map((s) => `「${def.states[s].label}」`)
          .join('、')}时才可以）`;
    return { code: 'CONFLICT', message };
  };
  return {
    noun: def.noun,
    states: def.states,
    transitions: def.transitions,
    stateRefusal,
    refusal(transition, subject, actor, target) {
      const rule = def.transitions[transition];
      const denied = accessRefusal(actor, rule.access, target, def.noun, roleNames);
      return denied ?? stateRefusal(transition, subject);
    },
    available(state, actor, target) {
      return (Object.keys(def.transitions) as T[]).filter((t) => {
        const rule = def.transitions[t];
        return rule.from.includes(state) && !accessRefusal(actor, rule.access, target);
      });
    },
    meta(state) {
      return def.states[state];
    },
  };
}
