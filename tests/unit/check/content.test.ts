import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateContent as validateAll } from '../../../src/check/content.ts';
import { splitFrontMatter } from '../../../src/check/entries.ts';
import type { ContentProblem, ContentSnapshot } from '../../../src/check/problems.ts';
import {
	formatProblems,
	problemsJson,
	summarizeProblems,
	type JsonProblem,
} from '../../../src/check/report.ts';
import { articleSlugOf } from '../../../src/model/slugs.ts';

/** The errors only: the tests of the contract's errors ignore the linter's warnings. */
const validateContent = (snapshot: ContentSnapshot) =>
	validateAll(snapshot).filter((p) => p.severity === 'error');

const PRODUCT = 'name: Mavic 2 Enterprise\nmanufacturer: DJI\n';
const AUDIT =
	'title: BAH audit\nauditor: Booz Allen Hamilton\ndate: 2020-07-01\nproducts: [mavic-2-enterprise]\n';

/** A valid site with one article, changed by the test. */
function site(
	article: string,
	extra: Partial<ContentSnapshot> = {},
	files: string[] = []
): ContentSnapshot {
	return {
		contentDir: 'content',
		articles: [{ path: 'content/articles/story.md', text: article }],
		products: [{ path: 'content/products/mavic-2-enterprise.yaml', text: PRODUCT }],
		audits: [{ path: 'content/audits/bah-2020.yaml', text: AUDIT }],
		files: new Set(['content/articles/story.md', ...files]),
		...extra,
	};
}

const md = (fm: string, body = 'Body.') => `---\n${fm}\n---\n\n${body}\n`;

function only(problems: ContentProblem[]): ContentProblem {
	assert.equal(problems.length, 1, formatProblems(problems));
	return problems[0] as ContentProblem;
}

describe('valid content', () => {
	test('passes with every optional field used', () => {
		const text = md(
			[
				'title: "A <b>story</b>"',
				'date: 2020-07-02',
				'updated: 2020-07-02T10:00:00Z',
				'description: Teaser.',
				'summary: [one, two]',
				'products: [mavic-2-enterprise]',
				'audits: [bah-2020]',
				'tags: [Data Security]',
				'type: statement',
				'image: ./lead.jpg',
				'imageAlt: A drone',
				'imageCaption: Caption',
				'author: A. Writer',
				'draft: false',
			].join('\n')
		);
		assert.deepEqual(validateContent(site(text, {}, ['content/articles/lead.jpg'])), []);
	});
});

describe('articles', () => {
	test('names the closest product for an unknown slug, with its line and column', () => {
		const p = only(
			validateContent(site(md('title: T\ndate: 2020-01-01\nproducts:\n  - mavic-2-enterprize')))
		);
		assert.equal(p.rule, 'unknown-product');
		assert.equal(p.file, 'content/articles/story.md');
		assert.equal(p.field, 'products[0]');
		assert.equal(p.line, 5);
		assert.equal(p.column, 5);
		assert.match(p.message, /unknown product "mavic-2-enterprize"/);
		assert.match(p.fix ?? '', /did you mean "mavic-2-enterprise"/);
	});

	test('names the closest audit for an unknown slug', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-01-01\naudits: [bah-2021]'))));
		assert.equal(p.rule, 'unknown-audit');
		assert.match(p.fix ?? '', /"bah-2020"/);
	});

	test('refuses an impossible calendar date', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2021-02-30'))));
		assert.equal(p.rule, 'invalid-date');
		assert.equal(p.field, 'date');
		assert.equal(p.line, 3);
		assert.match(p.message, /2021-02-30/);
	});

	test('refuses `updated` before `date`', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-05-02\nupdated: 2020-05-01'))));
		assert.equal(p.rule, 'date-order');
		assert.equal(p.field, 'updated');
	});

	test('requires title and date', () => {
		const problems = validateContent(site(md('description: no title or date')));
		assert.deepEqual(
			problems.map((p) => [p.rule, p.field]),
			[
				['required-field', 'title'],
				['required-field', 'date'],
			]
		);
	});

	test('refuses an unknown type and suggests the closest', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-01-01\ntype: stament'))));
		assert.equal(p.rule, 'unknown-type');
		assert.match(p.fix ?? '', /"statement"/);
	});

	test('requires the image file to exist, and alt text with it', () => {
		const problems = validateContent(site(md('title: T\ndate: 2020-01-01\nimage: ./missing.jpg')));
		assert.deepEqual(problems.map((p) => p.rule).sort(), ['missing-alt', 'missing-image']);
		assert.match(problems.find((p) => p.rule === 'missing-image')?.message ?? '', /missing\.jpg/);
	});

	test('refuses malformed YAML with the line of the fault', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-01-01\ntags: [a, b'))));
		assert.equal(p.rule, 'yaml-syntax');
		// Line 4 of the file: the `tags:` line, after `---`, title and date.
		assert.equal(p.line, 4);
	});

	test('refuses a file without front matter', () => {
		assert.equal(only(validateContent(site('Just text.'))).rule, 'front-matter');
	});

	test('refuses a misspelt field rather than silently ignoring it', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-01-01\ntgas: [x]'))));
		assert.equal(p.rule, 'unknown-field');
		assert.match(p.fix ?? '', /did you mean "tags"/);
	});

	test('refuses values of the wrong kind', () => {
		const problems = validateContent(
			site(md('title: 2020\ndate: 2020-01-01\ndraft: yes\ntags: Security'))
		);
		assert.deepEqual(
			problems.map((p) => p.field),
			['title', 'draft', 'tags']
		);
	});

	test('reports two articles with the same slug, naming both files', () => {
		const text = md('title: T\ndate: 2020-01-01');
		const problems = validateContent(
			site(text, {
				articles: [
					{ path: 'content/articles/story.md', text },
					{ path: 'content/articles/2020/story.md', text },
				],
			})
		);
		const p = only(problems);
		assert.equal(p.rule, 'duplicate-slug');
		assert.match(p.message, /content\/articles\/2020\/story\.md|content\/articles\/story\.md/);
	});

	test('refuses slugs that are not lower-case ASCII, or only digits', () => {
		const text = md('title: T\ndate: 2020-01-01');
		const problems = validateContent(
			site(text, {
				articles: [
					{ path: 'content/articles/My Story.md', text },
					{ path: 'content/articles/2021.md', text },
				],
			})
		);
		assert.deepEqual(
			problems.map((p) => p.rule),
			['invalid-slug', 'invalid-slug']
		);
	});

	test('reports every problem of every file in one run', () => {
		const problems = validateContent(
			site('', {
				articles: [
					{ path: 'content/articles/a.md', text: md('title: A\ndate: 2021-02-30') },
					{
						path: 'content/articles/b.md',
						text: md('title: B\ndate: 2020-01-01\nproducts: [nope]'),
					},
				],
			})
		);
		assert.equal(problems.length, 2);
		assert.equal(summarizeProblems(problems), '2 errors in 2 files');
	});
});

describe('products and audits', () => {
	test('requires a product name and manufacturer and a valid shop URL', () => {
		const problems = validateContent(
			site(md('title: T\ndate: 2020-01-01'), {
				products: [
					{ path: 'content/products/x.yaml', text: 'category: Enterprise\nurl: shop/x\n' },
				],
				audits: [],
			})
		);
		assert.deepEqual(
			problems.map((p) => p.field),
			['name', 'manufacturer', 'url']
		);
	});

	test('checks an audit date and the products in its scope', () => {
		const problems = validateContent(
			site(md('title: T\ndate: 2020-01-01'), {
				audits: [
					{
						path: 'content/audits/a.yaml',
						text: 'title: A\nauditor: B\ndate: 2019-02-29\nproducts: [mavic-2-enterprice]\n',
					},
				],
			})
		);
		assert.deepEqual(
			problems.map((p) => p.rule),
			['invalid-date', 'unknown-product']
		);
	});

	test('reports two product files with one slug', () => {
		const problems = validateContent(
			site(md('title: T\ndate: 2020-01-01'), {
				products: [
					{ path: 'content/products/x.yaml', text: PRODUCT },
					{ path: 'content/products/x.yml', text: PRODUCT },
				],
				audits: [],
			})
		);
		assert.equal(only(problems).rule, 'duplicate-slug');
	});
});

describe('helpers', () => {
	test('takes the slug from the file, or the folder of an index file', () => {
		assert.equal(articleSlugOf('content/articles/a.md'), 'a');
		assert.equal(articleSlugOf('content/articles/2020/b.mdx'), 'b');
		assert.equal(articleSlugOf('content/articles/c/index.md'), 'c');
	});

	test('splits front matter from the body', () => {
		assert.deepEqual(splitFrontMatter('---\na: 1\n---\nBody'), {
			yaml: 'a: 1',
			firstLine: 2,
			body: 'Body',
		});
		assert.equal(splitFrontMatter('a: 1\n---\n'), undefined);
	});

	test('formats a problem as file:line:column, severity, rule, message and fix', () => {
		const text = formatProblems([
			{
				severity: 'error',
				rule: 'invalid-date',
				file: 'content/articles/a.md',
				line: 3,
				column: 1,
				message: 'date: bad',
				fix: 'write a date',
			},
		]);
		assert.equal(
			text,
			'content/articles/a.md:3:1  error  invalid-date  date: bad\n    fix: write a date'
		);
	});
});

describe('linter', () => {
	const A = 'title: T\ndate: 2020-01-01\nproducts: [mavic-2-enterprise]\naudits: [bah-2020]';
	const find = (problems: ContentProblem[], rule: string) => {
		const found = problems.filter((p) => p.rule === rule);
		assert.equal(found.length, 1, formatProblems(problems));
		return found[0] as ContentProblem;
	};

	test('a body image without alt text is an error at the image', () => {
		const text = md(
			A,
			'Intro.\n\n![](./photo.jpg)\n\nText <img src="https://x.example/a.png"> more.'
		);
		const problems = validateAll(site(text, {}, ['content/articles/photo.jpg']));
		const [md1, html] = problems.filter((p) => p.rule === 'missing-alt');
		assert.deepEqual([md1?.severity, md1?.line, md1?.column], ['error', 10, 1]);
		assert.match(md1?.message ?? '', /the image "\.\/photo\.jpg" has no alt text/);
		assert.deepEqual([html?.line, html?.column], [12, 6]);
		assert.equal(problems.length, 2, formatProblems(problems));
	});

	test('a body image that does not exist beside the article is an error at the image', () => {
		const p = find(validateAll(site(md(A, '![A photo](../img/nope.jpg)'))), 'missing-image');
		assert.deepEqual([p.line, p.column], [8, 1]);
		assert.match(p.message, /looked for content\/img\/nope\.jpg/);
	});

	test('a link to an article, product, audit or tag page that does not exist is an error at the link', () => {
		const body = [
			'See [the audit](/audits/bah-2021/), [me](/articles/story/) and',
			'[the tag](/tags/data-security/) or [shop](https://news.example/products/mavic-3/).',
			'',
			'[elsewhere](https://other.example/products/mavic-3/), `[code](/articles/nope/)`,',
			'[page two](/articles/2/) and [a ref][r].',
			'',
			'```',
			'[fenced](/articles/nope/)',
			'```',
			'',
			'[r]: /tags/nope/',
		].join('\n');
		const problems = validateAll(
			site(md(`${A}\ntags: [Data Security]`, body), { siteUrl: 'https://news.example' })
		);
		const broken = problems.filter((p) => p.rule === 'broken-link');
		assert.deepEqual(
			broken.map((p) => [p.line, p.column, p.severity]),
			[
				[9, 5, 'error'],
				[10, 36, 'error'],
				[19, 1, 'error'],
			],
			formatProblems(problems)
		);
		assert.match(
			broken[0]?.message ?? '',
			/links to \/audits\/bah-2021\/, but there is no audit "bah-2021"/
		);
		assert.match(broken[0]?.fix ?? '', /did you mean \/audits\/bah-2020\//);
		assert.match(broken[1]?.message ?? '', /no product "mavic-3"/);
		assert.match(broken[2]?.message ?? '', /no tag "nope"/);
	});

	test('a published article linking to a draft gets a warning', () => {
		const problems = validateAll(
			site('', {
				articles: [
					{ path: 'content/articles/story.md', text: md(A, '[Soon](/articles/later/)') },
					{ path: 'content/articles/later.md', text: md(`${A}\ndraft: true`) },
				],
			})
		);
		const p = find(problems, 'unpublished-link');
		assert.deepEqual([p.file, p.severity, p.line], ['content/articles/story.md', 'warning', 8]);
	});

	test('warns about a description longer than 160 characters, at the field', () => {
		const p = find(
			validateAll(site(md(`${A}\ndescription: ${'x'.repeat(161)}`))),
			'description-length'
		);
		assert.deepEqual([p.severity, p.line, p.column, p.field], ['warning', 6, 1, 'description']);
		assert.match(p.message, /161 characters/);
		assert.deepEqual(
			validateAll(site(md(`${A}\ndescription: ${'x'.repeat(160)}`))),
			[],
			'160 is fine'
		);
	});

	test('warns at each tag spelt differently from the rest of the site', () => {
		const problems = validateAll(
			site('', {
				articles: [
					{ path: 'content/articles/a.md', text: md(`${A}\ntags: [Data Security]`) },
					{ path: 'content/articles/b.md', text: md(`${A}\ntags: [Data Security]`) },
					{ path: 'content/articles/c.md', text: md(`${A}\ntags: [News, data  security]`) },
					{ path: 'content/articles/d.md', text: md(`${A}\ntags: [DataSecurity]`) },
				],
			})
		);
		const variants = problems.filter((p) => p.rule === 'tag-variant');
		assert.deepEqual(
			variants.map((p) => [p.file, p.line, p.column, p.field, p.severity]),
			[
				['content/articles/c.md', 6, 14, 'tags[1]', 'warning'],
				['content/articles/d.md', 6, 8, 'tags[0]', 'warning'],
			]
		);
		assert.match(
			variants[0]?.message ?? '',
			/"data {2}security" is written "Data Security" 2 times/
		);
		assert.match(variants[1]?.message ?? '', /gets a page of its own, \/tags\/datasecurity\//);
	});

	test('warns about a product or audit no article mentions', () => {
		const problems = validateAll(site(md('title: T\ndate: 2020-01-01')));
		assert.deepEqual(
			problems.map((p) => [p.rule, p.file, p.line, p.severity]),
			[
				['unused-audit', 'content/audits/bah-2020.yaml', 1, 'warning'],
				['unused-product', 'content/products/mavic-2-enterprise.yaml', 1, 'warning'],
			]
		);
		// A link in a body counts as a mention.
		assert.deepEqual(
			validateAll(
				site(
					md(
						'title: T\ndate: 2020-01-01',
						'[A](/products/mavic-2-enterprise/) [B](/audits/bah-2020/)'
					)
				)
			),
			[]
		);
	});

	test('warns about a lead image narrower than 1200 px, but not a vector one', () => {
		const lead = (file: string) => md(`${A}\nimage: ./${file}\nimageAlt: A drone`);
		const widths = new Map([
			['content/articles/small.jpg', 800],
			['content/articles/big.jpg', 1200],
		]);
		const files = [
			'content/articles/small.jpg',
			'content/articles/big.jpg',
			'content/articles/v.svg',
		];
		const check = (file: string) =>
			validateAll(site(lead(file), { imageWidth: (p) => widths.get(p) ?? 10 }, files));
		const p = find(check('small.jpg'), 'small-image');
		assert.deepEqual([p.severity, p.line, p.field], ['warning', 6, 'image']);
		assert.match(p.message, /is 800 px wide/);
		assert.deepEqual(check('big.jpg'), []);
		assert.deepEqual(check('v.svg'), []);
	});

	test('warns when `updated` is the same as `date`', () => {
		const p = find(validateAll(site(md(`${A}\nupdated: 2020-01-01`))), 'updated-equals-date');
		assert.deepEqual([p.severity, p.line, p.field], ['warning', 6, 'updated']);
	});

	test('reports an article dated after the build as scheduled, not as an error', () => {
		const text = md(
			'title: T\ndate: 2099-01-01\nproducts: [mavic-2-enterprise]\naudits: [bah-2020]'
		);
		const now = new Date('2024-06-01T12:00:00Z');
		const p = find(validateAll(site(text, { now })), 'scheduled');
		assert.deepEqual([p.severity, p.line, p.field], ['info', 3, 'date']);
		assert.match(p.message, /scheduled for 2099-01-01/);
		assert.deepEqual(validateAll(site(text, { now: new Date('2099-01-02T00:00:00Z') })), []);
	});

	test('prints every finding as JSON with the same keys in the same order', () => {
		const problems = validateAll(site(md('title: T\ndate: 2020-01-01')));
		const rows = JSON.parse(problemsJson(problems)) as JsonProblem[];
		assert.equal(rows.length, 2);
		for (const row of rows) {
			assert.deepEqual(Object.keys(row), [
				'file',
				'line',
				'column',
				'severity',
				'rule',
				'field',
				'message',
				'fix',
			]);
		}
		assert.deepEqual(rows[0], {
			file: 'content/audits/bah-2020.yaml',
			line: 1,
			column: 1,
			severity: 'warning',
			rule: 'unused-audit',
			field: null,
			message: 'no article mentions the audit "bah-2020", so its page lists nothing',
			fix: 'add "bah-2020" to the `audits` of the articles about it, or delete the file',
		});
	});
});

describe('redirects file', () => {
	const withRedirects = (text: string) =>
		validateAll(
			site(md('title: T\ndate: 2020-01-01\nproducts: [mavic-2-enterprise]\naudits: [bah-2020]'), {
				redirects: { path: 'content/redirects.yaml', text },
			})
		);

	test('accepts a list of from, to and status', () => {
		assert.deepEqual(
			withRedirects(
				'- from: /blogs/news/story\n  to: /articles/story/\n  status: 301\n- from: /old/*\n  to: /articles/\n'
			),
			[]
		);
	});

	test('reports bad, duplicate and broken redirects at their lines', () => {
		const problems = withRedirects(
			[
				'- from: /blogs/news/a',
				'  to: /articles/nope/',
				'- from: blogs/b',
				'  to: /articles/story/',
				'  stauts: 302',
				'- from: /blogs/news/a',
				'  to: https://elsewhere.example/',
				'- from: /articles/story/',
				'  to: /articles/',
			].join('\n')
		);
		assert.deepEqual(
			problems.map((p) => [p.rule, p.line, p.column, p.field]),
			[
				['broken-link', 2, 3, '[0].to'],
				['invalid-redirect', 3, 3, '[1].from'],
				['unknown-field', 5, 3, '[1].stauts'],
				['duplicate-redirect', 6, 3, '[2].from'],
				['invalid-redirect', 8, 3, '[3].from'],
			],
			formatProblems(problems)
		);
		assert.match(problems[2]?.fix ?? '', /did you mean "status"/);
		assert.match(problems[4]?.message ?? '', /is a page of the site/);
	});

	test('refuses a file that is not a list', () => {
		const [p] = withRedirects('from: /a/\nto: /b/\n');
		assert.equal(p?.rule, 'redirects-file');
	});
});

describe('imported articles', () => {
	const body = 'Text.\n\n![](https://old.example/photo.jpg)';

	test('list a body image without alt text as a to-do, with its line, instead of an error', () => {
		const problems = validateAll(
			site(md('title: T\ndate: 2020-01-01\nimported: https://old.example/post', body))
		);
		const p = only(problems.filter((x) => x.rule.startsWith('missing-alt')));
		assert.equal(p.rule, 'missing-alt-imported');
		assert.equal(p.severity, 'warning');
		assert.equal(p.line, 9);
	});

	test('keep the strict rule for an article written here', () => {
		const p = only(validateContent(site(md('title: T\ndate: 2020-01-01', body))));
		assert.equal(p.rule, 'missing-alt');
		assert.equal(p.severity, 'error');
	});
});
