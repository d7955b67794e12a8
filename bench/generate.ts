/**
 * A deterministic synthetic newsroom for the benchmark: realistic articles (600–1,500 words with
 * headings, lists, tables and quotes), ~40 products, ~15 audits and ~30 tags with a skewed
 * distribution, and lead images on a few articles. Same seed, same corpus, on any machine.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** Mulberry32: a small seeded PRNG, so every run writes the same corpus. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'drone aircraft flight controller firmware encryption audit report data link telemetry operator ' +
	'pilot mission survey inspection thermal camera payload battery range signal transmission ' +
	'security privacy network server cloud storage log record review finding vulnerability access ' +
	'physical radio app update version agency department government enterprise fleet policy risk ' +
	'assessment test laboratory consultant evidence result analysis dealer customer team public ' +
	'safety emergency response mapping construction energy utility bridge tower pipeline farm ' +
	'the a of and to in for with on that is was by as at from it this be are which or an have has ' +
	'not but were its their they more also after before during under over between about against'
).split(' ');

const PRODUCT_NAMES = ['Mavic', 'Matrice', 'Phantom', 'Inspire', 'Agras', 'Air', 'Mini', 'Avata'];
const MAKERS = ['DJI', 'Autel', 'Parrot', 'Skydio', 'Teledyne FLIR'];
const TAG_NAMES = (
	'Data Security,Audits,Firmware,Encryption,Public Safety,Government,Buying Advice,Thermal,Mapping,' +
	'Inspection,Regulation,FAA,Privacy,Batteries,Training,Payloads,Software,Networking,Cloud,Offline Mode,' +
	'Agriculture,Energy,Construction,Search and Rescue,Police,Fire Service,Interviews,Events,Repairs,Accessories'
).split(',');

/** Picks from `n` items with a Zipf-like skew: item 0 is the most common. */
function skewed(random: () => number, n: number): number {
	return Math.min(n - 1, Math.floor(n * random() ** 2.2));
}

function sentence(random: () => number, min = 8, max = 22): string {
	const length = min + Math.floor(random() * (max - min));
	const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'drone');
	const text = words.join(' ');
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
	return Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random)).join(' ');
}

/** One article body of roughly `words` words. */
function body(random: () => number, words: number): string {
	const parts: string[] = [];
	let count = 0;
	let section = 1;
	while (count < words) {
		const roll = random();
		let block: string;
		if (roll < 0.12) block = `## ${sentence(random, 3, 7).replace(/\.$/, '')} ${section++}`;
		else if (roll < 0.2)
			block = Array.from({ length: 4 }, () => `- ${sentence(random, 5, 12)}`).join('\n');
		else if (roll < 0.24)
			block = [
				'| Model | Range | Encryption | Finding |',
				'| --- | --- | --- | --- |',
				...Array.from(
					{ length: 4 },
					() =>
						`| ${sentence(random, 1, 3)} | ${Math.floor(random() * 15)} km | AES-${random() < 0.5 ? 128 : 256} | ${sentence(random, 3, 6)} |`
				),
			].join('\n');
		else if (roll < 0.28) block = `> ${sentence(random, 12, 24)}`;
		else block = paragraph(random);
		parts.push(block);
		count += block.split(/\s+/).length;
	}
	return parts.join('\n\n');
}

/** Writes the corpus into `dir` (a content folder: articles/, authors/, products/, audits/). */
export async function generateCorpus(dir: string, articles: number, seed = 42): Promise<void> {
	rmSync(dir, { recursive: true, force: true });
	const random = prng(seed);
	for (const folder of ['articles', 'authors', 'products', 'audits', 'images'])
		mkdirSync(join(dir, folder), { recursive: true });
	for (let i = 1; i <= 7; i++) {
		writeFileSync(
			join(dir, 'authors', `staff-writer-${i}.yaml`),
			`name: Staff writer ${i}\nrole: Reporter\nbio: Covers enterprise drones, audits and fleet security for the shop.\n`
		);
	}

	const products = Array.from({ length: 40 }, (_, i) => ({
		slug: `product-${i + 1}`,
		name: `${PRODUCT_NAMES[i % PRODUCT_NAMES.length]} ${100 + i * 7}`,
		maker: MAKERS[i % MAKERS.length] ?? 'DJI',
	}));
	for (const p of products) {
		writeFileSync(
			join(dir, 'products', `${p.slug}.yaml`),
			`name: ${p.name}\nmanufacturer: ${p.maker}\ncategory: Enterprise\nsummary: ${sentence(random)}\nurl: https://shop.example.com/${p.slug}\n`
		);
	}
	const audits = Array.from({ length: 15 }, (_, i) => `audit-${i + 1}`);
	audits.forEach((slug, i) => {
		const scope = [products[i % 40]?.slug, products[(i * 3 + 1) % 40]?.slug];
		writeFileSync(
			join(dir, 'audits', `${slug}.yaml`),
			`title: Independent audit number ${i + 1}\nauditor: Auditor ${i + 1} LLP\ndate: ${2016 + (i % 10)}-0${1 + (i % 9)}-15\nproducts: [${scope.join(', ')}]\nsummary: ${sentence(random)}\nreportUrl: https://reports.example.com/${slug}.pdf\n`
		);
	});

	// A handful of distinct lead images, shared in turn by the few articles that have one.
	const imageCount = Math.max(2, Math.round(articles / 200));
	for (let i = 0; i < imageCount; i++) {
		const hue = Math.floor(random() * 360);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="hsl(${hue} 45% 35%)"/><circle cx="${400 + ((i * 37) % 800)}" cy="420" r="220" fill="hsl(${(hue + 40) % 360} 70% 60%)"/><rect x="900" y="300" width="420" height="300" rx="30" fill="hsl(${(hue + 180) % 360} 30% 85%)"/></svg>`;
		await sharp(Buffer.from(svg))
			.jpeg({ quality: 78 })
			.toFile(join(dir, 'images', `lead-${i + 1}.jpg`));
	}

	const start = Date.UTC(2015, 0, 1);
	const span = Date.UTC(2026, 0, 1) - start;
	for (let i = 0; i < articles; i++) {
		const slug = `article-${String(i + 1).padStart(5, '0')}`;
		const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
		const ps = [
			...new Set(
				Array.from(
					{ length: 1 + Math.floor(random() * 3) },
					() => products[skewed(random, 40)]?.slug
				)
			),
		];
		const as = random() < 0.35 ? [audits[skewed(random, 15)]] : [];
		const tags = [
			...new Set(
				Array.from({ length: 1 + Math.floor(random() * 4) }, () => TAG_NAMES[skewed(random, 30)])
			),
		];
		const type = random() < 0.7 ? 'news' : random() < 0.5 ? 'statement' : 'guide';
		const image = i % 50 === 7 ? `../images/lead-${(i % imageCount) + 1}.jpg` : undefined;
		const lines = [
			'---',
			`title: "${sentence(random, 5, 11).replace(/\.$/, '')} (${i + 1})"`,
			`date: ${date}`,
			random() < 0.7 ? `description: "${sentence(random, 12, 20)}"` : undefined,
			random() < 0.5
				? `summary:\n  - "${sentence(random, 6, 12)}"\n  - "${sentence(random, 6, 12)}"`
				: undefined,
			`products: [${ps.join(', ')}]`,
			as.length ? `audits: [${as.join(', ')}]` : undefined,
			`tags: [${tags.map((t) => `"${t}"`).join(', ')}]`,
			`type: ${type}`,
			image ? `image: ${image}\nimageAlt: A generated illustration` : undefined,
			`author: staff-writer-${1 + (i % 7)}`,
			'---',
			'',
			body(random, 600 + Math.floor(random() * 900)),
			'',
		].filter((l) => l !== undefined);
		writeFileSync(join(dir, 'articles', `${slug}.md`), lines.join('\n'));
	}
}

/** The path, relative to the article folder, of the article `generateCorpus` would edit. */
export const EDITED_ARTICLE = 'article-00001.md';
