/**
 * Comments in the built site: the fixture's approved comments under their articles (counted,
 * threaded, escaped), the form where comments are open and nowhere else, the site switch, the
 * intake origin in the CSP, `/comments.json` for the service, no e-mail address anywhere, and
 * broken comment files reported by the content check with the other content errors.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { headersFor, parseHeadersFile } from '../helpers/headers-server.ts';
import { SITE } from '../../src/site.config.ts';
import { buildSite, checkSite, ROOT, scratchCopy } from '../helpers/build.ts';
import { filesContaining, listFiles, page } from '../helpers/files.ts';
import { sharedBuild, SHARED_INTAKE as INTAKE } from '../helpers/shared-build.ts';
import {
	attrOf,
	rawTextOf,
	select,
	selectAll,
	sourceOf,
	textOf,
	visibleText,
	type HtmlElement,
} from '../helpers/html.ts';

const FIXTURE = 'tests/fixtures/site';
const BUILD_TIME = '2024-06-01T12:00:00Z';
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

/** The comments section of an article page (fails when it has none). */
function commentsOf(dir: string, slug: string): HtmlElement {
	const found = select(page(dir, `/articles/${slug}/`), '#comments');
	assert.ok(found, `/articles/${slug}/ has no comments section`);
	return found;
}

/** The source of the comments section of an article page, or '' when it has none. */
function sectionSource(dir: string, slug: string): string {
	const html = page(dir, `/articles/${slug}/`);
	const found = select(html, '#comments');
	return found ? sourceOf(html, found) : '';
}

/** Whether a page carries the comment form's script (an inline module script). */
function hasFormScript(html: string): boolean {
	return selectAll(html, 'script[type="module"]').some((s) =>
		rawTextOf(s).includes('data-comment-form')
	);
}

describe('comments in the built site', () => {
	let dir = '';
	before(() => {
		const result = sharedBuild();
		assert.equal(result.status, 0, result.output);
		dir = result.outDir;
	});

	test('shows the count and the threads oldest first, replies one level deep', () => {
		const section = commentsOf(dir, 'html-title');
		const heading = select(section, 'h2#comments-heading');
		assert.equal(heading && visibleText(heading), '3 comments');
		const ids = selectAll(section, 'article.comment').map((c) => attrOf(c, 'id'));
		assert.deepEqual(ids, [
			'comment-20200703-090000-aa0001',
			'comment-20200704-100000-aa0002',
			'comment-20200703-120000-aa0003',
		]);
		const replies = select(section, '[aria-label="Replies to Fixture Reader"]');
		assert.ok(replies, 'the first thread has its replies');
		assert.match(textOf(replies), /fixturereplyword/);
		assert.doesNotMatch(textOf(replies), /fixturecommentword/);
	});

	test('shows every comment as text: no markup from readers, only safe links', () => {
		// How readers' text is escaped in the page's source: a parser would hide it.
		const html = sectionSource(dir, 'html-title');
		assert.match(html, /&lt;script&gt;alert\('comment'\)&lt;\/script&gt; must show as text\.<br>/);
		assert.doesNotMatch(html, /<script>alert/);
		assert.match(
			html,
			/<a href="https:\/\/example\.com\/report\?a=1&amp;b=2" rel="nofollow ugc noopener noreferrer">https:\/\/example\.com\/report\?a=1&amp;b=2<\/a>\./
		);
		assert.match(html, /<\/p><p>A new paragraph mentions javascript:alert\(1\) and/);
		assert.doesNotMatch(html, /href="javascript:/);
		assert.match(html, /<strong[^>]*>&lt;b&gt;Bold&lt;\/b&gt; Name<\/strong>/);
		assert.match(html, /data-pagefind-ignore/, 'readers’ words stay out of the search index');
	});

	test('puts the form, posting to the intake, under articles that take comments', () => {
		const form = select(commentsOf(dir, 'html-title'), 'form#comment-form');
		assert.ok(form, 'the form');
		assert.equal(attrOf(form, 'action'), `${INTAKE}/comments`);
		assert.equal(attrOf(form, 'method'), 'post');
		const field = (name: string) => select(form, `[name="${name}"]`);
		assert.equal(attrOf(field('article') ?? form, 'value'), 'html-title');
		assert.equal(attrOf(field('article') ?? form, 'type'), 'hidden');
		assert.equal(attrOf(field('email') ?? form, 'type'), 'email');
		for (const name of ['name', 'email', 'body']) {
			const input = field(name);
			assert.ok(input && attrOf(input, 'required') !== undefined, `${name} is required`);
			const id = attrOf(input, 'id') ?? '';
			assert.ok(select(form, `label[for="${id}"]`), `${name} has a label`);
		}
		// The honeypot: hidden from people and screen readers, and out of the tab order.
		const trap = select(form, '.trap');
		assert.equal(trap && attrOf(trap, 'aria-hidden'), 'true');
		assert.ok(trap && select(trap, '[name="website"]'), 'the trap holds the website field');
		assert.equal(attrOf(field('website') ?? form, 'tabindex'), '-1');
		const options = selectAll(form, 'option').map((o) => [attrOf(o, 'value'), visibleText(o)]);
		assert.ok(
			options.some(
				([v, t]) => v === '20200703-090000-aa0001' && t === 'Fixture Reader, 3 July 2020'
			),
			JSON.stringify(options)
		);
		assert.ok(!options.some(([v]) => v === '20200704-100000-aa0002'), 'replies cannot be answered');
		assert.ok(select(form, '#comment-pending, [role="status"]'), 'a place for the form to report');
		assert.ok(hasFormScript(page(dir, '/articles/html-title/')));

		const empty = commentsOf(dir, 'filler-01');
		assert.match(visibleText(empty), /No comments yet/);
		assert.ok(select(empty, 'form#comment-form'));
	});

	test('keeps comments but drops the form and its script where an article turned them off', () => {
		const section = commentsOf(dir, 'case-variant');
		assert.equal(visibleText(select(section, '#comments-heading') ?? section), '1 comment');
		assert.match(textOf(section), /fixtureclosedword/);
		assert.match(visibleText(section), /Comments are closed on this article\./);
		assert.equal(select(section, 'form, #comment-pending'), undefined);
		assert.equal(hasFormScript(page(dir, '/articles/case-variant/')), false);
	});

	test('has no form or form script on any page but articles', () => {
		const withForm = filesContaining(dir, /data-comment-form/).filter((f) => f.endsWith('.html'));
		assert.ok(withForm.length > 0);
		assert.deepEqual(
			withForm.filter((f) => !/^articles\/[^/]+\/index\.html$/.test(f)),
			[]
		);
		assert.ok(!withForm.includes('articles/case-variant/index.html'));
	});

	test('allows posting to the intake origin (and the newsletter provider), and nothing more, in the CSP', () => {
		// The policy of the pages with the form (the editor under /admin/ has its own).
		const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
		const policy = headersFor(rules, '/articles/x/')['content-security-policy'] ?? '';
		const newsletter = SITE.newsletter ? ` ${new URL(SITE.newsletter.action).origin}` : '';
		assert.match(policy, new RegExp(`form-action 'self' ${INTAKE}${newsletter};`));
		assert.match(policy, new RegExp(`connect-src 'self' ${INTAKE};`));
		assert.doesNotMatch(policy, /'unsafe-inline'/);
	});

	test('publishes the articles and thread ids the intake service checks posts against', () => {
		const manifest = JSON.parse(readFileSync(join(dir, 'comments.json'), 'utf8')) as {
			articles: Record<string, { open: boolean; threads: string[] }>;
		};
		assert.deepEqual(manifest.articles['html-title'], {
			open: true,
			threads: ['20200703-090000-aa0001', '20200703-120000-aa0003'],
		});
		assert.deepEqual(manifest.articles['case-variant'], {
			open: false,
			threads: ['20200705-080000-bb0001'],
		});
		assert.equal(manifest.articles['secret-draft'], undefined, 'drafts take no comments');
		assert.equal(Object.keys(manifest.articles).length, 14);
	});

	test('writes no e-mail address but the dealer’s own', () => {
		const found = new Set<string>();
		for (const file of listFiles(dir).filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f))) {
			for (const match of readFileSync(join(dir, file), 'utf8').matchAll(EMAIL))
				found.add(match[0]);
		}
		assert.deepEqual([...found], SITE.contact.email ? [SITE.contact.email] : []);
	});
});

describe('the site switch', () => {
	test('turns every form off, keeps the comments, and leaves the intake out of the CSP', () => {
		const result = buildSite(FIXTURE, 'comments-off', {
			HANGAR_BUILD_TIME: BUILD_TIME,
			HANGAR_COMMENTS: 'off',
			HANGAR_COMMENTS_URL: INTAKE,
		});
		assert.equal(result.status, 0, result.output);
		const dir = result.outDir;
		assert.deepEqual(filesContaining(dir, /data-comment-form/), []);
		assert.match(
			visibleText(commentsOf(dir, 'html-title')),
			/3 comments.*fixturecommentword.*Comments are closed/
		);
		assert.equal(
			select(page(dir, '/articles/filler-01/'), '#comments'),
			undefined,
			'no section where there is nothing to show'
		);
		assert.doesNotMatch(readFileSync(join(dir, '_headers'), 'utf8'), /comments\.example\.test/);
		assert.match(readFileSync(join(dir, 'comments.json'), 'utf8'), /"html-title":\{"open":false/);
	});
});

describe('broken comment files', () => {
	test('are reported with the other content errors, each naming its file, field and fix', () => {
		const dir = scratchCopy(FIXTURE, 'comments-check');
		const comments = join(ROOT, dir, 'comments');
		const write = (path: string, text: string) => {
			mkdirSync(join(comments, path, '..'), { recursive: true });
			writeFileSync(join(comments, path), text);
		};
		write('html-title/bad-yaml.yaml', 'name: Ann\nbody: [unclosed\n');
		write('html-title/no-body.yaml', 'name: Ann\ndate: 2024-06-01T00:00:00Z\n');
		write(
			'html-title/with-email.yaml',
			'name: Ann\ndate: 2024-06-01\nbody: write to ann@example.com\n'
		);
		write(
			'html-title/lost-reply.yaml',
			'name: Ann\ndate: 2024-06-01\nbody: hi\nreplyTo: 20200703-090000-aa0009\n'
		);
		write('html-titel/misplaced.yaml', 'name: Ann\ndate: 2024-06-01\nbody: hi\n');
		writeFileSync(
			join(ROOT, dir, 'articles/mdx-story.mdx'),
			readFileSync(join(ROOT, dir, 'articles/mdx-story.mdx'), 'utf8').replace(
				'type: guide',
				'type: guide\ncomments: yes'
			)
		);
		const result = checkSite(dir);
		assert.equal(result.status, 1, result.output);
		const c = `${dir}/comments`;
		for (const expected of [
			new RegExp(`${c}/html-title/bad-yaml\\.yaml:\\d+:\\d+ +error +yaml-syntax`),
			new RegExp(`${c}/html-title/no-body\\.yaml:1 +error +required-field +body: is required`),
			new RegExp(
				`${c}/html-title/with-email\\.yaml:3:1 +error +email-address +body: contains an e-mail address`
			),
			new RegExp(
				`${c}/html-title/lost-reply\\.yaml:4:1 +error +unknown-comment +replyTo: there is no comment "20200703-090000-aa0009"[\\s\\S]*?did you mean "20200703-090000-aa0001"`
			),
			new RegExp(
				`${c}/html-titel/misplaced\\.yaml +error +unknown-article[\\s\\S]*?did you mean "html-title"`
			),
			new RegExp(
				`${dir}/articles/mdx-story\\.mdx:\\d+:\\d+ +error +field-type +comments: must be true or false`
			),
		]) {
			assert.match(result.stderr, expected);
		}
		assert.match(result.stderr, /6 errors in 6 files/);
	});
});
