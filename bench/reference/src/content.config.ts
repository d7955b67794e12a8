import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const base = process.env['BENCH_CONTENT'] ?? '../work/content';

const articles = defineCollection({
	loader: glob({ base: `${base}/articles`, pattern: '**/*.md' }),
	schema: z.object({
		title: z.string(),
		date: z.coerce.date(),
		description: z.string().optional(),
		products: z.array(reference('products')).default([]),
		audits: z.array(reference('audits')).default([]),
		tags: z.array(z.string()).default([]),
	}),
});
const products = defineCollection({
	loader: glob({ base: `${base}/products`, pattern: '*.yaml' }),
	schema: z.object({ name: z.string(), manufacturer: z.string() }),
});
const audits = defineCollection({
	loader: glob({ base: `${base}/audits`, pattern: '*.yaml' }),
	schema: z.object({ title: z.string(), auditor: z.string() }),
});

export const collections = { articles, products, audits };
