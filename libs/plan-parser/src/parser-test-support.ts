import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Test support: the shared corpus when it is beside the repository, and a seeded random source
 * for the fuzz tests. Not part of the library's pure code: it reads files.
 * (The parse-time benchmark is test/bench/parser.bench.ts.)
 */

/** `../shared/corpus` beside the repository (the folder holding nx.json), or null. */
export function findCorpusDir(from: string = __dirname): string | null {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) {
      const corpus = resolve(dir, '..', 'shared', 'corpus');
      return existsSync(corpus) ? corpus : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The corpus documents (name → text), empty when the corpus is absent. */
export function readCorpus(dir: string | null = findCorpusDir()): Map<string, string> {
  const docs = new Map<string, string>();
  if (dir === null) return docs;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) docs.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return docs;
}

/** A deterministic pseudo-random generator (mulberry32), so every run parses the same bytes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
