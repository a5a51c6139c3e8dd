/**
 * The import's file access on a real disk. Entry files are only ever created with the `wx` flag
 * (fails if the file exists) or replaced after checking they still hold what the run read, and
 * a replacement goes through a temporary file and a rename, so that a reader never sees half a file.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadContent } from '../../content/load-content.ts';
import type { ImportIo } from './import-run.ts';

/** `cwd` is where relative inputs are resolved: the editor's folder, not npm's. */
export function createNodeIo(cwd: string): ImportIo {
  return {
    loadContent,
    async listListings(inputs) {
      const out: { file: string; problem?: string }[] = [];
      const seen = new Set<string>();
      const add = (file: string, problem?: string) => {
        const key = resolve(cwd, file);
        if (seen.has(key)) return;
        seen.add(key);
        out.push(problem ? { file, problem } : { file });
      };
      for (const input of inputs) {
        const info = await stat(resolve(cwd, input)).catch((error: NodeJS.ErrnoException) => error);
        if (info instanceof Error) add(input, info.code === 'ENOENT' ? 'no such file or folder' : `cannot be read: ${info.message}`);
        else if (info.isFile()) add(input);
        else if (info.isDirectory()) {
          const names = (await readdir(resolve(cwd, input))).filter((n) => n.toLowerCase().endsWith('.txt') && !n.startsWith('.')).sort();
          if (names.length === 0) add(input, 'a folder without .txt listing files');
          for (const name of names) add(join(input, name));
        } else add(input, 'neither a file nor a folder');
      }
      return out;
    },
    readListing: (file) => readFile(resolve(cwd, file)),
    createFile: (path, text) => writeFile(path, text, { flag: 'wx' }),
    async replaceFile(path, text, expected) {
      if ((await readFile(path, 'utf8')) !== expected) throw new Error('the file changed since the import read it; run the import again');
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, text, { flag: 'wx' });
      await rename(temp, path);
    },
  };
}
