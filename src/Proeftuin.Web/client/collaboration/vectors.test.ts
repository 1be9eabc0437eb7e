/// <reference types="node" />
// The TypeScript engine must give exactly the results in the vectors file the C# engine is tested against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OperationError, TextOperation, type Component } from './text-operation';

interface Vectors {
  apply: { doc: string; op: Component[]; expected: string }[];
  compose: { doc: string; a: Component[]; b: Component[]; expected: Component[] }[];
  transform: { doc: string; a: Component[]; b: Component[]; aPrime: Component[]; bPrime: Component[]; expected: string }[];
  invert: { doc: string; op: Component[]; expected: Component[] }[];
  transformIndex: { op: Component[]; index: number; own: boolean; expected: number }[];
  invalid: { kind: 'parse' | 'apply'; json: string; doc?: string; error: string }[];
}

const path = fileURLToPath(new URL('../../../../tests/data/collaboration/ot-vectors.json', import.meta.url));
const vectors = JSON.parse(readFileSync(path, 'utf8')) as Vectors;
const op = (c: Component[]) => TextOperation.fromJSON(c);

describe('shared OT vectors', () => {
  it('apply', () => {
    expect(vectors.apply.length).toBeGreaterThan(100);
    for (const v of vectors.apply) expect(op(v.op).apply(v.doc)).toBe(v.expected);
  });

  it('compose', () => {
    for (const v of vectors.compose) expect(TextOperation.compose(op(v.a), op(v.b)).toJSON()).toEqual(v.expected);
  });

  it('transform', () => {
    for (const v of vectors.transform) {
      const [aPrime, bPrime] = TextOperation.transform(op(v.a), op(v.b));
      expect(aPrime.toJSON()).toEqual(v.aPrime);
      expect(bPrime.toJSON()).toEqual(v.bPrime);
      expect(bPrime.apply(op(v.a).apply(v.doc))).toBe(v.expected);
    }
  });

  it('invert', () => {
    for (const v of vectors.invert) expect(op(v.op).invert(v.doc).toJSON()).toEqual(v.expected);
  });

  it('transformIndex', () => {
    for (const v of vectors.transformIndex) expect(op(v.op).transformIndex(v.index, v.own)).toBe(v.expected);
  });

  it('invalid operations fail with the same error codes', () => {
    for (const v of vectors.invalid) {
      let error: unknown;
      try {
        TextOperation.parse(v.json).apply(v.doc ?? '');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OperationError);
      expect((error as OperationError).code).toBe(v.error);
    }
  });
});
