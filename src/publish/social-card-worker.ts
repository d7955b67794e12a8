/**
 * A worker thread that draws social cards, so that satori's layout (JavaScript) and sharp's
 * rasterising and encoding run beside the page rendering on the build's main thread instead of
 * after it. `src/publish/social-card-images.ts` starts it with the fonts and sends it one job at a time per
 * worker; it answers each with the JPEG bytes or an error message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

/** What the pool sends for one card. */
export interface CardJob {
	id: number;
	/** The card's layout tree with the lead image still to be filled in (as `lead`). */
	tree: unknown;
	/** Lead image bytes, when the card has one. */
	lead?: Uint8Array | undefined;
	width: number;
	height: number;
	leadWidth: number;
	leadQuality: number;
	card: { quality: number; chromaSubsampling: string };
}

/** What the worker answers. */
export type CardResult = { id: number; jpeg: Uint8Array } | { id: number; error: string };

// Fonts arrive as structured clones (Uint8Array); satori wants the Buffer it was given.
const fonts: Font[] = (workerData as { fonts: (Font & { data: Uint8Array })[] }).fonts.map(
	(font) => ({
		...font,
		data: Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength),
	})
);

function withLead(node: unknown, uri: string): unknown {
	if (Array.isArray(node)) return node.map((child) => withLead(child, uri));
	if (node === null || typeof node !== 'object') return node;
	const entries = Object.entries(node).map(([key, value]) => [
		key,
		key === 'src' && value === 'lead' ? uri : withLead(value, uri),
	]);
	return Object.fromEntries(entries);
}

async function draw(job: CardJob): Promise<Uint8Array> {
	let tree = job.tree;
	if (job.lead) {
		const panel = await sharp(job.lead)
			.resize(job.leadWidth, job.height, { fit: 'cover' })
			.jpeg({ quality: job.leadQuality })
			.toBuffer();
		tree = withLead(tree, `data:image/jpeg;base64,${panel.toString('base64')}`);
	}
	const svg = await satori(tree as Parameters<typeof satori>[0], {
		width: job.width,
		height: job.height,
		fonts,
	});
	return sharp(Buffer.from(svg))
		.jpeg({ quality: job.card.quality, chromaSubsampling: job.card.chromaSubsampling })
		.toBuffer();
}

parentPort?.on('message', (job: CardJob) => {
	draw(job).then(
		(jpeg) => parentPort?.postMessage({ id: job.id, jpeg } satisfies CardResult),
		(error: unknown) =>
			parentPort?.postMessage({
				id: job.id,
				error: error instanceof Error ? (error.stack ?? error.message) : String(error),
			} satisfies CardResult)
	);
});
