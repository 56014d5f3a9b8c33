// Registration: show the guardian section only when the birth date says 14 to 18 (or is
// not given yet). The server decides whether a guardian is required; this only hides
// fields that do not apply.
(() => {
	const birthDate = document.getElementById('birthDate');
	const section = document.getElementById('guardian-section');
	if (!birthDate || !section) {
		return;
	}
	const age = (value) => {
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
		if (!match) {
			return null;
		}
		const today = new Date();
		let years = today.getFullYear() - Number(match[1]);
		const month = today.getMonth() + 1;
		if (month < Number(match[2]) || (month === Number(match[2]) && today.getDate() < Number(match[3]))) {
			years -= 1;
		}
		return years;
	};
	const update = () => {
		const years = age(birthDate.value);
		const hasErrors = section.querySelector('.is-invalid') !== null;
		const applies = years === null || (years >= 14 && years < 18);
		section.classList.toggle('d-none', !applies && !hasErrors);
	};
	birthDate.addEventListener('change', update);
	birthDate.addEventListener('input', update);
	update();
})();
