/**
 * Local stand-ins for the `cloud.openapi` calls the product uses. They answer in the shape
 * wx-server-sdk returns (camelCase) and record what they did, so the dev host can show an outbox.
 */
import { randomUUID } from 'node:crypto';

export interface OutboxMessage {
  at: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
}

export interface SecurityCheckRecord {
  at: string;
  content: string;
  openid?: string;
  scene?: number;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

/** A short list of what the stand-in flags; production uses WeChat's own check. */
export const DEFAULT_BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '代开发票', '枪支', '诈骗'] as const;
export const DEFAULT_REVIEW_WORDS = ['加微信', '兼职刷单', '高额返利'] as const;

export class OpenApiStandIn {
  /** The newest records (at most RECORD_LIMIT each), so a long-running dev host does not grow without end. */
  readonly outbox: OutboxMessage[] = [];
  readonly securityChecks: SecurityCheckRecord[] = [];

  constructor(
    private readonly now: () => number,
    private readonly blocked: readonly string[] = DEFAULT_BLOCKED_WORDS,
    private readonly review: readonly string[] = DEFAULT_REVIEW_WORDS,
  ) {}

  /** The `cloud.openapi` object: only what is implemented exists; anything else is undefined. */
  surface() {
    return {
      subscribeMessage: {
        send: async (args: {
          touser: string;
          templateId: string;
          page?: string;
          data: Record<string, { value: string }>;
          miniprogramState?: string;
        }) => {
          if (!args?.touser || !args?.templateId) {
            throw Object.assign(new Error('openapi.subscribeMessage.send:fail invalid touser or templateId'), {
              errCode: 40003,
            });
          }
          keepNewest(this.outbox, { at: new Date(this.now()).toISOString(), ...args });
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: {
        /** msgSecCheck version 2: `result.suggest` is pass / review / risky, `label` 100 means normal. */
        msgSecCheck: async (args: { content: string; version?: number; scene?: number; openid?: string }) => {
          const content = String(args?.content ?? '');
          const hitBlocked = this.blocked.find((w) => content.includes(w));
          const hitReview = this.review.find((w) => content.includes(w));
          const suggest: 'pass' | 'review' | 'risky' = hitBlocked ? 'risky' : hitReview ? 'review' : 'pass';
          const label = hitBlocked ? 20001 : hitReview ? 21000 : 100;
          keepNewest(this.securityChecks, {
            at: new Date(this.now()).toISOString(),
            content,
            openid: args?.openid,
            scene: args?.scene,
            suggest,
            label,
          });
          return {
            errCode: 0,
            errMsg: 'openapi.security.msgSecCheck:ok',
            result: { suggest, label },
            detail: [{ strategy: 'keyword', errcode: 0, suggest, label, keyword: hitBlocked ?? hitReview ?? '' }],
            traceId: randomUUID(),
          };
        },
      },
    };
  }
}

export const RECORD_LIMIT = 1000;

function keepNewest<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECORD_LIMIT) list.splice(0, list.length - RECORD_LIMIT);
}
