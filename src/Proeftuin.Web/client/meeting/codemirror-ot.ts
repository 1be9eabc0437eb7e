// Between CodeMirror's change sets and our text operations (both count UTF-16 code units).

import type { ChangeSet, ChangeSpec } from '@codemirror/state';
import { TextOperation } from '../collaboration/text-operation';

/** A local CodeMirror change as an operation on the text before it. */
export function changesToOperation(changes: ChangeSet): TextOperation {
  const builder = TextOperation.builder();
  let position = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    builder.retain(fromA - position).delete(toA - fromA).insert(inserted.toString());
    position = toA;
  });
  return builder.retain(changes.length - position).build();
}

/** An operation as CodeMirror changes, all relative to the document before it. */
export function operationToChanges(operation: TextOperation): ChangeSpec[] {
  const changes: ChangeSpec[] = [];
  let index = 0;
  for (const component of operation.toJSON()) {
    if (typeof component === 'string') {
      changes.push({ from: index, insert: component });
    } else if (component > 0) {
      index += component;
    } else {
      changes.push({ from: index, to: index - component });
      index -= component;
    }
  }
  return changes;
}
