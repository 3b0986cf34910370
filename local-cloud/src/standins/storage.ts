/**
 * Cloud storage on the local disk: `uploadFile`, `getTempFileURL`, `downloadFile`, `deleteFile` with
 * the reply shapes of wx-server-sdk. File ids look like production ones: `cloud://<env>.<bucket>/<path>`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

export class LocalStorage {
  constructor(
    readonly root: string,
    private readonly env: string,
    /** Base of temp URLs, e.g. `/storage` on the dev host. */
    private readonly urlBase: string,
  ) {
    mkdirSync(root, { recursive: true });
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

  /** The bytes behind a temp URL this storage issued, or undefined (another host, missing file). */
  readTempUrl(url: string): Buffer | undefined {
    const prefix = `${this.urlBase}/`;
    if (!url.startsWith(prefix)) return undefined;
    try {
      const full = this.resolve(decodeURIComponent(url.slice(prefix.length).split('?')[0]));
      return existsSync(full) ? readFileSync(full) : undefined;
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
          return exists
            ? {
                fileID,
                tempFileURL: `${this.urlBase}/${fileID.slice(`cloud://${this.env}.local/`.length)}`,
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

function storageError(message: string): Error {
  return Object.assign(new Error(message), { errCode: -503001 });
}
