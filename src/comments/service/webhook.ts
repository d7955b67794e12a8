/**
 * The webhook called after approvals, typically the static host's build hook, so the site is
 * rebuilt with the new comments. Approvals made in quick succession are sent as one call (a
 * moderator clearing the queue starts one build, not twenty).
 */

/** A debounced POST to one URL. */
export class Webhook {
	readonly url: string;
	private readonly delayMs: number;
	private readonly log: (line: string) => void;
	private ids: string[] = [];
	private timer: NodeJS.Timeout | undefined;
	private sending: Promise<void> = Promise.resolve();

	constructor(url: string, delayMs: number, log: (line: string) => void) {
		this.url = url;
		this.delayMs = delayMs;
		this.log = log;
	}

	/** Notes an approved comment; the call goes out `delayMs` after the last one. */
	notify(id: string): void {
		this.ids.push(id);
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.flush(), this.delayMs);
	}

	/** Sends what is waiting now (also on shutdown); resolves when the call has finished. */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		const ids = this.ids;
		this.ids = [];
		if (ids.length > 0) this.sending = this.sending.then(() => this.send(ids));
		return this.sending;
	}

	private async send(ids: string[]): Promise<void> {
		try {
			const response = await fetch(this.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ event: 'comments-approved', comments: ids }),
				signal: AbortSignal.timeout(15_000),
			});
			this.log(`webhook: ${response.status} for ${ids.length} approved comment(s)`);
		} catch (error) {
			// The approvals are safe in the queue and their files are written; only the rebuild waits.
			this.log(`webhook: failed (${(error as Error).message}); the next approval calls it again`);
		}
	}
}
