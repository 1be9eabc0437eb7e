// Operational transformation over UTF-16 code units: the TypeScript twin of Proeftuin.Core.Collaboration.TextOperation.
// Wire form: an array of positive integers (retain), strings (insert) and negative integers (delete).
// Both implementations are checked against tests/data/collaboration/ot-vectors.json (and ot-vectors-by-hand.json).
// Compose and transform live in operation-algebra.ts.

import { compose, transform } from './operation-algebra';

/** One component: retain n (> 0), delete n (< 0) or insert a string. */
export type Component = number | string;

/** An operation is malformed or does not fit the document; nothing was changed. */
export class OperationError extends Error {
  constructor(
    readonly code: 'operation.malformed' | 'operation.length',
    message: string,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

export const isRetain = (c: Component): c is number => typeof c === 'number' && c > 0;
export const isDelete = (c: Component): c is number => typeof c === 'number' && c < 0;
export const isInsert = (c: Component): c is string => typeof c === 'string';

/** Builds a normalised operation: no empty components, neighbours of one kind merged, inserts before deletes. */
export class OperationBuilder {
  private readonly ops: Component[] = [];
  private baseLength = 0;
  private targetLength = 0;

  retain(n: number): this {
    if (n < 0 || !Number.isInteger(n)) throw new RangeError('retain needs a whole number >= 0');
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (last >= 0 && isRetain(this.ops[last]!)) this.ops[last] = (this.ops[last] as number) + n;
    else this.ops.push(n);
    return this;
  }

  insert(text: string): this {
    if (text.length === 0) return this;
    this.targetLength += text.length;
    const last = this.ops.length - 1;
    const lastOp = this.ops[last];
    if (lastOp !== undefined && isInsert(lastOp)) {
      this.ops[last] = lastOp + text;
    } else if (lastOp !== undefined && isDelete(lastOp)) {
      const before = this.ops[last - 1];
      if (before !== undefined && isInsert(before)) this.ops[last - 1] = before + text;
      else this.ops.splice(last, 0, text);
    } else {
      this.ops.push(text);
    }
    return this;
  }

  delete(n: number): this {
    if (n < 0 || !Number.isInteger(n)) throw new RangeError('delete needs a whole number >= 0');
    if (n === 0) return this;
    this.baseLength += n;
    const last = this.ops.length - 1;
    if (last >= 0 && isDelete(this.ops[last]!)) this.ops[last] = (this.ops[last] as number) - n;
    else this.ops.push(-n);
    return this;
  }

  add(c: Component): this {
    return isInsert(c) ? this.insert(c) : isRetain(c) ? this.retain(c) : this.delete(-c);
  }

  build(): TextOperation {
    return new TextOperation(this.ops.slice(), this.baseLength, this.targetLength);
  }
}

export class TextOperation {
  constructor(
    readonly ops: readonly Component[],
    readonly baseLength: number,
    readonly targetLength: number,
  ) {}

  static builder(): OperationBuilder {
    return new OperationBuilder();
  }

  static insertAt(length: number, index: number, text: string): TextOperation {
    return new OperationBuilder().retain(index).insert(text).retain(length - index).build();
  }

  static deleteAt(length: number, index: number, count: number): TextOperation {
    return new OperationBuilder().retain(index).delete(count).retain(length - index - count).build();
  }

  /** Parses the wire form; anything but non-zero safe integers and non-empty strings is refused. */
  static fromJSON(value: unknown): TextOperation {
    if (!Array.isArray(value)) throw malformed('een wijziging is een lijst');
    const builder = new OperationBuilder();
    for (const c of value) {
      if (typeof c === 'string') {
        if (c.length === 0) throw malformed('lege invoeging');
        builder.insert(c);
      } else if (typeof c === 'number' && Number.isInteger(c) && c !== 0 && c <= 2147483647 && c > -2147483648) {
        if (c > 0) builder.retain(c);
        else builder.delete(-c);
      } else {
        throw malformed('onverwacht onderdeel');
      }
    }
    return builder.build();
  }

  static parse(json: string): TextOperation {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw malformed('geen geldige JSON');
    }
    return TextOperation.fromJSON(value);
  }

  toJSON(): Component[] {
    return this.ops.slice();
  }

  get isNoop(): boolean {
    return this.ops.every((c) => isRetain(c));
  }

  apply(text: string): string {
    this.checkBase(text.length);
    const parts: string[] = [];
    let index = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        parts.push(text.slice(index, index + c));
        index += c;
      } else if (isInsert(c)) {
        parts.push(c);
      } else {
        index -= c;
      }
    }
    return parts.join('');
  }

  invert(text: string): TextOperation {
    this.checkBase(text.length);
    const inverse = new OperationBuilder();
    let index = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        inverse.retain(c);
        index += c;
      } else if (isInsert(c)) {
        inverse.delete(c.length);
      } else {
        inverse.insert(text.slice(index, index - c));
        index -= c;
      }
    }
    return inverse.build();
  }

  /** Where a cursor at `index` ends up; an insert exactly at it moves it only when `moveOnInsertAt`. */
  transformIndex(index: number, moveOnInsertAt: boolean): number {
    let position = 0;
    let shift = 0;
    for (const c of this.ops) {
      if (position > index) break;
      if (isRetain(c)) {
        position += c;
      } else if (isInsert(c)) {
        if (position < index || moveOnInsertAt) shift += c.length;
      } else {
        const count = -c;
        shift -= Math.min(count, index - position);
        position += count;
      }
    }
    return index + shift;
  }

  equals(other: TextOperation): boolean {
    return this.baseLength === other.baseLength && this.ops.length === other.ops.length && this.ops.every((c, i) => c === other.ops[i]);
  }

  /** One operation with the effect of `first` then `second`. */
  static compose(first: TextOperation, second: TextOperation): TextOperation {
    return compose(first, second);
  }

  /** (a', b') so that a then b' equals b then a'; at one place a's insert goes first (pass the server's op as a). */
  static transform(a: TextOperation, b: TextOperation): [TextOperation, TextOperation] {
    return transform(a, b);
  }

  private checkBase(length: number): void {
    if (length !== this.baseLength) {
      throw lengthError(`De wijziging past niet op het document: verwacht ${this.baseLength} tekens, het document heeft er ${length}.`);
    }
  }
}

function malformed(detail: string): OperationError {
  return new OperationError('operation.malformed', `De wijziging is ongeldig (${detail}).`);
}

export function lengthError(message: string): OperationError {
  return new OperationError('operation.length', message);
}
