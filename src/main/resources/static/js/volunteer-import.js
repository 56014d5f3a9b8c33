// Import page: refuse a file larger than the server accepts before uploading it.
document.addEventListener('DOMContentLoaded', () => {
	const input = document.getElementById('file');
	const form = document.getElementById('import-form');
	if (!input || !form) {
		return;
	}
	const tooLarge = () => input.files.length > 0 && input.files[0].size > Number(input.dataset.maxBytes);
	input.addEventListener('change', () => input.classList.toggle('is-invalid', tooLarge()));
	form.addEventListener('submit', (event) => {
		if (tooLarge()) {
			event.preventDefault();
			input.classList.add('is-invalid');
			input.focus();
		}
	});
});
