/**
 * The comment form with JavaScript: checks each field when the reader leaves it (the problem shown
 * under the field and announced), posts in place (JSON to the intake service), announces the
 * result in the form's status line, marks the fields the service refused, and keeps everything the
 * reader wrote unless the comment was accepted. "Reply" links choose the comment answered.
 */

/** What the intake service answers (202 or 400). */
interface Answer {
	message?: string;
	errors?: { field: string; message: string }[];
}

const KEPT = 'Your text is still in the form.';

/** What is wrong with a field the browser finds invalid, in the site's words; '' when nothing. */
function fieldProblem(field: HTMLInputElement | HTMLTextAreaElement): string {
	const v = field.validity;
	if (v.valid) return '';
	const what = { name: 'your name', email: 'your e-mail address', body: 'your comment' }[
		field.name
	];
	if (v.valueMissing) return `Enter ${what ?? 'this field'}.`;
	if (v.typeMismatch && field.type === 'email') {
		// No example address: the build's output is checked to publish none but the dealer's.
		return 'Enter your whole e-mail address, with an @ and a domain.';
	}
	if (v.tooLong) return `This is longer than the ${field.maxLength} characters allowed.`;
	return field.validationMessage;
}

/** Enhances the comment form; without this the form still works as a plain POST. */
export function enhanceCommentForm(form: HTMLFormElement): void {
	const status = form.querySelector<HTMLElement>('[data-comment-status]');
	const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
	const body = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
	const replyTo = form.querySelector<HTMLSelectElement>('select[name="replyTo"]');
	if (!status || !button || !body) return;

	const say = (message: string, kind: 'ok' | 'error' | 'busy') => {
		status.textContent = message;
		status.dataset['kind'] = kind;
	};

	/** Removes the problem shown at `field`, if any. */
	const unmark = (field: Element) => {
		document.getElementById(`${field.id}-error`)?.remove();
		field.removeAttribute('aria-invalid');
		const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
		const kept = ids.filter((id) => id && !id.endsWith('-error')).join(' ');
		if (kept) field.setAttribute('aria-describedby', kept);
		else field.removeAttribute('aria-describedby');
	};

	/** Shows `message` under `field`, tied to it by aria-describedby. */
	const mark = (field: HTMLElement, message: string) => {
		unmark(field);
		const note = document.createElement('p');
		note.className = 'field-error';
		note.id = `${field.id}-error`;
		note.textContent = message;
		field.after(note);
		field.setAttribute('aria-invalid', 'true');
		const ids = field.getAttribute('aria-describedby');
		field.setAttribute('aria-describedby', ids ? `${ids} ${note.id}` : note.id);
	};

	const clearErrors = () => {
		for (const field of form.querySelectorAll('[aria-invalid]')) unmark(field);
	};

	const showErrors = (errors: NonNullable<Answer['errors']>) => {
		let first: HTMLElement | undefined;
		for (const error of errors) {
			const field = form.elements.namedItem(error.field);
			if (!(field instanceof HTMLElement) || field.getAttribute('type') === 'hidden') continue;
			mark(field, error.message);
			first ??= field;
		}
		first?.focus();
	};

	// Each field is checked when the reader leaves it, once they have typed in it (tabbing past an
	// empty field is not an error yet), and again as they correct it. The problem is announced in the
	// status line, as the reader's focus has moved on.
	const edited = new WeakSet<Element>();
	for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
		'input[required], textarea[required]'
	)) {
		field.addEventListener('input', () => {
			edited.add(field);
			if (field.hasAttribute('aria-invalid') && !fieldProblem(field)) unmark(field);
		});
		field.addEventListener('blur', () => {
			if (!edited.has(field)) return;
			const problem = fieldProblem(field);
			if (!problem) return unmark(field);
			mark(field, problem);
			say(problem, 'error');
		});
	}

	const send = async () => {
		clearErrors();
		button.disabled = true;
		say('Sending your comment…', 'busy');
		const fields = Object.fromEntries(
			[...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value : ''])
		);
		try {
			const response = await fetch(form.action, {
				method: 'POST',
				mode: 'cors',
				credentials: 'omit',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify(fields),
			});
			const answer = (await response.json().catch(() => ({}))) as Answer;
			if (response.ok) {
				body.value = '';
				if (replyTo) replyTo.value = '';
				say(answer.message ?? 'Thank you: your comment is waiting for approval.', 'ok');
			} else if (response.status === 400 && answer.errors?.length) {
				say(
					`Your comment was not sent: ${answer.errors.map((e) => e.message).join(' ')} ${KEPT}`,
					'error'
				);
				showErrors(answer.errors);
			} else if (response.status === 429) {
				say(
					`You have sent several comments in a short time: wait a few minutes, then send again. ${KEPT}`,
					'error'
				);
			} else {
				say(
					`The comment could not be sent (the comment service answered ${response.status}). ${KEPT} Please try again later.`,
					'error'
				);
			}
		} catch {
			say(
				`The comment could not be sent: the comment service could not be reached. ${KEPT} Please try again in a moment.`,
				'error'
			);
		} finally {
			button.disabled = false;
		}
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void send();
	});

	for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-reply-to]')) {
		if (!replyTo) break;
		link.hidden = false;
		link.addEventListener('click', (event) => {
			event.preventDefault();
			replyTo.value = link.dataset['replyTo'] ?? '';
			body.focus();
		});
	}
}
