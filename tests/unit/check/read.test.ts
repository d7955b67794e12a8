import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { imageWidthOf } from '../../../src/check/read.ts';

test('an image is measured as shown; a file that is no picture has no width', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'hangar-widths-'));
	const file = (name: string, bytes: Uint8Array | string) => {
		writeFileSync(join(dir, name), bytes);
		return join(dir, name);
	};
	const image = sharp({ create: { width: 30, height: 20, channels: 3, background: '#08f' } });
	assert.equal(imageWidthOf(file('small.png', await image.clone().png().toBuffer())), 30);
	// A portrait photo stored on its side (EXIF orientation 6) is shown 20 px wide.
	const turned = await image.clone().jpeg().withMetadata({ orientation: 6 }).toBuffer();
	assert.equal(imageWidthOf(file('turned.jpg', turned)), 20);
	// Neither an empty file nor a web page saved as a picture reads as one (an empty file once read
	// as a TGA 0 px wide: image-size took the zeros of the header buffer past its end).
	assert.equal(imageWidthOf(file('empty.jpg', '')), undefined);
	assert.equal(imageWidthOf(file('page.jpg', '<html><p>Not found</p></html>\n')), undefined);
});
