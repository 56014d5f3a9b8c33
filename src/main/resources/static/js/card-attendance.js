// Tongxing attendance sheet (/sessions/{id}/attendance): the header's checkbox selects or
// clears every volunteer who can be marked. Without script it stays hidden.
document.addEventListener('DOMContentLoaded', () => {
	const all = document.getElementById('attendance-select-all');
	if (!all) {
		return;
	}
	const boxes = () => Array.from(document.querySelectorAll('input[type=checkbox][name=volunteers][form=attendance-mark]'));
	all.hidden = false;
	all.addEventListener('change', () => {
		boxes().forEach((box) => {
			box.checked = all.checked;
		});
	});
	document.addEventListener('change', (event) => {
		if (event.target !== all && event.target.name === 'volunteers') {
			const list = boxes();
			all.checked = list.length > 0 && list.every((box) => box.checked);
		}
	});
});
