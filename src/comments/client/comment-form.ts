/**
 * The comment form with JavaScript: posts in place (JSON to the intake service), announces the
 * result in the form's status line, marks the fields the service refused, and keeps everything the
 * reader wrote unless the comment was accepted. "Reply" links choose the comment answered.
 */

/** What the intake service answers (202 or 400). */
interface Answer {
	message?: string;
	errors?: { field: string; message: string }[];
}

const KEPT = 'Your text is still in the form.';

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

	const clearErrors = () => {
		for (const note of form.querySelectorAll('.field-error')) note.remove();
		for (const field of form.querySelectorAll('[aria-invalid]')) {
			field.removeAttribute('aria-invalid');
			const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
			const kept = ids.filter((id) => id && !id.endsWith('-error')).join(' ');
			if (kept) field.setAttribute('aria-describedby', kept);
			else field.removeAttribute('aria-describedby');
		}
	};

	const showErrors = (errors: NonNullable<Answer['errors']>) => {
		let first: HTMLElement | undefined;
		for (const error of errors) {
			const field = form.elements.namedItem(error.field);
			if (!(field instanceof HTMLElement) || field.getAttribute('type') === 'hidden') continue;
			const note = document.createElement('p');
			note.className = 'field-error';
			note.id = `${field.id}-error`;
			note.textContent = error.message;
			field.after(note);
			field.setAttribute('aria-invalid', 'true');
			const ids = field.getAttribute('aria-describedby');
			field.setAttribute('aria-describedby', ids ? `${ids} ${note.id}` : note.id);
			first ??= field;
		}
		first?.focus();
	};

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
