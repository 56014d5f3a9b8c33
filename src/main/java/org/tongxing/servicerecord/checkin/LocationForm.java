package org.tongxing.servicerecord.checkin;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.tongxing.servicerecord.GeoPoint;

/**
 * A volunteer's scan: whether they agreed to share where they are, and where the browser
 * said they are (filled by checkin.js only after that consent). A point without the
 * consent is ignored.
 */
public class LocationForm {

	private boolean consent;

	@DecimalMin(value = "-90", message = "{servicerecord.checkin-ui.validation.location}")
	@DecimalMax(value = "90", message = "{servicerecord.checkin-ui.validation.location}")
	private BigDecimal latitude;

	@DecimalMin(value = "-180", message = "{servicerecord.checkin-ui.validation.location}")
	@DecimalMax(value = "180", message = "{servicerecord.checkin-ui.validation.location}")
	private BigDecimal longitude;

	/** The point the volunteer agreed to share, or null. */
	GeoPoint point() {
		if (!this.consent || this.latitude == null || this.longitude == null) {
			return null;
		}
		return new GeoPoint(this.latitude.doubleValue(), this.longitude.doubleValue());
	}

	public boolean isConsent() {
		return this.consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

}
