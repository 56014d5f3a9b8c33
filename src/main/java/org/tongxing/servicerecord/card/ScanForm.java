package org.tongxing.servicerecord.card;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The text of a scanned (or pasted) volunteer card. A bare volunteer number is not
 * accepted: only the signed text of the card's QR code counts.
 */
class ScanForm {

	static final int CARD_MAX = 200;

	@NotBlank(message = "{servicerecord.card.scan.card.required}")
	@Size(max = CARD_MAX, message = "{servicerecord.card.scan.card.required}")
	private String card;

	public String getCard() {
		return this.card;
	}

	public void setCard(String card) {
		this.card = card;
	}

}
