/**
 * What an image file holds beyond its size: whether it has several frames (an animated GIF or
 * WebP, a TIFF of several pages). Astro opens every frame, so as an AVIF or a JPEG such a file
 * becomes one picture of all its frames stacked; only an animated WebP keeps an animation. The
 * checker refuses one where a still is needed (`src/check/fields.ts`), and a body image that is
 * one gets no AVIF source (`src/publish/article-images.ts`).
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time while walking a file's blocks. */
const CHUNK = 64 * 1024;

/** A file read on demand, a chunk at a time: `at(i)` is its byte `i`, undefined past its end. */
class ByteReader {
	private readonly fd: number;
	private start = 0;
	private chunk = new Uint8Array(0);

	constructor(fd: number) {
		this.fd = fd;
	}

	at(i: number): number | undefined {
		if (i < this.start || i >= this.start + this.chunk.length) {
			const chunk = new Uint8Array(CHUNK);
			const length = readSync(this.fd, chunk, 0, CHUNK, i);
			this.start = i;
			this.chunk = chunk.subarray(0, length);
		}
		return this.chunk[i - this.start];
	}
}

/** Whether an image file has two frames or more: an animated GIF or WebP, a multi-page TIFF. */
export function hasSeveralFrames(file: string): boolean {
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		const bytes = new ByteReader(fd);
		const text = (from: number, to: number) => {
			let out = '';
			for (let i = from; i < to; i++) out += String.fromCharCode(bytes.at(i) ?? 0);
			return out;
		};
		if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') {
			// The extended header (VP8X) of an animated WebP has the animation bit of its flags set.
			return text(12, 16) === 'VP8X' && ((bytes.at(20) ?? 0) & 0x02) !== 0;
		}
		if (text(0, 3) === 'GIF') return gifFrames((i) => bytes.at(i), 2) >= 2;
		if (text(0, 4) === 'II*\0' || text(0, 4) === 'MM\0*') return tiffPages(bytes) >= 2;
		return false;
	} catch {
		return false;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * The number of frames (image descriptors) of a GIF, counting up to `atMost`: its blocks walked
 * as the GIF89a specification lays them out. A file cut short counts the frames before the cut.
 * `byte(i)` is the file's byte `i`, undefined past its end.
 */
export function gifFrames(byte: (i: number) => number | undefined, atMost = Infinity): number {
	const colorTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
	// Header (6 bytes), logical screen descriptor (7), then the global colour table if any.
	let at = 13 + colorTable(byte(10) ?? 0);
	const skipSubBlocks = () => {
		for (let size = byte(at); size !== undefined && size !== 0; size = byte(at)) at += size + 1;
		at++; // the block terminator
	};
	let frames = 0;
	while (frames < atMost) {
		const block = byte(at);
		if (block === 0x21) {
			at += 2; // introducer and label
			skipSubBlocks();
		} else if (block === 0x2c) {
			frames++;
			// Image descriptor (10 bytes), local colour table, LZW code size (1), then the data.
			at += 10 + colorTable(byte(at + 9) ?? 0) + 1;
			skipSubBlocks();
		} else {
			break; // the trailer (0x3b), the end of the file, or bytes that are not a GIF block
		}
	}
	return frames;
}

/** The number of pages (image file directories) of a TIFF, counting up to two. */
function tiffPages(bytes: ByteReader): number {
	const little = bytes.at(0) === 0x49;
	const uint = (at: number, size: 2 | 4) => {
		let value = 0;
		for (let k = 0; k < size; k++) {
			const byte = bytes.at(at + (little ? size - 1 - k : k)); // most significant first
			if (byte === undefined) return undefined;
			value = value * 256 + byte;
		}
		return value;
	};
	const first = uint(4, 4);
	if (!first) return 0;
	const entries = uint(first, 2);
	if (entries === undefined) return 0;
	// Each directory is its entry count, 12 bytes per entry, then the offset of the next one.
	return uint(first + 2 + 12 * entries, 4) ? 2 : 1;
}
