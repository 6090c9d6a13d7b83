import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/server/rate-limit.js';

describe('the sliding-window rate limiter', () => {
  it('allows `limit` requests per key within the window, and frees them as they age out', () => {
    const clock = { now: 0 };
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 }, () => clock.now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    clock.now = 400;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 600 });
    clock.now = 1000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 400 });
  });

  it('forgets the least recently seen keys beyond its size, so a flood of keys cannot grow it', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 }, () => 0, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // pushes out "a"
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('c')).toMatchObject({ allowed: false });
  });
});
