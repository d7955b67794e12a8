/**
 * Per-client rate limiting for the intake service: a token bucket per client key, so a reader can
 * send a few comments in a row and then one every so often, while a program posting in a loop is
 * turned away. Pure: the caller passes the time in. Memory is bounded by `maxClients`.
 */

/** How many requests a client may make: `limit` at once, refilled evenly over `windowMs`. */
export interface RateLimitOptions {
	limit: number;
	windowMs: number;
	/** Most clients remembered at once; beyond it, clients whose bucket has refilled are forgotten first. */
	maxClients?: number;
}

/** The answer for one request. */
export interface RateDecision {
	allowed: boolean;
	/** Requests the client has left right now. */
	remaining: number;
	/** When refused: milliseconds until the next request would be allowed. */
	retryAfterMs: number;
}

interface Bucket {
	tokens: number;
	updated: number;
}

/** A token-bucket limiter keyed by client. */
export class RateLimiter {
	readonly limit: number;
	readonly windowMs: number;
	readonly maxClients: number;
	private readonly buckets = new Map<string, Bucket>();

	constructor(options: RateLimitOptions) {
		if (!(options.limit >= 1) || !(options.windowMs > 0)) {
			throw new Error('RateLimiter needs limit ≥ 1 and windowMs > 0');
		}
		this.limit = options.limit;
		this.windowMs = options.windowMs;
		this.maxClients = options.maxClients ?? 100_000;
	}

	/** Takes one request from the client's bucket at time `now` (ms). */
	take(key: string, now: number): RateDecision {
		const bucket = this.refilled(key, now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			this.remember(key, bucket, now);
			return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
		}
		this.remember(key, bucket, now);
		const perToken = this.windowMs / this.limit;
		return {
			allowed: false,
			remaining: 0,
			retryAfterMs: Math.ceil((1 - bucket.tokens) * perToken),
		};
	}

	/** Clients currently remembered. */
	get size(): number {
		return this.buckets.size;
	}

	private refilled(key: string, now: number): Bucket {
		const bucket = this.buckets.get(key);
		if (!bucket) return { tokens: this.limit, updated: now };
		const elapsed = Math.max(0, now - bucket.updated);
		const tokens = Math.min(this.limit, bucket.tokens + (elapsed * this.limit) / this.windowMs);
		return { tokens, updated: Math.max(now, bucket.updated) };
	}

	private remember(key: string, bucket: Bucket, now: number): void {
		// Re-inserting keeps the map in least-recently-used order for the pruning below.
		this.buckets.delete(key);
		this.buckets.set(key, bucket);
		if (this.buckets.size <= this.maxClients) return;
		for (const other of this.buckets.keys()) {
			if (this.buckets.size <= this.maxClients) return;
			// A full bucket carries no information: forgetting it changes no decision.
			if (this.refilled(other, now).tokens >= this.limit) this.buckets.delete(other);
		}
		// Still too many clients within their window: forget the least recently seen.
		for (const other of this.buckets.keys()) {
			if (this.buckets.size <= this.maxClients) return;
			if (other !== key) this.buckets.delete(other);
		}
	}
}

/**
 * The key a client is limited by: its address, or with `trustProxy` the address the reverse proxy
 * in front of the service appended to `X-Forwarded-For` (the last entry; earlier ones are whatever
 * the client claimed). IPv6 clients are grouped by /64, the block one household or host gets.
 */
export function clientKey(
	remoteAddress: string | undefined,
	forwardedFor: string | undefined,
	trustProxy: boolean
): string {
	const fromProxy = trustProxy ? forwardedFor?.split(',').at(-1)?.trim() : undefined;
	let address = (fromProxy || remoteAddress || 'unknown').toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (mapped?.[1]) address = mapped[1];
	if (address.includes(':')) return `${ipv6Prefix(address)}/64`;
	return address;
}

/** The first four groups of an IPv6 address, with `::` expanded. */
function ipv6Prefix(address: string): string {
	const clean = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
	const [head = '', tail] = clean.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups =
		tail === undefined
			? left
			: [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
	return groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':');
}

/**
 * A bound on costly work shared by every client: at most `concurrency` tasks run at once and at
 * most `waiting` wait; a task beyond that is refused at once, costing nothing. Used for password
 * checks, where a per-address limit alone lets many addresses queue scrypt hashes by the hundred.
 */
export class WorkLimit {
	readonly concurrency: number;
	readonly waiting: number;
	private running = 0;
	private readonly queue: (() => void)[] = [];

	constructor(options: { concurrency: number; waiting: number }) {
		this.concurrency = options.concurrency;
		this.waiting = options.waiting;
	}

	/** True when a new task would be refused right now. */
	get full(): boolean {
		return this.running >= this.concurrency && this.queue.length >= this.waiting;
	}

	/** Runs `task` when its turn comes; undefined, without running it, when the limit is full. */
	async run<T>(task: () => Promise<T>): Promise<T | undefined> {
		if (this.running < this.concurrency) this.running++;
		else if (this.queue.length < this.waiting) {
			// The slot is handed over by the task that ends (see below), never given up in between.
			await new Promise<void>((resolve) => this.queue.push(resolve));
		} else return undefined;
		try {
			return await task();
		} finally {
			const next = this.queue.shift();
			if (next) next();
			else this.running--;
		}
	}
}
