/**
 * The slice of wx-server-sdk the handlers use. Production passes the real SDK; the local runtime
 * passes `createLocalCloud(...)`. Handlers never import either directly.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Cloud {
  database(config?: Record<string, unknown>): any;
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string };
  uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(args: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(args: { fileList: Array<string | { fileID: string; maxAge?: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>;
  }>;
  deleteFile(args: { fileList: string[] }): Promise<unknown>;
  openapi: {
    security: {
      /**
       * Image check (production): asynchronous, the verdict comes later as a `wxa_media_check` event.
       * Absent from the local runtime.
       */
      mediaCheckAsync?(args: {
        mediaUrl: string;
        mediaType: number;
        version: number;
        scene: number;
        openid: string;
      }): Promise<{
        errCode?: number;
        traceId?: string;
      }>;
      msgSecCheck(args: { content: string; version: number; scene: number; openid: string }): Promise<{
        errCode?: number;
        result?: { suggest: 'pass' | 'review' | 'risky'; label: number };
      }>;
    };
    subscribeMessage: {
      send(args: {
        touser: string;
        templateId: string;
        page?: string;
        data: Record<string, { value: string }>;
        miniprogramState?: string;
      }): Promise<unknown>;
    };
  };
}

/** The database handle as handlers use it (wx-server-sdk's typings are not usable from TS here). */
export type Db = any;
