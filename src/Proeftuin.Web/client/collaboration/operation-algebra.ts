// Compose and transform, the two functions operational transformation rests on; the TypeScript twin of
// Proeftuin.Core.Collaboration.TextOperation.Algebra. TextOperation.compose and .transform call these.

import { isDelete, isInsert, isRetain, lengthError, OperationBuilder, type Component, type TextOperation } from './text-operation';

/** One operation with the effect of `first` then `second`. */
export function compose(first: TextOperation, second: TextOperation): TextOperation {
  if (first.targetLength !== second.baseLength) throw lengthError('Deze wijzigingen volgen niet op elkaar (lengtes verschillen).');
  const result = new OperationBuilder();
  const left = new Cursor(first.ops);
  const right = new Cursor(second.ops);
  while (left.hasCurrent || right.hasCurrent) {
    if (left.hasCurrent && isDelete(left.current)) {
      result.add(left.take());
      continue;
    }
    if (right.hasCurrent && isInsert(right.current)) {
      result.add(right.take());
      continue;
    }
    const a = left.current;
    const b = right.current as number;
    const length = Math.min(isInsert(a) ? a.length : a, Math.abs(b));
    const piece = left.take(length);
    right.take(length);
    if (b > 0) result.add(piece);
    else if (isRetain(a)) result.delete(length);
    // insert followed by delete cancels out
  }
  return result.build();
}

/** (a', b') so that a then b' equals b then a'; at one place a's insert goes first (pass the server's op as a). */
export function transform(a: TextOperation, b: TextOperation): [TextOperation, TextOperation] {
  if (a.baseLength !== b.baseLength) throw lengthError('Deze wijzigingen zijn niet op dezelfde tekst gebaseerd.');
  const aPrime = new OperationBuilder();
  const bPrime = new OperationBuilder();
  const left = new Cursor(a.ops);
  const right = new Cursor(b.ops);
  while (left.hasCurrent || right.hasCurrent) {
    if (left.hasCurrent && isInsert(left.current)) {
      const text = left.take() as string;
      aPrime.insert(text);
      bPrime.retain(text.length);
      continue;
    }
    if (right.hasCurrent && isInsert(right.current)) {
      const text = right.take() as string;
      aPrime.retain(text.length);
      bPrime.insert(text);
      continue;
    }
    const x = left.current as number;
    const y = right.current as number;
    const length = Math.min(Math.abs(x), Math.abs(y));
    left.take(length);
    right.take(length);
    if (x > 0 && y > 0) {
      aPrime.retain(length);
      bPrime.retain(length);
    } else if (x < 0 && y > 0) {
      aPrime.delete(length);
    } else if (x > 0 && y < 0) {
      bPrime.delete(length);
    }
  }
  return [aPrime.build(), bPrime.build()];
}

/** Walks components, splitting one when only part of it is consumed. */
class Cursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly ops: readonly Component[]) {}

  get hasCurrent(): boolean {
    return this.index < this.ops.length;
  }

  get current(): Component {
    const c = this.ops[this.index];
    if (c === undefined) throw lengthError('De wijzigingen hebben verschillende lengtes.');
    if (this.offset === 0) return c;
    if (isInsert(c)) return c.slice(this.offset);
    return c > 0 ? c - this.offset : c + this.offset;
  }

  take(length?: number): Component {
    const current = this.current;
    const available = isInsert(current) ? current.length : Math.abs(current);
    if (length === undefined || length >= available) {
      this.index++;
      this.offset = 0;
      return current;
    }
    this.offset += length;
    if (isInsert(current)) return current.slice(0, length);
    return current > 0 ? length : -length;
  }
}
