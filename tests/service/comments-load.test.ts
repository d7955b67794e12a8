/**
 * A bounded load test of the intake service on loopback: 2,000 posts from 20 concurrent clients
 * (each named by X-Forwarded-For, as behind a reverse proxy) against `npm run comments -- serve` in
 * its own process. Every accepted comment must be in the queue after the service stops, each
 * client must get exactly its rate limit through, and nothing refused may be stored. Latencies are
 * reported (p50/p99) and written to tests/.out/service/comments-load.json; see docs/benchmarks.md.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CommentStore } from '../../src/comments/service/store.ts';
import { comment, scratch, serveProcess, SITE_ORIGIN, testConfig } from '../helpers/comments.ts';

const CLIENTS = 20;
const POSTS_PER_CLIENT = 100;
/** Each client's allowance: the first 60 requests pass the limiter, the other 40 are refused. */
const LIMIT = 60;
/** The whole run stops by itself after this, whatever happens. */
const DEADLINE_MS = 60_000;

type Kind = 'valid' | 'honeypot' | 'invalid';

/** Request `i` of a client: mostly valid, one in ten a honeypot, one in ten invalid. */
function kindOf(i: number): Kind {
	return i % 10 === 9 ? 'honeypot' : i % 10 === 8 ? 'invalid' : 'valid';
}

/**
 * One POST over a kept-alive connection, with node:http rather than fetch: on a 2-core machine
 * fetch's own CPU cost would be most of what is measured.
 */
function post(
	agent: Agent,
	url: URL,
	body: string,
	headers: Record<string, string>
): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', agent, headers, signal: AbortSignal.timeout(10_000) },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

function percentile(sorted: readonly number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

test(
	'2,000 posts from 20 clients: none accepted is lost, the rate limit holds',
	{ timeout: 90_000 },
	async (t) => {
		const dir = scratch('load');
		const config = await testConfig(dir);
		const service = serveProcess(config, {
			COMMENTS_RATE_LIMIT: `${LIMIT}/3600`,
			COMMENTS_TRUST_PROXY: 'yes',
		});
		const deadline = AbortSignal.timeout(DEADLINE_MS);

		const accepted: string[] = [];
		const counts = { accepted: 0, honeypot: 0, invalid: 0, limited: 0, other: 0 };
		/** What the requests counted as `other` were and got, to say what went wrong. */
		const others: string[] = [];
		const perClientPassed = new Map<number, number>();
		const latencies: number[] = [];
		const acceptedLatencies: number[] = [];
		let elapsed: number;
		try {
			const url = new URL('/comments', await service.ready(15_000));

			const client = async (c: number) => {
				const agent = new Agent({ keepAlive: true, maxSockets: 1 });
				for (let i = 0; i < POSTS_PER_CLIENT && !deadline.aborted; i++) {
					const kind = kindOf(i);
					const body = `Load test comment ${c}-${i}.`;
					const fields = comment({
						body,
						...(kind === 'honeypot' ? { website: 'https://spam.example' } : {}),
						...(kind === 'invalid' ? { email: '' } : {}),
					});
					const json = i % 2 === 0;
					const start = performance.now();
					const status = await post(
						agent,
						url,
						json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
						{
							'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
							Accept: json ? 'application/json' : 'text/html',
							Origin: SITE_ORIGIN,
							'X-Forwarded-For': `192.0.2.${c + 1}`,
						}
					);
					const ms = performance.now() - start;
					latencies.push(ms);
					const ok = status === 202 || status === 303;
					if (status !== 429) perClientPassed.set(c, (perClientPassed.get(c) ?? 0) + 1);
					if (ok && kind === 'valid') {
						counts.accepted++;
						accepted.push(body);
						acceptedLatencies.push(ms);
					} else if (ok && kind === 'honeypot') counts.honeypot++;
					else if (status === 400 && kind === 'invalid') counts.invalid++;
					else if (status === 429) counts.limited++;
					else {
						counts.other++;
						others.push(`client ${c}, request ${i} (${kind}): HTTP ${status}`);
					}
				}
				agent.destroy();
			};
			const started = performance.now();
			await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
			elapsed = performance.now() - started;
		} finally {
			service.child.kill('SIGTERM');
		}
		assert.equal(await service.exited, 0, service.output());
		assert.equal(deadline.aborted, false, 'the run hit its deadline');

		// Rate limiting held: each client got exactly its allowance past the limiter.
		assert.deepEqual([...perClientPassed.values()], Array(CLIENTS).fill(LIMIT));
		const perClient = { valid: 48, honeypot: 6, invalid: 6 }; // kinds among requests 0–59
		assert.deepEqual(
			counts,
			{
				accepted: CLIENTS * perClient.valid,
				honeypot: CLIENTS * perClient.honeypot,
				invalid: CLIENTS * perClient.invalid,
				limited: CLIENTS * (POSTS_PER_CLIENT - LIMIT),
				other: 0,
			},
			[
				...others,
				...service
					.output()
					.split('\n')
					.filter((line) => !line.startsWith('intake: ')),
			].join('\n')
		);

		// Nothing accepted was lost, nothing refused was stored: the queue, read after the process
		// ended, holds exactly the accepted comments.
		const store = new CommentStore(config.db);
		try {
			const stored = store.list('pending').map((c) => c.body);
			assert.equal(stored.length, accepted.length);
			assert.deepEqual(stored.sort(), [...accepted].sort());
		} finally {
			store.close();
		}

		const sorted = [...latencies].sort((a, b) => a - b);
		const sortedAccepted = [...acceptedLatencies].sort((a, b) => a - b);
		const result = {
			requests: latencies.length,
			clients: CLIENTS,
			seconds: Number((elapsed / 1000).toFixed(2)),
			requestsPerSecond: Math.round(latencies.length / (elapsed / 1000)),
			p50: Number(percentile(sorted, 50).toFixed(2)),
			p99: Number(percentile(sorted, 99).toFixed(2)),
			acceptedP50: Number(percentile(sortedAccepted, 50).toFixed(2)),
			acceptedP99: Number(percentile(sortedAccepted, 99).toFixed(2)),
			counts,
			cpus: cpus().length,
			node: process.version,
		};
		writeFileSync(join(dir, '..', 'comments-load.json'), `${JSON.stringify(result, null, 2)}\n`);
		t.diagnostic(
			`${result.requests} posts, ${CLIENTS} clients, ${result.seconds} s (${result.requestsPerSecond}/s): p50 ${result.p50} ms, p99 ${result.p99} ms; accepted comments p50 ${result.acceptedP50} ms, p99 ${result.acceptedP99} ms`
		);
	}
);
