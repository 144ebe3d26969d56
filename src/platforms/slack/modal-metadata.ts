// A modal's private_metadata carries what the form needs on submission (the message being saved, the channel to
// confirm in, the record being edited). It comes back in the submission, so it is sealed with a key only the bot
// holds: a made-up one cannot send the bot to read a message from another channel.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The private_metadata a modal carries from opening to submission (≤ 3000 characters). */
export const ModalMetadataSchema = z.object({
  /** The form's own state (the account being edited). */
  state: z.string().max(200).optional(),
  /** Where to confirm: the channel the form was opened from. */
  channel: z.string().max(40).optional(),
  /** The message being saved as a note (message shortcut). */
  source: z
    .object({ channel: z.string().max(40), ts: z.string().regex(/^\d+\.\d+$/), author: z.string().max(40).optional() })
    .optional(),
});

export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

const SealedSchema = z.object({ m: z.string(), s: z.string() });

export class ModalSeal {
  private readonly key: Buffer;

  /** `secret`: something only this bot knows (its token); the sealing key is derived from it. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('kam-bot modal metadata v1').digest();
  }

  seal(metadata: ModalMetadata): string {
    const m = JSON.stringify(metadata);
    return JSON.stringify({ m, s: this.signature(m) });
  }

  /**
   * The metadata, or null when it is not one this bot sealed. An empty one ('', '{}') carries nothing to trust
   * and reads as empty.
   */
  open(raw: string | undefined): ModalMetadata | null {
    if (!raw || raw === '{}') return {};
    let sealed: z.infer<typeof SealedSchema>;
    try {
      sealed = SealedSchema.parse(JSON.parse(raw));
    } catch {
      return null;
    }
    const expected = Buffer.from(this.signature(sealed.m));
    const given = Buffer.from(sealed.s);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return ModalMetadataSchema.parse(JSON.parse(sealed.m));
    } catch {
      return null;
    }
  }

  private signature(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}
