import { describe, expect, it } from 'vitest';
import { normalizeHostUrl } from './settings';

describe('normalizeHostUrl', () => {
  it.each([
    ['http://127.0.0.1:47831', 'http://127.0.0.1:47831'],
    [' http://localhost:5000/ ', 'http://localhost:5000'],
    ['http://[::1]:8080/path', 'http://[::1]:8080'],
  ])('accepts %s', (input, expected) => expect(normalizeHostUrl(input)).toBe(expected));

  it.each(['https://127.0.0.1:1', 'http://example.com', 'http://192.168.1.2:47831', 'not a url', 'http://u:p@127.0.0.1:1'])(
    'rejects %s',
    (input) => expect(normalizeHostUrl(input)).toBeNull(),
  );
});
