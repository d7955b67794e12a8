import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContentProblem } from '../../../src/check/problems.ts';
import { formatProblems, problemsJson, type JsonProblem } from '../../../src/check/report.ts';
import { markdownImage } from '../../../src/check/site-lint.ts';
import { md, only, site, validateAll, validateContent } from '../../helpers/content.ts';

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

	test('an HTML <img> of a file beside the article, which would be broken on the page, is an error with its Markdown', () => {
		const body =
			'Text <img src="./photo.jpg" alt="A drone [left]"> and <img src="/logo.png" alt="Logo">.';
		const problems = validateAll(site(md(A, body), {}, ['content/articles/photo.jpg']));
		const p = find(problems, 'html-image');
		assert.deepEqual([p.severity, p.line, p.column], ['error', 8, 6]);
		assert.match(p.message, /"\.\/photo\.jpg" is an HTML <img>/);
		assert.match(
			p.fix ?? '',
			/^write it as a Markdown image, `!\[A drone \\\[left\\\]\]\(\.\/photo\.jpg\)`, in a paragraph of its own/
		);
		assert.equal(problems.length, 1, formatProblems(problems));
		// The same picture as Markdown is published.
		const markdown = md(A, 'Text ![A drone](./photo.jpg).');
		assert.deepEqual(validateAll(site(markdown, {}, ['content/articles/photo.jpg'])), []);
	});

	test("the Markdown an HTML image's fix suggests parses as an image, whatever its alt text and path", () => {
		assert.equal(markdownImage('A drone', './a.jpg?v=2#top'), '![A drone](./a.jpg)');
		assert.equal(markdownImage(undefined, './a.jpg'), '![what it shows](./a.jpg)');
		assert.equal(markdownImage('  ', './a.jpg'), '![what it shows](./a.jpg)');
		assert.equal(markdownImage('Two\n\nlines \\', './a.jpg'), '![Two lines \\\\](./a.jpg)');
		assert.equal(markdownImage('[x]', './my photo (1).jpg'), '![\\[x\\]](<./my photo (1).jpg>)');
		assert.equal(markdownImage('x', './a<b>.jpg'), '![x](./a%3Cb%3E.jpg)');
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

	test('warns about a lead image narrower than 1200 px', () => {
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
	});

	test('refuses a lead image in a format the site cannot publish, naming the ones it can', () => {
		const text = md(`${A}\nimage: ./spec.pdf\nimageAlt: A drone`);
		const p = find(validateAll(site(text, {}, ['content/articles/spec.pdf'])), 'missing-image');
		assert.match(p.message, /"\.\/spec\.pdf" is not an image format the site can publish/);
		assert.equal(p.fix, 'use a file in one of these formats: jpg, png, webp, avif, gif, tiff');
		assert.deepEqual(
			validateAll(
				site(md(`${A}\nimage: ./photo.JPG\nimageAlt: A drone`), {}, ['content/articles/photo.JPG'])
			),
			[],
			'an upper-case extension is the same format'
		);
	});

	test('refuses an SVG lead image, which the build cannot serve or share, and says what to do', () => {
		const text = md(`${A}\nimage: ./v.svg\nimageAlt: A drone`);
		const p = find(validateAll(site(text, {}, ['content/articles/v.svg'])), 'missing-image');
		assert.deepEqual([p.severity, p.line, p.field], ['error', 6, 'image']);
		assert.match(p.message, /"\.\/v\.svg" is an SVG/);
		assert.match(p.fix ?? '', /export it as a PNG/);
	});

	test('refuses an animated lead image, which its still pictures would show as a strip of frames', () => {
		const text = md(`${A}\nimage: ./spin.gif\nimageAlt: A drone`);
		const files = ['content/articles/spin.gif'];
		const animated = (path: string) => path === 'content/articles/spin.gif';
		const p = find(validateAll(site(text, { imageFrames: animated }, files)), 'animated-image');
		assert.deepEqual([p.severity, p.line, p.field], ['error', 6, 'image']);
		assert.match(p.message, /"\.\/spin\.gif" is animated/);
		assert.match(p.fix ?? '', /export one frame as a PNG or JPEG/);
		assert.deepEqual(validateAll(site(text, { imageFrames: () => false }, files)), []);
	});

	test('an image file that cannot be read as one is an error, in a field and in the body', () => {
		const text = md(
			`${A}\nimage: ./lead.jpg\nimageAlt: A drone`,
			'Text.\n\n![A chart](./chart.png)'
		);
		const files = ['content/articles/lead.jpg', 'content/articles/chart.png'];
		const widths = (width: number | undefined) => ({ imageWidth: () => width });
		const problems = validateAll(site(text, widths(undefined), files));
		assert.deepEqual(
			problems.map((p) => [p.rule, p.line, p.field]),
			[
				['unreadable-image', 6, 'image'],
				['unreadable-image', 12, undefined],
			],
			formatProblems(problems)
		);
		assert.match(problems[0]?.message ?? '', /"\.\/lead\.jpg" cannot be read as an image/);
		assert.match(problems[1]?.fix ?? '', /export it again/);
		assert.deepEqual(validateAll(site(text, widths(1600), files)), []);
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
