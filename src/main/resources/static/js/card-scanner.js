// Tongxing card scanner (/sessions/{id}/scan): reads volunteers' card QR codes with the
// device's camera and posts each one through the page's form, which htmx sends; the
// organiser may type or paste a card's text into the same form instead. The native
// BarcodeDetector reads the frames where the browser has one, jsQR (/vendor/jsqr) elsewhere.
(() => {
	// one card held in front of the camera is read many times a second: post it once
	const REPEAT_MS = 5000;
	const SCAN_EVERY_MS = 150;
	const LOG_MAX = 30;

	function setUp() {
		const form = document.getElementById('scan-form');
		if (!form) {
			return;
		}
		const input = document.getElementById('card');
		const status = document.getElementById('scan-camera-status');
		const unavailable = document.getElementById('scan-camera-unavailable');
		const viewfinder = document.getElementById('scan-viewfinder');
		const video = document.getElementById('scan-video');
		const canvas = document.getElementById('scan-canvas');
		const retry = document.getElementById('scan-camera-retry');
		const log = document.getElementById('scan-log');
		const empty = document.getElementById('scan-log-empty');
		const startingText = status.textContent;
		let stream = null;
		let detector = null;
		let busy = false;
		let last = { text: null, at: 0 };
		let lastFrame = 0;

		function stop() {
			if (stream) {
				stream.getTracks().forEach((track) => track.stop());
				stream = null;
			}
			video.srcObject = null;
		}

		function showUnavailable(reason) {
			stop();
			unavailable.querySelectorAll('[data-reason]').forEach((line) => {
				line.hidden = line.dataset.reason !== reason;
			});
			unavailable.hidden = false;
			status.hidden = true;
			viewfinder.hidden = true;
			// without https no retry helps
			retry.hidden = reason === 'insecure';
		}

		function reasonOf(error) {
			const name = error && error.name;
			if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
				return 'denied';
			}
			if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
				return 'missing';
			}
			return 'other';
		}

		function submit(text) {
			const now = Date.now();
			if (busy || (text === last.text && now - last.at < REPEAT_MS)) {
				return;
			}
			last = { text: text, at: now };
			busy = true;
			input.value = text;
			form.requestSubmit();
		}

		async function nativeDetector() {
			if (!('BarcodeDetector' in window)) {
				return null;
			}
			try {
				const formats = await window.BarcodeDetector.getSupportedFormats();
				return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
			}
			catch (error) {
				return null;
			}
		}

		async function read() {
			if (detector) {
				const codes = await detector.detect(video);
				return codes.length > 0 ? codes[0].rawValue : null;
			}
			const width = video.videoWidth;
			const height = video.videoHeight;
			if (!width || !height) {
				return null;
			}
			// a smaller picture is read faster, and a card fills much of it anyway
			const scale = Math.min(1, 640 / Math.max(width, height));
			canvas.width = Math.round(width * scale);
			canvas.height = Math.round(height * scale);
			const context = canvas.getContext('2d', { willReadFrequently: true });
			context.drawImage(video, 0, 0, canvas.width, canvas.height);
			const image = context.getImageData(0, 0, canvas.width, canvas.height);
			const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
			return code ? code.data : null;
		}

		async function frame(time) {
			if (!stream) {
				return;
			}
			if (time - lastFrame >= SCAN_EVERY_MS && video.readyState >= 2) {
				lastFrame = time;
				try {
					const text = await read();
					if (text) {
						submit(text.trim());
					}
				}
				catch (error) {
					// a frame that cannot be read is skipped; the next one may do
				}
			}
			if (stream) {
				window.requestAnimationFrame(frame);
			}
		}

		async function start() {
			unavailable.hidden = true;
			retry.hidden = true;
			status.hidden = false;
			status.textContent = startingText;
			// browsers offer the camera only to https pages (and localhost)
			if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
				showUnavailable('insecure');
				return;
			}
			try {
				stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
			}
			catch (error) {
				showUnavailable(reasonOf(error));
				return;
			}
			detector = await nativeDetector();
			if (!detector && typeof window.jsQR !== 'function') {
				showUnavailable('other');
				return;
			}
			video.srcObject = stream;
			viewfinder.hidden = false;
			try {
				await video.play();
			}
			catch (error) {
				// autoplay of a muted video is allowed; frames are read once it plays
			}
			status.textContent = status.dataset.running;
			window.requestAnimationFrame(frame);
		}

		document.body.addEventListener('htmx:afterRequest', (event) => {
			if (event.detail.elt !== form) {
				return;
			}
			busy = false;
			if (event.detail.successful) {
				input.value = '';
			}
		});

		document.body.addEventListener('htmx:afterSettle', () => {
			while (log.children.length > LOG_MAX) {
				log.removeChild(log.lastElementChild);
			}
			empty.hidden = log.children.length > 0;
		});

		retry.addEventListener('click', () => {
			start();
		});

		// the camera is let go while the page is not shown, and taken again on return
		document.addEventListener('visibilitychange', () => {
			if (document.hidden) {
				if (stream) {
					stop();
					viewfinder.dataset.resume = 'true';
				}
			}
			else if (viewfinder.dataset.resume === 'true') {
				delete viewfinder.dataset.resume;
				start();
			}
		});

		start();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', setUp);
	}
	else {
		setUp();
	}
})();
