/**
 * Draws the illustrations used by the sample content in `content/` and writes them as JPEG files
 * next to the articles and products that reference them.
 *
 * Every picture is a flat, hand-built SVG (no photos, no copied artwork) rendered with sharp.
 * Run from the repository root: `./node_modules/.bin/node scripts/sample-images.ts`
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
import {
	backdrop,
	clipboard,
	controller,
	documentPage,
	magnifier,
	multiTop,
	n,
	padWithDrone,
	palettes,
	quadSide,
	shieldLock,
	svgDoc,
	timeline,
	waves,
} from './sample-images/shapes.ts';

interface Picture {
	file: string;
	width: number;
	height: number;
	draw: (w: number, h: number) => string;
}

const LEAD_W = 1600;
const LEAD_H = 900;
const PRODUCT_W = 1200;
const PRODUCT_H = 900;

const pictures: Picture[] = [
	{
		file: 'content/articles/booz-allen-audit-dji-government-edition/lead.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.harbour;
			return (
				backdrop(w, h, p, 1) +
				documentPage(930, 170, 420, 560, p, { chart: true, tilt: 6 }) +
				quadSide(560, 360, 1.05, p) +
				magnifier(1260, 610, 0.9, p)
			);
		},
	},
	{
		file: 'content/articles/booz-allen-audit-dji-government-edition/diagram.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.slate;
			const cloudX = 1330;
			const cloud = `
				<g fill="${p.body}" fill-opacity="0.9">
					<circle cx="${cloudX - 70}" cy="250" r="70"/><circle cx="${cloudX + 10}" cy="215" r="90"/>
					<circle cx="${cloudX + 95}" cy="260" r="60"/><rect x="${cloudX - 140}" y="250" width="300" height="70" rx="35"/>
				</g>
				<line x1="${cloudX - 60}" y1="200" x2="${cloudX + 80}" y2="330" stroke="${p.accent2}" stroke-width="20" stroke-linecap="round"/>
				<line x1="${cloudX + 80}" y1="200" x2="${cloudX - 60}" y2="330" stroke="${p.accent2}" stroke-width="20" stroke-linecap="round"/>`;
			return (
				backdrop(w, h, p, 3) +
				quadSide(330, 300, 0.75, p) +
				waves(330, 470, 1.1, 90, p.accent) +
				controller(420, 700, 1.0, p) +
				`<path d="M600 690 C 800 690, 900 560, 1080 520" fill="none" stroke="${p.body}" stroke-width="10" stroke-dasharray="26 18" stroke-linecap="round"/>` +
				shieldLock(1130, 560, 0.9, p) +
				`<path d="M1190 400 C 1220 360, 1240 340, 1260 330" fill="none" stroke="${p.body}" stroke-width="10" stroke-dasharray="18 16" stroke-linecap="round" stroke-opacity="0.6"/>` +
				cloud
			);
		},
	},
	{
		file: 'content/articles/images/aes-256-link.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.signal;
			let link = '';
			for (let i = 0; i < 9; i += 1) {
				const x = 470 + i * 80;
				const y = 640 - i * 42;
				link += `<rect x="${x}" y="${y}" width="44" height="30" rx="8" fill="${i % 2 === 0 ? p.accent2 : p.body}" fill-opacity="0.85"/>`;
			}
			return (
				backdrop(w, h, p, 6) +
				controller(330, 700, 1.0, p) +
				waves(330, 560, 1.3, -50, p.accent2) +
				link +
				quadSide(1230, 250, 0.8, p) +
				shieldLock(820, 470, 0.8, p)
			);
		},
	},
	{
		file: 'content/articles/images/kivu-report.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.dusk;
			const phone = `
				<rect x="1090" y="300" width="250" height="460" rx="40" fill="${p.ink}"/>
				<rect x="1110" y="340" width="210" height="370" rx="16" fill="${p.accent}" fill-opacity="0.9"/>
				<circle cx="1215" cy="735" r="12" fill="${p.body}"/>
				${multiTop(1215, 520, 0.3, 4, p)}`;
			return (
				backdrop(w, h, p, 7) +
				documentPage(360, 150, 460, 620, p, { checks: 3, tilt: -5 }) +
				documentPage(620, 190, 400, 560, p, { chart: true, tilt: 4 }) +
				phone
			);
		},
	},
	{
		file: 'content/articles/images/reviews-roundup.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.daylight;
			return (
				backdrop(w, h, p, 2) +
				documentPage(180, 230, 300, 420, p, { checks: 2, tilt: -8 }) +
				documentPage(500, 190, 300, 420, p, { chart: true, tilt: -3 }) +
				documentPage(820, 210, 300, 420, p, { checks: 3, tilt: 3 }) +
				documentPage(1140, 240, 300, 420, p, { chart: true, tilt: 8 }) +
				multiTop(800, 110, 0.22, 4, p)
			);
		},
	},
	{
		file: 'content/articles/2020/interior-grounds-drone-fleet.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.forest;
			const peaks = `<path d="M0 660 L220 380 L380 560 L600 300 L860 620 L1050 420 L1280 640 L1420 470 L1600 620 L1600 900 L0 900 Z" fill="${p.groundFar}" fill-opacity="0.55"/>
				<path d="M600 300 L660 370 L620 360 L580 390 L545 370 Z" fill="${p.paper}"/>`;
			return (
				backdrop(w, h, p, 3) +
				peaks +
				`<rect x="0" y="740" width="${w}" height="160" fill="${p.ground}"/>` +
				padWithDrone(330, 790, 0.9, p) +
				padWithDrone(800, 800, 1.0, p) +
				padWithDrone(1270, 790, 0.9, p)
			);
		},
	},
	{
		file: 'content/articles/2019/interior-approves-government-edition.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.forest;
			let bars = '';
			const values = [0.45, 0.62, 0.55, 0.8, 0.72, 0.9];
			values.forEach((v, i) => {
				bars += `<rect x="${1020 + i * 75}" y="${n(720 - 360 * v)}" width="50" height="${n(360 * v)}" rx="8" fill="${i % 2 === 0 ? p.accent : p.accent2}" stroke="${p.ink}" stroke-width="5"/>`;
			});
			return (
				backdrop(w, h, p, 5) +
				`<rect x="990" y="250" width="500" height="500" rx="30" fill="${p.paper}" fill-opacity="0.8"/>` +
				bars +
				`<rect x="1010" y="718" width="460" height="8" rx="4" fill="${p.ink}"/>` +
				multiTop(480, 400, 0.85, 6, palettes.harbour)
			);
		},
	},
	{
		file: 'content/articles/images/buyers-guide-checklist.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.daylight;
			return (
				backdrop(w, h, p, 8) +
				clipboard(260, 150, 460, 640, p) +
				quadSide(1130, 330, 0.9, { ...p, body: '#f8f9fa', ink: '#1d3557' }) +
				shieldLock(1230, 640, 0.55, p)
			);
		},
	},
	{
		file: 'content/articles/images/audits-2026.jpg',
		width: LEAD_W,
		height: LEAD_H,
		draw: (w, h) => {
			const p = palettes.dusk;
			return (
				backdrop(w, h, p, 9) +
				timeline(160, 470, 1050, 6, p) +
				documentPage(1270, 250, 210, 280, p, { checks: 2, tilt: 5 }) +
				shieldLock(1400, 600, 0.5, p)
			);
		},
	},
	{
		file: 'content/products/images/dji-mavic-pro-government-edition.jpg',
		width: PRODUCT_W,
		height: PRODUCT_H,
		draw: (w, h) => {
			const p = palettes.harbour;
			return backdrop(w, h, p, 11) + quadSide(600, 390, 1.2, p) + shieldLock(1010, 720, 0.45, p);
		},
	},
	{
		file: 'content/products/images/dji-matrice-600-pro-government-edition.jpg',
		width: PRODUCT_W,
		height: PRODUCT_H,
		draw: (w, h) => {
			const p = palettes.slate;
			return backdrop(w, h, p, 12) + multiTop(600, 430, 1.15, 6, p);
		},
	},
	{
		file: 'content/products/images/dji-mavic-2-enterprise.jpg',
		width: PRODUCT_W,
		height: PRODUCT_H,
		draw: (w, h) => {
			const p = palettes.signal;
			const beacon = `<rect x="560" y="250" width="80" height="36" rx="12" fill="${p.accent2}" stroke="${p.ink}" stroke-width="6"/>`;
			return (
				backdrop(w, h, p, 13) +
				quadSide(600, 420, 1.2, p) +
				beacon +
				waves(600, 240, 1.0, -90, p.accent2)
			);
		},
	},
	{
		file: 'content/products/images/dji-matrice-300-rtk.jpg',
		width: PRODUCT_W,
		height: PRODUCT_H,
		draw: (w, h) => {
			const p = palettes.daylight;
			const antennas = `
				<line x1="540" y1="330" x2="510" y2="250" stroke="${p.body}" stroke-width="12" stroke-linecap="round"/>
				<line x1="660" y1="330" x2="690" y2="250" stroke="${p.body}" stroke-width="12" stroke-linecap="round"/>
				<circle cx="510" cy="245" r="22" fill="${p.accent}" stroke="${p.body}" stroke-width="6"/>
				<circle cx="690" cy="245" r="22" fill="${p.accent}" stroke="${p.body}" stroke-width="6"/>`;
			return backdrop(w, h, p, 14) + antennas + quadSide(600, 430, 1.35, { ...p, body: '#f8f9fa' });
		},
	},
];

async function main(): Promise<void> {
	for (const picture of pictures) {
		const target = path.join(root, picture.file);
		await mkdir(path.dirname(target), { recursive: true });
		const svg = svgDoc(picture.width, picture.height, picture.draw(picture.width, picture.height));
		const info = await sharp(Buffer.from(svg))
			.resize(picture.width, picture.height)
			.jpeg({ quality: 78, mozjpeg: true })
			.toFile(target);
		console.log(
			`${picture.file}  ${info.width}x${info.height}  ${Math.round(info.size / 1024)} KB`
		);
	}
}

await main();
