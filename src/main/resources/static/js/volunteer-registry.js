// Tongxing registry: keep the filter's URL short and readable. Both a plain submit and
// htmx build the request from FormData, so one 'formdata' listener serves both.
document.addEventListener('formdata', (event) => {
	if (event.target.id !== 'registry-filter') {
		return;
	}
	const data = event.formData;
	if (!data.get('skill')) {
		data.delete('skillLevel');
	}
	if (!data.get('language')) {
		data.delete('languageLevel');
	}
	for (const [name, value] of Array.from(data.entries())) {
		if (value === '') {
			data.delete(name);
		}
	}
});
