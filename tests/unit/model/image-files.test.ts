import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gifFrames, isAnimated } from '../../../src/model/image-files.ts';
import { ROOT } from '../../helpers/build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/site/articles/lead-image-story');

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

test('a GIF is animated when it has two frames or more', () => {
	assert.equal(gifFrames(gif(1)), 1);
	assert.equal(gifFrames(gif(3)), 3);
	assert.equal(gifFrames(gif(3), 2), 2);
	assert.equal(gifFrames(gif(2).subarray(0, 30)), 1, 'a file cut short counts what it has');
	const dir = mkdtempSync(join(tmpdir(), 'hangar-gif-'));
	writeFileSync(join(dir, 'still.gif'), gif(1));
	writeFileSync(join(dir, 'moving.gif'), gif(2));
	assert.equal(isAnimated(join(dir, 'still.gif')), false);
	assert.equal(isAnimated(join(dir, 'moving.gif')), true);
});

test("the fixture's animations are animated, its still pictures are not, and nothing throws", () => {
	assert.equal(isAnimated(join(FIXTURE, 'dot.gif')), true);
	assert.equal(isAnimated(join(FIXTURE, 'spin.webp')), true);
	assert.equal(isAnimated(join(FIXTURE, 'body.png')), false);
	assert.equal(isAnimated(join(FIXTURE, 'logo.svg')), false);
	assert.equal(isAnimated(join(FIXTURE, 'no-such-file.gif')), false);
});
