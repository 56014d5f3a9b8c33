/*
 * The plan's edit page: after htmx moved a theme or campaign and swapped the levels in
 * place, keep the keyboard where it was (the same button, or the other one when this one
 * is now disabled at the end of the list) and tell screen readers what happened.
 */
(function () {
	'use strict';

	var lastButton = null;

	document.addEventListener('htmx:beforeRequest', function (event) {
		var form = event.detail.elt;
		if (form && form.classList && form.classList.contains('planning-move')) {
			var button = form.querySelector('button');
			lastButton = button ? button.id : null;
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		if (!lastButton) {
			return;
		}
		var button = document.getElementById(lastButton);
		if (button && button.disabled) {
			var other = lastButton.endsWith('-move-UP') ? lastButton.replace(/-move-UP$/, '-move-DOWN')
				: lastButton.replace(/-move-DOWN$/, '-move-UP');
			button = document.getElementById(other);
		}
		lastButton = null;
		if (button) {
			button.focus();
		}
		var moved = document.getElementById('plan-moved');
		var live = document.getElementById('plan-moved-live');
		if (moved && live) {
			// emptied first, so that the same words twice in a row are announced twice
			var text = moved.textContent;
			live.textContent = '';
			window.setTimeout(function () {
				live.textContent = text;
			}, 50);
		}
	});
})();
