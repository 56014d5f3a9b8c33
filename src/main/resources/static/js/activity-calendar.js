// Tongxing, calendar page: copies the feed address to the clipboard (falling back to
// selecting it), and asks before a regeneration breaks existing subscriptions.
document.addEventListener('DOMContentLoaded', () => {
	const copy = document.getElementById('calendar-copy');
	const status = document.getElementById('calendar-copy-status');
	if (copy) {
		copy.addEventListener('click', () => {
			const field = document.getElementById(copy.dataset.copyTarget);
			field.select();
			const done = () => { status.textContent = copy.dataset.copiedText; };
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(field.value).then(done, () => field.select());
			}
			else if (document.execCommand && document.execCommand('copy')) {
				done();
			}
		});
	}
	const regenerate = document.getElementById('calendar-regenerate');
	if (regenerate) {
		regenerate.form.addEventListener('submit', (event) => {
			if (!window.confirm(regenerate.dataset.confirm)) {
				event.preventDefault();
			}
		});
	}
});
