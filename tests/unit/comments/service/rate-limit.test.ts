import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientKey, RateLimiter } from '../../../../src/comments/service/rate-limit.ts';

describe('rate limiting', () => {
	test('allows a burst up to the limit, then refuses with the wait', () => {
		const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
		const answers = [0, 1, 2, 3].map(() => limiter.take('a', 1000));
		assert.deepEqual(
			answers.map((a) => a.allowed),
			[true, true, true, false]
		);
		assert.deepEqual(
			answers.map((a) => a.remaining),
			[2, 1, 0, 0]
		);
		// One request comes back every 20 s (60 s / 3).
		assert.equal(answers[3]?.retryAfterMs, 20_000);
	});

	test('refills evenly over the window', () => {
		const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
		for (let i = 0; i < 3; i++) limiter.take('a', 0);
		assert.equal(limiter.take('a', 19_999).allowed, false);
		assert.equal(limiter.take('a', 20_000).allowed, true);
		assert.equal(limiter.take('a', 20_001).allowed, false);
		assert.equal(limiter.take('a', 1_000_000).remaining, 2, 'never more than the limit');
	});

	test('keeps clients apart', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
		assert.equal(limiter.take('a', 0).allowed, true);
		assert.equal(limiter.take('a', 0).allowed, false);
		assert.equal(limiter.take('b', 0).allowed, true);
	});

	test('holds while a client keeps trying: refusals do not reset the wait', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: 10_000 });
		let allowed = 0;
		for (let t = 0; t <= 60_000; t += 100) if (limiter.take('a', t).allowed) allowed++;
		// 2 at once, then one per 5 s for 60 s.
		assert.equal(allowed, 2 + 12);
	});

	test('remembers a bounded number of clients, forgetting full buckets first', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: 1000, maxClients: 100 });
		limiter.take('busy', 0);
		limiter.take('busy', 0);
		for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`, 5000 + i);
		assert.ok(limiter.size <= 100, `${limiter.size} clients remembered`);
		const stuck = new RateLimiter({ limit: 1, windowMs: 1_000_000, maxClients: 3 });
		for (const key of ['a', 'b', 'c', 'd']) stuck.take(key, 0);
		assert.equal(stuck.size, 3);
		assert.equal(stuck.take('d', 1).allowed, false, 'the newest client is still limited');
	});

	test('refuses a limit that makes no sense', () => {
		assert.throws(() => new RateLimiter({ limit: 0, windowMs: 1000 }));
		assert.throws(() => new RateLimiter({ limit: 1, windowMs: 0 }));
	});
});

describe('client keys', () => {
	test('are the remote address, unless a trusted proxy names the client', () => {
		assert.equal(clientKey('203.0.113.9', '198.51.100.1', false), '203.0.113.9');
		assert.equal(clientKey('127.0.0.1', '198.51.100.7, 198.51.100.1', true), '198.51.100.1');
		assert.equal(clientKey('127.0.0.1', undefined, true), '127.0.0.1');
		assert.equal(clientKey('::ffff:203.0.113.9', undefined, false), '203.0.113.9');
		assert.equal(clientKey(undefined, undefined, false), 'unknown');
	});

	test('group IPv6 clients by their /64', () => {
		assert.equal(clientKey('2001:db8:1:2:aaaa::1', undefined, false), '2001:db8:1:2/64');
		assert.equal(
			clientKey('2001:DB8:1:2:bbbb:cccc:dddd:eeee', undefined, false),
			'2001:db8:1:2/64'
		);
		assert.equal(clientKey('2001:db8::1', undefined, false), '2001:db8:0:0/64');
		assert.equal(clientKey('::1', undefined, false), '0:0:0:0/64');
	});
});
