/**
 * Local stand-ins for the `cloud.openapi` calls the product uses. They answer in the shape
 * wx-server-sdk returns (camelCase) and record what they did, so the dev host can show an outbox.
 */
import { createHash, randomUUID } from 'node:crypto';

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

export interface MediaCheckRecord {
  at: string;
  traceId: string;
  mediaUrl: string;
  openid?: string;
  scene?: number;
  /** Set when the verdict was delivered. */
  suggest?: 'pass' | 'review' | 'risky';
  sha256?: string;
}

/**
 * The `wxa_media_check` message-push event WeChat sends when an asynchronous check finishes (the
 * fields production delivers to a cloud function configured for message push).
 */
export interface MediaCheckEvent {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  detail: Array<{ strategy: string; errcode: number; suggest: string; label: number }>;
  errcode: number;
  result: { suggest: 'pass' | 'review' | 'risky'; label: number };
}

/** How the image stand-in finds the bytes behind a temp URL and where it delivers its verdicts. */
export interface MediaCheckOptions {
  /** The bytes of a temp URL the local storage issued, or undefined. */
  read(mediaUrl: string): Buffer | undefined;
  /** Milliseconds between the call and the verdict (production: seconds to minutes). */
  delayMs?: number;
}

/** A short list of what the stand-in flags; production uses WeChat's own check. */
export const DEFAULT_BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '代开发票', '枪支', '诈骗'] as const;
export const DEFAULT_REVIEW_WORDS = ['加微信', '兼职刷单', '高额返利'] as const;

export class OpenApiStandIn {
  /** The newest records (at most RECORD_LIMIT each), so a long-running dev host does not grow without end. */
  readonly outbox: OutboxMessage[] = [];
  readonly securityChecks: SecurityCheckRecord[] = [];
  readonly mediaChecks: MediaCheckRecord[] = [];
  /**
   * SHA-256 (hex) of images the image check calls risky. There is no image classifier offline: every
   * other readable image passes, an unreadable URL asks for review.
   */
  readonly blockedImages = new Set<string>();
  private push: ((event: MediaCheckEvent) => Promise<unknown>) | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly now: () => number,
    private readonly blocked: readonly string[] = DEFAULT_BLOCKED_WORDS,
    private readonly review: readonly string[] = DEFAULT_REVIEW_WORDS,
    private readonly media?: MediaCheckOptions,
  ) {}

  /** Where verdicts go: production's message push to the cloud function that asked. */
  onMessagePush(target: ((event: MediaCheckEvent) => Promise<unknown>) | undefined): void {
    this.push = target;
  }

  /** Resolves when every verdict asked for so far has been delivered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private deliver(record: MediaCheckRecord): void {
    const run = (async () => {
      await new Promise((resolve) => setTimeout(resolve, this.media?.delayMs ?? 50));
      const bytes = this.media?.read(record.mediaUrl);
      const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : undefined;
      const suggest = !sha256 ? 'review' : this.blockedImages.has(sha256) ? 'risky' : 'pass';
      const label = suggest === 'pass' ? 100 : 20002;
      record.suggest = suggest;
      record.sha256 = sha256;
      const event: MediaCheckEvent = {
        ToUserName: 'gh_local',
        FromUserName: record.openid ?? '',
        CreateTime: Math.floor(this.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'local',
        trace_id: record.traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
        errcode: 0,
        result: { suggest, label },
      };
      try {
        await this.push?.(event);
      } catch (e) {
        console.warn('[local-cloud] media check verdict not accepted', e);
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

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
        /**
         * mediaCheckAsync version 2: answers a trace id at once; the verdict arrives later as a
         * `wxa_media_check` event through `onMessagePush`. Only exists when storage can be read.
         */
        mediaCheckAsync: this.media
          ? async (args: {
              mediaUrl: string;
              mediaType: number;
              version?: number;
              scene?: number;
              openid?: string;
            }) => {
              if (!args?.mediaUrl || args.mediaType !== 2) {
                throw Object.assign(
                  new Error('openapi.security.mediaCheckAsync:fail invalid media_url or media_type'),
                  {
                    errCode: 40097,
                  },
                );
              }
              const record: MediaCheckRecord = {
                at: new Date(this.now()).toISOString(),
                traceId: randomUUID(),
                mediaUrl: args.mediaUrl,
                openid: args.openid,
                scene: args.scene,
              };
              keepNewest(this.mediaChecks, record);
              this.deliver(record);
              return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId: record.traceId };
            }
          : undefined,
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
