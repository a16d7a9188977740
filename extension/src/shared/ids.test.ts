import { describe, expect, it } from 'vitest';
import { newUuid } from './ids';

describe('newUuid', () => {
  it('makes version 4 UUIDs that the host accepts', () => {
    const ids = Array.from({ length: 200 }, newUuid);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
