import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Encryption by the operating system (Electron's safeStorage: Keychain, DPAPI, libsecret),
 * passed in by the Electron entry; the back end never imports Electron.
 */
export interface Cipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/** A portal sign-in that can outlive the process: never the password, only the token. */
export const keptSignInSchema = z.object({
  url: z.string().min(1).max(500),
  username: z.string().min(1).max(100),
  role: z.string().min(1).max(50),
  portalName: z.string().max(200),
  token: z.string().min(1).max(500),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type KeptSignIn = z.infer<typeof keptSignInSchema>;

/**
 * Where a sign-in is kept between starts. "os": encrypted by the operating system, always kept
 * until "Abmelden". "file": only when the person chooses it, in a file only their account may
 * read, unencrypted, which the sign-in dialog says in plain words.
 */
export interface CredentialVault {
  readonly kind: 'os' | 'file';
  read(): KeptSignIn | null;
  write(signIn: KeptSignIn): void;
  clear(): void;
}

/** A vault in one file of the data folder; encrypted when a cipher is given. */
export function fileVault(path: string, cipher: Cipher | null = null): CredentialVault {
  return {
    kind: cipher ? 'os' : 'file',
    read() {
      if (!existsSync(path)) return null;
      try {
        const data = readFileSync(path);
        const parsed = keptSignInSchema.safeParse(JSON.parse(cipher ? cipher.decrypt(data) : data.toString('utf8')));
        if (parsed.success) return parsed.data;
      } catch {
        // Unreadable (another machine's key, a damaged file): as if nothing were kept.
      }
      rmSync(path, { force: true });
      return null;
    },
    write(signIn) {
      const text = JSON.stringify(keptSignInSchema.parse(signIn));
      const temporary = `${path}.partial`;
      writeFileSync(temporary, cipher ? cipher.encrypt(text) : text, { mode: 0o600, flush: true });
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}
