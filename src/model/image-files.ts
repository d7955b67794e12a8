/**
 * What an image file holds beyond its size: whether it is animated. An animated GIF or WebP keeps
 * its frames only as a WebP; as an AVIF or a JPEG (Astro opens every frame) it becomes one still
 * strip of all of them. The checker refuses one where a still is needed (`src/check/fields.ts`), and
 * a body image that is one gets no AVIF source (`src/publish/article-images.ts`).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Whether the file is a GIF of two frames or more, or a WebP with its animation flag set. */
export function isAnimated(file: string): boolean {
	try {
		const head = readHead(file, 21);
		const text = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
		if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') {
			// The extended header (VP8X) of an animated WebP has the animation bit of its flags set.
			return text(12, 16) === 'VP8X' && ((head[20] ?? 0) & 0x02) !== 0;
		}
		if (text(0, 3) === 'GIF') return gifFrames(readFileSync(file), 2) >= 2;
		return false;
	} catch {
		return false;
	}
}

function readHead(file: string, bytes: number): Uint8Array {
	const fd = openSync(file, 'r');
	try {
		const head = new Uint8Array(bytes);
		const length = readSync(fd, head, 0, bytes, 0);
		return head.subarray(0, length);
	} finally {
		closeSync(fd);
	}
}

/**
 * The number of frames (image descriptors) of a GIF, counting up to `atMost`: its blocks walked
 * as the GIF89a specification lays them out. A file cut short counts the frames before the cut.
 */
export function gifFrames(gif: Uint8Array, atMost = Infinity): number {
	const colorTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
	// Header (6 bytes), logical screen descriptor (7), then the global colour table if any.
	let at = 13 + colorTable(gif[10] ?? 0);
	const skipSubBlocks = () => {
		while (at < gif.length && gif[at] !== 0) at += (gif[at] ?? 0) + 1;
		at++; // the block terminator
	};
	let frames = 0;
	while (at < gif.length && frames < atMost) {
		const block = gif[at];
		if (block === 0x21) {
			at += 2; // introducer and label
			skipSubBlocks();
		} else if (block === 0x2c) {
			frames++;
			// Image descriptor (10 bytes), local colour table, LZW code size (1), then the data.
			at += 10 + colorTable(gif[at + 9] ?? 0) + 1;
			skipSubBlocks();
		} else {
			break; // the trailer (0x3b), or bytes that are not a GIF block
		}
	}
	return frames;
}
