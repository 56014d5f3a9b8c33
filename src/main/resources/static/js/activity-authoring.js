// Tongxing activity authoring: a small rich-text editor over the description's textarea.
// Without script the textarea takes simple HTML; with it, a contenteditable area and a
// toolbar (bold, italic, heading, lists, link) write the HTML back into the textarea.
// The server sanitises whatever arrives; the editor also keeps only what the server keeps,
// so that what the organiser sees is what will be stored.
(function () {
	'use strict';

	const ALLOWED = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'H3', 'H4', 'UL', 'OL', 'LI', 'A',
		'BLOCKQUOTE', 'CODE', 'PRE', 'SMALL', 'STRIKE', 'SUB', 'SUP', 'Q', 'CITE', 'DL', 'DT', 'DD']);

	// Copies the allowed part of a parsed (inert) tree into the live document.
	function clean(source, target) {
		source.childNodes.forEach((node) => {
			if (node.nodeType === Node.TEXT_NODE) {
				target.appendChild(document.createTextNode(node.textContent));
				return;
			}
			if (node.nodeType !== Node.ELEMENT_NODE) {
				return;
			}
			if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE') {
				return;
			}
			if (!ALLOWED.has(node.tagName)) {
				clean(node, target);
				return;
			}
			const copy = document.createElement(node.tagName.toLowerCase());
			if (node.tagName === 'A') {
				const href = node.getAttribute('href') || '';
				if (/^(https?:|mailto:)/i.test(href.trim())) {
					copy.setAttribute('href', href.trim());
				}
			}
			clean(node, copy);
			target.appendChild(copy);
		});
	}

	function load(editor, html) {
		const parsed = new DOMParser().parseFromString(html || '', 'text/html');
		editor.replaceChildren();
		clean(parsed.body, editor);
	}

	function setUp(textarea) {
		const toolbar = document.getElementById(textarea.id + '-toolbar');
		const label = document.getElementById(textarea.id + '-label');
		const editor = document.createElement('div');
		editor.id = textarea.id + '-editor';
		editor.className = 'form-control rich-text-editor';
		editor.contentEditable = 'true';
		editor.setAttribute('role', 'textbox');
		editor.setAttribute('aria-multiline', 'true');
		if (label) {
			editor.setAttribute('aria-labelledby', label.id);
			// the label now names the editor; clicking it focuses the editor
			label.removeAttribute('for');
			label.addEventListener('click', () => editor.focus());
		}
		const describedBy = textarea.getAttribute('aria-describedby');
		if (describedBy) {
			editor.setAttribute('aria-describedby', describedBy);
		}
		if (textarea.classList.contains('is-invalid')) {
			editor.classList.add('is-invalid');
			editor.setAttribute('aria-invalid', 'true');
		}
		load(editor, textarea.value);
		textarea.classList.add('d-none');
		textarea.setAttribute('aria-hidden', 'true');
		textarea.tabIndex = -1;
		textarea.insertAdjacentElement('beforebegin', editor);
		if (toolbar) {
			toolbar.classList.remove('d-none');
			toolbar.setAttribute('aria-controls', editor.id);
		}
		const sync = () => {
			textarea.value = editor.innerHTML;
		};
		editor.addEventListener('input', sync);
		editor.addEventListener('blur', sync);
		// pasted content arrives as plain text: formatting from elsewhere is not kept
		editor.addEventListener('paste', (event) => {
			event.preventDefault();
			const text = (event.clipboardData || window.clipboardData).getData('text/plain');
			document.execCommand('insertText', false, text);
		});
		const form = textarea.form;
		if (form) {
			form.addEventListener('submit', sync);
		}
		if (!toolbar) {
			return;
		}
		const refresh = () => {
			toolbar.querySelectorAll('[data-command]').forEach((button) => {
				const command = button.dataset.command;
				let on = false;
				try {
					if (command === 'heading') {
						on = /^h[34]$/i.test(document.queryCommandValue('formatBlock'));
					}
					else if (command !== 'link') {
						on = document.queryCommandState(command);
					}
				}
				catch (e) {
					on = false;
				}
				if (command !== 'link') {
					button.setAttribute('aria-pressed', on ? 'true' : 'false');
					button.classList.toggle('active', on);
				}
			});
		};
		document.addEventListener('selectionchange', () => {
			if (document.activeElement === editor) {
				refresh();
			}
		});
		toolbar.addEventListener('mousedown', (event) => {
			// keep the editor's selection when a button is clicked
			if (event.target.closest('[data-command]')) {
				event.preventDefault();
			}
		});
		toolbar.addEventListener('click', (event) => {
			const button = event.target.closest('[data-command]');
			if (!button) {
				return;
			}
			editor.focus();
			const command = button.dataset.command;
			if (command === 'heading') {
				const current = document.queryCommandValue('formatBlock');
				document.execCommand('formatBlock', false, /^h[34]$/i.test(current) ? 'p' : 'h3');
			}
			else if (command === 'link') {
				const url = window.prompt(toolbar.dataset.linkPrompt || 'URL', 'https://');
				if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) {
					document.execCommand('createLink', false, url.trim());
				}
			}
			else {
				document.execCommand(command, false, null);
			}
			sync();
			refresh();
		});
		// arrow keys move along the toolbar, as in other toolbars
		toolbar.addEventListener('keydown', (event) => {
			if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') {
				return;
			}
			const buttons = Array.from(toolbar.querySelectorAll('button'));
			const index = buttons.indexOf(document.activeElement);
			if (index < 0) {
				return;
			}
			const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
			next.focus();
			event.preventDefault();
		});
	}

	// follows the organising unit's time zone (a mission abroad) until the zone is edited
	function followUnitZone() {
		const unit = document.getElementById('unit');
		const zone = document.getElementById('timeZone');
		if (!unit || !zone) {
			return;
		}
		let touched = false;
		zone.addEventListener('input', () => {
			touched = true;
		});
		unit.addEventListener('change', () => {
			const option = unit.options[unit.selectedIndex];
			const unitZone = option && option.dataset.timeZone;
			if (!touched && unitZone) {
				zone.value = unitZone;
			}
		});
	}

	function start() {
		document.querySelectorAll('textarea[data-rich-text]').forEach(setUp);
		followUnitZone();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
