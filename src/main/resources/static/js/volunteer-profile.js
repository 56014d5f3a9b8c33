// Tongxing, volunteer profile: choosing a mission abroad on the transfer page fills in its
// country, city and time zone where they are still empty (the server does the same).
document.addEventListener('DOMContentLoaded', () => {
	const unit = document.querySelector('#transfer-form select[name="unitId"]');
	if (!unit) {
		return;
	}
	unit.addEventListener('change', () => {
		const option = unit.options[unit.selectedIndex];
		const fields = { country: 'country', city: 'city', timeZone: 'timeZone' };
		const empty = Object.values(fields).every((id) => !document.getElementById(id).value.trim());
		if (!option || !option.dataset.country || !empty) {
			return;
		}
		document.getElementById('country').value = option.dataset.country;
		document.getElementById('city').value = option.dataset.city || '';
		document.getElementById('timeZone').value = option.dataset.timeZone || '';
	});
});
