import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** A report's answer kept for reuse: its JSON text without the per-request fields (`lag`, `stale`, `minPosition`). */
export class KeptAnswer {
  /** The last whole body made from this answer, the head it was made with, and its gzip once asked for. */
  private last: { readonly head: string; readonly body: Buffer; gzip?: Buffer } | undefined;

  constructor(
    /** The answer's JSON object text after its opening `{` (at least its `rows` and `position`). */
    readonly rest: Buffer,
    /** A short hash of `rest`, the stable part of the answer's ETag. */
    readonly hash: string,
    /** The position the answer was computed at (the lowest checkpoint of the projections it reads). */
    readonly position: string | null,
  ) {}

  /**
   * The whole JSON body: `head` (`{"lag":0,"stale":false`, the fields each request sets) and the kept rest. Reused
   * while the head is the same, so a kept answer of many rows is not copied for every request that reads it.
   */
  body(head: string): Buffer {
    return this.made(head).body;
  }

  /**
   * {@link KeptAnswer.body} gzipped (level 1: a 147 KB daily report by rep becomes 16 KB in about 0.4 ms), made once
   * per head like the body, so a reused answer is compressed once, not for every request.
   */
  gzipped(head: string): Buffer {
    const made = this.made(head);
    made.gzip ??= gzipSync(made.body, { level: 1 });
    return made.gzip;
  }

  /** The body (and gzip, once made) for `head`: the last one again while the head is the same. */
  private made(head: string): { readonly head: string; readonly body: Buffer; gzip?: Buffer } {
    if (this.last?.head === head) return this.last;
    this.last = {
      head,
      body: Buffer.concat([Buffer.from(this.rest[0] === 0x7d ? head : `${head},`, 'utf8'), this.rest]),
    };
    return this.last;
  }
}

/** What an answer depends on, besides the clock: the report, the validated query and path, the reader's scope, the tables. */
export interface AnswerKey {
  readonly path: string;
  readonly query: unknown;
  readonly params: unknown;
  /** Who reads, as far as the answer depends on it (role and row scope, never the token). */
  readonly reader: string;
  /** The business date of now: reports that default a date to today, or measure up to it, change with it. */
  readonly today: string;
  /** The content tags of every projection the report reads (see `ProjectionHost.contentTag`). */
  readonly tags: readonly string[];
}

/**
 * Report answers kept under everything they are computed from. A read model changes only when its projection
 * applies events (or a retry or rebuild), and each change gives it a new content tag, so a kept answer is exactly
 * what the query would compute now: reuse is never staler than a fresh query. Bounded in bytes (least recently
 * used out first); `maxBytes` 0 keeps nothing.
 */
export class AnswerCache {
  private readonly kept: LRUCache<string, KeptAnswer> | undefined;

  constructor(readonly maxBytes: number) {
    // Counted twice: the rest and the last whole body made from it.
    this.kept =
      maxBytes > 0
        ? new LRUCache<string, KeptAnswer>({
            maxSize: maxBytes,
            sizeCalculation: (answer, key) => answer.rest.length * 2 + key.length * 2 + 64,
          })
        : undefined;
  }

  /** The text of a key: parts joined by a separator no JSON text holds unescaped. */
  static keyOf(key: AnswerKey): string {
    return [
      key.path,
      JSON.stringify(key.query),
      JSON.stringify(key.params ?? null),
      key.reader,
      key.today,
      key.tags.join(','),
    ].join('\n');
  }

  get(key: string): KeptAnswer | undefined {
    return this.kept?.get(key);
  }

  /** Serializes `answer` once (without its per-request fields) and keeps it under `key` if it fits. */
  keep(
    key: string | undefined,
    answer: Readonly<Record<string, unknown>> & { readonly position: string | null },
  ): KeptAnswer {
    const text = JSON.stringify(answer);
    const rest = Buffer.from(text.slice(1), 'utf8');
    const kept = new KeptAnswer(
      rest,
      createHash('sha1').update(rest).digest('base64url').slice(0, 16),
      answer.position,
    );
    if (key !== undefined) this.kept?.set(key, kept);
    return kept;
  }

  /** Answers kept now and their bytes (for the operations status). */
  get size(): { readonly answers: number; readonly bytes: number } {
    return { answers: this.kept?.size ?? 0, bytes: this.kept?.calculatedSize ?? 0 };
  }
}
