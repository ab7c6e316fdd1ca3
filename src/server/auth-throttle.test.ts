import { describe, expect, it } from 'vitest';
import { addressKey } from './auth-throttle.ts';

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s is counted as %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });

  it('puts every address of one /64 on one counter, and a neighbouring /64 on another', () => {
    expect(addressKey('2a00:1450:4001:81c::1')).toBe(addressKey('2a00:1450:4001:81c:dead:beef:1:2'));
    expect(addressKey('2a00:1450:4001:81c::1')).not.toBe(addressKey('2a00:1450:4001:81d::1'));
  });
});
