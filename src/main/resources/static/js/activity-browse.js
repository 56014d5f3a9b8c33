// Tongxing activity page: one position per session. Ticking a position unticks the other
// positions of the same session (the server refuses a second one all the same).
document.addEventListener('change', (event) => {
	const box = event.target;
	if (!box.classList || !box.classList.contains('browse-choice') || !box.checked) {
		return;
	}
	const session = box.dataset.session;
	document.querySelectorAll('input.browse-choice').forEach((other) => {
		if (other !== box && other.dataset.session === session) {
			other.checked = false;
		}
	});
});
