/// <reference types="node" />
// The OT cases worked out by hand (tests/data/collaboration/ot-vectors-by-hand.json): the same file the C# engine is
// checked against, with expected results that neither engine produced.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OperationError, TextOperation, type Component } from './text-operation';

interface Worked { comment: string }
interface HandVectors {
  transform: (Worked & { doc: string; a: Component[]; b: Component[]; aPrime: Component[]; bPrime: Component[]; expected: string })[];
  compose: (Worked & { doc: string; a: Component[]; b: Component[]; expected: Component[]; text: string })[];
  invert: (Worked & { doc: string; op: Component[]; expected: Component[] })[];
  transformIndex: (Worked & { op: Component[]; index: number; own: boolean; expected: number })[];
  apply: (Worked & { doc: string; op: Component[]; expected: string })[];
  invalid: (Worked & { kind: 'transform' | 'compose'; a: string; b: string; error: string })[];
}

const path = fileURLToPath(new URL('../../../../tests/data/collaboration/ot-vectors-by-hand.json', import.meta.url));
const vectors = JSON.parse(readFileSync(path, 'utf8')) as HandVectors;
const op = (c: Component[]) => TextOperation.fromJSON(c);

function cases<T extends Worked>(list: T[]): T[] {
  expect(list.length).toBeGreaterThan(0);
  for (const c of list) expect(c.comment.trim()).not.toBe('');
  return list;
}

describe('hand-worked OT vectors', () => {
  it('transform gives the worked-out primes and both orders reach the same text', () => {
    for (const v of cases(vectors.transform)) {
      const [aPrime, bPrime] = TextOperation.transform(op(v.a), op(v.b));
      expect(aPrime.toJSON(), v.comment).toEqual(v.aPrime);
      expect(bPrime.toJSON(), v.comment).toEqual(v.bPrime);
      expect(bPrime.apply(op(v.a).apply(v.doc))).toBe(v.expected);
      expect(aPrime.apply(op(v.b).apply(v.doc))).toBe(v.expected);
    }
  });

  it('compose gives the worked-out operation and text', () => {
    for (const v of cases(vectors.compose)) {
      const composed = TextOperation.compose(op(v.a), op(v.b));
      expect(composed.toJSON(), v.comment).toEqual(v.expected);
      expect(composed.apply(v.doc)).toBe(v.text);
    }
  });

  it('invert gives the worked-out inverse, which restores the text', () => {
    for (const v of cases(vectors.invert)) {
      const inverse = op(v.op).invert(v.doc);
      expect(inverse.toJSON(), v.comment).toEqual(v.expected);
      expect(inverse.apply(op(v.op).apply(v.doc))).toBe(v.doc);
    }
  });

  it('transformIndex moves cursors as worked out', () => {
    for (const v of cases(vectors.transformIndex)) expect(op(v.op).transformIndex(v.index, v.own), v.comment).toBe(v.expected);
  });

  it('apply gives the worked-out text', () => {
    for (const v of cases(vectors.apply)) expect(op(v.op).apply(v.doc), v.comment).toBe(v.expected);
  });

  it('mismatched lengths are refused with the worked-out error', () => {
    for (const v of cases(vectors.invalid)) {
      const [a, b] = [TextOperation.parse(v.a), TextOperation.parse(v.b)];
      let error: unknown;
      try {
        if (v.kind === 'transform') TextOperation.transform(a, b);
        else TextOperation.compose(a, b);
      } catch (e) {
        error = e;
      }
      expect(error, v.comment).toBeInstanceOf(OperationError);
      expect((error as OperationError).code).toBe(v.error);
    }
  });
});
