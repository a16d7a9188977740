import { describe, expect, it } from 'vitest';
import { shopForHost } from '.';

describe('shopForHost', () => {
  it.each([
    ['buyertrade.taobao.com', 'taobao'],
    ['trade.taobao.com', 'taobao'],
    ['trade.tmall.com', 'tmall'],
    ['TRADE.TMALL.COM', 'tmall'],
  ])('%s is %s', (host, id) => expect(shopForHost(host)?.id).toBe(id));

  it('does not take look-alike domains', () => {
    expect(shopForHost('taobao.com.evil.example')).toBeUndefined();
    expect(shopForHost('nottaobao.com')).toBeUndefined();
  });
});
