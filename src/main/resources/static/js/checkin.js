// Tongxing check-in. The organiser's screen counts down to the next code and asks htmx for it
// at zero (htmx also polls every few seconds). The volunteer's form asks the browser for the
// location only after the consent box is ticked, and only on pages that show that box (a
// session with a check-in area); unticking it clears the point.
(() => {
	let timer = null;

	function startCountdown() {
		if (timer) {
			clearInterval(timer);
			timer = null;
		}
		const countdown = document.getElementById('checkin-countdown');
		if (!countdown) {
			return;
		}
		let left = parseInt(countdown.dataset.seconds, 10);
		const template = countdown.dataset.template;
		if (!Number.isFinite(left) || !template) {
			return;
		}
		timer = setInterval(() => {
			left -= 1;
			if (left <= 0) {
				clearInterval(timer);
				timer = null;
				const screen = document.getElementById('checkin-screen');
				if (screen && window.htmx) {
					window.htmx.trigger(screen, 'checkin-rotate');
				}
				return;
			}
			countdown.textContent = template.replace('{0}', String(left));
		}, 1000);
	}

	function locate(onFound, onFailed) {
		if (!navigator.geolocation) {
			onFailed(true);
			return;
		}
		navigator.geolocation.getCurrentPosition(
			(position) => onFound(position.coords.latitude.toFixed(6), position.coords.longitude.toFixed(6)),
			() => onFailed(false),
			{ enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
	}

	// the organiser fills the centre of the check-in area from the device at the place
	function setUpHere() {
		const here = document.getElementById('checkin-here');
		const status = document.getElementById('checkin-here-status');
		if (!here || !status) {
			return;
		}
		here.addEventListener('click', () => {
			status.textContent = status.dataset.waiting;
			locate((latitude, longitude) => {
				document.getElementById('latitude').value = latitude;
				document.getElementById('longitude').value = longitude;
				status.textContent = status.dataset.done;
			}, () => {
				status.textContent = status.dataset.failed;
			});
		});
	}

	function setUpConsent(form) {
		const consent = form.querySelector('.checkin-consent');
		if (!consent) {
			return;
		}
		const latitude = form.querySelector('.checkin-latitude');
		const longitude = form.querySelector('.checkin-longitude');
		const status = form.querySelector('.checkin-location-status');
		const submit = form.querySelector('.checkin-submit');
		const ask = () => {
			status.textContent = status.dataset.waiting;
			if (submit) {
				submit.disabled = true;
			}
			locate((lat, lon) => {
				latitude.value = lat;
				longitude.value = lon;
				status.textContent = status.dataset.done;
				if (submit) {
					submit.disabled = false;
				}
			}, (unsupported) => {
				latitude.value = '';
				longitude.value = '';
				status.textContent = unsupported ? status.dataset.unsupported : status.dataset.failed;
				if (submit) {
					submit.disabled = false;
				}
			});
		};
		consent.addEventListener('change', () => {
			if (consent.checked) {
				ask();
			}
			else {
				latitude.value = '';
				longitude.value = '';
				status.textContent = '';
			}
		});
		// the form came back with the box ticked (the volunteer agreed already): a fresh point
		if (consent.checked) {
			ask();
		}
	}

	document.addEventListener('DOMContentLoaded', () => {
		startCountdown();
		setUpHere();
		document.querySelectorAll('form.checkin-form').forEach(setUpConsent);
	});
	document.addEventListener('htmx:afterSettle', startCountdown);
})();
