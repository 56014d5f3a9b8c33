// Tongxing: send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', (event) => {
	const header = document.querySelector('meta[name="_csrf_header"]');
	const token = document.querySelector('meta[name="_csrf"]');
	if (header && token) {
		event.detail.headers[header.content] = token.content;
	}
});
