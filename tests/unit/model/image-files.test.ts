import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { gifFrames, hasSeveralFrames } from '../../../src/model/image-files.ts';
import { ROOT } from '../../helpers/build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/site/articles/lead-image-story');
const scratch = mkdtempSync(join(tmpdir(), 'hangar-frames-'));

/** A GIF of `frames` 1×1 frames, with a global colour table and a graphic control extension each. */
function gif(frames: number): Uint8Array {
	const header = [...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, ...[0, 0, 0, 255, 255, 255]];
	const frame = [
		...[0x21, 0xf9, 4, 0, 10, 0, 0, 0], // graphic control extension: a 0.1 s delay
		...[0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], // image descriptor, no local colour table
		...[2, 2, 0x4c, 0x01, 0], // LZW minimum code size, one data sub-block, terminator
	];
	return Uint8Array.from([...header, ...Array.from({ length: frames }, () => frame).flat(), 0x3b]);
}

const gifBytes = (bytes: Uint8Array) => (i: number) => bytes[i];

test('a GIF has several frames when it has two image descriptors or more', () => {
	assert.equal(gifFrames(gifBytes(gif(1))), 1);
	assert.equal(gifFrames(gifBytes(gif(3))), 3);
	assert.equal(gifFrames(gifBytes(gif(3)), 2), 2);
	assert.equal(
		gifFrames(gifBytes(gif(2).subarray(0, 30))),
		1,
		'a file cut short counts what it has'
	);
	assert.equal(gifFrames(gifBytes(new Uint8Array(0))), 0);
	writeFileSync(join(scratch, 'still.gif'), gif(1));
	writeFileSync(join(scratch, 'moving.gif'), gif(2));
	assert.equal(hasSeveralFrames(join(scratch, 'still.gif')), false);
	assert.equal(hasSeveralFrames(join(scratch, 'moving.gif')), true);
});

/** A TIFF of `pages` empty directories, in either byte order: what the page count reads. */
function tiff(pages: number, bigEndian: boolean): Buffer {
	const out = Buffer.alloc(8 + 6 * pages);
	const u16 = (value: number, at: number) =>
		bigEndian ? out.writeUInt16BE(value, at) : out.writeUInt16LE(value, at);
	const u32 = (value: number, at: number) =>
		bigEndian ? out.writeUInt32BE(value, at) : out.writeUInt32LE(value, at);
	out.write(bigEndian ? 'MM' : 'II', 0, 'latin1');
	u16(42, 2);
	u32(8, 4);
	for (let page = 0; page < pages; page++) {
		const at = 8 + 6 * page;
		u16(0, at); // no entries
		u32(page === pages - 1 ? 0 : at + 6, at + 2); // the next directory, or none
	}
	return out;
}

test('a TIFF of several pages has several frames, in either byte order', async () => {
	for (const bigEndian of [false, true]) {
		writeFileSync(join(scratch, 'one.tiff'), tiff(1, bigEndian));
		writeFileSync(join(scratch, 'two.tiff'), tiff(2, bigEndian));
		assert.equal(hasSeveralFrames(join(scratch, 'one.tiff')), false, `big-endian: ${bigEndian}`);
		assert.equal(hasSeveralFrames(join(scratch, 'two.tiff')), true, `big-endian: ${bigEndian}`);
	}
	// And as sharp (libvips) writes one.
	const page = await sharp({
		create: { width: 4, height: 4, channels: 3, background: '#08f' },
	})
		.png()
		.toBuffer();
	const two = await sharp([page, page], { join: { animated: true } })
		.tiff()
		.toBuffer();
	assert.equal((await sharp(two).metadata()).pages, 2, 'the sample has two pages');
	writeFileSync(join(scratch, 'sharp.tiff'), two);
	assert.equal(hasSeveralFrames(join(scratch, 'sharp.tiff')), true);
	writeFileSync(join(scratch, 'sharp-one.tiff'), await sharp(page).tiff().toBuffer());
	assert.equal(hasSeveralFrames(join(scratch, 'sharp-one.tiff')), false);
});

test("the fixture's animations have several frames, its still pictures one, and nothing throws", () => {
	assert.equal(hasSeveralFrames(join(FIXTURE, 'dot.gif')), true);
	assert.equal(hasSeveralFrames(join(FIXTURE, 'spin.webp')), true);
	assert.equal(hasSeveralFrames(join(FIXTURE, 'body.png')), false);
	assert.equal(hasSeveralFrames(join(FIXTURE, 'logo.svg')), false);
	assert.equal(hasSeveralFrames(join(FIXTURE, 'no-such-file.gif')), false);
});
