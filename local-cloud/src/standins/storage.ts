/**
 * Cloud storage on the local disk: `uploadFile`, `getTempFileURL`, `downloadFile`, `deleteFile` with
 * the reply shapes of wx-server-sdk. File ids look like production ones: `cloud://<env>.<bucket>/<path>`.
 *
 * Temp links are what production's are: signed and expiring. `getTempFileURL` returns
 * `<urlBase>/<path>?e=<expiry, unix s>&s=<HMAC-SHA256 of path and expiry>`; the dev host serves a file
 * only for a link whose signature checks and whose expiry has not passed (`verifyLink`). The secret is
 * STORAGE_LINK_SECRET, or one generated once into the data directory (`storage-link.secret`, 0600).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** A link's life when the caller gives no maxAge, and the longest it may ask for (seconds). */
export const TEMP_LINK_DEFAULT_S = 2 * 3600;
export const TEMP_LINK_MAX_S = 86_400;

export type LinkCheck = { ok: true; file: string } | { ok: false; reason: 'unsigned' | 'expired' | 'forged' };

export class LocalStorage {
  private readonly secret: Buffer;
  /** Wall time for link expiry (links are about real time, whatever clock the functions are pinned to). */
  private readonly clock: () => number;

  constructor(
    readonly root: string,
    private readonly env: string,
    /** Base of temp URLs, e.g. `/storage` on the dev host. */
    private readonly urlBase: string,
    options: { secret?: string; clock?: () => number } = {},
  ) {
    mkdirSync(root, { recursive: true });
    this.secret = linkSecret(dirname(root), options.secret ?? process.env.STORAGE_LINK_SECRET);
    this.clock = options.clock ?? Date.now;
  }

  private signature(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('base64url');
  }

  /** A signed link to `cloudPath` valid until `expires` (unix seconds). */
  signedUrl(cloudPath: string, expires: number): string {
    const path = cloudPath.split('/').map(encodeURIComponent).join('/');
    return `${this.urlBase}/${path}?e=${expires}&s=${this.signature(cloudPath, expires)}`;
  }

  /**
   * Checks a link's path (below urlBase, decoded) and its `e` and `s` parameters: the file for a valid,
   * unexpired signature; otherwise why not.
   */
  verifyLink(cloudPath: string, params: URLSearchParams): LinkCheck {
    const e = params.get('e');
    const s = params.get('s');
    if (!e || !s) return { ok: false, reason: 'unsigned' };
    if (!/^\d{1,12}$/.test(e)) return { ok: false, reason: 'forged' };
    const want = Buffer.from(this.signature(cloudPath, Number(e)));
    const got = Buffer.from(s);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'forged' };
    if (Number(e) * 1000 <= this.clock()) return { ok: false, reason: 'expired' };
    try {
      return { ok: true, file: this.resolve(cloudPath) };
    } catch {
      return { ok: false, reason: 'forged' };
    }
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.env}.local/${cloudPath}`;
  }

  /** The path under the storage root for a file id, refusing anything that would leave the root. */
  pathOf(fileID: string): string {
    const prefix = `cloud://${this.env}.local/`;
    if (!fileID.startsWith(prefix)) throw storageError(`STORAGE_FILE_NONEXIST: ${fileID}`);
    return this.resolve(fileID.slice(prefix.length));
  }

  resolve(cloudPath: string): string {
    const full = normalize(join(this.root, cloudPath));
    if (!full.startsWith(normalize(this.root) + sep)) throw storageError(`STORAGE_SIGN_PARAM_INVALID: ${cloudPath}`);
    return full;
  }

  /** The bytes behind a valid temp URL this storage issued, or undefined (another host, bad link, missing file). */
  readTempUrl(url: string): Buffer | undefined {
    const prefix = `${this.urlBase}/`;
    if (!url.startsWith(prefix)) return undefined;
    try {
      const [path, query = ''] = url.slice(prefix.length).split('?');
      const check = this.verifyLink(decodeURIComponent(path), new URLSearchParams(query));
      return check.ok && existsSync(check.file) ? readFileSync(check.file) : undefined;
    } catch {
      return undefined;
    }
  }

  surface() {
    return {
      uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer | string }) => {
        if (!cloudPath || /^\/|\.\.|\/\//.test(cloudPath)) throw storageError(`invalid cloudPath: ${cloudPath}`);
        const full = this.resolve(cloudPath);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, fileContent);
        return { fileID: this.fileIdOf(cloudPath), statusCode: 204, errMsg: 'uploadFile:ok' };
      },
      getTempFileURL: async ({ fileList }: { fileList: Array<string | { fileID: string; maxAge?: number }> }) => ({
        fileList: fileList.map((item) => {
          const fileID = typeof item === 'string' ? item : item.fileID;
          let exists = false;
          try {
            exists = existsSync(this.pathOf(fileID));
          } catch {
            exists = false;
          }
          const maxAge = typeof item === 'string' || !item.maxAge ? TEMP_LINK_DEFAULT_S : item.maxAge;
          const expires = Math.floor(this.clock() / 1000) + Math.min(Math.max(1, maxAge), TEMP_LINK_MAX_S);
          return exists
            ? {
                fileID,
                tempFileURL: this.signedUrl(fileID.slice(`cloud://${this.env}.local/`.length), expires),
                status: 0,
                errMsg: 'ok',
              }
            : { fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' };
        }),
        errMsg: 'getTempFileURL:ok',
      }),
      downloadFile: async ({ fileID }: { fileID: string }) => {
        const full = this.pathOf(fileID);
        if (!existsSync(full)) throw storageError(`STORAGE_FILE_NONEXIST: ${fileID}`);
        return { fileContent: readFileSync(full), statusCode: 200, errMsg: 'downloadFile:ok' };
      },
      deleteFile: async ({ fileList }: { fileList: string[] }) => ({
        fileList: fileList.map((fileID) => {
          try {
            const full = this.pathOf(fileID);
            if (!existsSync(full)) return { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' };
            rmSync(full);
            return { fileID, status: 0, errMsg: 'ok' };
          } catch {
            return { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' };
          }
        }),
        errMsg: 'deleteFile:ok',
      }),
    };
  }
}

/** The link secret: given, or generated once (32 random bytes) into `<dataDir>/storage-link.secret`. */
function linkSecret(dataDir: string, given: string | undefined): Buffer {
  if (given) return Buffer.from(given, 'utf8');
  const file = join(dataDir, 'storage-link.secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process wrote it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

function storageError(message: string): Error {
  return Object.assign(new Error(message), { errCode: -503001 });
}
