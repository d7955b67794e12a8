import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitFrontMatter } from '../../../src/model/text.ts';
import { formatProblems, summarizeProblems } from '../../../src/check/report.ts';
import { articleSlugOf } from '../../../src/model/slugs.ts';
import { md, only, PRODUCT, site, validateAll, validateContent } from '../../helpers/content.ts';

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
				'author: ann-writer',
				'corrections:',
				'  - date: 2020-07-02T09:00:00Z',
				'    text: A name was misspelt.',
				'withoutDisclosure: A news report that recommends nothing.',
				'draft: false',
			].join('\n')
		);
		assert.deepEqual(validateContent(site(text, {}, ['content/articles/lead.jpg'])), []);
	});
});

describe('authors and corrections', () => {
	const NOW = new Date('2020-08-01T00:00:00Z');
	const check = (fm: string) => validateContent({ ...site(md(fm)), now: NOW });

	test('a plain name where an author slug belongs is an error naming the slug meant', () => {
		const p = only(check('title: T\ndate: 2020-01-01\nauthor: Ann Writer'));
		assert.equal(p.rule, 'unknown-author');
		assert.equal(p.field, 'author');
		assert.equal(p.line, 4);
		assert.match(p.message, /author: unknown author "Ann Writer"/);
		assert.match(p.fix ?? '', /did you mean "ann-writer"\?/);
	});

	test('an author file is checked against its schema', () => {
		const problems = validateContent(
			site(md('title: T\ndate: 2020-01-01'), {
				authors: [
					{ path: 'content/authors/bob.yaml', text: 'nam: Bob\nbio: B.\nlinks: [linkedin]\n' },
				],
			})
		);
		assert.deepEqual(
			problems.map((p) => [p.file, p.rule, p.field]),
			[
				['content/authors/bob.yaml', 'required-field', 'name'],
				['content/authors/bob.yaml', 'unknown-field', 'nam'],
				['content/authors/bob.yaml', 'invalid-url', 'links[0]'],
			]
		);
	});

	test('a correction dated before publication is an error at its date', () => {
		const p = only(
			check('title: T\ndate: 2020-07-10\ncorrections:\n  - date: 2020-07-01\n    text: Fixed.')
		);
		assert.equal(p.rule, 'correction-date');
		assert.equal(p.field, 'corrections[0].date');
		assert.equal(p.line, 5);
		assert.match(p.message, /2020-07-01 is before the article was published \(2020-07-10\)/);
		assert.match(p.fix ?? '', /on or after `date`/);
	});

	test('a correction dated in the future is an error', () => {
		const p = only(
			check('title: T\ndate: 2020-07-10\ncorrections:\n  - date: 2021-01-01\n    text: Fixed.')
		);
		assert.equal(p.rule, 'correction-date');
		assert.match(p.message, /2021-01-01 is in the future/);
	});

	test('a correction without text, or written as a line, says how to write one', () => {
		const problems = check(
			'title: T\ndate: 2020-07-10\ncorrections:\n  - date: 2020-07-11\n  - Fixed a name.'
		);
		assert.deepEqual(
			problems.map((p) => [p.rule, p.field, p.message]),
			[
				['required-field', 'corrections[0].text', 'corrections[0].text: has no text'],
				[
					'field-type',
					'corrections[1]',
					'corrections[1]: must be a correction with a `date` and a `text`',
				],
			]
		);
	});

	test('warns when `updated` is older than the latest correction', () => {
		const problems = validateAll({
			...site(
				md(
					'title: T\ndate: 2020-07-10\nupdated: 2020-07-12\ncorrections:\n  - date: 2020-07-20\n    text: Fixed.'
				)
			),
			now: NOW,
		});
		const p = only(problems.filter((q) => q.file === 'content/articles/story.md'));
		assert.equal(p.severity, 'warning');
		assert.equal(p.rule, 'updated-before-correction');
		assert.equal(p.field, 'updated');
		assert.match(p.fix ?? '', /2020-07-20/);
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

describe('hostile YAML', () => {
	test('refuses an alias bomb with a report at its file instead of hanging or crashing', () => {
		const bomb = [
			'title: T',
			'date: 2020-01-01',
			'a: &a [x, x, x, x, x, x, x, x, x, x]',
			'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
			'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
			'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
			'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
			'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
		].join('\n');
		const started = performance.now();
		const p = only(validateContent(site(md(bomb))));
		assert.ok(performance.now() - started < 2000, 'answered at once');
		assert.equal(p.rule, 'yaml-syntax');
		assert.equal(p.file, 'content/articles/story.md');
		assert.match(p.message, /alias/i);
	});
});
