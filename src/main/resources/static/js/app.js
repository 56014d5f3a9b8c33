// Tongxing: send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', (event) => {
	const header = document.querySelector('meta[name="_csrf_header"]');
	const token = document.querySelector('meta[name="_csrf"]');
	if (header && token) {
		event.detail.headers[header.content] = token.content;
	}
});

// Tongxing: refuse files larger than the server accepts before sending them, so the form
// keeps what was typed (the server would reject the whole request).
document.addEventListener('change', (event) => {
	if (event.target.matches('input[type="file"]')) {
		event.target.setCustomValidity('');
	}
});
document.addEventListener('submit', (event) => {
	const limit = document.querySelector('meta[name="upload-limit"]');
	const inputs = Array.from(event.target.querySelectorAll('input[type="file"]'))
		.filter((input) => input.files && input.files.length > 0);
	if (!limit || inputs.length === 0) {
		return;
	}
	const total = inputs.reduce((sum, input) =>
		sum + Array.from(input.files).reduce((size, file) => size + file.size, 0), 0);
	if (total > Number(limit.content)) {
		event.preventDefault();
		event.stopImmediatePropagation();
		inputs[0].setCustomValidity(limit.dataset.message);
		inputs[0].reportValidity();
	}
}, true);
