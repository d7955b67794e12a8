import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { labelledTaskItem } from '../../../src/integrations/prose-a11y.ts';

const input: Element = {
	type: 'element',
	tagName: 'input',
	properties: { type: 'checkbox', checked: true, disabled: true },
	children: [],
};
const nested: Element = { type: 'element', tagName: 'ul', properties: {}, children: [] };

test('puts a task checkbox and its text in one label, leaving nested lists outside', () => {
	const item: Element = {
		type: 'element',
		tagName: 'li',
		properties: { className: ['task-list-item'] },
		children: [input, { type: 'text', value: ' Check the firmware' }, nested],
	};
	const labelled = labelledTaskItem(item);
	assert.deepEqual(
		labelled?.children.map((c) => (c.type === 'element' ? c.tagName : c.type)),
		['label', 'ul']
	);
	const label = labelled?.children[0] as Element;
	assert.deepEqual(label.children, [input, { type: 'text', value: ' Check the firmware' }]);
});

test('labels inside the paragraph of a loose task list', () => {
	const item: Element = {
		type: 'element',
		tagName: 'li',
		properties: { className: ['task-list-item'] },
		children: [
			{
				type: 'element',
				tagName: 'p',
				properties: {},
				children: [input, { type: 'text', value: ' Loose' }],
			},
		],
	};
	const p = labelledTaskItem(item)?.children[0] as Element;
	assert.equal(p.tagName, 'p');
	assert.equal((p.children[0] as Element).tagName, 'label');
});

test('leaves ordinary list items alone', () => {
	const item: Element = {
		type: 'element',
		tagName: 'li',
		properties: {},
		children: [{ type: 'text', value: 'x' }],
	};
	assert.equal(labelledTaskItem(item), undefined);
});
