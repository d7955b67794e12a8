import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	imageExtension,
	pictureSources,
	takesAvifSource,
} from '../../../src/publish/article-images.ts';

test('a body image in a raster format gets an AVIF source; an SVG, a GIF or an unknown address does not', () => {
	for (const path of ['./a.jpg', './b.JPEG', 'images/c.png', 'https://cdn.example/d.webp?w=800']) {
		assert.equal(takesAvifSource(imageExtension(path)), true, path);
	}
	for (const path of ['./logo.svg', './spin.gif', 'https://cdn.example/photo', './x.svg#icon']) {
		assert.equal(takesAvifSource(imageExtension(path)), false, path);
	}
});

test('an AVIF source loses the attributes only an <img> may have; a video source keeps them', () => {
	const picture =
		'<picture><source sizes="100vw" type="image/avif" width="400" height="300" loading="lazy" decoding="async" src="/_astro/a.avif" srcset="/_astro/a.avif 400w"><img src="/_astro/a.webp" loading="lazy" decoding="async" alt="A"></picture>';
	assert.equal(
		pictureSources(picture),
		'<picture><source sizes="100vw" type="image/avif" width="400" height="300" srcset="/_astro/a.avif 400w"><img src="/_astro/a.webp" loading="lazy" decoding="async" alt="A"></picture>'
	);
	const video = '<video controls><source src="/clip.mp4" type="video/mp4"></video>';
	assert.equal(pictureSources(video), video);
});
