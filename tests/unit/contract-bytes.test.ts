import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { byteMethods, methodNames } from '../../common/channels.js';
import { contract } from '../../common/contract.js';

/** Whether a schema accepts bytes anywhere: `z.instanceof(Uint8Array)` is zod's only custom schema in the contract. */
function carriesBytes(schema: z.ZodType): boolean {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'custom') return true;
  const inner = [def.innerType, def.in, def.out, def.element, ...Object.values((def.shape as Record<string, unknown> | undefined) ?? {}), ...((def.options as unknown[] | undefined) ?? [])];
  return inner.some((each) => each !== undefined && carriesBytes(each as z.ZodType));
}

describe('the methods that carry bytes', () => {
  it('are exactly those whose input schema accepts bytes, so every other call travels as plain JSON', () => {
    const expected = methodNames.filter((name) => carriesBytes(contract[name].input));
    expect(expected.length).toBeGreaterThan(0);
    expect([...byteMethods].sort()).toEqual(expected.sort());
  });
});
